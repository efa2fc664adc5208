"""Which files are the handbook: links out of its folder are refused, in ``check`` and in real builds; ids the
site's URLs take for themselves; and SOURCE paths that are no handbook folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_journeys.cli import main

from .sites import build, make_site

DEPARTMENT = "kind: department\nid: sales\nname: Sales\n"
SECRET = "kind: persona\nid: secret\nname: Secret\naws_secret_access_key: AKIA-not-for-you\n"
OUTSIDE = "a link to a file outside the handbook folder is not read (handbook files are read from inside its " \
    "folder only: move the file in)"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def linked_handbook(tmp_path: Path) -> Path:
    """A handbook with links: out to a file and a folder, inside to a file and a folder, broken, a loop."""
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.yml").write_text(SECRET, encoding="utf-8")
    source = tmp_path / "project" / "journeys"
    (source / "teams").mkdir(parents=True)
    (source / "teams/departments.yml").write_text(DEPARTMENT, encoding="utf-8")
    (source / "secret.yml").symlink_to(outside / "secret.yml")
    (source / "relative.yaml").symlink_to(Path("../../private/secret.yml"))
    (source / "private").symlink_to(outside, target_is_directory=True)
    (source / "broken.yml").symlink_to(source / "missing.yml")
    (source / "loop.yml").symlink_to(source / "loop.yml")
    (source / "teams/up").symlink_to(Path(".."), target_is_directory=True)  # inside, and a loop of folders
    (source / "more").symlink_to(Path("teams"), target_is_directory=True)  # inside: read once, by its own path
    return source


def test_check_refuses_links_out_of_the_handbook(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    linked_handbook(tmp_path)
    monkeypatch.chdir(tmp_path / "project")
    code, out, err = run(capsys, "check", "journeys", "--no-findings")
    assert code == 1 and err == ""
    assert "aws_secret_access_key" not in out and "secret" not in out.replace("secret.yml", "")
    assert out.splitlines() == [
        "journeys/broken.yml:1:1: error: a link to nothing (its target is missing, or it loops) is not read",
        "journeys/loop.yml:1:1: error: a link to nothing (its target is missing, or it loops) is not read",
        "journeys/private:1:1: error: a link to a folder outside the handbook folder is not read (handbook files "
        "are read from inside its folder only: move the folder in)",
        f"journeys/relative.yaml:1:1: error: {OUTSIDE}",
        f"journeys/secret.yml:1:1: error: {OUTSIDE}",
        "1 definition in 1 file: 5 errors",
    ]


def test_a_build_refuses_links_out_of_the_handbook(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"departments.yml": DEPARTMENT})
    outside = tmp_path / "private.yml"
    outside.write_text(SECRET, encoding="utf-8")
    (root / "journeys/secret.yml").symlink_to(outside)
    result = build(root, strict=True)
    assert result.returncode == 1
    assert f"journeys/secret.yml:1:1: {OUTSIDE}" in result.log
    assert "aws_secret_access_key" not in result.log
    lenient = build(root)
    assert lenient.returncode == 0 and not (root / "site/handbook/personas/secret").exists()


def test_an_id_the_url_scheme_takes_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "departments.yml").write_text(DEPARTMENT, encoding="utf-8")
    (tmp_path / "j.yml").write_text("kind: journey\nid: index\ntitle: J\nowner: sales\npersonas: [index]\n"
                                    "stages: [{name: A}]\n", encoding="utf-8")
    (tmp_path / "index.yml").write_text("kind: persona\nname: P\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check", ".", "--no-findings") == (1, (
        "index.yml:1:1: error: the id 'index' is reserved: the page of this persona would replace the index page of "
        "the personas (rename the file or give the document an `id`)\n"
        "j.yml:2:5: error: the id 'index' is reserved: the page of this journey would replace the index page of "
        "the journeys (choose another id)\n"
        "3 definitions in 3 files: 2 errors\n"), "")


def test_a_build_with_an_entity_named_index_keeps_the_index_page(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"departments.yml": DEPARTMENT,
                                         "index.yml": "kind: department\nid: index\nname: Index\n"})
    result = build(root, strict=True)
    assert result.returncode == 1 and "journeys/index.yml:2:5: the id 'index' is reserved" in result.log
    lenient = build(root)
    assert lenient.returncode == 0
    assert "Sales" in lenient.html("handbook/departments/") and "Index" not in lenient.article("handbook/departments/")


def test_source_that_is_not_a_handbook_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.yml").write_text(DEPARTMENT, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes/readme.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for command in ("check", "generate"):
        extra = ["out"] if command == "generate" else []
        assert run(capsys, command, "a.yml", *extra) == (2, "", "mkdocs-journeys: error: 'a.yml' is a file, not a "
                                                         "handbook folder: name the folder that holds the handbook's "
                                                         ".yml files\n")
        for folder in ("empty", "notes", os.path.relpath("/proc/self/fdinfo", tmp_path)):
            code, out, err = run(capsys, command, folder, *extra)
            assert (code, out) == (2, "")
            assert err == f"mkdocs-journeys: error: '{folder}' is not a handbook folder: it holds no .yml or " \
                ".yaml file\n"
    assert not (tmp_path / "out").exists()

