"""Reproducible output: the same handbook builds to byte-identical files, so a diff of two built
sites shows only real changes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .sites import REPO


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_repository_site_are_byte_identical(tmp_path: Path) -> None:
    sites = []
    for name in ("first", "second"):
        site = tmp_path / name
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                                cwd=REPO, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(_files(site))
    first, second = sites
    assert any(path.startswith("handbook/journeys/") for path in first)
    assert first.keys() == second.keys()
    differing = [path for path in first if first[path] != second[path]]
    assert differing == []
