"""Figures as data: durations as written and plotted in their unit, the curve's columns and lines,
a persona's own path."""

from __future__ import annotations

import copy
import pickle
import textwrap
from pathlib import Path

import pytest
import yaml

from mkdocs_journeys.diff.fields import text as diff_text
from mkdocs_journeys.figures import emotion_curve, metric_history, persona_journeys
from mkdocs_journeys.figures.emotion import wrap_label
from mkdocs_journeys.handbook import Handbook, build_handbook
from mkdocs_journeys.model.durations import Duration, axis_unit, format_duration, parse_duration
from mkdocs_journeys.model.metrics import BUILTIN_METRICS, METRIC_KEY, MetricValue

from .chart_handbook import HANDBOOK


@pytest.mark.parametrize("written", ["19d", "3d 4h", "1.5h", "45m", "36h", "90m", "2w 5d", "1w", "0.5d"])
def test_a_duration_reads_as_it_was_written(written: str) -> None:
    value = parse_duration(written)
    assert isinstance(value, Duration)
    assert format_duration(value) == written
    assert BUILTIN_METRICS["duration"].format(value) == written
    assert format_duration(copy.deepcopy(value)) == written
    assert format_duration(pickle.loads(pickle.dumps(value))) == written


def test_durations_without_written_units_keep_the_largest_units_first() -> None:
    assert format_duration(19 * 86400) == "2w 5d"
    assert format_duration(5400) == "1h 30m"
    assert format_duration(12.5) == "12.5s"
    assert format_duration(0) == "0s"
    assert diff_text("sla", 7200.0) == "2h"  # the diff's own use keeps working


def test_a_metric_remembers_its_units_through_validation() -> None:
    value = MetricValue.model_validate({METRIC_KEY: "duration", "target": "19d", "history": [
        {METRIC_KEY: "duration", "period": "Q1", "value": "31d"},
        {METRIC_KEY: "duration", "period": "Q2", "value": "3w 2d"}]})
    definition = value.definition
    assert definition.format(value.target) == "19d"
    assert definition.format(value.actual) == "3w 2d"  # the last history value, as written
    assert value.target == 19 * 86400 and value.status == "missed"
    assert value.model_dump()["target"] == 19 * 86400


def test_the_axis_unit_is_the_one_written_most() -> None:
    assert axis_unit([parse_duration(t) or 0 for t in ("19d", "31d", "3w 2d")]) == "d"
    assert axis_unit([parse_duration(t) or 0 for t in ("1h", "90m")]) == "h"  # a tie: the larger
    assert axis_unit([1_641_600.0, 2_000_000.0]) == "w"  # plain seconds: the largest unit of the median


def test_a_duration_history_is_plotted_in_days() -> None:
    value = MetricValue.model_validate({METRIC_KEY: "duration", "target": "19d", "history": [
        {METRIC_KEY: "duration", "period": "Q1", "value": "31d"},
        {METRIC_KEY: "duration", "period": "Q2", "value": "24d"}]})
    figure = metric_history(value)
    assert figure is not None
    assert figure["data"][0]["y"] == [31, 24]
    assert figure["data"][0]["customdata"] == ["31d", "24d"]
    assert figure["data"][1]["y"] == [19, 19]
    assert figure["layout"]["yaxis"]["title"]["text"] == "Time to complete (days)"


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    root: Path = tmp_path_factory.mktemp("figures")
    for rel, content in HANDBOOK.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return build_handbook(root)


def test_the_curve_has_one_x_per_column_and_straight_lines(handbook: Handbook) -> None:
    journey = handbook.journeys["claim"]
    figure = emotion_curve(journey, handbook.settings, {})
    assert figure is not None
    main, segments, alternatives = figure["data"]
    assert main["x"] == list(range(7)) and main["y"] == [-2, 2, -2, -2, 2, -2, 2]
    assert alternatives["x"] == [0] and alternatives["y"] == [1]
    assert alternatives["customdata"][0][0] == "#touchpoint-app"
    assert segments["x"] == [0, 1, None] and segments["hoverinfo"] == "skip"
    assert {t["line"]["shape"] for t in figure["data"]} == {"linear"}
    assert figure["layout"]["xaxis"]["tickvals"] == list(range(7))


def test_labels_wrap_at_words_in_three_lines_at_most() -> None:
    assert wrap_label("Receives the claim number by text message") == "Receives the claim<br>number by text<br>message"
    long = wrap_label("Reports the claim by phone to the claims line after hours on a bank holiday")
    assert long.count("<br>") == 2 and long.endswith("…")
    assert wrap_label("A <b> tag") == "A &lt;b&gt; tag"


def test_a_persona_curve_follows_that_persona_s_own_path(handbook: Handbook) -> None:
    journey = handbook.journeys["claim"]
    for persona in ("driver", "fleet-manager"):
        figure = persona_journeys([(journey, "#touchpoint-")], handbook.settings, persona)
        assert figure is not None
        names = {c[1].split("<br>")[1] for t in figure["data"] for c in t.get("customdata", [])}
        taken = {tp.name for _, tp in journey.touchpoints() if journey.takes(persona, tp)}
        assert names == taken
        if persona == "driver":  # the app is an alternative: at the x of the phone call
            xs = [x for t in figure["data"] if "customdata" in t for x in t["x"]]
            assert xs.count(0.0) == 2
            assert "Answers the survey" not in names
        else:
            assert "Reports the claim in the app" not in names and "Answers the survey" in names


def test_the_example_handbook_s_durations_read_as_written() -> None:
    source = Path(__file__).resolve().parent.parent / "journeys"
    hb = build_handbook(source)
    written = {}
    for path in sorted((source / "journeys").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for stage in data["stages"]:
            value = stage.get("metrics", {}).get("duration")
            if isinstance(value, dict) and isinstance(value.get("target"), str):
                written[(data["id"], stage["id"])] = value["target"]
    assert written
    for (journey_id, stage_id), text in written.items():
        stage = next(s for s in hb.journeys[journey_id].stages if s.id == stage_id)
        metric = stage.metrics["duration"]
        assert metric.definition.format(metric.target) == text
