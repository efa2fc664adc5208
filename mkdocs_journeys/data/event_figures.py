"""What an aggregated event log says about a process map or a journey.

An event belongs to the step (or touchpoint) whose ``activity`` equals its activity, else whose
``name`` does, compared after trimming and case folding. A step's time is the time from the case's
previous event to the step's own: how long the case waited for the step to be done, which is
what its ``sla`` promises. Durations are rounded to whole minutes (the precision of every figure shown).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Journey, Process
from .event_log import EventLog
from .quantiles import Histogram


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def matcher(names: Iterable[tuple[str, str | None, str]]) -> dict[str, str]:
    """Activity (folded) → id, from ``(id, activity, name)``: an explicit ``activity`` wins over a name."""
    names = list(names)
    by_name = {_key(name): node_id for node_id, _, name in names}
    by_activity = {_key(activity): node_id for node_id, activity, _ in names if activity}
    return {**by_name, **by_activity}


@dataclass
class StepFigures:
    events: int = 0
    cases: int = 0
    rework_cases: int = 0  # cases in which the step happens more than once
    wait: Histogram = field(default_factory=Histogram)  # minutes from the previous event to this step
    sla_minutes: float | None = None

    @property
    def breach_share(self) -> float | None:
        """The share of arrivals later than the SLA."""
        return self.wait.share_above(self.sla_minutes) if self.sla_minutes is not None else None


@dataclass
class TransitionFigures:
    source: str  # a step id, or the activity as written when it matches no step
    target: str
    count: int
    designed: bool
    matched: bool  # both ends are steps of the map
    duration: Histogram


@dataclass
class ProcessFigures:
    dataset: str
    cases: int
    events: int
    steps: dict[str, StepFigures]
    transitions: list[TransitionFigures]
    never_observed: list[tuple[str, str]]  # designed transitions no case took
    conforming_cases: int
    case_duration: Histogram
    variants: list[tuple[tuple[str, ...], int]]  # step ids (or activities), most frequent first
    variant_count: int
    unmatched: dict[str, int]  # activities matching no step: events each

    @property
    def conformance(self) -> float | None:
        """The share of cases whose every transition is designed."""
        return self.conforming_cases / self.cases if self.cases else None


def designed_pairs(process: Process) -> set[tuple[str, str]]:
    return {(step.id, target) for i, step in enumerate(process.steps) for target, _ in process.successors(i)}


def raw_designed_pairs(process: Process, log: EventLog) -> set[tuple[str, str]]:
    """The designed transitions written in the log's own activities (what the conformance query compares)."""
    ids = _ids_of(process, log)
    designed = designed_pairs(process)
    return {(a, b) for a in ids for b in ids if (ids[a], ids[b]) in designed}


def _ids_of(process: Process, log: EventLog) -> dict[str, str]:
    match = matcher((s.id, s.activity, s.name) for s in process.steps)
    return {activity: match[_key(activity)] for activity in log.activities if _key(activity) in match}


def process_figures(dataset: str, process: Process, log: EventLog, nonconforming: int) -> ProcessFigures:
    ids = _ids_of(process, log)
    steps = {s.id: StepFigures(sla_minutes=s.sla / 60 if s.sla is not None else None) for s in process.steps}
    for activity, (events, cases) in log.activities.items():
        if activity in ids:
            figures = steps[ids[activity]]
            figures.events += events
            figures.cases += cases  # an activity per step: activities differing only in case add up
            figures.rework_cases += log.rework.get(activity, 0)
    designed = designed_pairs(process)
    merged: dict[tuple[str, str], TransitionFigures] = {}
    for (a, b), duration in log.transitions.items():
        source, target = ids.get(a, a), ids.get(b, b)
        matched = a in ids and b in ids
        if b in ids:
            for m, c in duration.counts.items():
                steps[ids[b]].wait.add(m, c)
        entry = merged.get((source, target))
        if entry is None:
            entry = merged[(source, target)] = TransitionFigures(source, target, 0, (source, target) in designed,
                                                                 matched, Histogram())
        entry.count += duration.total
        for m, c in duration.counts.items():
            entry.duration.add(m, c)
    observed = {(t.source, t.target) for t in merged.values() if t.matched}
    return ProcessFigures(
        dataset=dataset, cases=log.cases, events=log.events, steps=steps,
        transitions=sorted(merged.values(), key=lambda t: (-t.count, t.source, t.target)),
        never_observed=sorted(designed - observed),
        conforming_cases=log.cases - nonconforming, case_duration=log.case_durations,
        variants=[(tuple(ids.get(a, a) for a in variant), n) for variant, n in log.variants],
        variant_count=log.variant_count,
        unmatched={a: events for a, (events, _) in sorted(log.activities.items()) if a not in ids},
    )


@dataclass
class JourneyFigures:
    dataset: str
    cases: int
    reached: dict[str, int]  # touchpoint id: cases that reached it
    stages_reached: dict[str, int]  # stage id: cases that reached any of its touchpoints
    last: dict[str, int]  # touchpoint id: cases whose last event is there (where they dropped out)
    between: dict[tuple[str, str], Histogram]  # touchpoint pairs: minutes from one to the next
    unmatched: dict[str, int]


def touchpoint_activities(journey: Journey, log: EventLog) -> dict[str, str]:
    """The log's activities that mark the journey's touchpoints: activity → touchpoint id."""
    match = matcher((tp.id, tp.activity, tp.name) for _, tp in journey.touchpoints())
    return {a: match[_key(a)] for a in log.activities if _key(a) in match}


def journey_figures(dataset: str, journey: Journey, log: EventLog, stage_cases: dict[str, int]) -> JourneyFigures:
    """``stage_cases``: distinct cases per stage, counted by the engine (a case may meet several touchpoints)."""
    ids = touchpoint_activities(journey, log)
    reached: dict[str, int] = {}
    for activity, (_, cases) in log.activities.items():
        if activity in ids:
            reached[ids[activity]] = reached.get(ids[activity], 0) + cases
    between: dict[tuple[str, str], Histogram] = {}
    for (a, b), duration in log.transitions.items():
        if a in ids and b in ids:
            target = between.setdefault((ids[a], ids[b]), Histogram())
            for m, c in duration.counts.items():
                target.add(m, c)
    last: dict[str, int] = {}
    for activity, cases in log.ends.items():
        if activity in ids:
            last[ids[activity]] = last.get(ids[activity], 0) + cases
    return JourneyFigures(dataset, log.cases, reached, dict(stage_cases), last, between,
                          {a: events for a, (events, _) in sorted(log.activities.items()) if a not in ids})
