"""An event log in a data file, aggregated from one sorted list per case (DuckDB only).

The portable SQL of :mod:`.event_log` orders every event by case and time in a window, which on
millions of events is most of the build. Here each event is packed into one integer (its microsecond
since the log's first event, times the number of activities, plus its activity's rank by name), so
that a single hash grouping by case gives each case its events as a list of integers, sorted per case
by ``list_sort`` (cases are short) in the order the portable path uses: time, then activity. Every
figure comes from those lists: the variants (few) give the counts per activity, the starts, the ends,
the conformance and the stages; the lists themselves give the transitions' and the cases' durations.

A log whose activities or time span do not fit in the packing is left to the portable path.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import version

from ..model import Dataset
from ..model.dataset import REQUIRED_COLUMNS, XES_NAMES
from .event_log import SEPARATOR, TOP_VARIANTS, BadRows, EventLog, EventQueries
from .quantiles import Histogram, histogram
from .sources import FileSource, Source, required

ROWS, CASES, VARIANTS = "journeys_rows", "journeys_cases", "journeys_variants"
MAX_ACTIVITIES = 4096  # more distinct activities than a process has: a log of free text, left to SQL
PACKED_LIMIT = 2**62  # packed values stay well inside a signed 64-bit integer


def event_queries(source: Source, dataset: Dataset) -> EventQueries | ListQueries:
    """The fast path for a data file, the portable SQL for a database."""
    return ListQueries(source, dataset) if isinstance(source, FileSource) else EventQueries(source, dataset)


def _lambda(body: str) -> str:
    """``x`` → ``body`` in the lambda syntax of the installed DuckDB (it changed in 1.3)."""
    major, minor = (int(part) for part in version("duckdb").split(".")[:2])
    return f"lambda x: {body}" if (major, minor) >= (1, 3) else f"x -> {body}"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class ListQueries:
    """The figures of an event log in a data file, from per-case lists of packed events."""

    def __init__(self, source: FileSource, dataset: Dataset) -> None:
        self.source, self.dataset = source, dataset
        columns = source.columns()
        names = required(dataset, list(columns), REQUIRED_COLUMNS["events"], XES_NAMES)
        d = source.dialect
        stamp = names["timestamp"]
        typed = any(word in columns.get(stamp, "").upper() for word in ("TIMESTAMP", "DATE"))
        self.select = (f"SELECT {d.text(d.quote(names['case']))} AS case_id, {d.text(d.quote(names['activity']))} "
                       f"AS activity, epoch_us(CAST({d.timestamp(d.quote(stamp), typed)} AS TIMESTAMPTZ)) AS t")
        if source.lines:
            # A CSV file is parsed once, in parallel, into a table that every later query reads; its
            # lines are numbered only when a bad row needs its line in the message.
            source.run("SET preserve_insertion_order = false")
            source.run(f"CREATE OR REPLACE TEMP TABLE {ROWS} AS {self.select} FROM {source.unnumbered}")
            source.run("SET preserve_insertion_order = true")
        else:  # Parquet or JSON is read where it is (each query reads only the columns it needs)
            source.run(f"CREATE OR REPLACE TEMP VIEW {ROWS} AS {self.select} FROM {source.relation()}")
        self.activities: list[str] = []
        self.portable: EventQueries | None = None

    def aggregate(self) -> EventLog:
        log = EventLog(bad_rows=self._bad_rows())
        valid = f"FROM {ROWS} WHERE case_id IS NOT NULL AND activity IS NOT NULL AND t IS NOT NULL"
        per_activity = self.source.run(f"SELECT activity, COUNT(*), MIN(t), MAX(t) {valid} GROUP BY activity "
                                       "ORDER BY activity")
        if not per_activity:
            return log
        self.activities = [str(row[0]) for row in per_activity]
        first, last = min(int(row[2]) for row in per_activity), max(int(row[3]) for row in per_activity)
        n = len(self.activities)
        if n > MAX_ACTIVITIES or (last - first + 1) * n >= PACKED_LIMIT:
            self.portable = EventQueries(self.source, self.dataset)
            return self.portable.aggregate()
        names = "[" + ", ".join(_literal(a) for a in self.activities) + "]"
        packed = f"(t - {first}) * {n} + list_position({names}, activity) - 1"
        self.source.run(f"CREATE OR REPLACE TEMP TABLE {CASES} AS SELECT list_sort(list({packed})) AS e {valid} "
                        "GROUP BY case_id")
        self.source.run(f"CREATE OR REPLACE TEMP TABLE {VARIANTS} AS SELECT ROW_NUMBER() OVER () AS id, v, n FROM "
                        f"(SELECT list_transform(e, {_lambda(f'x % {n}')}) AS v, COUNT(*) AS n FROM {CASES} "
                        "GROUP BY v) grouped")
        self._per_activity(log)
        self._transitions(log, n)
        log.case_durations = histogram(self.source.run(
            f"SELECT CAST(ROUND((e[-1] // {n} - e[1] // {n}) / 60e6) AS INTEGER) AS m, COUNT(*) FROM {CASES} "
            "GROUP BY m ORDER BY m"))
        log.cases = log.case_durations.total
        log.starts = self._counts(f"SELECT v[1], SUM(n) FROM {VARIANTS} GROUP BY 1 ORDER BY 1")
        log.ends = self._counts(f"SELECT v[-1], SUM(n) FROM {VARIANTS} GROUP BY 1 ORDER BY 1")
        text = f"array_to_string(list_transform(v, {_lambda(f'{names}[x + 1]')}), chr(31))"
        top = self.source.run(f"SELECT {text} AS s, n, COUNT(*) OVER () FROM {VARIANTS} ORDER BY n DESC, s "
                              f"LIMIT {TOP_VARIANTS}")
        log.variant_count = int(top[0][2]) if top else 0
        log.variants = [(tuple(str(s).split(SEPARATOR)), int(count)) for s, count, _ in top]
        return log

    def nonconforming_cases(self, designed: Iterable[tuple[str, str]]) -> int:
        """Cases of the variants that take at least one transition not among the ``designed`` pairs."""
        if self.portable is not None:
            return self.portable.nonconforming_cases(designed)
        if not self.activities:
            return 0
        code, n = {a: i for i, a in enumerate(self.activities)}, len(self.activities)
        pairs = sorted(code[a] * n + code[b] for a, b in set(designed) if a in code and b in code)
        listed = "[" + ", ".join(map(str, pairs)) + "]::BIGINT[]"
        rows = self.source.run(
            f"SELECT SUM(n) FROM {VARIANTS} WHERE id IN (SELECT id FROM (SELECT id, unnest(v[:-2]) AS a, "
            f"unnest(v[2:]) AS b FROM {VARIANTS}) p WHERE NOT list_contains({listed}, CAST(a * {n} + b AS BIGINT)))")
        return int(rows[0][0] or 0)

    def cases_per_group(self, groups: dict[str, str]) -> dict[str, int]:
        """Cases per group of activities (``activity → group``): the variants that meet the group."""
        if self.portable is not None:
            return self.portable.cases_per_group(groups)
        code = {a: i for i, a in enumerate(self.activities)}
        known = sorted((code[a], g) for a, g in groups.items() if a in code)
        if not known:
            return {}
        values = ", ".join(f"({c}, {_literal(g)})" for c, g in known)
        return self._counts(f"SELECT g, SUM(n) FROM (SELECT DISTINCT id, n, g FROM (SELECT id, n, unnest(v) AS a "
                            f"FROM {VARIANTS}) u JOIN (VALUES {values}) m(c, g) ON u.a = m.c) met "
                            "GROUP BY g ORDER BY g", coded=False)

    def _per_activity(self, log: EventLog) -> None:
        rows = self.source.run(
            "SELECT a, SUM(n * k), SUM(n), SUM(CASE WHEN k > 1 THEN n ELSE 0 END) FROM (SELECT id, a, "
            f"ANY_VALUE(n) AS n, COUNT(*) AS k FROM (SELECT id, n, unnest(v) AS a FROM {VARIANTS}) u "
            "GROUP BY id, a) per_variant GROUP BY a")
        for a, events, cases, repeated in sorted(rows, key=lambda row: int(row[0])):
            activity = self.activities[int(a)]
            log.activities[activity] = (int(events), int(cases))
            if int(repeated):
                log.rework[activity] = int(repeated)
        log.events = sum(events for events, _ in log.activities.values())

    def _transitions(self, log: EventLog, n: int) -> None:
        rows = self.source.run(
            f"SELECT x % {n}, y % {n}, CAST(ROUND((y // {n} - x // {n}) / 60e6) AS INTEGER) AS m, COUNT(*) FROM "
            f"(SELECT unnest(e[:-2]) AS x, unnest(e[2:]) AS y FROM {CASES}) pairs GROUP BY ALL ORDER BY ALL")
        for a, b, m, count in rows:
            pair = (self.activities[int(a)], self.activities[int(b)])
            log.transitions.setdefault(pair, Histogram()).add(int(m), int(count))

    def _counts(self, sql: str, coded: bool = True) -> dict[str, int]:
        return {self.activities[int(k)] if coded else str(k): int(v) for k, v in self.source.run(sql)}

    def _bad_rows(self) -> list[BadRows]:
        """Both kinds of bad row in one pass over the rows; the file read again, its lines numbered,
        only when there are some and the file has lines."""
        checks = [("no case or activity", "case_id IS NULL OR activity IS NULL"),
                  ("a timestamp that is not a date and time",
                   "case_id IS NOT NULL AND activity IS NOT NULL AND t IS NULL")]
        counts = self.source.run("SELECT " + ", ".join(f"COUNT(*) FILTER (WHERE {c})" for _, c in checks) +
                                 f" FROM {ROWS}")[0]
        firsts: tuple[object, ...] = (None,) * len(checks)
        if any(counts) and self.source.lines:
            firsts = self.source.run("SELECT " + ", ".join(f"MIN(_line) FILTER (WHERE {c})" for _, c in checks) +
                                     f" FROM ({self.select}, _line FROM {self.source.relation()}) numbered")[0]
        return [BadRows(problem, int(count), int(str(first)) if first is not None else None)
                for (problem, _), count, first in zip(checks, counts, firsts, strict=True) if count]

