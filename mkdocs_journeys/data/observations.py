"""Measured metric values from a dataset, checked row by row and merged into the metrics they measure.

Observations are already aggregates (one value per entity, metric and period), so they are few and
are read whole. Each kind of problem is reported once, at the first row that has it, with the
number of rows that share it; those rows are left out and the rest is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from ..handbook import Handbook
from ..model import Dataset, Journey, MetricValue, Stage, Touchpoint
from ..model.dataset import OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from ..problems import Problem, did_you_mean
from ..source import Location
from .sources import Source, required

Target = Journey | Stage | Touchpoint


@dataclass
class Observation:
    at: Target
    journey: Journey
    metric: str
    period: str
    value: float
    source: str | None
    line: int | None


@dataclass
class RowProblems:
    """Problems of the rows of one dataset, one entry per kind of problem."""

    dataset: Dataset
    file: Path | None
    first: dict[str, tuple[int | None, str | None]] = field(default_factory=dict)  # message: (line, hint)
    counts: dict[str, int] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)

    def add(self, message: str, line: int | None, hint: str | None = None, kind: str | None = None) -> None:
        """``kind``: rows sharing it are one problem, told by the first one's message (values that do
        not parse differ from row to row, but are one kind of problem per metric)."""
        key = kind or message
        if key not in self.first:
            self.first[key] = (line, hint)
            self.messages[key] = message
        self.counts[key] = self.counts.get(key, 0) + 1

    def problems(self) -> list[Problem]:
        found = []
        for key, (line, hint) in self.first.items():
            message, count = self.messages[key], self.counts[key]
            rows = f" ({count} rows like this one are left out)" if count > 1 else " (the row is left out)"
            if self.file is not None and line is not None:
                where = Location(self.file, line, 1)
            else:
                where = self.dataset.location("query" if self.dataset.query else "type")
                rows = f" ({count} rows are left out)" if count > 1 else " (the row is left out)"
            found.append(Problem(where, f"dataset '{self.dataset.id}': {message}{rows}", "bad-data", hint=hint))
        return found


@dataclass
class Rows:
    """An observations dataset as read: ``(at, metric, period, value, source, line)`` per row."""

    rows: list[tuple[str | None, ...]]


def fetch_rows(source: Source, dataset: Dataset) -> Rows:
    columns = list(source.columns())
    names = required(dataset, columns, REQUIRED_COLUMNS["observations"])
    d = source.dialect
    selected = [d.text(d.quote(names[n])) for n in REQUIRED_COLUMNS["observations"]]
    optional = dataset.column(OPTIONAL_COLUMNS["observations"][0])
    selected.append(d.text(d.quote(optional)) if optional in columns else "NULL")
    selected.append(d.text("_line") if source.lines else "NULL")
    fetched = source.run(f"SELECT {', '.join(selected)} FROM {source.relation()}")
    return Rows([tuple(None if v is None else str(v) for v in row) for row in fetched])


def read_observations(rows: Rows, dataset: Dataset, handbook: Handbook,
                      file: Path | None) -> tuple[list[Observation], list[Problem]]:
    issues = RowProblems(dataset, file)
    found: list[Observation] = []
    for row in rows.rows:
        at, metric, period, value = (None if v is None else v.strip() for v in row[:4])
        line = int(row[5]) if row[5] is not None else None
        observation = _observation(handbook, issues, line, at, metric, period, value)
        if observation is not None:
            observation.source = row[4] or dataset.source
            found.append(observation)
    return found, issues.problems()


def _observation(handbook: Handbook, issues: RowProblems, line: int | None, at: str | None, metric: str | None,
                 period: str | None, value: str | None) -> Observation | None:
    if not at or not metric or not period or value is None or value == "":
        issues.add("a row without `at`, `metric`, `period` or `value`", line)
        return None
    target = _target(handbook, issues, line, at)
    if target is None:
        return None
    definition = handbook.metrics.get(metric)
    if definition is None:
        issues.add(f"unknown metric '{metric}'", line, did_you_mean(metric, handbook.metrics))
        return None
    try:
        number = float(definition.parse(value))
    except (PydanticCustomError, ValueError, ArithmeticError) as exc:
        said = str(exc)
        issues.add(said if definition.name in said else f"{definition.name}: {said}", line, kind=f"value:{metric}")
        return None
    return Observation(target[1], target[0], metric, period, number, None, line)


def _target(handbook: Handbook, issues: RowProblems, line: int | None, at: str) -> tuple[Journey, Target] | None:
    journey_id, _, part = at.partition("/")
    journey = handbook.journeys.get(journey_id)
    if journey is None:
        issues.add(f"unknown journey '{journey_id}' in `at`", line, did_you_mean(journey_id, handbook.journeys))
        return None
    if not part:
        return journey, journey
    parts: dict[str, Target] = {s.id: s for s in journey.stages}
    parts.update({tp.id: tp for _, tp in journey.touchpoints()})
    if part not in parts:
        issues.add(f"the journey '{journey_id}' has no stage or touchpoint '{part}'", line,
                   did_you_mean(part, parts))
        return None
    return journey, parts[part]


def merge(handbook: Handbook, dataset: Dataset, observations: list[Observation], file: Path | None,
          origins: dict[tuple[str, str], Location] | None = None) -> list[Problem]:
    """Observations become each metric's history and actual; two sources for one figure are errors.
    ``origins`` gets, per ``(subject, metric)``, where the latest value was read (a finding about that
    value, such as its age, points there: the data is what needs renewing)."""
    grouped: dict[tuple[int, str], list[Observation]] = {}
    for observation in observations:
        grouped.setdefault((id(observation.at), observation.metric), []).append(observation)
    problems: list[Problem] = []
    for (_, metric_id), group in grouped.items():
        target = group[0].at
        existing = target.metrics.get(metric_id)
        if existing is not None and existing.written("actual") is not None:
            problems.append(Problem(existing.location("actual", key=True), f"'{metric_id}' has an `actual` here and "
                            f"observations in the dataset '{dataset.id}': two sources for one figure",
                            "two-sources", hint="remove the `actual` and let the data give it"))
            continue
        history = {h.period: h.value for h in existing.history} if existing is not None else {}
        added: set[str] = set()
        for observation in sorted(group, key=lambda o: o.period):
            if observation.period in history:
                problems.append(_twice(dataset, observation, None if observation.period in added else existing, file))
                continue
            history[observation.period] = observation.value
            added.add(observation.period)
        target.metrics[metric_id] = _merged(handbook, existing, metric_id, history, group)
        latest = max((o for o in group if o.period in added), key=lambda o: o.period, default=None)
        if origins is not None and latest is not None and latest.period == max(history):
            subject = f"journey:{latest.journey.id}" + ("" if latest.at is latest.journey else f"/{latest.at.id}")
            origins[(subject, metric_id)] = (Location(file, latest.line, 1) if file is not None and latest.line
                                             else dataset.location("type"))
    return problems


def _twice(dataset: Dataset, observation: Observation, existing: MetricValue | None, file: Path | None) -> Problem:
    """``existing``: the value the other one is in (the YAML's, or another dataset's); None: this dataset."""
    where = Location(file, observation.line, 1) if observation.line is not None and file else dataset.location("type")
    written = existing.written("history") if existing is not None else None
    in_yaml = isinstance(written, list) and any(isinstance(h, dict) and str(h.get("period")) == observation.period
                                                for h in written)
    other = " (one in the YAML history)" if in_yaml else " (one from another dataset)" if existing else ""
    return Problem(where, f"dataset '{dataset.id}': two values of '{observation.metric}' for {observation.period}"
                   + other, "two-sources", hint="keep one value per period")


def _merged(handbook: Handbook, existing: MetricValue | None, metric_id: str, history: dict[str, float],
            group: list[Observation]) -> MetricValue:
    periods = sorted(history)
    latest = max(group, key=lambda o: o.period)
    data: dict[str, Any] = {
        "metric_id": metric_id,
        "target": existing.target if existing is not None else None,
        "actual": history[periods[-1]],
        "period": periods[-1],
        "source": latest.source if latest.period == periods[-1] else (existing.source if existing else None),
        "history": [{"metric_id": metric_id, "period": p, "value": history[p]} for p in periods],
    }
    merged = MetricValue.model_validate(data, context={"metrics": handbook.metrics})
    if existing is not None and existing.document is not None:
        merged.attach(existing.document, existing.path)
    elif group[0].at.document is not None:
        merged.attach(group[0].at.document, (*group[0].at.path, "metrics"))
    return merged
