"""The emotion curve's critical moments: lowest and highest points, steep drops, and gaps.

Drops follow each persona's path, as handoffs do; the lowest and highest points are the curve's,
whoever reaches them.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..finding_codes import FindingCode
from ..model import Journey, Stage, Touchpoint
from .findings import Finding
from .flow import Flow, Pair, reach, transition_words
from .paths import on_paths, path_scopes, path_words

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


def rated_pairs(pairs: list[Pair]) -> list[Pair]:
    """Pairs of touchpoints with an emotion that follow one another on one walk, looking through the
    unrated ones between them."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    stage_of: dict[str, Stage] = {}
    touchpoints: dict[str, Touchpoint] = {}
    for stage_a, tp_a, stage_b, tp_b, via in pairs:
        stage_of[tp_a.id], touchpoints[tp_a.id] = stage_a, tp_a
        stage_of[tp_b.id], touchpoints[tp_b.id] = stage_b, tp_b
        graph.add_edge(tp_a.id, tp_b.id, via=via)

    def rated(tp_id: str) -> bool:
        return touchpoints[tp_id].emotion is not None

    return [Pair(stage_of[tp_id], tp, stage_of[nxt], touchpoints[nxt], via)
            for tp_id, tp in touchpoints.items() if rated(tp_id)
            for nxt, via in reach(graph, tp_id, rated) if nxt != tp_id]


def emotion_findings(flow: Flow, neutral: float, persona_names: dict[str, str]) -> list[Finding]:
    """Steep drops on each path (never between alternatives), the lowest point, and the gaps."""
    journey = flow.journey
    findings = []
    scope = f"journey:{journey.id}"
    stage_of = {tp.id: stage for stage, tp in journey.touchpoints()}
    for (_, before, stage, after, via), personas in on_paths(flow, rated_pairs):
        assert before.emotion is not None and after.emotion is not None
        drop = before.emotion - after.emotion
        if drop >= STEEP_DROP:
            crossing = f" along {transition_words(journey, via)}" if via is not None else ""
            findings.append(Finding(
                code=FindingCode.EMOTION_DROP, location=after.location("emotion"),
                message=f"emotion falls by {drop:g} from '{before.name}' ({before.emotion:+g}) "
                        f"to '{after.name}' ({after.emotion:+g}){crossing}{path_words(personas, persona_names)}",
                hint="look at what happens between these two moments: that is where the customer is lost",
                subject=f"{scope}/{after.id}", departments=tuple(dict.fromkeys([before.owner_id, after.owner_id])),
                scopes=(scope, f"{scope}/{stage.id}", *path_scopes(personas)), discriminator=f"from-{before.id}",
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
