"""A big event log and the small handbook that measures it, for the data benchmark.

``python benchmarks/data_synthetic.py OUTDIR EVENTS`` writes ``OUTDIR/journeys`` (a handbook of one
6-step claims process, its departments and a journey, plus a dataset definition) and the event log
as ``OUTDIR/journeys/data/claims-events.parquet`` and ``.csv``.

The log is written by DuckDB itself (``COPY (SELECT ... FROM range(n)) TO ...``): no Python loop
touches an event, so ten million events take seconds. Each case follows one of a few variants, drawn
by a hash of its number (the same size always gives the same file): most follow the map, some loop
back from the decision to the assessment (rework), and a few run transitions the map does not have
(skipping the document check, paying before the decision, checking twice). Cases start over one
year; the time between two events is up to 16 hours (8 on average), so the document check's and
the assessment's SLAs are breached in a share of cases.
"""

from __future__ import annotations

import sys
from pathlib import Path

# (share in %, activities) — 6 steps: register, check, assess, decide, pay, close.
VARIANTS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (55, ("Register claim", "Check documents", "Assess damage", "Decide", "Pay out", "Close claim")),
    (15, ("Register claim", "Check documents", "Assess damage", "Decide", "Assess damage", "Decide", "Pay out",
          "Close claim")),
    (12, ("Register claim", "Check documents", "Assess damage", "Decide", "Close claim")),
    (5, ("Register claim", "Check documents", "Assess damage", "Decide", "Assess damage", "Decide",
         "Assess damage", "Decide", "Pay out", "Close claim")),
    (8, ("Register claim", "Assess damage", "Decide", "Pay out", "Close claim")),
    (3, ("Register claim", "Check documents", "Assess damage", "Pay out", "Close claim")),
    (2, ("Register claim", "Check documents", "Check documents", "Assess damage", "Decide", "Pay out",
         "Close claim")),
)
EVENTS_PER_CASE = sum(share * len(steps) for share, steps in VARIANTS) / 100

HANDBOOK = """\
kind: department
id: claims
name: Claims
---
kind: department
id: payments
name: Payments
---
kind: process
id: claims-handling
title: Claims handling
owner: claims
steps:
  - {id: register, name: Register claim}
  - {id: check, name: Check documents, sla: 12h}
  - {id: assess, name: Assess damage, sla: 14h}
  - id: decide
    name: Decide
    decision: Pay the claim?
    branches:
      - {when: yes, next: pay}
      - {when: no, next: close}
      - {when: more information, next: assess}
  - {id: pay, name: Pay out, owner: payments, sla: 1d}
  - {id: close, name: Close claim, next: []}
---
kind: journey
id: motor-claim
title: Making a motor claim
owner: claims
stages:
  - id: report
    name: Report
    touchpoints:
      - {id: call, name: Phone the claims line, channel: phone, owner: claims, emotion: -1}
  - id: settle
    name: Settle
    touchpoints:
      - {id: payment, name: Receive the payment, channel: email, owner: payments, emotion: 1}
"""

DATASET = """\
kind: dataset
id: claims-events
type: events
file: data/claims-events.{suffix}
process: claims-handling
source: Claims system export (synthetic)
"""


def cases_for(events: int) -> int:
    """Cases that give about ``events`` events with the variants' mix."""
    return max(1, round(events / EVENTS_PER_CASE))


def event_sql(cases: int) -> str:
    """One row per event of ``cases`` cases, in case order: case, activity, timestamp (UTC)."""
    bounds: list[str] = []
    upper = 0
    for share, steps in VARIANTS:
        upper += share
        listed = ", ".join("'" + s + "'" for s in steps)
        bounds.append(f"WHEN hash(c) % 100 < {upper} THEN [{listed}]")
    variant = "CASE " + " ".join(bounds) + " END"
    return (
        "SELECT 'C' || lpad(CAST(c AS VARCHAR), 8, '0') AS \"case\", activity, "
        "TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_minutes(CAST(hash(c, 0) % 525600 AS BIGINT)) "
        "+ to_minutes(CAST(k * 480 + hash(c, k) % 480 AS BIGINT)) AS \"timestamp\" "
        f"FROM (SELECT c, unnest(v) AS activity, generate_subscripts(v, 1) AS k "
        f"FROM (SELECT c, {variant} AS v FROM range({cases}) r(c))) ORDER BY c, k"
    )


def write_event_log(directory: Path, events: int) -> dict[str, Path]:
    """The log as Parquet and CSV in ``directory``; the files by suffix."""
    import duckdb

    directory.mkdir(parents=True, exist_ok=True)
    files = {"parquet": directory / "claims-events.parquet", "csv": directory / "claims-events.csv"}
    connection = duckdb.connect(":memory:")
    try:
        connection.execute("SET TimeZone = 'UTC'")
        connection.execute(f"CREATE TEMP TABLE events AS {event_sql(cases_for(events))}")
        connection.execute(f"COPY events TO '{files['parquet']}' (FORMAT parquet, COMPRESSION zstd)")
        connection.execute("COPY (SELECT \"case\", activity, strftime(\"timestamp\", '%Y-%m-%dT%H:%M:%SZ') AS "
                           f"\"timestamp\" FROM events) TO '{files['csv']}' (FORMAT csv, HEADER true)")
    finally:
        connection.close()
    return files


def write_handbook(root: Path, dataset: str | None) -> Path:
    """The small handbook; with ``dataset`` (``parquet`` or ``csv``) its event log's definition too."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "claims.yml").write_text(HANDBOOK, encoding="utf-8")
    definition = root / "claims-events.yml"
    if dataset is not None:
        definition.write_text(DATASET.format(suffix=dataset), encoding="utf-8")
    elif definition.exists():
        definition.unlink()
    return root


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    out, count = Path(sys.argv[1]), int(sys.argv[2])
    handbook = write_handbook(out / "journeys", "parquet")
    for path in write_event_log(handbook / "data", count).values():
        print(path)
