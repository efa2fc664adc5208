"""An event log aggregated where it lives: counts, transitions, durations and variants, in SQL.

Nothing here reads events one by one: each figure is a ``GROUP BY`` the engine runs, and what comes
back is as small as the process (activities, pairs of activities, minutes of duration). Activities
stay the source's text here; matching them to steps and touchpoints is :mod:`.event_figures`' work.

A case's events are ordered by timestamp, then by activity (so ties order the same every run).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Dataset
from ..model.dataset import REQUIRED_COLUMNS, XES_NAMES
from .quantiles import Histogram, histogram
from .sources import RAW, Source, required

SEPARATOR = "\x1f"  # between the activities of a variant: a character no activity name holds
TOP_VARIANTS = 10


@dataclass
class BadRows:
    """Rows left out for one kind of problem: how many, and the first one's line when the file has lines."""

    problem: str
    count: int
    first_line: int | None


@dataclass
class EventLog:
    events: int = 0
    cases: int = 0
    activities: dict[str, tuple[int, int]] = field(default_factory=dict)  # activity: (events, cases)
    transitions: dict[tuple[str, str], Histogram] = field(default_factory=dict)  # minutes from a to b
    case_durations: Histogram = field(default_factory=Histogram)
    starts: dict[str, int] = field(default_factory=dict)  # cases whose first event is the activity
    ends: dict[str, int] = field(default_factory=dict)  # cases whose last event is the activity
    rework: dict[str, int] = field(default_factory=dict)  # cases that repeat the activity
    variants: list[tuple[tuple[str, ...], int]] = field(default_factory=list)  # the most frequent
    variant_count: int = 0
    bad_rows: list[BadRows] = field(default_factory=list)


# The tables the queries share (named so that none clashes with a table of the organisation's query).
EVENTS, STEPS = "journeys_events", "journeys_steps"
DESIGNED, GROUPS = "journeys_designed", "journeys_groups"


class EventQueries:
    """The SQL of one event log, on one source."""

    def __init__(self, source: Source, dataset: Dataset) -> None:
        self.source = source
        columns = source.columns()
        names = required(dataset, list(columns), REQUIRED_COLUMNS["events"], XES_NAMES)
        d = source.dialect
        stamp = names["timestamp"]
        typed = any(word in columns.get(stamp, "").upper() for word in ("TIMESTAMP", "DATE"))
        line = ", _line" if source.lines else ""
        raw = (f"SELECT {d.text(d.quote(names['case']))} AS case_id, {d.text(d.quote(names['activity']))} AS "
               f"activity, {d.epoch(d.timestamp(d.quote(stamp), typed))} AS t{line} FROM {source.relation()}")
        order = "OVER (PARTITION BY case_id ORDER BY t, activity)"
        self.prefix = source.prepare({
            EVENTS: f"SELECT case_id, activity, t FROM {RAW} "
                    "WHERE case_id IS NOT NULL AND activity IS NOT NULL AND t IS NOT NULL",
            STEPS: f"SELECT case_id, activity, t, LEAD(activity) {order} AS nxt, LEAD(t) {order} AS nxt_t, "
                   f"ROW_NUMBER() {order} AS k FROM {EVENTS}",
        }, raw=raw)

    def run(self, sql: str) -> list[tuple[object, ...]]:
        return self.source.run(self.prefix + sql)

    def aggregate(self) -> EventLog:
        log = EventLog()
        log.bad_rows = self._bad_rows()
        # Events, cases and rework per activity from one grouping by (case, activity): cheaper than
        # a COUNT(DISTINCT) and a second grouping for the rework.
        per_activity = ("SELECT activity, SUM(n), COUNT(*), SUM(CASE WHEN n > 1 THEN 1 ELSE 0 END) FROM "
                        f"(SELECT case_id, activity, COUNT(*) AS n FROM {EVENTS} GROUP BY case_id, activity) "
                        "per_case GROUP BY activity ORDER BY activity")
        for activity, events, cases, repeated in self.run(per_activity):
            log.activities[str(activity)] = (_int(events), _int(cases))
            if _int(repeated):
                log.rework[str(activity)] = _int(repeated)
        log.events = sum(events for events, _ in log.activities.values())
        minutes = "CAST(ROUND((nxt_t - t) / 60) AS INTEGER)"
        pairs = (f"SELECT activity, nxt, {minutes}, COUNT(*) FROM {STEPS} WHERE nxt IS NOT NULL "
                 "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
        for a, b, m, count in self.run(pairs):
            log.transitions.setdefault((str(a), str(b)), Histogram()).add(_int(m), _int(count))
        log.case_durations = histogram(self.run(
            f"SELECT m, COUNT(*) FROM (SELECT CAST(ROUND((MAX(t) - MIN(t)) / 60) AS INTEGER) AS m FROM {EVENTS} "
            "GROUP BY case_id) durations GROUP BY m ORDER BY m"))
        log.cases = log.case_durations.total  # one duration per case
        by_activity = "GROUP BY activity ORDER BY activity"
        log.starts = _counts(self.run(f"SELECT activity, COUNT(*) FROM {STEPS} WHERE k = 1 {by_activity}"))
        log.ends = _counts(self.run(f"SELECT activity, COUNT(*) FROM {STEPS} WHERE nxt IS NULL {by_activity}"))
        # The most frequent variants and, with them, how many there are (one pass over the cases).
        variants = f"SELECT v, COUNT(*) AS n FROM ({self._variant_per_case()}) per_case GROUP BY v"
        top = self.run(f"SELECT v, n, COUNT(*) OVER () FROM ({variants}) all_variants ORDER BY n DESC, v "
                       f"LIMIT {TOP_VARIANTS}")
        log.variant_count = _int(top[0][2]) if top else 0
        log.variants = [(tuple(str(v).split(SEPARATOR)), _int(n)) for v, n, _ in top]
        return log

    def nonconforming_cases(self, designed: Iterable[tuple[str, str]]) -> int:
        """Cases with at least one transition that is not among the ``designed`` pairs of activities."""
        pairs = sorted(set(designed))
        if pairs:
            values = ", ".join(f"({_literal(a)}, {_literal(b)})" for a, b in pairs)
            table = f"{DESIGNED}(a, b) AS (VALUES {values})"
        else:
            table = f"{DESIGNED}(a, b) AS (SELECT activity, activity FROM {EVENTS} WHERE 1 = 0)"
        with_designed = f"{self.prefix.rstrip()}, {table} " if self.prefix else f"WITH {table} "
        rows = self.source.run(
            f"{with_designed}SELECT COUNT(DISTINCT s.case_id) FROM {STEPS} s LEFT JOIN {DESIGNED} d "
            "ON s.activity = d.a AND s.nxt = d.b WHERE s.nxt IS NOT NULL AND d.a IS NULL")
        return _int(rows[0][0])

    def cases_per_group(self, groups: dict[str, str]) -> dict[str, int]:
        """Distinct cases per group of activities (``activity → group``), such as a journey's stages."""
        if not groups:
            return {}
        values = ", ".join(f"({_literal(a)}, {_literal(g)})" for a, g in sorted(groups.items()))
        table = f"{GROUPS}(a, g) AS (VALUES {values})"
        with_groups = f"{self.prefix.rstrip()}, {table} " if self.prefix else f"WITH {table} "
        rows = self.source.run(f"{with_groups}SELECT m.g, COUNT(DISTINCT e.case_id) FROM {EVENTS} e "
                               f"JOIN {GROUPS} m ON e.activity = m.a GROUP BY m.g ORDER BY m.g")
        return _counts(rows)

    def _variant_per_case(self) -> str:
        if self.source.dialect.name == "sqlite":  # no ORDER BY inside an aggregate before SQLite 3.44
            return (f"SELECT case_id, group_concat(activity, char(31)) AS v FROM (SELECT case_id, activity "
                    f"FROM {STEPS} ORDER BY case_id, k) ordered GROUP BY case_id")
        if self.source.dialect.name == "mysql":
            return (f"SELECT case_id, GROUP_CONCAT(activity ORDER BY k SEPARATOR CHAR(31)) AS v FROM {STEPS} "
                    "GROUP BY case_id")
        return f"SELECT case_id, string_agg(activity, chr(31) ORDER BY k) AS v FROM {STEPS} GROUP BY case_id"

    def _bad_rows(self) -> list[BadRows]:
        line = "MIN(_line)" if self.source.lines else "NULL"
        checks = [("no case or activity", "case_id IS NULL OR activity IS NULL"),
                  ("a timestamp that is not a date and time",
                   "case_id IS NOT NULL AND activity IS NOT NULL AND t IS NULL")]
        found = []
        for problem, condition in checks:
            count, first = self.run(f"SELECT COUNT(*), {line} FROM {RAW} WHERE {condition}")[0]
            if _int(count):
                found.append(BadRows(problem, _int(count), _int(first) if first is not None else None))
        return found


def _int(value: object) -> int:
    return int(float(str(value))) if value is not None else 0


def _counts(rows: list[tuple[object, ...]]) -> dict[str, int]:
    return {str(a): _int(n) for a, n in rows}


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
