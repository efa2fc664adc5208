"""The emotion curve's critical moments: lowest and highest points, steep drops, and gaps."""

from __future__ import annotations

from dataclasses import dataclass

from ..finding_codes import FindingCode
from ..model import Journey, Stage, Touchpoint
from .findings import Finding
from .flow import consecutive

STEEP_DROP = 2.0


@dataclass(frozen=True)
class Extremes:
    lowest: tuple[str, ...]
    highest: tuple[str, ...]
    low: float | None
    high: float | None


def extremes(journey: Journey) -> Extremes:
    rated = [(tp.id, tp.emotion) for _, tp in journey.touchpoints() if tp.emotion is not None]
    if not rated:
        return Extremes((), (), None, None)
    low = min(e for _, e in rated)
    high = max(e for _, e in rated)
    return Extremes(tuple(t for t, e in rated if e == low), tuple(t for t, e in rated if e == high), low, high)


def _following_rated(journey: Journey) -> list[tuple[Touchpoint, Touchpoint, Stage]]:
    """Pairs of touchpoints with an emotion that follow one another, looking through unrated ones."""
    successors: dict[str, list[str]] = {}
    stage_of: dict[str, Stage] = {}
    touchpoints: dict[str, Touchpoint] = {}
    for stage, tp in journey.touchpoints():
        stage_of[tp.id], touchpoints[tp.id] = stage, tp
    for _, a, _, b in consecutive(journey):
        successors.setdefault(a.id, []).append(b.id)
    pairs = []
    for _, tp in journey.touchpoints():
        if tp.emotion is None:
            continue
        queue, seen = list(successors.get(tp.id, ())), {tp.id}
        while queue:
            current = queue.pop(0)
            if current in seen:
                continue
            seen.add(current)
            nxt = touchpoints[current]
            if nxt.emotion is None:
                queue.extend(successors.get(current, ()))
            else:
                pairs.append((tp, nxt, stage_of[current]))
    return pairs


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
        for tp_id in ext.lowest:
            _, tp = next((s, t) for s, t in journey.touchpoints() if t.id == tp_id)
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
