"""Findings from data: each code fires where the figures cross its setting and stays silent where
they do not, at the file and line of what it concerns, and ``ignore`` switches it off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mkdocs_journeys.analysis import analyse
from mkdocs_journeys.analysis.findings import Finding
from mkdocs_journeys.data.measure import measured_handbook
from mkdocs_journeys.settings import Settings

from .data_handbook import events, handbook, observations

JOURNEY = """\
kind: department
id: claims
name: Claims
---
kind: journey
id: buy
title: Buy a policy
owner: claims
reviewed: 2025-01-15
reviewed_by: Ana
metrics:
  nps: {target: 40, history: [{period: 2026-Q1, value: 45}]}
stages:
  - id: explore
    name: Explore
    touchpoints:
      - id: compare
        name: Compare prices
        emotion: 0
        metrics: {csat: {target: 90%, actual: 100%}}
      - id: call
        name: Call an adviser
        emotion: -2
        metrics: {csat: {target: 70%, actual: 80%}}
  - id: sign
    name: Sign
    touchpoints:
      - id: sign-online
        name: Sign online
        emotion: 2
        metrics: {ces: {target: 5, actual: 2}}
---
kind: process
id: claims
title: Claims handling
owner: claims
steps:
  - {id: receive, name: Receive claim}
  - {id: assess, name: Assess damage, sla: 1h}
  - {id: pay, name: Pay out}
  - {id: archive, name: Archive}
"""

PROCESS_LOG = """\
case,activity,timestamp
c1,Receive claim,2026-03-01T09:00:00Z
c1,Assess damage,2026-03-01T09:30:00Z
c1,Pay out,2026-03-01T10:00:00Z
c2,Receive claim,2026-03-01T09:00:00Z
c2,Assess damage,2026-03-01T12:00:00Z
c2,Pay out,2026-03-01T12:30:00Z
c3,Receive claim,2026-03-01T09:00:00Z
c3,Pay out,2026-03-01T09:10:00Z
c3,Fax sent,2026-03-01T09:20:00Z
"""

JOURNEY_LOG = """\
case,activity,timestamp
u1,Compare prices,2026-03-01T09:00:00Z
u1,Call an adviser,2026-03-01T09:10:00Z
u1,Sign online,2026-03-01T09:20:00Z
u2,Compare prices,2026-03-01T09:00:00Z
u2,Call an adviser,2026-03-01T09:10:00Z
u3,Compare prices,2026-03-01T09:00:00Z
u4,Compare prices,2026-03-01T09:00:00Z
u4,Call an adviser,2026-03-01T09:05:00Z
u4,Sign online,2026-03-01T09:30:00Z
u4,Print the form,2026-03-01T09:40:00Z
"""

TODAY = "2026-06-30"  # the review of 2025-01-15 is 531 days old; 2026-Q1 ended 91 days ago

DATA_CODES = {"sla-breached", "undesigned-transition", "step-never-executed", "low-conformance",
              "unmatched-activity", "drop-off", "stale-metric", "emotion-contradicted", "not-reviewed"}


def findings(tmp_path: Path, *, journey: str = JOURNEY, **options: Any) -> tuple[Path, list[Finding]]:
    """The data findings of the handbook, with the plugin's ``data`` options (``today`` fixed) and
    any other options (``ignore``)."""
    data = {"today": TODAY, **options.pop("data", {})}
    settings = Settings.model_validate({"data": data, **options})
    datasets = events("data/process.csv", "claims-log", journey=None, process="claims") + "---\n" + events(
        "data/journey.csv", "buy-log")
    source = handbook(tmp_path, journey=journey, datasets=datasets,
                      files={"data/process.csv": PROCESS_LOG, "data/journey.csv": JOURNEY_LOG})
    result, measurements = measured_handbook(source, settings)
    assert result.problems == [], result.problems
    return source, [f for f in analyse(result, measurements).findings if f.code in DATA_CODES]


def shown(source: Path, found: list[Finding]) -> list[tuple[str, str, str]]:
    return sorted((f.code, f.location.display(source), f.message) for f in found)


def test_every_data_finding_with_its_place(tmp_path: Path) -> None:
    source, found = findings(tmp_path, data={"stale_after_days": 60})
    assert shown(source, found) == [
        ("drop-off", "journey.yml:21:9", "33% of the 3 cases that reach 'Call an adviser' go no further"),
        ("emotion-contradicted", "journey.yml:23:18", "'Call an adviser' is mapped at -2 but Customer satisfaction "
                                                      "measures 80%"),
        ("emotion-contradicted", "journey.yml:30:18", "'Sign online' is mapped at +2 but Customer effort score "
                                                      "measures 2"),
        ("low-conformance", "journey.yml:35:1", "only 67% of the 3 cases follow the map of 'Claims handling' in "
                                                "every transition"),
        ("not-reviewed", "journey.yml:9:11", "the map was last reviewed by Ana on 2025-01-15, 531 days ago"),
        ("sla-breached", "journey.yml:39:44", "step 'Assess damage' breaches its SLA of 1h in 50% of arrivals "
                                              "(2 measured)"),
        ("stale-metric", "journey.yml:12:3", "Net Promoter Score was last measured for 2026-Q1, 91 days ago"),
        ("step-never-executed", "journey.yml:41:5", "no case of 'claims-log' reaches step 'Archive'"),
        ("undesigned-transition", "journey.yml:38:5", "'Receive claim' is followed by 'Pay out' 1 time (33% "
                                                      "of cases), a path the map does not draw"),
        ("unmatched-activity", "datasets.yml:11:10", "the activity 'Print the form' (1 event) matches no "
                                                     "touchpoint of 'Buy a policy'"),
        ("unmatched-activity", "datasets.yml:5:10", "the activity 'Fax sent' (1 event) matches no step of "
                                                    "'Claims handling'"),
    ]
    # 'Fax sent' follows 'Pay out' in c3: it is an unmatched activity, not also a transition off the map


@pytest.mark.parametrize(("setting", "value", "silenced"), [
    ("sla_breach_share", 0.5, "sla-breached"),  # 50% is not more than 50%
    ("undesigned_share", 0.34, "undesigned-transition"),
    ("conformance_min", 0.6, "low-conformance"),
    ("dropoff_max", 0.34, "drop-off"),
    ("stale_after_days", 91, "stale-metric"),
    ("review_within_days", 600, "not-reviewed"),
])
def test_each_threshold_comes_from_the_settings(tmp_path: Path, setting: str, value: float, silenced: str) -> None:
    _, before = findings(tmp_path / "default", data={"stale_after_days": 60})
    _, after = findings(tmp_path / "set", data={"stale_after_days": 60, setting: value})
    assert silenced in {f.code for f in before}
    assert {f.code for f in before} - {f.code for f in after} == {silenced}


def test_a_neutral_emotion_is_never_contradicted(tmp_path: Path) -> None:
    """'Compare prices' is neutral (0) with a CSAT of 100%: half the scale apart, but not opposite."""
    _, found = findings(tmp_path)
    assert not [f for f in found if f.code == "emotion-contradicted" and "Compare" in f.message]


def test_a_small_gap_across_the_middle_is_not_a_contradiction(tmp_path: Path) -> None:
    journey = JOURNEY.replace("emotion: -2", "emotion: -1").replace("actual: 80%", "actual: 55%")
    _, found = findings(tmp_path, journey=journey)
    assert [f.message for f in found if f.code == "emotion-contradicted"] == [
        "'Sign online' is mapped at +2 but Customer effort score measures 2"]


def test_effort_where_lower_is_better_is_turned_round(tmp_path: Path) -> None:
    journey = JOURNEY.replace("id: claims\nname: Claims\n", "id: claims\nname: Claims\n---\nkind: metric\n"
                              "id: effort\nname: Effort\nbetter: lower\nmin: 1\nmax: 7\n", 1)
    journey = journey.replace("{ces: {target: 5, actual: 2}}", "{ces: {target: 5, actual: 6}, effort: {actual: 2}}")
    _, found = findings(tmp_path, journey=journey)
    assert [f.message for f in found if f.code == "emotion-contradicted"] == [
        "'Call an adviser' is mapped at -2 but Customer satisfaction measures 80%"]  # effort 2 of 7 is good


def test_no_review_date_is_a_finding_only_when_required(tmp_path: Path) -> None:
    journey = JOURNEY.replace("reviewed: 2025-01-15\nreviewed_by: Ana\n", "")
    source, found = findings(tmp_path / "a", journey=journey)
    assert "not-reviewed" not in {f.code for f in found}
    source, found = findings(tmp_path / "b", journey=journey, data={"review_required": True})
    assert [(f.location.display(source), f.message) for f in found if f.code == "not-reviewed"] == [
        ("journey.yml:7:1", "the map has no `reviewed` date: it has never been checked against reality")]


def test_a_recent_review_is_no_finding(tmp_path: Path) -> None:
    _, found = findings(tmp_path, journey=JOURNEY.replace("reviewed: 2025-01-15", "reviewed: 2026-01-01"))
    assert "not-reviewed" not in {f.code for f in found}


def test_stale_is_judged_on_the_configured_day(tmp_path: Path) -> None:
    _, found = findings(tmp_path / "a", data={"today": "2026-04-30"})
    assert "stale-metric" not in {f.code for f in found}
    _, found = findings(tmp_path / "b", data={"today": "2026-12-31"})
    assert [f.message for f in found if f.code == "stale-metric"] == [
        "Net Promoter Score was last measured for 2026-Q1, 275 days ago"]


@pytest.mark.parametrize("code", sorted(DATA_CODES))
def test_ignore_switches_each_code_off(tmp_path: Path, code: str) -> None:
    data = {"stale_after_days": 60}
    _, before = findings(tmp_path / "all", data=data)
    ignore = [{"code": code, "reason": "measured elsewhere"}]
    _, after = findings(tmp_path / "ignored", data=data, ignore=ignore)
    assert code in {f.code for f in before}
    assert code not in {f.code for f in after}
    assert {f.key for f in before if f.code != code} == {f.key for f in after}


def test_ignore_for_one_step(tmp_path: Path) -> None:
    ignore = [{"code": "sla-breached", "entities": ["process:claims/assess"], "reason": "a known backlog"}]
    settings = Settings.model_validate({"data": {"today": TODAY}, "ignore": ignore})
    _, found = findings(tmp_path, ignore=ignore)
    assert "sla-breached" not in {f.code for f in found}
    assert settings.ignore[0].entities == ["process:claims/assess"]


def test_a_stale_figure_from_data_points_at_its_latest_row(tmp_path: Path) -> None:
    source = handbook(tmp_path, datasets=observations(), files={
        "data/obs.csv": "at,metric,period,value\nbuy/call,csat,2025-Q1,40\nbuy/call,csat,2025-Q2,45\n"
                        "buy,volume,2026-Q2,100\n"})
    result, measurements = measured_handbook(source, Settings.model_validate({"data": {"today": TODAY}}))
    stale = [(f.location.display(source), f.message) for f in analyse(result, measurements).findings
             if f.code == "stale-metric"]
    assert stale == [("data/obs.csv:3:1", "Customer satisfaction was last measured for 2025-Q2, 365 days ago")]


def test_a_stale_figure_written_in_yaml_points_at_the_metric(tmp_path: Path) -> None:
    source, found = findings(tmp_path, data={"stale_after_days": 60})
    assert [f.location.display(source) for f in found if f.code == "stale-metric"] == ["journey.yml:12:3"]
