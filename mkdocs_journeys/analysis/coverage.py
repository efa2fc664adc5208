"""Process coverage: which touchpoints an internal process stands behind, and which steps face no customer."""

from __future__ import annotations

from dataclasses import dataclass

from ..finding_codes import FindingCode
from ..handbook import Handbook
from ..model import Journey
from .findings import Finding


@dataclass(frozen=True)
class Coverage:
    supported: int
    total: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.supported / self.total) if self.total else None

    def describe(self) -> str:
        if not self.total:
            return "no touchpoints"
        noun = "touchpoint" if self.total == 1 else "touchpoints"
        return f"{self.supported} of {self.total} {noun} ({self.percent}%)"


def journey_coverage(handbook: Handbook, journey: Journey) -> tuple[Coverage, dict[str, Coverage], list[str]]:
    """The journey's coverage, each stage's, and the touchpoints no process supports (in order)."""
    unsupported: list[str] = []
    stages: dict[str, Coverage] = {}
    for stage in journey.stages:
        supported = 0
        for tp in stage.touchpoints:
            if handbook.support_of(journey.id, tp.id):
                supported += 1
            else:
                unsupported.append(tp.id)
        stages[stage.id] = Coverage(supported, len(stage.touchpoints))
    total = sum(c.total for c in stages.values())
    return Coverage(total - len(unsupported), total), stages, unsupported


def unsupported_findings(journey: Journey, unsupported: list[str]) -> list[Finding]:
    missing = set(unsupported)
    findings = []
    for stage, tp in journey.touchpoints():
        if tp.id not in missing:
            continue
        weight = " — a moment of truth" if tp.moment_of_truth else ""
        findings.append(Finding(
            code=FindingCode.UNSUPPORTED_TOUCHPOINT,
            message=f"no process supports '{tp.name}'{weight}",
            location=tp.location(),
            subject=f"journey:{journey.id}/{tp.id}",
            hint="map the process behind it and link it with `supported_by` or a step's `supports`",
            departments=(tp.owner_id,),
            scopes=(f"journey:{journey.id}", f"journey:{journey.id}/{stage.id}"),
        ))
    return findings


def internal_steps(handbook: Handbook) -> dict[str, list[str]]:
    """Per process, the steps that support no touchpoint (internal-only work), when the process as a
    whole supports none either; a process linked as a whole stands behind all its steps."""
    found: dict[str, list[str]] = {}
    for process in handbook.processes.values():
        if handbook.supported_by_process(process.id):
            continue
        steps = [s.id for s in process.steps if not handbook.supported_by_process(process.id, s.id)]
        if steps:
            found[process.id] = steps
    return found
