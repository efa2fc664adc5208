"""``codeowners``: a CODEOWNERS file from the handbook's ownership, in a real git repository, with paths
from the repository's top; a file it did not write is never overwritten."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from mkdocs_journeys.cli import main
from mkdocs_journeys.commands.codeowners import HEADER

DEPARTMENTS = [
    {"kind": "department", "id": "marketing", "name": "Marketing", "reviewers": ["@acme/marketing"]},
    {"kind": "department", "id": "sales", "name": "Sales", "reviewers": ["@acme/sales", "lee@example.org"]},
    {"kind": "department", "id": "support", "name": "Support", "parent": "sales"},  # its parent's reviewers
    {"kind": "department", "id": "legal", "name": "Legal"},  # none anywhere
]
JOURNEY = {"kind": "journey", "id": "signup", "title": "Signing up", "owner": "marketing", "stages": [
    {"id": "buy", "name": "Buying", "owner": "sales", "touchpoints": [
        {"id": "call", "name": "Calls", "channel": "phone", "owner": "support"}]}]}
PROCESS = {"kind": "process", "id": "vetting", "title": "Vetting", "owner": "legal",
           "steps": [{"id": "read", "name": "Reads the contract"}]}


@pytest.fixture()
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with the handbook in ``site/handbook`` and the command run from ``site``."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    handbook = tmp_path / "site" / "handbook"
    for name, documents in {"departments.yml": DEPARTMENTS, "journeys/sign up.yml": [JOURNEY],
                            "processes/vetting.yml": [PROCESS]}.items():
        path = handbook / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump_all(documents, sort_keys=False), encoding="utf-8")
    (tmp_path / "site" / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - journeys:\n      source: handbook\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "site")
    return tmp_path


def test_codeowners_from_ownership(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["codeowners"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == HEADER + (
        "# No reviewers named for (add `reviewers` to these departments or a parent):\n"
        "#   /site/handbook/processes/vetting.yml (legal)\n"
        "/site/handbook/departments.yml @acme/marketing @acme/sales lee@example.org\n"
        "/site/handbook/journeys/sign\\ up.yml @acme/marketing @acme/sales lee@example.org\n")
    assert main(["codeowners"]) == 0 and capsys.readouterr().out == out  # the same every time


def test_git_reads_the_file_as_github_does(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each pattern matches its file (git's own pattern matching, which CODEOWNERS follows)."""
    assert main(["codeowners", "--output", "../.github/CODEOWNERS"]) == 0
    capsys.readouterr()
    lines = (repository / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("#"):
            continue
        pattern = line.split(" @", 1)[0]
        (repository / ".git" / "info").mkdir(exist_ok=True)
        (repository / ".git" / "info" / "exclude").write_text(pattern + "\n", encoding="utf-8")
        path = pattern.lstrip("/").replace("\\ ", " ")
        ignored = subprocess.run(["git", "check-ignore", "--no-index", "-q", path], cwd=repository, check=False)
        assert ignored.returncode == 0, line


def test_output_is_rewritten_but_never_a_file_of_yours(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = repository / ".github" / "CODEOWNERS"
    assert main(["codeowners", "--output", str(target)]) == 0
    first = target.read_text(encoding="utf-8")
    assert first.startswith(HEADER)
    assert main(["codeowners", "--output", str(target)]) == 0  # its own file: written again
    assert target.read_text(encoding="utf-8") == first
    capsys.readouterr()
    mine = repository / "CODEOWNERS"
    mine.write_text("* @acme/everyone\n", encoding="utf-8")
    assert main(["codeowners", "--output", str(mine)]) == 2
    assert "was not written by `mkdocs-journeys codeowners`" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == "* @acme/everyone\n"


def test_an_invalid_handbook_writes_nothing(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repository / "site" / "handbook" / "bad.yml").write_text("kind: persona\nid: p\nname: P\ncolour: red\n",
                                                              encoding="utf-8")
    assert main(["codeowners", "--output", "CODEOWNERS"]) == 1
    err = capsys.readouterr().err
    assert "handbook/bad.yml:4:1: error: unknown field 'colour'" in err and "no CODEOWNERS written" in err
    assert not (repository / "site" / "CODEOWNERS").exists()


def test_outside_a_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "h").mkdir()
    (tmp_path / "h" / "d.yml").write_text("kind: department\nid: d\nname: D\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["codeowners", "h"]) == 2
    assert "is not in a git repository" in capsys.readouterr().err
