"""How far a journey map rests on evidence: when it was last reviewed and by whom, what its
touchpoints' content rests on, which metrics have a measured actual, and which touchpoints the
event data reaches. A map drawn in a workshop is a hypothesis; this says how much of it is one."""

from __future__ import annotations

from ..escape import plain
from ..language import _, date_text
from ..model import Journey, MetricValue, Touchpoint
from ..wording import word
from .context import RenderContext
from .journey_data import journey_figures_of
from .markdown import fields, heading, join_blocks
from .measured_text import count, share

EVIDENCE = ("observed", "assumed", "proposed")


def _metrics(journey: Journey) -> list[MetricValue]:
    values = list(journey.metrics.values())
    for stage in journey.stages:
        values += stage.metrics.values()
        for tp in stage.touchpoints:
            values += tp.metrics.values()
    return values


def _of(part: int, whole: int) -> str:
    return _("{part} of {whole} ({share})").format(part=count(part), whole=count(whole),
                                                   share=share(part / whole if whole else None))


def evidence_section(ctx: RenderContext, journey: Journey) -> str:
    touchpoints = [tp for _, tp in journey.touchpoints()]
    total = len(touchpoints)
    reviewed = _("never reviewed")
    if journey.reviewed:
        reviewed = plain(date_text(journey.reviewed, journey.reviewed))
        if journey.reviewed_by:
            reviewed = _("{date} by {person}").format(date=reviewed, person=plain(journey.reviewed_by))
    kinds = [f"{_of(sum(1 for tp in touchpoints if tp.evidence == kind), total)} {word(kind)}" for kind in EVIDENCE]
    kinds.append(f"{_of(sum(1 for tp in touchpoints if tp.evidence is None), total)} " + _("not stated"))
    metrics = _metrics(journey)
    measured = sum(1 for m in metrics if m.actual is not None)
    observed = ctx.analysis.measurements.observed if ctx.analysis and ctx.analysis.measurements else {}
    datasets = ", ".join(f"<code>{plain(d)}</code> " + _("({count} values)").format(count=count(n))
                         for d, n in sorted(observed.items()))
    metric_line = (_("{share} have an actual").format(share=_of(measured, len(metrics))) if metrics
                   else _("none on this map"))
    if datasets:
        metric_line += _("; measured values from the datasets {datasets}").format(datasets=datasets)
    figures = journey_figures_of(ctx, journey)
    events = _("no event data")
    if figures is not None:
        with_events = sum(1 for tp in touchpoints if figures.reached.get(tp.id))
        events = _("{share} touchpoints have events (dataset {dataset})").format(
            share=_of(with_events, total), dataset=f"<code>{plain(figures.dataset)}</code>")
    return join_blocks([
        heading(2, _("Evidence"), "evidence"),
        fields([(_("Last reviewed"), reviewed),
                (_("Touchpoints"), "; ".join(kinds) if total else _("none")),
                (_("Metrics"), metric_line),
                (_("Event data"), events)]),
    ]).rstrip("\n")


def touchpoint_evidence(tp: Touchpoint) -> str | None:
    """``observed (2026-Q2 diary study)``; None when neither is given."""
    if tp.evidence is None and not tp.research:
        return None
    kind = word(tp.evidence) if tp.evidence else _("not stated")
    return kind + (f" ({plain(tp.research)})" if tp.research else "")
