"""Handoffs: where the customer passes from one department's touchpoint to another's.

Handoffs follow each persona's path (see ``paths``): two alternatives never hand over to each
other, and a handoff only some personas go through says whose path it is on. A handoff is risky
when the customer's emotion drops across it (by at least ``RISKY_DROP`` points) or when it lands
on a moment of truth: the silo seams the seed articles warn about.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..finding_codes import FindingCode
from ..model import Journey
from .findings import Finding
from .flow import Flow, transition_words
from .paths import on_paths, path_scopes, path_words

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
    personas: tuple[str, ...] = ()  # the personas whose path it lies on; empty: everyone's
    via: str | None = None  # the transition it crosses, in words (``the transition 'Comes back'``)

    @property
    def risky(self) -> bool:
        return bool(self.reasons)


def journey_handoffs(flow: Flow) -> list[Handoff]:
    """Every handoff on the journey's paths, in the order of the map's columns."""
    journey = flow.journey
    handoffs = []
    for (stage_a, tp_a, stage_b, tp_b, via), personas in on_paths(flow):
        if tp_a.owner_id == tp_b.owner_id:
            continue
        change = None if tp_a.emotion is None or tp_b.emotion is None else tp_b.emotion - tp_a.emotion
        reasons = []
        if change is not None and change <= -RISKY_DROP:
            reasons.append(f"emotion drops by {-change:g}")
        if tp_b.moment_of_truth:
            reasons.append("lands on a moment of truth")
        handoffs.append(Handoff(journey.id, stage_a.id, tp_a.id, tp_a.owner_id, stage_b.id, tp_b.id,
                                tp_b.owner_id, change, tuple(reasons), personas,
                                None if via is None else transition_words(journey, via)))
    return handoffs


def count_pairs(handoffs: list[Handoff]) -> Counter[tuple[str, str]]:
    return Counter((h.from_department, h.to_department) for h in handoffs)


def risky_findings(journey: Journey, handoffs: list[Handoff], department_names: dict[str, str],
                   persona_names: dict[str, str]) -> list[Finding]:
    touchpoints = {tp.id: tp for _, tp in journey.touchpoints()}
    names = {tp_id: tp.name for tp_id, tp in touchpoints.items()}
    findings = []
    for h in handoffs:
        if not h.risky:
            continue
        giver = department_names.get(h.from_department, h.from_department)
        taker = department_names.get(h.to_department, h.to_department)
        findings.append(Finding(
            code=FindingCode.RISKY_HANDOFF,
            message=f"'{names[h.from_touchpoint]}' ({giver}) hands the customer to '{names[h.to_touchpoint]}' "
                    f"({taker}){f' along {h.via}' if h.via else ''} and {' and '.join(h.reasons)}"
                    + path_words(h.personas, persona_names),
            location=touchpoints[h.to_touchpoint].location(),
            subject=f"journey:{journey.id}/{h.to_touchpoint}",
            hint=f"agree how {giver} briefs {taker} and tells the customer what happens next",
            departments=(h.from_department, h.to_department),
            scopes=(f"journey:{journey.id}", f"journey:{journey.id}/{h.to_stage}",
                    f"journey:{journey.id}/{h.from_stage}", f"journey:{journey.id}/{h.from_touchpoint}",
                    *path_scopes(h.personas)),
            discriminator=f"from-{h.from_touchpoint}",
        ))
    return findings
