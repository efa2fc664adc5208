"""Running the command line in-process and checking what an import wrote, for the interchange tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_journeys.cli import main

REPO_HANDBOOK = Path(__file__).resolve().parent.parent / "journeys"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def passes_check(capsys: pytest.CaptureFixture[str], fragment: str, folder: Path, *config: str) -> str:
    """Write an imported fragment alone into a folder, and check it: no errors, exit 0."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "imported.yml").write_text(fragment, encoding="utf-8")
    code, out, err = run(capsys, "check", str(folder), *config)
    assert (code, err) == (0, ""), out
    assert ": error: " not in out, out
    return out
