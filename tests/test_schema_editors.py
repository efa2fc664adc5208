"""The schema as an editor's validator reads it: check-jsonschema, a real client, on the YAML files
themselves (not on what the loader made of them), one document at a time as editors validate them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mkdocs_journeys.cli import main
from mkdocs_journeys.load.definitions import handbook_files
from mkdocs_journeys.load.yaml_documents import split_documents
from mkdocs_journeys.schema import handbook_schema

from .sites import REPO, example_handbook

CORPUS = Path(__file__).parent / "corpus"
_ERROR_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):\d+: error: ", re.MULTILINE)


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "handbook.schema.json"
    path.write_text(json.dumps(handbook_schema()), encoding="utf-8")
    return path


def check_jsonschema(schema: Path, files: list[Path]) -> list[dict[str, Any]]:
    """check-jsonschema's errors for ``files``: file name, JSON path and message of each."""
    assert files
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema),
                             "--output-format", "json", *map(str, files)],
                            capture_output=True, text=True, check=False)
    report = json.loads(result.stdout)
    assert report.get("parse_errors", []) == [], report["parse_errors"]
    errors = report.get("errors", [])
    assert (result.returncode == 0) == (errors == []), result.stderr
    return [{key: error[key] for key in ("filename", "path", "message")} for error in errors]


def one_file_per_document(source: Path, out: Path, keep: Any = lambda first, last: True) -> list[Path]:
    """``source`` cut into its documents, one file each (the validator reads one document a file),
    those ``keep(first_line, last_line)`` accepts."""
    text = source.read_text(encoding="utf-8")
    parts = split_documents(text)
    written = []
    for index, (part, above) in enumerate(parts):
        if keep(above + 1, above + part.count("\n")):
            path = out / f"{source.stem}.{index}.yml"
            path.write_text(part, encoding="utf-8")
            written.append(path)
    return written


@pytest.mark.parametrize("folder", [REPO / "journeys", example_handbook()], ids=["this-site", "spec-example"])
def test_every_document_of_the_example_handbooks_is_valid(schema_file: Path, tmp_path: Path, folder: Path) -> None:
    files = [f for i, source in enumerate(handbook_files(folder))
             for f in one_file_per_document(source, _folder(tmp_path / str(i)))]
    assert len(files) >= 12
    assert check_jsonschema(schema_file, files) == []


def _folder(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def test_every_document_the_loader_accepts_in_the_corpus_is_valid(schema_file: Path, tmp_path: Path) -> None:
    """A document of a corpus case with no error at any of its lines (errors found by comparing
    definitions, as broken references, the schema cannot see: only this direction is checked)."""
    files: list[Path] = []
    for case in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        expected = (case / "expected.txt").read_text(encoding="utf-8")
        errors = [(m["file"], int(m["line"])) for m in _ERROR_LINE.finditer(expected)]
        for source in sorted(case.rglob("*.y*ml")):
            name = source.relative_to(case).as_posix()
            refused = any(line.startswith(f"{name}:") and "not valid UTF-8" in line for line in expected.splitlines())
            if name == "mkdocs.yml" or refused:
                continue  # a configuration, or a file refused as a whole
            lines = [line for file, line in errors if file == name]
            files += one_file_per_document(source, _folder(tmp_path / case.name / name.replace("/", "_")),
                                           lambda first, last, lines=lines: not any(first <= n <= last for n in lines))
    assert len(files) > 80
    assert check_jsonschema(schema_file, files) == []


def test_text_fields_take_the_scalars_the_loader_keeps_as_text(schema_file: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    handbook = _folder(tmp_path / "handbook")
    (handbook / "all.yml").write_text(
        "kind: department\nid: 2030\nname: 12\nlead: true\n---\n"
        "kind: journey\nid: j\ntitle: 2030\nowner: 2030\ntags: [2026, yes]\ngoal: null\n"
        "metrics:\n  nps: {target: 40, actual: 40, period: 2026}\n"
        "stages:\n  - name: 12\n    touchpoints:\n      - {name: true, doing: 1.5, emotion: ~, channel: 7}\n",
        encoding="utf-8")
    assert main(["check", str(handbook), "--no-findings"]) == 0, capsys.readouterr()
    assert check_jsonschema(schema_file, one_file_per_document(handbook / "all.yml", _folder(tmp_path / "d"))) == []


# What the loader reports (tests/corpus/*/expected.txt), as a validator must blame it: the field
# itself, never the kind dispatch ("is not valid under any of the given schemas").
BLAMED = {
    "missing-required/journey.yml": {
        ("journey.0.yml", "$", "'title' is a required property"),
        ("journey.0.yml", "$.stages[0]", "'name' is a required property"),
        ("journey.0.yml", "$.stages[0].touchpoints[0]", "'name' is a required property"),
        ("journey.1.yml", "$", "'owner' is a required property"),
        ("journey.1.yml", "$", "'stages' is a required property"),
        ("journey.2.yml", "$", "'name' is a required property"),
        ("journey.3.yml", "$", "'name' is a required property"),
        ("journey.4.yml", "$", "'steps' is a required property"),
        ("journey.5.yml", "$.transitions[0]", "'to' is a required property"),
    },
    "wrong-types/journey.yml": {
        ("journey.0.yml", "$.personas", "3 is not of type 'array'"),
        ("journey.0.yml", "$.stages[0].touchpoints[0].emotion", "'very happy' is not of type 'number', 'null'"),
        ("journey.0.yml", "$.stages[0].touchpoints[0].moment_of_truth", "'maybe' is not of type 'boolean'"),
        ("journey.0.yml", "$.stages[0].touchpoints[0].pain_points", "'Long queue' is not of type 'array'"),
    },
}


@pytest.mark.parametrize("case", sorted(BLAMED))
def test_a_mistake_is_blamed_on_its_field(schema_file: Path, tmp_path: Path, case: str) -> None:
    files = one_file_per_document(CORPUS / case, tmp_path)
    errors = {(e["filename"].rsplit("/", 1)[-1], e["path"], e["message"]) for e in check_jsonschema(schema_file, files)}
    assert errors == BLAMED[case]


def test_unknown_fields_are_named_where_they_are(schema_file: Path, tmp_path: Path) -> None:
    expected = (CORPUS / "unknown-fields-everywhere" / "expected.txt").read_text(encoding="utf-8")
    unknown = set(re.findall(r"unknown field '([a-z_]+)'", expected))
    errors = check_jsonschema(schema_file, one_file_per_document(CORPUS / "unknown-fields-everywhere" / "all.yml",
                                                                 tmp_path))
    named = {name for e in errors for name in re.findall(r"'([a-z_]+)' was unexpected", e["message"])}
    assert named == unknown
    assert not any("given schemas" in e["message"] for e in errors)


def test_an_unknown_kind_is_named(schema_file: Path, tmp_path: Path) -> None:
    (tmp_path / "x.yml").write_text("kind: jorney\ntitle: T\n", encoding="utf-8")
    errors = check_jsonschema(schema_file, [tmp_path / "x.yml"])
    assert [(e["path"], e["message"].split(" is not one of ")[0]) for e in errors] == [("$.kind", "'jorney'")]


def test_completion_is_offered_no_null_default() -> None:
    """An editor inserts a field's default on completion: ``null`` would be written into the file."""
    defaults = _defaults(handbook_schema())
    assert defaults and None not in defaults
    assert set(map(str, defaults)) <= {"current", "False", "0"}  # a journey's state, flags, counts


def _defaults(node: Any) -> list[Any]:
    if isinstance(node, dict):
        own = [node["default"]] if "default" in node else []
        return own + [d for key, value in node.items() if key != "default" for d in _defaults(value)]
    if isinstance(node, list):
        return [d for item in node for d in _defaults(item)]
    return []
