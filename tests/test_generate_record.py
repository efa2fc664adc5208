"""``generate`` replaces and deletes only what it wrote itself, by its record of files, in real folders."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from mkdocs_journeys.cli import main
from mkdocs_journeys.commands.written_files import RECORD

DEPARTMENT = "kind: department\nid: sales\nname: Sales\n"


def journey(journey_id: str) -> str:
    return f"kind: journey\nid: {journey_id}\ntitle: {journey_id}\nowner: sales\nstages: [{{name: A}}]\n"


def project(root: Path, *journeys: str) -> Path:
    """A project folder with a git repository, a person's files and a handbook in journeys/."""
    (root / "journeys").mkdir(parents=True, exist_ok=True)
    (root / "journeys/departments.yml").write_text(DEPARTMENT, encoding="utf-8")
    for journey_id in journeys:
        (root / f"journeys/{journey_id}.yml").write_text(journey(journey_id), encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / "README.md").write_text("# Project\n", encoding="utf-8")
    return root


def generate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["generate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_output_dot_dot_is_refused_and_the_project_survives(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path / "project", "a")
    site = root / "site"
    site.mkdir()
    for output in ("..", ".", "../..", "/tmp/x", "handbook/../.."):
        (site / "mkdocs.yml").write_text(f"site_name: x\nplugins:\n  - journeys:\n      source: ../journeys\n"
                                         f"      output: '{output}'\n", encoding="utf-8")
        monkeypatch.chdir(site)
        code, out, err = generate(capsys, "out")
        assert (code, out) == (2, ""), output
        assert err.startswith("mkdocs-journeys: error: mkdocs.yml: invalid `journeys` plugin options: output: ")
        assert err.count("\n") == 1 and "Traceback" not in err
    assert (root / ".git/HEAD").is_file() and (root / "README.md").is_file()
    assert not (site / "out").exists()


def test_generate_into_the_project_itself_deletes_only_its_own_files(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path / "project", "a", "b")
    monkeypatch.chdir(root)
    code, out, _ = generate(capsys, "journeys", ".")
    assert code == 0 and out.startswith("wrote 8 pages and 4 assets to .")
    assert (root / "handbook/journeys/b.md").is_file()
    record = (root / RECORD).read_text(encoding="utf-8").splitlines()
    assert "handbook/journeys/b.md" in record and "assets/journeys/journeys.css" in record
    assert not any(line.startswith((".git", "README", "journeys/")) for line in record[1:])
    # a person's file inside the generated folders, and one the record once listed but a person replaced
    (root / "handbook/journeys/mine.md").write_text("mine\n", encoding="utf-8")
    (root / "journeys/b.yml").unlink()
    code, out, _ = generate(capsys, "journeys", ".")
    assert code == 0 and "; removed 1 it wrote before" in out
    assert not (root / "handbook/journeys/b.md").exists()
    assert (root / "handbook/journeys/mine.md").read_text(encoding="utf-8") == "mine\n"
    assert (root / ".git/HEAD").is_file() and (root / "README.md").read_text(encoding="utf-8") == "# Project\n"
    assert sorted(p.name for p in (root / "journeys").iterdir()) == ["a.yml", "departments.yml"]
    assert subprocess.run(["git", "-C", str(root), "status", "--porcelain"], check=True,
                          capture_output=True).returncode == 0


def test_a_file_it_did_not_write_in_the_way_is_never_overwritten(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "project", "a")
    out = tmp_path / "out"
    (out / "handbook/journeys").mkdir(parents=True)
    (out / "handbook/journeys/a.md").write_text("# A person's page\n", encoding="utf-8")
    code, stdout, err = generate(capsys, str(root / "journeys"), str(out))
    assert (code, stdout) == (2, "")
    assert err == (f"mkdocs-journeys: error: '{out / 'handbook/journeys/a.md'}' was not written by "
                   "`mkdocs-journeys generate`: nothing was written, so that nothing of yours is lost; move it "
                   "away or choose another output folder\n")
    assert (out / "handbook/journeys/a.md").read_text(encoding="utf-8") == "# A person's page\n"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "handbook", "handbook/journeys", "handbook/journeys/a.md"]


def test_a_link_in_the_output_folder_is_not_written_through(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "project", "a")
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "handbook").symlink_to(elsewhere, target_is_directory=True)
    code, _, err = generate(capsys, str(root / "journeys"), str(out))
    assert code == 2 and f"'{out / 'handbook/index.md'}' is a link (and " in err
    assert list(elsewhere.iterdir()) == []


def test_a_record_listing_paths_outside_is_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "project", "a")
    out = tmp_path / "out"
    assert generate(capsys, str(root / "journeys"), str(out))[0] == 0
    victim = tmp_path / "victim.md"
    victim.write_text("keep\n", encoding="utf-8")
    record = out / RECORD
    record.write_text(record.read_text(encoding="utf-8") + f"../victim.md\n{victim}\n", encoding="utf-8")
    assert generate(capsys, str(root / "journeys"), str(out))[0] == 0
    assert victim.read_text(encoding="utf-8") == "keep\n"


def test_generate_into_a_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "project", "a")
    target = tmp_path / "out.md"
    target.write_text("mine\n", encoding="utf-8")
    code, out, err = generate(capsys, str(root / "journeys"), str(target))
    assert (code, out) == (2, "")
    assert err == f"mkdocs-journeys: error: the output folder '{target}' is a file\n"
    assert target.read_text(encoding="utf-8") == "mine\n"
