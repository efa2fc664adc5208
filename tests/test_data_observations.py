"""Observations from real files become metric histories and actuals: the latest period is the
actual, judged against the target written in YAML; two sources for one figure are errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_journeys.data.measure import measured_handbook
from mkdocs_journeys.model import MetricValue

from .data_handbook import JOURNEY, handbook, observations
from .sites import build, make_site, text_of

HEADER = "at,metric,period,value\n"


def measured(tmp_path: Path, rows: str, journey: str = JOURNEY, file: str = "data/obs.csv",
             content: str | None = None) -> tuple[dict[str, dict[str, MetricValue]], list[tuple[str, str]]]:
    """Metric values by ``at`` (``buy``, ``buy/explore``...) and the problems, from ``rows`` under the header."""
    source = handbook(tmp_path, journey=journey, datasets=observations(file),
                      files={file: content if content is not None else HEADER + rows})
    result, _ = measured_handbook(source)
    values: dict[str, dict[str, MetricValue]] = {}
    journey_ = result.journeys["buy"]
    values["buy"] = dict(journey_.metrics)
    for stage in journey_.stages:
        values[f"buy/{stage.id}"] = dict(stage.metrics)
        for tp in stage.touchpoints:
            values[f"buy/{tp.id}"] = dict(tp.metrics)
    return values, [(p.location.display(source), p.message) for p in result.problems]


def test_the_latest_period_is_the_actual_and_gets_its_status(tmp_path: Path) -> None:
    values, found = measured(tmp_path, "buy,nps,2026-Q3,45\nbuy,nps,2026-Q1,31\nbuy,nps,2026-Q2,38\n")
    assert found == []
    nps = values["buy"]["nps"]
    assert (nps.target, nps.actual, nps.period, nps.status) == (40, 45, "2026-Q3", "met")
    assert [(h.period, h.value) for h in nps.history] == [("2026-Q1", 31), ("2026-Q2", 38), ("2026-Q3", 45)]


def test_status_against_the_target_when_the_latest_misses_it(tmp_path: Path) -> None:
    values, _ = measured(tmp_path, "buy,nps,2026-Q1,45\nbuy,nps,2026-Q2,12\n")
    assert (values["buy"]["nps"].actual, values["buy"]["nps"].status) == (12, "missed")


YAML_HISTORY = JOURNEY.replace("  nps: {target: 40}", "  nps: {target: 40, history: [{period: 2026-Q1, value: 31}]}")


def test_yaml_history_and_observations_merge_in_period_order(tmp_path: Path) -> None:
    values, found = measured(tmp_path, "buy,nps,2026-Q3,42\nbuy,nps,2025-Q4,20\n", journey=YAML_HISTORY)
    assert found == []
    nps = values["buy"]["nps"]
    assert [(h.period, h.value) for h in nps.history] == [("2025-Q4", 20), ("2026-Q1", 31), ("2026-Q3", 42)]
    assert (nps.actual, nps.period, nps.status) == (42, "2026-Q3", "met")


def test_two_values_for_one_period_from_the_yaml_and_the_data(tmp_path: Path) -> None:
    values, found = measured(tmp_path, "buy,nps,2026-Q1,33\nbuy,nps,2026-Q2,41\n", journey=YAML_HISTORY)
    assert found == [("data/obs.csv:2:1", "dataset 'obs': two values of 'nps' for 2026-Q1 (one in the YAML history)")]
    assert [(h.period, h.value) for h in values["buy"]["nps"].history] == [("2026-Q1", 31), ("2026-Q2", 41)]


def test_two_values_for_one_period_in_the_data(tmp_path: Path) -> None:
    _, found = measured(tmp_path, "buy,nps,2026-Q1,33\nbuy,nps,2026-Q1,35\n")
    assert found == [("data/obs.csv:3:1", "dataset 'obs': two values of 'nps' for 2026-Q1")]


def test_an_actual_in_yaml_next_to_observations(tmp_path: Path) -> None:
    journey = JOURNEY.replace("  nps: {target: 40}", "  nps: {target: 40, actual: 35}")
    values, found = measured(tmp_path, "buy,nps,2026-Q1,33\n", journey=journey)
    assert found == [("journey.yml:10:21", "'nps' has an `actual` here and observations in the dataset 'obs': two "
                                           "sources for one figure")]
    assert values["buy"]["nps"].actual == 35  # the YAML is kept; the data is not used for it


def test_a_metric_the_entity_does_not_list_is_added_without_target(tmp_path: Path) -> None:
    values, found = measured(tmp_path, "buy/call,csat,2026-Q1,62\n")
    assert found == []
    csat = values["buy/call"]["csat"]
    assert (csat.target, csat.actual, csat.status) == (None, 62, "no data")


@pytest.mark.parametrize(("metric", "written", "number", "shown"), [
    ("csat", "4.5%", 4.5, "4.5%"), ("csat", "4.5", 4.5, "4.5%"), ("duration", "3d 4h", 273600, "3d 4h"),
    ("volume", "1200", 1200, "1200"),
])
def test_values_follow_the_metric_grammar(tmp_path: Path, metric: str, written: str, number: float,
                                          shown: str) -> None:
    values, found = measured(tmp_path, f"buy/explore,{metric},2026-Q1,{written}\n")
    assert found == []
    value = values["buy/explore"][metric]
    assert value.actual == number
    assert value.definition.format(value.actual).replace(",", "") == shown


def test_at_names_a_journey_a_stage_or_a_touchpoint(tmp_path: Path) -> None:
    values, found = measured(tmp_path, "buy,volume,2026-Q1,100\nbuy/sign,volume,2026-Q1,60\n"
                                       "buy/sign-online,volume,2026-Q1,55\n")
    assert found == []
    assert [values[at]["volume"].actual for at in ("buy", "buy/sign", "buy/sign-online")] == [100, 60, 55]
    assert "volume" not in values["buy/explore"]


def test_parquet_and_json_lines_give_the_same(tmp_path: Path) -> None:
    import duckdb

    rows = [("buy", "nps", "2026-Q1", "31"), ("buy", "nps", "2026-Q2", "44")]
    folder = tmp_path / "files"
    folder.mkdir()
    connection = duckdb.connect()
    values_sql = ", ".join(f"('{a}', '{m}', '{p}', '{v}')" for a, m, p, v in rows)
    connection.execute(f"COPY (SELECT * FROM (VALUES {values_sql}) t(\"at\", metric, period, value)) "
                       f"TO '{folder / 'obs.parquet'}' (FORMAT PARQUET)")
    jsonl = "".join(f'{{"at": "{a}", "metric": "{m}", "period": "{p}", "value": {v}}}\n' for a, m, p, v in rows)
    for name, content in (("obs.parquet", None), ("obs.jsonl", jsonl)):
        data = (folder / name).read_bytes() if content is None else content.encode()
        source = handbook(tmp_path / name, datasets=observations(f"data/{name}"), files={f"data/{name}": data})
        result, _ = measured_handbook(source)
        assert result.problems == [], name
        assert (result.journeys["buy"].metrics["nps"].actual, result.journeys["buy"].metrics["nps"].status) == (
            44, "met"), name


def test_the_page_shows_the_measured_value(tmp_path: Path) -> None:
    datasets = observations()
    files = {"journey.yml": JOURNEY, "datasets.yml": datasets,
             "data/obs.csv": HEADER + "buy,nps,2026-Q1,31\nbuy,nps,2026-Q2,38\n"}
    result = build(make_site(tmp_path, files))
    assert result.returncode == 0, result.log
    page = text_of(result.article("handbook/journeys/buy/"))
    assert "38" in page and "2026-Q2" in page


def test_two_datasets_for_one_figure_merge_and_clash_by_period(tmp_path: Path) -> None:
    defined = observations("data/a.csv", "survey-a") + "---\n" + observations("data/b.csv", "survey-b")
    files = {"data/a.csv": HEADER + "buy,nps,2026-Q1,31\n",
             "data/b.csv": HEADER + "buy,nps,2026-Q2,44\nbuy,nps,2026-Q1,30\n"}
    source = handbook(tmp_path, datasets=defined, files=files)
    result, _ = measured_handbook(source)
    assert [(p.location.display(source), p.message) for p in result.problems] == [
        ("data/b.csv:3:1", "dataset 'survey-b': two values of 'nps' for 2026-Q1 (one from another dataset)")]
    assert [(h.period, h.value) for h in result.journeys["buy"].metrics["nps"].history] == [
        ("2026-Q1", 31), ("2026-Q2", 44)]
