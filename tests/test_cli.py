"""The command line: output formats, exit codes, where SOURCE comes from, and bugs reported without a
traceback."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_journeys.cli import main
from mkdocs_journeys.commands import check as checking
from mkdocs_journeys.commands.check import run_check
from mkdocs_journeys.settings import Settings

from .sites import example_handbook

CORPUS = Path(__file__).parent / "corpus"
TEXT_LINE = re.compile(r"^[^:]+(:\d+:\d+)?: (error|warning): .+$")
GITHUB_LINE = re.compile(r"^::(error|warning) file=[^,:]+(,line=\d+,col=\d+)?,title=[a-z0-9-]+::.+$")
DEPARTMENTS = "kind: department\nid: sales\nname: Sales\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


# -- exit codes ------------------------------------------------------------------------------------


def test_the_example_checks_clean_apart_from_advice(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(example_handbook()))
    assert code == 0 and err == ""
    assert ": error: " not in out
    assert all(TEXT_LINE.match(line) for line in out.splitlines()[:-1])
    assert out.splitlines()[-1].startswith("12 definitions in 6 files: ")
    assert run(capsys, "check", str(example_handbook()), "--no-findings") == (
        0, "12 definitions in 6 files: no problems\n", "")
    if ": warning: " in out:  # --strict fails on the analysis' advice
        assert run(capsys, "check", str(example_handbook()), "--strict")[0] == 1


def test_strict_fails_on_warnings_only_when_there_are_any(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"departments.yml": DEPARTMENTS,
                     "j.yml": "kind: journey\ntitle: J\nowner: sales\nstages: [{name: A}]\n"})
    def no_findings(handbook: object, measurements: object = None, **options: object) -> object:
        return type("Analysis", (), {"findings": []})()

    monkeypatch.setattr(checking, "analyse", no_findings)
    assert run(capsys, "check", str(tmp_path), "--strict") == (0, "2 definitions in 2 files: no problems\n", "")


def test_errors_exit_1_in_every_format(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS / "broken-references")
    for fmt in ("text", "github", "json"):
        assert run(capsys, "check", ".", "--format", fmt)[0] == 1
        assert run(capsys, "check", ".", "--format", fmt, "--no-findings")[0] == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run(capsys, "check", str(tmp_path / "missing"))
    assert code == 2 and out == ""
    assert err == f"mkdocs-journeys: error: the handbook folder '{tmp_path / 'missing'}' does not exist\n"
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys, "check", "--format", "xml")[0] == 2
    assert run(capsys, "check", "a", "b")[0] == 2
    assert run(capsys, "check", "--strict", "--no-findings", str(example_handbook()))[0] == 2
    assert run(capsys, "check", "--config", str(tmp_path / "nope.yml"))[0] == 2
    bad = tmp_path / "mkdocs.yml"
    bad.write_text("plugins:\n  - journeys:\n      emotion_scale: [2, -2]\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--config", str(bad))
    assert code == 2 and "emotion_scale" in err and err.count("\n") == 1
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - journeys:\n      sauce: x\n", encoding="utf-8")
    code, _, err = run(capsys, "check")
    assert code == 2 and "sauce" in err
    (tmp_path / "mkdocs.yml").unlink()
    code, _, err = run(capsys, "check")  # no mkdocs.yml, no ./journeys
    assert code == 2 and "'journeys' does not exist" in err


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0 and "--format" in out and "--strict" in out
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("mkdocs-journeys ")


# -- where SOURCE comes from ---------------------------------------------------------------------------


def test_source_defaults_to_the_plugin_option_then_to_journeys(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    journey = "kind: journey\ntitle: J\nowner: sales\nstages: [{name: A, touchpoints: [{name: B, emotion: 4}]}]\n"
    write(tmp_path, {"journeys/departments.yml": DEPARTMENTS, "journeys/j.yml": journey,
                     "elsewhere/departments.yml": DEPARTMENTS})
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "--no-findings")  # ./journeys: an emotion of 4 is off the default scale
    assert code == 1
    assert out.splitlines()[0] == "journeys/j.yml:4:53: error: emotion: 4 is outside the handbook's scale (-2 to 2)"
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - search\n  - journeys:\n      emotion_scale: [-5, 5]\n", encoding="utf-8")
    assert run(capsys, "check", "--no-findings") == (0, "2 definitions in 2 files: no problems\n", "")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - journeys:\n      source: elsewhere\n", encoding="utf-8")
    assert run(capsys, "check", "--no-findings") == (0, "1 definition in 1 file: no problems\n", "")
    assert run(capsys, "check", "journeys", "--no-findings")[0] == 1  # SOURCE given: relative to here
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "mkdocs.yml").rename(site / "mkdocs.yml")
    shutil.move(tmp_path / "elsewhere", site / "elsewhere")
    code, out, _ = run(capsys, "check", "--config", "site/mkdocs.yml", "--no-findings")  # relative to mkdocs.yml
    assert (code, out) == (0, "1 definition in 1 file: no problems\n")


# -- the three formats ---------------------------------------------------------------------------------


def test_text_lines_are_path_line_column_severity_message(capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS / "bad-file-name")
    code, out, _ = run(capsys, "check", ".")
    lines = out.splitlines()
    assert code == 1 and all(TEXT_LINE.match(line) for line in lines[:-1])
    # a problem with no position is `path: error: message`
    assert lines[0].startswith("My Journey.yml: error: the file name 'My Journey.yml' is not a valid id")


def test_github_annotations(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS / "broken-references")
    code, out, _ = run(capsys, "check", ".", "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert ("::error file=journey.yml,line=3,col=8,title=unknown-reference::unknown department 'sale' "
            "(did you mean 'sales'?)") in lines
    assert "::error file=departments.yml,line=8,col=9,title=unknown-reference::unknown department 'custmer-care'" \
        in lines
    assert lines[0].startswith("::notice title=12 errors::unknown-reference ")  # more than GitHub shows
    assert all(GITHUB_LINE.match(line) for line in lines[1:-1]), lines
    assert lines[-1].startswith("5 definitions in 4 files: 12 errors")


def test_github_annotations_escape_file_names_and_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"a,b: c.yml": "kind: persona\nname: P\n", "d.yml": "kind: persona\nid: d\nname: 100%\nx: 1\n"})
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", ".", "--format", "github", "--no-findings")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("::error file=a%2Cb%3A c.yml,title=file-name::the file name 'a,b: c.yml' is not")
    assert lines[1].startswith("::error file=d.yml,line=4,col=1,title=unknown-field::unknown field 'x' in a persona")


def test_json_output_is_a_list_of_problems(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS / "duplicate-ids")
    code, out, _ = run(capsys, "check", ".", "--format", "json")
    assert code == 1
    problems = json.loads(out)  # the whole output is one JSON document: no summary line
    assert all(set(p) == {"file", "line", "column", "severity", "code", "message", "hint"} for p in problems)
    errors = [p for p in problems if p["severity"] == "error"]
    assert errors == [{"file": "journeys/two.yml", "line": 2, "column": 5, "severity": "error",
                       "code": "duplicate-id", "message": "duplicate journey id 'same': also defined at "
                       "journeys/one.yml:2", "hint": None}]


def test_json_for_a_problem_without_a_position_and_with_a_hint(capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS / "bad-file-name")
    code, out, _ = run(capsys, "check", ".", "--format", "json", "--no-findings")
    assert code == 1
    first = json.loads(out)[0]
    assert first == {"file": "My Journey.yml", "line": None, "column": None, "severity": "error",
                     "code": "file-name", "message": "the file name 'My Journey.yml' is not a valid id, and the "
                     "document has no `id`", "hint": "rename the file to a slug (lower-case letters, digits, '-') "
                     "or add an `id`"}


def test_a_valid_handbook_in_json_is_an_empty_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"departments.yml": DEPARTMENTS})
    code, out, _ = run(capsys, "check", str(tmp_path), "--format", "json", "--no-findings")
    assert code == 0 and json.loads(out) == []


# -- paths and order ----------------------------------------------------------------------------------


def test_paths_are_relative_to_the_current_folder(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    code, out, _ = run(capsys, "check", "duplicate-key")
    assert code == 1
    assert out.splitlines()[0].startswith("duplicate-key/journey.yml:4:1: error: the key 'owner' is repeated")
    monkeypatch.chdir(CORPUS / "duplicate-ids" / "journeys")
    code, out, _ = run(capsys, "check", "..", "--format", "json")
    assert [p["file"] for p in json.loads(out) if p["severity"] == "error"] == ["two.yml"]
    code, out, _ = run(capsys, "check", str(CORPUS / "duplicate-ids"), "--no-findings")  # absolute: still relative
    assert out.splitlines()[0].startswith("two.yml:2:5: error: duplicate journey id 'same': also defined at one.yml:2")


def test_problems_are_sorted_by_file_then_line_then_column(capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    for case in ("broken-references", "metric-values", "unknown-fields-everywhere", "more-wrong-types"):
        _, out, _ = run(capsys, "check", case)
        keys = []
        for line in out.splitlines()[:-1]:
            path, row, col = line.split(":")[:3]
            keys.append((path, int(row), int(col)))
        assert keys == sorted(keys) and len(keys) > 3, case


def test_problems_of_files_found_in_any_order_come_out_sorted(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def bad(id: str) -> str:
        return f"kind: persona\nname: P\nx: 1\ny: 2\nid: {id}\n"

    write(tmp_path, {"z.yml": bad("z1"), "a/z.yml": bad("z2"), "a.yml": bad("a1"), "b/a.yml": bad("a2"),
                     "B.yml": "kind: persona\nid: b\n"})
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, "check", ".", "--no-findings")
    assert [line.split(": error")[0] for line in out.splitlines()[:-1]] == [
        "B.yml:1:1", "a.yml:3:1", "a.yml:4:1", "a/z.yml:3:1", "a/z.yml:4:1", "b/a.yml:3:1", "b/a.yml:4:1",
        "z.yml:3:1", "z.yml:4:1"]


# -- bugs of the tool ---------------------------------------------------------------------------------


def test_a_bug_in_the_tool_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(checking, "measured_handbook", broken)
    code, out, err = run(capsys, "check", str(example_handbook()))
    assert code == 2 and out == ""
    assert err == "mkdocs-journeys: internal error (RuntimeError: boom); please report this as a bug\n"


def test_a_bug_deep_in_the_loader_is_one_line_too(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs_journeys.load import cross_references as references

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("missing")

    monkeypatch.setattr(references, "check", broken)
    code, out, err = run(capsys, "check", str(example_handbook()), "--format", "json")
    assert (code, out) == (2, "")
    assert err == "mkdocs-journeys: internal error (KeyError: 'missing'); please report this as a bug\n"
    assert "Traceback" not in err


def test_run_check_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS / "duplicate-key")
    lines, code = run_check(Path("."), Settings(), findings=False)
    assert code == 1
    expected = Path("expected.txt").read_text(encoding="utf-8").splitlines()
    assert lines == [*expected, "3 definitions in 2 files: 3 errors"]


def test_the_installed_command_never_prints_a_traceback(tmp_path: Path) -> None:
    """As users run it: a real process, its exit code and its streams."""
    (tmp_path / "x.yml").write_bytes(b"kind: journey\ntitle: \x00\n")
    script = "import sys; from mkdocs_journeys.cli import main; sys.exit(main())"
    result = subprocess.run([sys.executable, "-c", script, "check", str(tmp_path), "--no-findings"],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 1 and result.stderr == ""
    assert result.stdout.splitlines()[0] == ("x.yml:2:8: error: the control character U+0000 is not allowed in a "
                                             "YAML file (remove it)")
