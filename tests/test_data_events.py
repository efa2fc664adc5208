"""An event log's figures, worked out by hand, from a CSV and a Parquet file (DuckDB), a SQLite file
and a PostgreSQL server (through SQLAlchemy): every engine gives the same figures."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from mkdocs_journeys.data.measure import DataCache, Measurements, measure
from mkdocs_journeys.handbook import build_handbook

from .data_engines import postgres_table, postgres_url, sqlite_table, write_csv

PROCESS = """\
kind: department
id: claims
name: Claims
---
kind: process
id: claims-handling
title: Claims handling
owner: claims
steps:
  - {id: receive, name: Receive claim}
  - {id: assess, name: Assess damage, sla: 2h}
  - id: decide
    name: Decide
    decision: Pay?
    branches:
      - {when: yes, next: approve}
      - {when: no, next: reject}
      - {when: unclear, next: assess}
  - {id: reject, name: Reject claim, next: []}
  - {id: approve, name: Approve payment, activity: APPROVED}
  - {id: pay, name: Pay out, sla: 1d}
"""

# c1 follows the map; c2 breaches the assessment's SLA; c3 skips the assessment; c4 assesses twice
# and ends with an activity the map does not know. Timestamps: UTC, one with an offset.
EVENTS = [
    ("c1", "Receive claim", "2026-03-01T09:00:00Z"), ("c1", "Assess damage", "2026-03-01T10:00:00Z"),
    ("c1", "Decide", "2026-03-01T10:30:00Z"), ("c1", "approved", "2026-03-01T11:00:00Z"),
    ("c1", "Pay out", "2026-03-02T11:00:00Z"),
    ("c2", "receive claim", "2026-03-01T09:00:00Z"), ("c2", "Assess damage", "2026-03-01T13:00:00Z"),
    ("c2", "Decide", "2026-03-01T13:10:00Z"), ("c2", "Reject claim", "2026-03-01T13:20:00Z"),
    ("c3", "Receive claim", "2026-03-01T09:00:00Z"), ("c3", "Decide", "2026-03-01T09:20:00Z"),
    ("c3", "APPROVED", "2026-03-01T09:40:00Z"), ("c3", "Pay out", "2026-03-01T10:40:00Z"),
    ("c4", "Receive claim", "2026-03-01T09:00:00+01:00"), ("c4", "Assess damage", "2026-03-01T09:00:00Z"),
    ("c4", "Assess damage", "2026-03-01T10:00:00Z"), ("c4", "Decide", "2026-03-01T10:30:00Z"),
    ("c4", "Reject claim", "2026-03-01T11:00:00Z"), ("c4", "Send letter", "2026-03-01T11:30:00Z"),
]
XES = ("case:concept:name", "concept:name", "time:timestamp")


def _handbook(root: Path, dataset: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "process.yml").write_text(PROCESS, encoding="utf-8")
    (root / "dataset.yml").write_text(textwrap.dedent(dataset), encoding="utf-8")
    return root


def _measured(root: Path, cache: DataCache | None = None) -> Measurements:
    handbook = build_handbook(root)
    assert handbook.problems == [], handbook.problems
    return measure(handbook, cache)


def assert_hand_worked(result: Measurements) -> None:
    assert result.problems == []
    figures = result.processes["claims-handling"]
    assert (figures.cases, figures.events) == (4, 19)
    counts = {step: (f.events, f.cases, f.rework_cases) for step, f in figures.steps.items()}
    assert counts == {"receive": (4, 4, 0), "assess": (4, 3, 1), "decide": (4, 4, 0), "reject": (2, 2, 0),
                      "approve": (2, 2, 0), "pay": (2, 2, 0)}
    transitions = {(t.source, t.target): (t.count, t.designed) for t in figures.transitions}
    assert transitions == {
        ("receive", "assess"): (3, True), ("assess", "decide"): (3, True), ("decide", "approve"): (2, True),
        ("decide", "reject"): (2, True), ("approve", "pay"): (2, True), ("receive", "decide"): (1, False),
        ("assess", "assess"): (1, False), ("reject", "Send letter"): (1, False),
    }
    assert figures.never_observed == [("decide", "assess")]
    assert figures.conforming_cases == 2 and figures.conformance == 0.5
    receive_assess = next(t for t in figures.transitions if (t.source, t.target) == ("receive", "assess"))
    assert receive_assess.duration.quantile(0.5) == 60  # 60, 60, 240 minutes
    assess = figures.steps["assess"]
    assert assess.wait.quantile(0.5) == 60 and assess.breach_share == 0.25  # one of four arrivals past 2h
    assert figures.steps["pay"].breach_share == 0  # exactly one day is within a one-day SLA
    assert figures.case_duration.quantile(0.5) == 235  # 100, 210, 260, 1560 minutes: mean of the middle two
    assert figures.variant_count == 4
    assert sorted(figures.variants) == sorted([
        (("receive", "assess", "decide", "approve", "pay"), 1), (("receive", "assess", "decide", "reject"), 1),
        (("receive", "decide", "approve", "pay"), 1),
        (("receive", "assess", "assess", "decide", "reject", "Send letter"), 1)])
    assert figures.unmatched == {"Send letter": 1}


def test_a_csv_log_with_xes_column_names(tmp_path: Path) -> None:
    root = _handbook(tmp_path / "hb", """\
        kind: dataset
        id: claims-log
        type: events
        file: data/claims.csv
        process: claims-handling
    """)
    write_csv(root / "data/claims.csv", XES, EVENTS)
    assert_hand_worked(_measured(root))


def test_a_parquet_log_with_real_timestamps(tmp_path: Path) -> None:
    import duckdb

    root = _handbook(tmp_path / "hb", """\
        kind: dataset
        id: claims-log
        type: events
        file: data/claims.parquet
        process: claims-handling
    """)
    csv_file = write_csv(tmp_path / "claims.csv", ("case", "activity", "timestamp"), EVENTS)
    (root / "data").mkdir()
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    connection.execute(f"COPY (SELECT \"case\", activity, CAST(\"timestamp\" AS TIMESTAMPTZ) AS \"timestamp\" "
                       f"FROM read_csv('{csv_file}', all_varchar = true)) TO '{root / 'data/claims.parquet'}' "
                       "(FORMAT parquet)")
    assert_hand_worked(_measured(root))


def test_a_sqlite_query_with_renamed_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = sqlite_table(tmp_path / "claims.db", "log", ("claim_no", "step_name", "happened_at"), EVENTS)
    monkeypatch.setenv("CLAIMS_DB", url)
    root = _handbook(tmp_path / "hb", """\
        kind: dataset
        id: claims-log
        type: events
        connection: CLAIMS_DB
        query: select claim_no, step_name, happened_at from log
        columns: {case: claim_no, activity: step_name, timestamp: happened_at}
        process: claims-handling
    """)
    assert_hand_worked(_measured(root))


def _many_durations() -> list[tuple[str, str, str]]:
    """400 cases, each lasting its own number of minutes: a grouping by hash gives them in no order."""
    events = []
    for i in range(400):
        minutes = (i * 37) % 997 + 1
        events += [(f"c{i}", "Receive claim", "2026-03-01T00:00:00Z"),
                   (f"c{i}", "Pay out", f"2026-03-{1 + minutes // 1440:02d}T{minutes % 1440 // 60:02d}:"
                                        f"{minutes % 60:02d}:00Z")]
    return events


@pytest.mark.parametrize("engine", ["duckdb", "sqlite", "postgresql"])
def test_figures_are_read_in_order(tmp_path: Path, engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The figures come in one order, not in the order the engine's grouping gives (DuckDB and
    PostgreSQL group by hash, so two reads could differ): durations in ascending minutes."""
    if engine == "postgresql":
        monkeypatch.setenv("CLAIMS_PG", postgres_url())
        with postgres_table(("case_id", "activity", "ts"), ("text", "text", "timestamptz"),
                            _many_durations()) as table:
            _assert_in_order(tmp_path, f"""connection: CLAIMS_PG
        query: 'select case_id as "case", activity, ts as "timestamp" from "{table}"'""")
        return
    if engine == "duckdb":
        write_csv(tmp_path / "hb/data/claims.csv", XES, _many_durations())
        source = "file: data/claims.csv"
    else:
        monkeypatch.setenv("CLAIMS_DB", sqlite_table(tmp_path / "claims.db", "log", ("case", "activity", "timestamp"),
                                                        _many_durations()))
        source = 'connection: CLAIMS_DB\n        query: select * from log'
    _assert_in_order(tmp_path, source)


def _assert_in_order(tmp_path: Path, source: str) -> None:
    root = _handbook(tmp_path / "hb", f"""\
        kind: dataset
        id: claims-log
        type: events
        {source}
        process: claims-handling
    """)
    figures = _measured(root).processes["claims-handling"]
    durations = list(figures.case_duration.counts)
    assert len(durations) == 400 and durations == sorted(durations)
    pay = next(t for t in figures.transitions if (t.source, t.target) == ("receive", "pay"))
    assert list(pay.duration.counts) == durations


@pytest.fixture
def postgres_log() -> Iterator[str]:
    postgres_url()
    with postgres_table(("case_id", "activity", "ts"), ("text", "text", "timestamptz"), EVENTS) as table:
        yield table


def test_a_postgresql_query_aggregated_on_the_server(tmp_path: Path, postgres_log: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_PG", postgres_url())
    root = _handbook(tmp_path / "hb", f"""\
        kind: dataset
        id: claims-log
        type: events
        connection: CLAIMS_PG
        query: 'select case_id as "case", activity, ts as "timestamp" from "{postgres_log}"'
        process: claims-handling
    """)
    assert_hand_worked(_measured(root))


def test_an_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    root = _handbook(tmp_path / "hb", """\
        kind: dataset
        id: claims-log
        type: events
        file: data/claims.csv
        process: claims-handling
    """)
    log = write_csv(root / "data/claims.csv", XES, EVENTS)
    cache = DataCache()
    assert _measured(root, cache).reads == 1
    again = _measured(root, cache)
    assert again.reads == 0
    assert_hand_worked(again)
    write_csv(log, XES, EVENTS[:-1])  # a changed file is read again
    changed = _measured(root, cache)
    assert changed.reads == 1 and changed.processes["claims-handling"].events == 18


def test_bad_rows_are_left_out_and_reported_at_their_line(tmp_path: Path) -> None:
    root = _handbook(tmp_path / "hb", """\
        kind: dataset
        id: claims-log
        type: events
        file: data/claims.csv
        process: claims-handling
    """)
    rows = [*EVENTS, ("c5", "Receive claim", "yesterday"), ("c6", "Receive claim", "tomorrow"), ("", "Decide", "")]
    write_csv(root / "data/claims.csv", XES, rows)
    result = measure(build_handbook(root))
    messages = [(p.location.display(root), p.message) for p in result.problems]
    assert messages == [  # the header is line 1: the events are lines 2-20
        ("data/claims.csv:23:1", "dataset 'claims-log': a row with no case or activity left out"),
        ("data/claims.csv:21:1", "dataset 'claims-log': 2 rows with a timestamp that is not a date and time left out"),
    ]
    assert result.processes["claims-handling"].events == 19
