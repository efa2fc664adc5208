"""The repository's example handbook measures its datasets: survey results by quarter, the returns
process's event log (XES column names) and the returns journey's touchpoint events (JSON lines)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mkdocs_journeys.data.measure import measured_handbook

from .sites import REPO, Build, build, make_site, text_of

HANDBOOK = REPO / "journeys"


def test_every_dataset_is_read_without_a_problem() -> None:
    handbook, measurements = measured_handbook(HANDBOOK)
    assert handbook.problems == [] and measurements.problems == []
    assert sorted(handbook.datasets) == ["returns-journey-log", "returns-log", "survey-results"]
    assert measurements.observed == {"survey-results": 14}

    returns = measurements.processes["returns"]
    assert (returns.cases, returns.events) == (320, 1819)
    assert all(step.events > 0 for step in returns.steps.values())
    undesigned = {(t.source, t.target) for t in returns.transitions if not t.designed}
    assert undesigned == {("register-return", "receive-parcel"), ("inspect", "inspect"), ("inspect", "refund")}
    assert returns.unmatched == {}

    journey = measurements.journeys["return-and-refund"]
    assert journey.cases == 260 and journey.unmatched == {}
    assert journey.reached["starts-return"] == 260
    assert set(journey.stages_reached) == {"start-return", "send-back", "waiting", "refund"}


def test_the_survey_results_give_the_actuals_the_yaml_no_longer_has() -> None:
    handbook, _ = measured_handbook(HANDBOOK)
    nps = handbook.journeys["return-and-refund"].metrics["nps"]
    assert (nps.actual, nps.period) == (48, "2026-Q3")
    assert [(h.period, float(h.value)) for h in nps.history] == [("2026-Q1", 41), ("2026-Q2", 44), ("2026-Q3", 48)]
    conversion = handbook.journeys["trial-to-paid"].metrics["conversion"]
    assert (conversion.actual, conversion.period) == (14.5, "2026-Q3")


def test_check_reports_no_error_on_the_example_handbook() -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs_journeys.cli", "check", str(HANDBOOK)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert ": error:" not in result.stdout
    assert "[undesigned-transition]" in result.stdout and "[sla-breached]" in result.stdout


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = make_site(tmp_path_factory.mktemp("example-data"), HANDBOOK)
    result = build(root, strict=True)
    assert result.returncode == 0, result.log
    return result


def test_the_process_page_shows_the_measured_figures(site: Build) -> None:
    text = text_of(site.article("handbook/processes/returns/"))
    assert "From the dataset returns-log (Returns system export, 2026-Q3)" in text
    assert "Cases: 320" in text and "Events: 1,819" in text
    assert "Conformance: 74%" in text


def test_the_journey_page_shows_the_measured_history_and_funnel(site: Build) -> None:
    text = text_of(site.article("handbook/journeys/return-and-refund/"))
    assert "Net Promoter Score 45 48 2026-Q3" in text
    assert "2026-Q1 41 2026-Q2 44 2026-Q3 48" in text
    assert "260 cases in the dataset returns-journey-log" in text  # the funnel of the touchpoint events
