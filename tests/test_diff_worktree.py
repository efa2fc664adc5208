"""``diff --git BASE`` compares with the work tree, uncommitted edits included; with ``HEAD`` named,
uncommitted edits of the handbook folder are left out, and the command says so on stderr."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from mkdocs_journeys.cli import main

DEPARTMENTS = "kind: department\nid: sales\nname: Sales\n"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _git(tmp_path, "init", "-q")
    (tmp_path / "journeys").mkdir()
    (tmp_path / "journeys" / "departments.yml").write_text(DEPARTMENTS, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("outside the handbook\n", encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _diff(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    assert main(["diff", "--git", *args]) == 0
    out, err = capsys.readouterr()
    return out, err


def test_uncommitted_edits(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _diff(capsys, "HEAD", "HEAD") == ("No changes to the handbook.\n", "")  # a clean tree: no note
    (repo / "journeys" / "departments.yml").write_text(DEPARTMENTS.replace("Sales", "Sales team"), encoding="utf-8")
    (repo / "journeys" / "support.yml").write_text("kind: department\nid: support\nname: Support\n", encoding="utf-8")
    (repo / "notes.txt").write_text("changed, but not the handbook\n", encoding="utf-8")

    out, err = _diff(capsys, "HEAD")  # the work tree
    assert "1 department changed, 1 department added." in out and err == ""

    out, err = _diff(capsys, "HEAD", "HEAD")
    assert out == "No changes to the handbook.\n"
    assert err == ("mkdocs-journeys: note: 2 uncommitted changes in the handbook folder are not compared; leave out "
                   "HEAD to compare with the work tree\n")
