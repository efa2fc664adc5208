"""``diff --git`` on repositories made as people make them: committed links out of the handbook, binary
and oddly named files, mistyped branches, shallow clones, repositories without commits.

Every case is a real git repository in a temporary folder. The command either writes its report
(exit 0, what it could not read named in it) or says in one line why it cannot run (exit 2).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from .test_diff import base, git, journey, run, summary_of, write


def repository(tmp_path: Path) -> Path:
    """A repository with the small handbook in ``journeys/`` committed once."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo / "journeys", base())
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    return repo


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err and "internal error" not in err, err
    return lines[0]


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    found = repository(tmp_path)
    monkeypatch.chdir(found)
    return found


def test_links_out_of_the_handbook_are_named_and_not_followed(repo: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "secret.yml"
    secret.write_text("kind: persona\nid: leaked\nname: Leaked secret\ntoken: s3cr3t\n", encoding="utf-8")
    (repo / "journeys/secret.yml").symlink_to(secret)  # absolute
    (repo / "journeys/elsewhere").symlink_to(tmp_path)  # a folder outside
    (repo / "journeys/up.yml").symlink_to("../../secret.yml")  # relative, out of the repository
    files = base()
    journey(files)["goal"] = "Open an account today"
    write(repo / "journeys", files)
    commit(repo, "links")

    for args in (["HEAD~1", "HEAD"], ["HEAD~1"]):  # two revisions; the work tree
        code, out, err = run(capsys, "--git", *args)
        assert code == 0, err
        assert err == ""
        assert ["goal", "Open an account", "Open an account today"] in [
            [c.strip() for c in line.strip().strip("|").split("|")] for line in out.splitlines()]
        assert "Leaked" not in out and "leaked" not in out and "s3cr3t" not in out and "token" not in out
        for name, what in (("secret.yml", "file"), ("elsewhere", "folder"), ("up.yml", "file")):
            assert (f"- new: journeys/{name}:1:1: a link to a {what} outside the handbook folder is not read"
                    in out), (args, name, out)


def test_a_link_inside_the_handbook_is_read_there(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "journeys/personas/alias").symlink_to("../journeys")  # a folder of the handbook, read once
    commit(repo, "alias")
    code, out, err = run(capsys, "--git", "HEAD~1", "HEAD")
    assert code == 0, err
    assert out == "No changes to the handbook.\n"


def test_binary_and_oddly_named_files_are_named_and_the_rest_compared(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "journeys/logo.yml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    odd = os.fsdecode(b"journeys/caf\xe9.yml")
    (repo / odd).write_text("kind: persona\nid: odd\nname: Odd\ncolour: blue\n", encoding="utf-8")
    files = base()
    files["personas/saver.yml"][0]["name"] = "Lewis, the careful saver"
    write(repo / "journeys", files)
    commit(repo, "binary")
    for args in (["HEAD~1", "HEAD"], ["HEAD~1"]):
        code, out, err = run(capsys, "--git", *args)
        assert code == 0, err
        assert summary_of(out).startswith("1 persona changed;")
        assert "- new: journeys/logo.yml:1:1: the file is not valid UTF-8" in out
        assert "- new: journeys/caf\\\\xe9.yml:4:1: unknown field 'colour'" in out
        out.encode("utf-8")  # printable in any UTF-8 terminal or log
    code, out, _ = run(capsys, "--git", "HEAD~1", "HEAD", "--format", "json")
    assert '"file": "journeys/caf\\\\xe9.yml"' in out


def test_a_duplicate_quotes_the_other_file_in_the_repository(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "journeys/copy.yml").write_bytes((repo / "journeys/departments.yml").read_bytes())
    commit(repo, "copy")
    out = run(capsys, "--git", "HEAD~1", "HEAD")[1]
    assert "also defined at journeys/copy.yml:2" in out  # not at a temporary copy
    assert "mkdocs-journeys-diff" not in out


def test_a_mistyped_branch_gets_a_suggestion(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "branch", "feature/login")
    for typed, meant in (("feature/logn", "feature/login"), ("mian~1", "main~1")):
        code, out, err = run(capsys, "--git", typed)
        assert code == 2 and out == ""
        assert one_error_line(err) == (f"mkdocs-journeys: error: git: '{typed}' is not a revision of the repository "
                                       f"at '{repo.resolve()}' (did you mean '{meant}'?)")
    code, _, err = run(capsys, "--git", "ma\nin")
    assert code == 2 and "'ma\\nin' is not a revision" in one_error_line(err)


def test_a_shallow_clone_says_so(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    files = base()
    journey(files)["goal"] = "Open an account today"
    write(repo / "journeys", files)
    commit(repo, "second")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(clone)], check=True)
    monkeypatch.chdir(clone)
    code, out, err = run(capsys, "--git", "HEAD~1", "HEAD")
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert "'HEAD~1' is not in this shallow clone" in line and "fetch-depth: 0" in line


def test_a_repository_without_commits(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "empty"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo / "journeys", base())
    monkeypatch.chdir(repo)
    code, out, err = run(capsys, "--git", "main")
    assert code == 2 and out == ""
    assert one_error_line(err) == (f"mkdocs-journeys: error: git: the repository at '{repo.resolve()}' has no "
                                   "commits yet, so there is no revision 'main' to compare with")


def test_not_a_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "journeys", base())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, _, err = run(capsys, "--git", "HEAD")
    assert code == 2
    assert one_error_line(err) == ("mkdocs-journeys: error: git: 'journeys' is not in a git repository "
                                   "(diff --git compares two revisions of one)")


def test_a_source_that_is_a_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--git", "HEAD", "--source", "journeys/departments.yml")
    assert code == 2
    assert one_error_line(err) == ("mkdocs-journeys: error: the handbook folder 'journeys/departments.yml' is a "
                                   "file, not a folder")
