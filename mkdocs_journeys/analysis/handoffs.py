"""Handoffs: where the customer passes from one department's touchpoint to another's.

A handoff is risky when the customer's emotion drops across it (by at least ``RISKY_DROP``
points) or when it lands on a moment of truth: the silo seams the seed articles warn about.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..finding_codes import FindingCode
from ..model import Journey
from .findings import Finding
from .flow import consecutive

RISKY_DROP = 1.0


@dataclass(frozen=True)
class Handoff:
    journey: str
    from_stage: str
    from_touchpoint: str
    from_department: str
    to_stage: str
    to_touchpoint: str
    to_department: str
    emotion_change: float | None
    reasons: tuple[str, ...]

    @property
    def risky(self) -> bool:
        return bool(self.reasons)


def journey_handoffs(journey: Journey) -> list[Handoff]:
    handoffs = []
    for stage_a, tp_a, stage_b, tp_b in consecutive(journey):
        if tp_a.owner_id == tp_b.owner_id:
            continue
        change = None if tp_a.emotion is None or tp_b.emotion is None else tp_b.emotion - tp_a.emotion
        reasons = []
        if change is not None and change <= -RISKY_DROP:
            reasons.append(f"emotion drops by {-change:g}")
        if tp_b.moment_of_truth:
            reasons.append("lands on a moment of truth")
        handoffs.append(Handoff(journey.id, stage_a.id, tp_a.id, tp_a.owner_id, stage_b.id, tp_b.id,
                                tp_b.owner_id, change, tuple(reasons)))
    return handoffs


def count_pairs(handoffs: list[Handoff]) -> Counter[tuple[str, str]]:
    return Counter((h.from_department, h.to_department) for h in handoffs)


def risky_findings(journey: Journey, handoffs: list[Handoff], department_names: dict[str, str]) -> list[Finding]:
    names = {tp.id: tp.name for _, tp in journey.touchpoints()}
    touchpoints = {tp.id: tp for _, tp in journey.touchpoints()}
    findings = []
    for h in handoffs:
        if not h.risky:
            continue
        giver = department_names.get(h.from_department, h.from_department)
        taker = department_names.get(h.to_department, h.to_department)
        findings.append(Finding(
            code=FindingCode.RISKY_HANDOFF,
            message=f"'{names[h.from_touchpoint]}' ({giver}) hands the customer to '{names[h.to_touchpoint]}' "
                    f"({taker}) and {' and '.join(h.reasons)}",
            location=touchpoints[h.to_touchpoint].location(),
            subject=f"journey:{journey.id}/{h.to_touchpoint}",
            hint=f"agree how {giver} briefs {taker} and tells the customer what happens next",
            departments=(h.from_department, h.to_department),
            scopes=(f"journey:{journey.id}", f"journey:{journey.id}/{h.to_stage}",
                    f"journey:{journey.id}/{h.from_stage}", f"journey:{journey.id}/{h.from_touchpoint}"),
            discriminator=f"from-{h.from_touchpoint}",
        ))
    return findings
