"""The per-case lists that aggregate a data file give the figures the portable SQL gives, on a
generated log of a few thousand events with rework, undesigned transitions, an unknown activity,
ties in time and UTC offsets (the same file, then the same rows in SQLite)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from mkdocs_journeys.data import event_lists
from mkdocs_journeys.data.event_figures import raw_designed_pairs
from mkdocs_journeys.data.event_lists import ListQueries, event_queries
from mkdocs_journeys.data.event_log import EventLog, EventQueries
from mkdocs_journeys.data.sources import DatabaseSource, FileSource
from mkdocs_journeys.handbook import build_handbook
from mkdocs_journeys.model import Dataset

from .data_engines import sqlite_table, write_csv
from .test_data_events import PROCESS

PATHS = [
    ["Receive claim", "Assess damage", "Decide", "APPROVED", "Pay out"],
    ["Receive claim", "Assess damage", "Decide", "Assess damage", "Decide", "Reject claim"],  # rework
    ["Receive claim", "Decide", "APPROVED", "Pay out"],  # the assessment skipped
    ["receive claim", "Assess damage", "Assess damage", "Decide", "Reject claim", "Send letter"],
    ["Receive claim"],
]


def generated_events(cases: int = 700) -> list[tuple[str, str, str]]:
    """Events in shuffled order; some share a timestamp (ordered then by activity: more variants than
    paths), some carry an offset instead of Z. Waits are whole minutes: SQLite's
    julianday() is a float, and would round a wait of a minute and a half either way."""
    rng = random.Random(13)
    start = datetime(2026, 3, 1, tzinfo=timezone.utc)
    rows = []
    for number in range(cases):
        at = start + timedelta(minutes=rng.randrange(60 * 24 * 30))
        for activity in rng.choice(PATHS):
            at += timedelta(seconds=60 * rng.choice([0, 1, 2, 60, 61, 120 + rng.randrange(150)]))
            zone = timezone(timedelta(hours=2)) if rng.random() < 0.2 else timezone.utc
            rows.append((f"c{number}", activity, at.astimezone(zone).isoformat().replace("+00:00", "Z")))
    rng.shuffle(rows)
    return rows


def _dataset(root: Path, body: str) -> Dataset:
    (root / "process.yml").write_text(PROCESS, encoding="utf-8")
    (root / "dataset.yml").write_text("kind: dataset\nid: log\ntype: events\nprocess: claims-handling\n" + body,
                                      encoding="utf-8")
    handbook = build_handbook(root)
    assert handbook.problems == []
    return handbook.datasets["log"]


def figures(queries: EventQueries | ListQueries, root: Path) -> tuple[EventLog, int, dict[str, int]]:
    handbook = build_handbook(root)
    log = queries.aggregate()
    nonconforming = queries.nonconforming_cases(raw_designed_pairs(handbook.processes["claims-handling"], log))
    groups = {"Receive claim": "in", "receive claim": "in", "Decide": "out", "Reject claim": "out", "Pay out": "out"}
    return log, nonconforming, queries.cases_per_group(groups)


@pytest.fixture
def csv_root(tmp_path: Path) -> Path:
    root = tmp_path / "hb"
    write_csv(root / "data/log.csv", ("case", "activity", "timestamp"), generated_events())
    return root


def test_a_file_takes_the_fast_path_and_it_gives_the_portable_figures(csv_root: Path) -> None:
    dataset = _dataset(csv_root, "file: data/log.csv\n")
    source = FileSource(csv_root / "data/log.csv")
    try:
        fast = event_queries(source, dataset)
        assert isinstance(fast, ListQueries)
        fast_figures = figures(fast, csv_root)
        portable_figures = figures(EventQueries(source, dataset), csv_root)
    finally:
        source.close()
    log, nonconforming, groups = fast_figures
    assert fast.portable is None  # the lists did the work
    assert fast_figures == portable_figures
    assert log.rework and log.variant_count > len(PATHS) and 0 < nonconforming < log.cases
    assert log.activities["Send letter"][0] > 0 and groups["in"] == log.cases
    assert log.transitions[("Assess damage", "Assess damage")].total > 0  # a transition the map does not have


def test_the_same_rows_in_sqlite_give_the_same_figures(csv_root: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    events = generated_events()
    monkeypatch.setenv("LOG_DB", sqlite_table(tmp_path / "log.db", "log", ("case", "activity", "timestamp"), events))
    dataset = _dataset(csv_root, "file: data/log.csv\n")
    source = FileSource(csv_root / "data/log.csv")
    database = DatabaseSource("LOG_DB", 'select "case", activity, "timestamp" from log')
    try:
        fast = figures(ListQueries(source, dataset), csv_root)
        portable = figures(event_queries(database, dataset), csv_root)
    finally:
        source.close()
        database.close()
    assert fast == portable


def test_a_parquet_file_too(csv_root: Path) -> None:
    import duckdb

    parquet = csv_root / "data/log.parquet"
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    connection.execute(f"COPY (SELECT \"case\", activity, CAST(\"timestamp\" AS TIMESTAMPTZ) AS \"timestamp\" FROM "
                       f"read_csv('{csv_root / 'data/log.csv'}', all_varchar = true)) TO '{parquet}' (FORMAT parquet)")
    connection.close()
    dataset = _dataset(csv_root, "file: data/log.parquet\n")
    source = FileSource(parquet)
    try:
        assert figures(ListQueries(source, dataset), csv_root) == figures(EventQueries(source, dataset), csv_root)
    finally:
        source.close()


def test_a_log_too_varied_to_pack_is_left_to_the_portable_sql(csv_root: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    dataset = _dataset(csv_root, "file: data/log.csv\n")
    source = FileSource(csv_root / "data/log.csv")
    try:
        expected = figures(EventQueries(source, dataset), csv_root)
        monkeypatch.setattr(event_lists, "MAX_ACTIVITIES", 3)  # this log has seven activities
        fast = ListQueries(source, dataset)
        assert figures(fast, csv_root) == expected and fast.portable is not None
    finally:
        source.close()


def test_the_journey_stages_count_cases_as_the_portable_sql_does(csv_root: Path) -> None:
    dataset = _dataset(csv_root, "file: data/log.csv\n")
    source = FileSource(csv_root / "data/log.csv")
    try:
        fast, portable = ListQueries(source, dataset), EventQueries(source, dataset)
        log = fast.aggregate()
        assert log == portable.aggregate()
        groups = {a: a[0].lower() for a in log.activities}  # stages by first letter: several activities each
        assert fast.cases_per_group(groups) == portable.cases_per_group(groups)
        assert fast.cases_per_group({"no such activity": "x"}) == portable.cases_per_group({"no such activity": "x"})
    finally:
        source.close()
