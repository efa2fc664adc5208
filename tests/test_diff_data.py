"""``diff`` with data: both sides measured, so metric statuses from observations, a process's
measured figures and the findings from data show in the report, escaped like the rest."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest

from mkdocs_journeys.cli import main

from .data_engines import sqlite_table
from .data_handbook import JOURNEY, events, handbook, observations, query

PROCESS = """\
---
kind: process
id: claims
title: Claims handling
owner: sales
steps:
  - {id: receive, name: Receive claim}
  - {id: assess, name: Assess damage}
  - {id: pay, name: Pay out}
"""
LOG_HEADER = "case,activity,timestamp\n"
CONFORMING = ("{c},Receive claim,2026-03-01T09:00:00Z\n{c},Assess damage,2026-03-01T10:00:00Z\n"
              "{c},Pay out,2026-03-01T11:00:00Z\n")
SKIPPING = "{c},Receive claim,2026-03-01T09:00:00Z\n{c},Pay out,2026-03-01T09:30:00Z\n"
OBS_HEADER = "at,metric,period,value\n"


def side(root: Path, nps: str, log: str, extra: str = "") -> Path:
    datasets = observations() + "---\n" + events("data/claims.csv", "claims-log", journey=None, process="claims")
    return handbook(root, journey=JOURNEY + PROCESS, datasets=datasets + extra,
                    files={"data/obs.csv": OBS_HEADER + f"buy,nps,2026-Q1,30\nbuy,nps,2026-Q2,{nps}\n",
                           "data/claims.csv": LOG_HEADER + log})


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_observations_change_a_metric_status(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = side(here / "old", "31", CONFORMING.format(c="c1"))
    new = side(here / "new", "45", CONFORMING.format(c="c1"))
    code, out, err = run(capsys, str(old), str(new))
    assert (code, err) == (0, "")
    assert "1 metric status changed" in out.splitlines()[2]
    row = next(line for line in out.splitlines() if "Net Promoter Score" in line)
    assert "31 → 45 ▲" in row and "missed → **met**" in row


def test_measured_figures_and_data_findings(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = side(here / "old", "31", CONFORMING.format(c="c1") + SKIPPING.format(c="c2"))
    new = side(here / "new", "31", "".join(CONFORMING.format(c=c) for c in ("c1", "c2", "c3")))
    code, out, _ = run(capsys, str(old), str(new))
    assert code == 0
    assert "2 measured figures changed" in out and "findings: " in out
    assert "### Measured" in out
    assert "| **Claims handling** | cases | 2 → 3 ▲ |" in out
    assert "| **Claims handling** | conformance | 50% → 100% ▲ |" in out
    assert "- resolved: `undesigned-transition` 'Receive claim' is followed by 'Pay out' 1 time" in out
    assert "- resolved: `low-conformance` only 50% of the 2 cases follow the map" in out

    code, out, _ = run(capsys, str(old), str(new), "--format", "json")
    report = json.loads(out)
    assert [(f["entity"]["id"], f["figure"], f["before"], f["after"]) for f in report["figures"]] == [
        ("claims", "cases", "2", "3"), ("claims", "conformance", "50%", "100%")]
    assert {f["code"] for f in report["findings_resolved"]} >= {"undesigned-transition", "low-conformance"}


def test_a_data_finding_introduced_is_escaped(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = side(here / "old", "31", CONFORMING.format(c="c1"))
    hostile = "c1,@everyone <img src=x onerror=alert(1)> #1 [x](https://evil.example),2026-03-01T12:00:00Z\n"
    new = side(here / "new", "31", CONFORMING.format(c="c1") + hostile)
    code, out, _ = run(capsys, str(old), str(new))
    assert code == 0
    line = next(line for line in out.splitlines() if "unmatched-activity" in line)
    assert line.startswith("- introduced: `unmatched-activity` the activity ")
    for raw in ("<img", "@everyone", "](https://", "#1"):  # each escaped or broken by a zero-width space
        assert not re.search(r"(?<!\\)" + re.escape(raw), line), line
    code, out, _ = run(capsys, str(old), str(new), "--format", "json")
    introduced = json.loads(out)["findings_introduced"]
    assert any("@everyone <img src=x onerror=alert(1)>" in f["message"] for f in introduced)


def test_a_database_without_its_variable_is_skipped_in_one_line(here: Path, capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOURNEYS_WAREHOUSE", raising=False)
    extra = "---\n" + query("warehouse", "JOURNEYS_WAREHOUSE", "select * from obs")
    old = side(here / "old", "31", CONFORMING.format(c="c1"), extra)
    new = side(here / "new", "31", CONFORMING.format(c="c1"), extra)
    code, out, err = run(capsys, str(old), str(new))
    assert (code, err) == (0, "")
    assert html.unescape(out) == ("No changes to the handbook.\n\nthe dataset 'warehouse' is not read: the "
                                  "environment variable JOURNEYS_WAREHOUSE is not set, so its figures are left out "
                                  "of this comparison\n")
    code, out, _ = run(capsys, str(old), str(new), "--format", "json")
    report = json.loads(out)
    assert report["errors_after"] == [] and len(report["data_skipped"]) == 1


def test_a_database_with_its_variable_is_measured(here: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    url = sqlite_table(here / "warehouse.sqlite", "obs", ["at", "metric", "period", "value"],
                       [["buy/call", "csat", "2026-Q1", "40"]])
    monkeypatch.setenv("JOURNEYS_WAREHOUSE", url)
    old = side(here / "old", "31", CONFORMING.format(c="c1"))
    new = side(here / "new", "31", CONFORMING.format(c="c1"),
               "---\n" + query("warehouse", "JOURNEYS_WAREHOUSE", "select * from obs"))
    code, out, _ = run(capsys, str(old), str(new))
    assert code == 0
    assert "not read" not in out
    assert "introduced: `metric-without-target`" in out  # the CSAT measured in the database, with no target


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=repo, check=True,
                   capture_output=True)


def test_git_revisions_are_measured_from_their_own_data(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = here / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    source = side(repo, "31", CONFORMING.format(c="c1"))
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "first")
    (source / "data" / "obs.csv").write_text(OBS_HEADER + "buy,nps,2026-Q1,30\nbuy,nps,2026-Q2,47\n",
                                             encoding="utf-8")
    (source / "data" / "claims.csv").write_text(LOG_HEADER + CONFORMING.format(c="c1") + SKIPPING.format(c="c2"),
                                                encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "new data")
    (source / "data" / "obs.csv").write_text(OBS_HEADER + "buy,nps,2026-Q1,30\nbuy,nps,2026-Q2,oops\n",
                                             encoding="utf-8")  # the work tree: not in HEAD
    code, out, err = run(capsys, "--git", "HEAD~1", "HEAD", "--source", str(source))
    assert code == 0, out  # and the edit in the work tree is said to be left out
    assert err.startswith("mkdocs-journeys: note: 1 uncommitted change in the handbook folder is not compared")
    assert "31 → 47 ▲" in out and "missed → **met**" in out
    assert "| **Claims handling** | conformance | 100% → 50% ▼ |" in out
    assert "introduced: `undesigned-transition`" in out
    assert "oops" not in out

    code, out, _ = run(capsys, "--git", "HEAD", "--source", str(source))  # against the work tree
    assert code == 0
    assert ("new: journeys/data/obs.csv:3:1: dataset 'obs': Net Promoter Score: 'oops' is not a number"
            in html.unescape(out))


def test_a_journey_cases_from_its_event_log(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    journey_log = "".join(f"u{i},Compare prices,2026-03-01T09:00:00Z\n" for i in range(3))
    extra = "---\n" + events("data/journey.csv", "buy-log")
    old = side(here / "old", "31", CONFORMING.format(c="c1"), extra)
    (old / "data" / "journey.csv").write_text(LOG_HEADER + journey_log[: journey_log.index("u2")], encoding="utf-8")
    new = side(here / "new", "31", CONFORMING.format(c="c1"), extra)
    (new / "data" / "journey.csv").write_text(LOG_HEADER + journey_log, encoding="utf-8")
    code, out, _ = run(capsys, str(old), str(new))
    assert code == 0
    assert "| **Buy a policy** | cases | 2 → 3 ▲ |" in out
    assert "1 measured figure changed" in out
