"""The emotion curve's critical moments: lowest and highest points, steep drops, and gaps."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..finding_codes import FindingCode
from ..model import Journey, Stage, Touchpoint
from .findings import Finding
from .flow import consecutive, first_reached

STEEP_DROP = 2.0


@dataclass(frozen=True)
class Extremes:
    lowest: tuple[str, ...]
    highest: tuple[str, ...]
    low: float | None
    high: float | None


def extremes(journey: Journey) -> Extremes:
    """The lowest and highest points of the curve, every touchpoint tied at each (one pass)."""
    span = journey.emotion_range()
    if span is None:
        return Extremes((), (), None, None)
    low, high = span
    rated = [(tp.id, tp.emotion) for _, tp in journey.touchpoints() if tp.emotion is not None]
    return Extremes(tuple(t for t, e in rated if e == low), tuple(t for t, e in rated if e == high), low, high)


def _following_rated(journey: Journey) -> list[tuple[Touchpoint, Touchpoint, Stage]]:
    """Pairs of touchpoints with an emotion that follow one another, looking through unrated ones."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    stage_of: dict[str, Stage] = {}
    touchpoints: dict[str, Touchpoint] = {}
    for stage, tp in journey.touchpoints():
        stage_of[tp.id], touchpoints[tp.id] = stage, tp
        graph.add_node(tp.id)
    graph.add_edges_from((a.id, b.id) for _, a, _, b in consecutive(journey))

    def rated(tp_id: str) -> bool:
        return touchpoints[tp_id].emotion is not None

    return [(tp, touchpoints[nxt], stage_of[nxt]) for tp_id, tp in touchpoints.items() if rated(tp_id)
            for nxt in first_reached(graph, tp_id, rated)]


def emotion_findings(journey: Journey, neutral: float) -> list[Finding]:
    findings = []
    scope = f"journey:{journey.id}"
    stage_of = {tp.id: stage for stage, tp in journey.touchpoints()}
    for before, after, stage in _following_rated(journey):
        assert before.emotion is not None and after.emotion is not None
        drop = before.emotion - after.emotion
        if drop >= STEEP_DROP:
            findings.append(Finding(
                code=FindingCode.EMOTION_DROP, location=after.location("emotion"),
                message=f"emotion falls by {drop:g} from '{before.name}' ({before.emotion:+g}) "
                        f"to '{after.name}' ({after.emotion:+g})",
                hint="look at what happens between these two moments: that is where the customer is lost",
                subject=f"{scope}/{after.id}", departments=tuple(dict.fromkeys([before.owner_id, after.owner_id])),
                scopes=(scope, f"{scope}/{stage.id}"), discriminator=f"from-{before.id}",
            ))
    ext = extremes(journey)
    if ext.low is not None and ext.low < neutral:
        by_id = {tp.id: tp for _, tp in journey.touchpoints()}
        for tp_id in ext.lowest:
            tp = by_id[tp_id]
            findings.append(Finding(
                code=FindingCode.LOWEST_POINT, location=tp.location("emotion"),
                message=f"'{tp.name}' is the journey's lowest point ({ext.low:+g})",
                hint="the first moment to improve: it colours how the whole journey is remembered",
                subject=f"{scope}/{tp.id}", departments=(tp.owner_id,), scopes=(scope, f"{scope}/{stage_of[tp.id].id}"),
            ))
    unrated = [(stage, tp) for stage, tp in journey.touchpoints() if tp.emotion is None]
    total = sum(len(stage.touchpoints) for stage in journey.stages)
    if unrated and len(unrated) == total:
        findings.append(Finding(
            code=FindingCode.MISSING_EMOTION, location=journey.location("stages", key=True),
            message="no touchpoint of the journey has an emotion, so it has no emotion curve",
            hint="rate each touchpoint from research (interviews, surveys) with `emotion`",
            subject=scope, departments=(journey.owner,),
        ))
    elif unrated:
        for stage, tp in unrated:
            findings.append(Finding(
                code=FindingCode.MISSING_EMOTION, location=tp.location(),
                message=f"'{tp.name}' has no emotion: the curve has a gap there",
                hint="add `emotion` from research, or leave it out on purpose and ignore this finding",
                subject=f"{scope}/{tp.id}", departments=(tp.owner_id,), scopes=(scope, f"{scope}/{stage.id}"),
            ))
    return findings
