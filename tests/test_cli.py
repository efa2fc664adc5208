"""The command line: output formats, exit codes, the schema, and bugs reported without a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from mkdocs_journeys import checking
from mkdocs_journeys.cli import main

from .sites import example_handbook

CORPUS = Path(__file__).parent / "corpus"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_example_checks_clean_apart_from_advice(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(example_handbook()))
    assert code == 0 and err == ""
    assert ": error: " not in out
    assert out.splitlines()[-1].startswith("12 definitions in 6 files: ")
    assert run(capsys, "check", str(example_handbook()), "--strict")[0] == 1
    assert run(capsys, "check", str(example_handbook()), "--no-findings") == (
        0, "12 definitions in 6 files: no problems\n", "")
    assert run(capsys, "check", str(example_handbook()), "--no-findings", "--strict")[0] == 2


def test_github_annotations(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS / "broken-references")
    code, out, _ = run(capsys, "check", ".", "--format", "github")
    assert code == 1
    assert ("::error file=journey.yml,line=3,col=8,title=unknown-reference::unknown department 'sale' "
            "(did you mean 'sales'?)") in out.splitlines()
    assert "::error file=departments.yml,line=8,col=9," in out


def test_json_output_is_a_list_of_problems(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS / "duplicate-ids")
    code, out, _ = run(capsys, "check", ".", "--format", "json")
    assert code == 1
    problems = json.loads(out)
    errors = [p for p in problems if p["severity"] == "error"]
    assert errors == [{"file": "journeys/two.yml", "line": 2, "column": 5, "severity": "error",
                       "code": errors[0]["code"], "message": "duplicate journey id 'same': also defined at "
                       "journeys/one.yml:2", "hint": None}]


def test_paths_are_relative_to_the_current_folder(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    code, out, _ = run(capsys, "check", "duplicate-key")
    assert code == 1
    assert out.splitlines()[0].startswith("duplicate-key/journey.yml:4:1: error: the key 'owner' is repeated")


def test_problems_are_sorted_by_file_and_line(capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS / "broken-references")
    _, out, _ = run(capsys, "check", ".")
    keys = []
    for line in out.splitlines()[:-1]:
        path, row, col = line.split(":")[:3]
        keys.append((path, int(row), int(col)))
    assert keys == sorted(keys)


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(tmp_path / "missing"))
    assert code == 2 and "does not exist" in err
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys, "check", "--format", "xml")[0] == 2
    bad = tmp_path / "mkdocs.yml"
    bad.write_text("plugins:\n  - journeys:\n      emotion_scale: [2, -2]\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--config", str(bad))
    assert code == 2 and "emotion_scale" in err


def test_a_bug_in_the_tool_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(checking, "build_handbook", broken)
    code, out, err = run(capsys, "check", str(example_handbook()))
    assert code == 2 and out == ""
    assert err == "mkdocs-journeys: internal error (RuntimeError: boom); please report this as a bug\n"


def test_the_schema_is_valid_and_validates_the_handbook(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    documents = [doc for path in sorted(example_handbook().rglob("*.yml"))
                 for doc in yaml.safe_load_all(path.read_text(encoding="utf-8"))]
    assert len(documents) == 12
    for document in documents:
        assert list(validator.iter_errors(document)) == [], document.get("id")
    wrong = dict(documents[0], titel="typo")
    assert list(validator.iter_errors(wrong))
