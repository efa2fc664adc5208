"""Findings from measured data: event logs against their process maps and journeys, figures that
have gone stale, emotions the measured satisfaction contradicts, and maps due for review."""

from __future__ import annotations

from datetime import date

from ..data.measure import Measurements
from ..finding_codes import FindingCode
from ..handbook import Handbook
from ..model import Journey, Process
from ..settings import Settings
from .findings import Finding
from .period_dates import days_since, period_end, today


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def process_data_findings(process: Process, measurements: Measurements, handbook: Handbook) -> list[Finding]:
    figures = measurements.processes.get(process.id)
    if figures is None or figures.cases == 0:
        return []
    limits = handbook.settings.data
    dataset = handbook.datasets[figures.dataset]
    subject, scopes = f"process:{process.id}", (f"process:{process.id}",)
    found: list[Finding] = []
    for step in process.steps:
        step_figures = figures.steps[step.id]
        where = f"{subject}/{step.id}"
        if step_figures.events == 0:
            found.append(Finding(FindingCode.STEP_NEVER_EXECUTED, f"no case of '{dataset.id}' reaches step "
                                 f"'{step.name}'", step.location(), where,
                                 "check the step's `activity` against the log, or whether the step still exists",
                                 (step.owner_id,), scopes))
        breach = step_figures.breach_share
        if breach is not None and breach > limits.sla_breach_share:
            found.append(Finding(FindingCode.SLA_BREACHED, f"step '{step.name}' breaches its SLA of {step.sla_text} "
                                 f"in {_percent(breach)} of arrivals ({step_figures.wait.total} measured)",
                                 step.location("sla"), where, "find where the cases wait, or agree a realistic SLA",
                                 (step.owner_id,), scopes))
    names = {s.id: s.name for s in process.steps}
    for transition in figures.transitions:
        share = transition.count / figures.cases
        if transition.designed or not transition.matched or share <= limits.undesigned_share:
            continue  # a transition to or from an activity no step has: reported as unmatched-activity
        source = names.get(transition.source, transition.source)
        target = names.get(transition.target, transition.target)
        origin = process.step(transition.source)
        found.append(Finding(
            FindingCode.UNDESIGNED_TRANSITION, f"'{source}' is followed by '{target}' "
            f"{_count(transition.count, 'time')} ({_percent(share)} of cases), a path the map does not draw",
            origin.location() if origin else dataset.location("type"),
            f"{subject}/{transition.source}" if origin else subject,
            "draw the path on the map if it is legitimate, or find out why cases take it",
            (origin.owner_id,) if origin else (process.owner,), scopes, discriminator=f"to-{transition.target}"))
    conformance = figures.conformance
    if conformance is not None and conformance < limits.conformance_min:
        found.append(Finding(FindingCode.LOW_CONFORMANCE, f"only {_percent(conformance)} of the {figures.cases} "
                             f"cases follow the map of '{process.title}' in every transition",
                             process.location("title", key=True), subject,
                             "look at the most frequent variants on the process page", (process.owner,), scopes))
    for activity, events in figures.unmatched.items():
        found.append(Finding(FindingCode.UNMATCHED_ACTIVITY, f"the activity '{activity}' "
                             f"({_count(events, 'event')}) matches no step of '{process.title}'",
                             dataset.location("process"), subject,
                             "give the step it marks an `activity`, or add the step to the map", (process.owner,),
                             scopes, discriminator=activity))
    return found


def journey_data_findings(journey: Journey, measurements: Measurements, handbook: Handbook) -> list[Finding]:
    figures = measurements.journeys.get(journey.id)
    if figures is None or figures.cases == 0:
        return []
    limits = handbook.settings.data
    scope = f"journey:{journey.id}"
    columns = journey.columns()
    last_column = {tp.id for tp in columns[-1].touchpoints} if columns else set()
    found: list[Finding] = []
    for stage, tp in journey.touchpoints():
        reached = figures.reached.get(tp.id, 0)
        ended = figures.last.get(tp.id, 0)
        if tp.id in last_column or reached == 0 or ended / reached <= limits.dropoff_max:
            continue
        found.append(Finding(FindingCode.DROP_OFF, f"{_percent(ended / reached)} of the {reached} cases that reach "
                             f"'{tp.name}' go no further", tp.location(), f"{scope}/{tp.id}",
                             "find out what stops them here: this is where the journey loses customers",
                             (tp.owner_id,), (scope, f"{scope}/{stage.id}")))
    dataset = handbook.datasets[figures.dataset]
    for activity, events in figures.unmatched.items():
        found.append(Finding(FindingCode.UNMATCHED_ACTIVITY, f"the activity '{activity}' "
                             f"({_count(events, 'event')}) matches no touchpoint of '{journey.title}'",
                             dataset.location("journey"), scope,
                             "give the touchpoint it marks an `activity`", (journey.owner,), (scope,),
                             discriminator=activity))
    return found


def freshness_findings(journey: Journey, settings: Settings, measurements: Measurements | None = None,
                       ) -> list[Finding]:
    """Figures measured too long ago (at the data's row when a dataset gave the latest value, else at
    the metric), emotions measured satisfaction contradicts, reviews overdue."""
    now = today(settings.data.today)
    scope = f"journey:{journey.id}"
    found: list[Finding] = []
    for at in journey.metric_values():
        value = at.value
        end = period_end(value.period) if value.actual is not None and value.period else None
        if end is None:
            continue
        age = days_since(end, now)
        if age > settings.data.stale_after_days:
            subject = scope if at.node is journey else f"{scope}/{at.node.id}"
            origin = measurements.origins.get((subject, at.metric_id)) if measurements is not None else None
            found.append(Finding(FindingCode.STALE_METRIC, f"{value.definition.name} was last measured for "
                                 f"{value.period}, {age} days ago",
                                 origin or at.node.location("metrics", at.metric_id, key=True), subject,
                                 "measure it again, or connect a dataset that keeps it current",
                                 (getattr(at.node, "owner", None) or journey.owner,), (scope,),
                                 discriminator=at.metric_id))
    found += _contradictions(journey, settings)
    found += _review(journey, settings, now)
    return found


def _review(journey: Journey, settings: Settings, now: date) -> list[Finding]:
    """A review older than the setting; no review at all only when the handbook requires one (a map
    that never claimed a review has not gone stale, but a handbook may want every map walked)."""
    scope = f"journey:{journey.id}"
    advice = "walk the journey again with the teams and the data, then update `reviewed`"
    if journey.reviewed is None:
        if not settings.data.review_required:
            return []
        return [Finding(FindingCode.NOT_REVIEWED, "the map has no `reviewed` date: it has never been checked against "
                        "reality", journey.location("title", key=True), scope, advice, (journey.owner,), (scope,))]
    age = days_since(period_end(journey.reviewed) or now, now)
    if age <= settings.data.review_within_days:
        return []
    by = f" by {journey.reviewed_by}" if journey.reviewed_by else ""
    return [Finding(FindingCode.NOT_REVIEWED, f"the map was last reviewed{by} on {journey.reviewed}, {age} days ago",
                    journey.location("reviewed"), scope, advice, (journey.owner,), (scope,))]


def _position(value: float, low: float, high: float) -> float:
    return (value - low) / (high - low)


def _contradictions(journey: Journey, settings: Settings) -> list[Finding]:
    """An emotion and the measured satisfaction (or effort) of one touchpoint that point opposite ways:
    one above the middle of its scale and the other below, and half the scale apart or more once both
    are put on one 0-to-1 scale (a figure where lower is better turned round). A neutral emotion, or a
    figure at the middle of its range, contradicts nothing; a small gap across the middle is noise."""
    low, high = settings.emotion_scale
    middle = _position(settings.neutral, low, high)
    found: list[Finding] = []
    for stage, tp in journey.touchpoints():
        if tp.emotion is None:
            continue
        felt = _position(tp.emotion, low, high)
        for metric_id in ("csat", "ces"):
            value = tp.metrics.get(metric_id)
            if value is None or value.actual is None:
                continue
            lo, hi = value.definition.bounds
            if lo is None or hi is None or hi == lo:
                continue
            measured = _position(value.actual, lo, hi)
            if value.definition.better == "lower":
                measured = 1 - measured
            opposite = (felt - middle) * (measured - 0.5) < 0
            if opposite and abs(felt - measured) >= 0.5:
                found.append(Finding(
                    FindingCode.EMOTION_CONTRADICTED, f"'{tp.name}' is mapped at {tp.emotion:+g} but "
                    f"{value.definition.name} measures {value.definition.format(value.actual)}",
                    tp.location("emotion"), f"journey:{journey.id}/{tp.id}",
                    "check the emotion against the research: one of the two is wrong", (tp.owner_id,),
                    (f"journey:{journey.id}", f"journey:{journey.id}/{stage.id}"), discriminator=metric_id))
    return found
