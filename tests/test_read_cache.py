"""The parsed-file cache that `mkdocs serve` keeps: an unchanged file is not parsed again, a changed
one always is (even with its old size and time), a removed one is forgotten."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mkdocs_journeys.handbook import build_handbook
from mkdocs_journeys.load.file_cache import ReadCache

from .sites import example_handbook


def test_only_changed_files_are_parsed_again(tmp_path: Path) -> None:
    source = tmp_path / "journeys"
    shutil.copytree(example_handbook(), source)
    files = sorted(source.rglob("*.yml"))
    cache = ReadCache()
    first = build_handbook(source, cache=cache)
    assert cache.parsed == len(files)
    again = build_handbook(source, cache=cache)
    assert cache.parsed == 0
    assert sorted(again.journeys) == sorted(first.journeys) and again.problems == first.problems

    journey = source / "journeys/open-current-account.yml"
    stat = journey.stat()
    text = journey.read_text(encoding="utf-8")
    changed = text.replace("title: Opening a current account", "title: Opening a currant account")
    assert len(changed) == len(text)
    journey.write_text(changed, encoding="utf-8")
    os.utime(journey, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time: still read again
    edited = build_handbook(source, cache=cache)
    assert cache.parsed == 1
    assert edited.journeys["open-current-account"].title == "Opening a currant account"

    (source / "personas/busy-parent.yml").unlink()
    after = build_handbook(source, cache=cache)
    assert cache.parsed == 0
    assert "busy-parent" not in after.personas
    assert source / "personas/busy-parent.yml" not in cache.entries
