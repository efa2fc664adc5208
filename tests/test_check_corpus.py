"""A corpus of bad handbooks: each folder under ``corpus/`` must fail ``check`` with exactly the error
lines in its ``expected.txt`` (text format, paths relative to the folder), and never with a traceback.

The analysis may add warnings to any case: only the error lines are compared.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mkdocs_journeys.cli import main
from mkdocs_journeys.commands.check import run_check
from mkdocs_journeys.escape import one_line
from mkdocs_journeys.handbook import build_handbook
from mkdocs_journeys.settings import Settings, plugin_options

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
ERROR_LINE = re.compile(r"^(?P<file>[^:]+?)(:(?P<line>\d+):(?P<column>\d+))?: error: (?P<message>.+)$")


def errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": error: " in line]


def expected_lines(case: str) -> list[str]:
    return (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def source_and_settings(case: str) -> tuple[list[str], Path, Settings]:
    """A case is checked from its folder: the folder itself, or, when the case has an ``mkdocs.yml``,
    the plugin's ``source`` and options there."""
    config = CORPUS / case / "mkdocs.yml"
    if not config.is_file():
        return ["."], Path("."), Settings()
    options = plugin_options(config)[0] or {}
    settings = Settings.model_validate(options)
    return [], Path(settings.source), settings


@pytest.mark.parametrize("case", CASES)
def test_bad_handbook(case: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS / case)
    assert main(["check", *source_and_settings(case)[0]]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and err == ""
    expected = expected_lines(case)
    assert expected, "a corpus case lists at least one error"
    assert errors(out) == expected
    summary = out.splitlines()[-1]
    assert f": {len(expected)} error{'s' if len(expected) != 1 else ''}" in summary, summary


@pytest.mark.parametrize("case", CASES)
def test_the_other_formats_report_the_same_errors(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS / case)
    expected = expected_lines(case)
    _, source, settings = source_and_settings(case)
    lines, code = run_check(source, settings, fmt="json")
    assert code == 1
    found = [p for p in json.loads(lines[0]) if p["severity"] == "error"]
    assert len(found) == len(expected)
    for problem, line in zip(found, expected, strict=True):
        where = problem["file"] + (f":{problem['line']}:{problem['column']}" if problem["line"] else "")
        message = one_line(problem["message"] + (f" ({problem['hint']})" if problem["hint"] else ""))
        assert f"{where}: error: {message}" == line
    lines, code = run_check(source, settings, fmt="github")
    assert code == 1
    assert len([line for line in lines if line.startswith("::error ")]) == len(expected)


@pytest.mark.parametrize("case", CASES)
def test_expected_lines_name_files_of_the_case(case: str) -> None:
    for line in expected_lines(case):
        match = ERROR_LINE.match(line)
        assert match, line
        assert (CORPUS / case / match["file"]).is_file(), line


def test_the_corpus_covers_every_kind_of_mistake() -> None:
    assert set(CASES) >= {
        # YAML itself
        "syntax-error", "syntax-error-tab", "syntax-error-unclosed-quote", "syntax-error-later-document",
        "duplicate-key", "python-tag", "disallowed-tags", "alias-bomb", "merge-key", "invalid-utf8",
        "control-character", "deep-nesting", "huge-numbers", "not-a-mapping", "line-breaks-in-values",
        # files and ids
        "bad-file-name", "multi-document-without-ids", "invalid-ids", "empty-slug", "duplicate-ids",
        "duplicate-ids-per-kind", "id-clash-in-journey", "duplicate-step-ids", "repeated-list-items",
        # the models
        "wrong-types", "more-wrong-types", "blank-and-null", "missing-required", "empty-stages",
        "unknown-kind-and-fields", "unknown-fields-everywhere", "bad-choices", "out-of-range", "metric-values",
        "metric-definitions", "invalid-metric-definition", "process-flow", "emotion-scale-from-config",
        # references
        "broken-references", "broken-references-owners", "references-to-invalid", "parent-cycle", "self-parent",
        "alternatives-and-paths",
    }


def test_every_kind_of_reference_is_checked() -> None:
    """owner, contributors, personas, supported_by, supports, transitions, next, branches and parent."""
    lines = "\n".join(expected_lines("broken-references") + expected_lines("broken-references-owners"))
    for fragment in ("journey.yml:3:8: error: unknown department 'sale'",  # journey owner
                     "journey.yml:7:12: error: unknown department 'marketing'",  # stage owner
                     "journey.yml:12:16: error: unknown department 'suport'",  # touchpoint owner
                     "process.yml:4:8: error: unknown department 'operations'",  # process owner
                     "process.yml:8:12: error: unknown department 'sale'",  # step owner
                     "journey.yml:8:20: error: unknown department 'suport'",  # contributors
                     "journey.yml:4:12: error: unknown persona 'saver'",  # personas
                     "journey.yml:12:24: error: unknown process 'billing'",  # supported_by: a process
                     "journey.yml:12:33: error: process 'flow' has no step 'chek'",  # supported_by: a step
                     "processes/flow.yml:14:16: error: journey 'journey' has no touchpoint 'pai'",  # supports
                     "processes/flow.yml:14:29: error: unknown journey 'jorney'",  # supports: the journey
                     "journey.yml:16:22: error: unknown stage 'bye' in this journey",  # transitions: to
                     "journey.yml:17:12: error: unknown stage 'reserch' in this journey",  # transitions: from
                     "processes/flow.yml:13:11: error: unknown step 'chek' in this process",  # next: one id
                     "process.yml:9:12: error: unknown step 'verfy' in this process",  # next: a list
                     "processes/flow.yml:9:29: error: unknown step 'done' in this process",  # branches
                     "departments.yml:8:9: error: unknown department 'custmer-care'"):  # parent
        assert fragment in lines, fragment


def test_an_object_building_tag_runs_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "pwned"
    (tmp_path / "j.yml").write_text(
        f"kind: journey\ntitle: !!python/object/apply:os.system ['touch {marker}']\nowner: x\nstages: [{{name: A}}]\n"
        f"---\nkind: persona\nid: p\nname: !!python/name:os.system\n"
        f"---\nkind: persona\nid: q\nname: !!python/object/new:subprocess.Popen [['touch', '{marker}']]\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "."]) == 1
    assert not marker.exists()
    out = capsys.readouterr().out
    assert "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in out
    assert "the tag 'tag:yaml.org,2002:python/name:os.system' is not allowed" in out
    assert "the tag 'tag:yaml.org,2002:python/object/new:subprocess.Popen' is not allowed" in out


def test_a_valid_definition_before_a_syntax_error_is_kept(capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The persona in the first document of the broken file is referred to without an error."""
    monkeypatch.chdir(CORPUS / "syntax-error-later-document")
    assert main(["check", ".", "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert [p["file"] for p in problems if p["severity"] == "error"] == ["personas.yml"]
    handbook = build_handbook(Path("."))
    assert sorted(handbook.personas) == ["saver"] and sorted(handbook.journeys) == ["journey"]
