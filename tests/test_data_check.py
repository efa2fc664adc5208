"""``check`` with data: problems of the data and findings from it, each at its file and line, in
every format, with the exit codes CI relies on (1 for bad data, findings only with ``--strict``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_journeys.cli import main

from .data_handbook import events, handbook, observations

HEADER = "at,metric,period,value\n"
LOG = "case,activity,timestamp\n" \
      "u1,Compare prices,2026-03-01T09:00:00Z\nu1,Call an adviser,2026-03-01T09:10:00Z\n" \
      "u1,Sign online,2026-03-01T09:20:00Z\nu2,Compare prices,2026-03-01T09:00:00Z\n"


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_bad_rows_fail_the_check_at_their_line(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    handbook(here, datasets=observations(), files={"data/obs.csv": HEADER + "buy,nps,2026-Q1,40\nbuy,nsp,2026-Q2,1\n"},
             data_settings={"today": "2026-04-01"})
    code, lines, err = check(capsys, "--no-findings")
    assert (code, err) == (1, "")
    assert lines == ["journeys/data/obs.csv:3:1: error: dataset 'obs': unknown metric 'nsp' (the row is left out) "
                     "(did you mean 'nps'?)", "3 definitions in 2 files: 1 error"]


def test_findings_from_data_warn_and_fail_only_with_strict(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    handbook(here, datasets=events(), files={"data/events.csv": LOG}, data_settings={"today": "2026-04-01"})
    code, lines, _ = check(capsys)
    assert code == 0
    assert "journeys/journey.yml:15:9: warning: 50% of the 2 cases that reach 'Compare prices' go no further " \
           "(find out what stops them here: this is where the journey loses customers) [drop-off]" in lines
    assert check(capsys, "--strict")[0] == 1


def test_data_settings_and_ignore_come_from_mkdocs_yml(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    handbook(here, datasets=events(), files={"data/events.csv": LOG}, data_settings={"dropoff_max": 0.5})
    code, lines, _ = check(capsys)
    assert code == 0 and not [line for line in lines if "[drop-off]" in line]
    config = (here / "mkdocs.yml").read_text(encoding="utf-8")
    (here / "mkdocs.yml").write_text(config.replace("dropoff_max: 0.5", "dropoff_max: 0.1"), encoding="utf-8")
    assert [line for line in check(capsys)[1] if "[drop-off]" in line]


HOSTILE = "buy,nps,2026-Q1,40\n\"byu\n::error file=x.yml::forged\",nps,2026-Q1,1\n"


def test_github_annotations_cannot_be_forged_by_data(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    handbook(here, datasets=observations(), files={"data/obs.csv": HEADER + HOSTILE},
             data_settings={"today": "2026-04-01"})
    code, lines, _ = check(capsys, "--format", "github", "--no-findings")
    assert code == 1
    assert len(lines) == 2, lines
    annotation = lines[0]
    assert annotation.startswith("::error file=journeys/data/obs.csv,line=3,col=1,title=bad-data::dataset 'obs': "
                                 "unknown journey 'byu\\n::error file=x.yml::forged' in `at`")
    assert all(not line.lstrip().startswith("::") or line.startswith("::error file=journeys/") for line in lines)


def test_json_is_one_document_with_the_row(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    handbook(here, datasets=observations(), files={"data/obs.csv": HEADER + HOSTILE},
             data_settings={"today": "2026-04-01"})
    code, lines, _ = check(capsys, "--format", "json", "--no-findings")
    assert code == 1
    found = json.loads("\n".join(lines))
    assert [(p["file"], p["line"], p["column"], p["code"]) for p in found] == [
        ("journeys/data/obs.csv", 3, 1, "bad-data")]
    assert "byu\n::error" in found[0]["message"]


def test_a_missing_file_is_an_error_at_the_definition(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    handbook(here, datasets=observations("data/gone.csv"), data_settings={"today": "2026-04-01"})
    code, lines, _ = check(capsys, "--no-findings")
    assert code == 1
    assert lines[0] == ("journeys/datasets.yml:4:7: error: dataset 'obs': the data file 'data/gone.csv' does not "
                        "exist in the handbook folder")


def test_an_unquoted_date_in_mkdocs_yml_is_the_day(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    journey = "kind: department\nid: sales\nname: Sales\n---\nkind: journey\nid: buy\ntitle: Buy\nowner: sales\n" \
              "reviewed: 2026-01-01\nstages: [{name: Only}]\n"
    handbook(here, journey=journey)
    (here / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - journeys:\n      data:\n        today: 2026-12-31\n"
                                     "        review_within_days: 300\n", encoding="utf-8")
    code, lines, err = check(capsys)
    assert (code, err) == (0, "")
    assert "journeys/journey.yml:9:11: warning: the map was last reviewed on 2026-01-01, 364 days ago (walk the " \
           "journey again with the teams and the data, then update `reviewed`) [not-reviewed]" in lines
