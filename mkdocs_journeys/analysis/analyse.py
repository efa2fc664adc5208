"""The whole analysis of a handbook, run once and read by every page, the log and ``check``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from ..data.measure import Measurements
from ..handbook import Handbook
from ..model import Journey
from ..two_cores import may_fork, shared, split_by
from . import suppression
from .channels import channel_findings
from .coverage import Coverage, internal_steps, journey_coverage, unsupported_findings
from .data_findings import freshness_findings, journey_data_findings, process_data_findings
from .emotion import Extremes, emotion_findings, extremes
from .findings import Finding
from .flow import Flow
from .handoffs import Handoff, count_pairs, journey_handoffs, risky_findings
from .metrics import metric_findings
from .process_health import process_findings


@dataclass
class Analysis:
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)
    handoffs: dict[str, list[Handoff]] = field(default_factory=dict)
    handoff_counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    coverage: dict[str, Coverage] = field(default_factory=dict)
    stage_coverage: dict[tuple[str, str], Coverage] = field(default_factory=dict)
    unsupported: dict[str, list[str]] = field(default_factory=dict)
    internal_steps: dict[str, list[str]] = field(default_factory=dict)
    extremes: dict[str, Extremes] = field(default_factory=dict)
    measurements: Measurements | None = None  # what the datasets say, for the pages that show it

    def findings_for(self, entity: str) -> list[Finding]:
        """Findings about an entity or anything inside it (``journey:ID``, ``process:ID``...)."""
        return self._index.get(entity, [])

    def findings_for_department(self, department_id: str) -> list[Finding]:
        return self._index.get(f"department:{department_id}", [])

    @cached_property
    def _index(self) -> dict[str, list[Finding]]:
        """Each entity's findings, built once: every page asks, and scanning all findings per page
        would make a big handbook's build grow with the square of its size."""
        index: dict[str, list[Finding]] = {}
        for finding in self.findings:
            entities = {finding.subject, *finding.scopes, *(f"department:{d}" for d in finding.departments)}
            for entity in sorted(entities):
                index.setdefault(entity, []).append(finding)
        return index

    def count_by_code(self) -> Counter[str]:
        return Counter(f.code for f in self.findings)


# Findings only, for ``check``: with this many journeys, a forked child finds those of some of them.
PARALLEL_JOURNEYS = 200
_CHILD_SHARE = 0.48  # a journey's findings pickle in a small fraction of the time they take to find


def analyse(handbook: Handbook, measurements: Measurements | None = None, *,
            findings_only: bool = False) -> Analysis:
    """Every finding, handoff and coverage figure of the handbook's valid definitions, and what the
    measured data says about them (``measurements``: the handbook's datasets, read by :func:`measure`).
    ``findings_only``: the findings alone, the rest of the analysis left empty (what ``check`` prints)."""
    result = Analysis(measurements=measurements)
    names = {d.id: d.name for d in handbook.departments.values()}
    persona_names = {p.id: p.name for p in handbook.personas.values()}
    journeys = sorted(handbook.journeys.values(), key=lambda j: j.id)

    def journey_findings(journey: Journey, into: Analysis | None = None) -> list[Finding]:
        flow = Flow(journey)
        handoffs = journey_handoffs(flow)
        coverage, stages, unsupported = journey_coverage(handbook, journey)
        if into is not None:
            into.handoffs[journey.id] = handoffs
            into.handoff_counts.update(count_pairs(handoffs))
            into.coverage[journey.id] = coverage
            into.stage_coverage.update({(journey.id, s): c for s, c in stages.items()})
            into.unsupported[journey.id] = unsupported
            into.extremes[journey.id] = extremes(journey)
        found = risky_findings(journey, handoffs, names, persona_names)
        found += unsupported_findings(journey, unsupported)
        found += channel_findings(journey, handbook.personas)
        found += emotion_findings(flow, handbook.settings.neutral, persona_names)
        found += metric_findings(journey)
        found += freshness_findings(journey, handbook.settings, measurements)
        if measurements is not None:
            found += journey_data_findings(journey, measurements, handbook)
        return found

    found: list[Finding] = []
    if findings_only and len(journeys) >= PARALLEL_JOURNEYS and may_fork():
        split = split_by([sum(len(stage.touchpoints) for stage in j.stages) + 1 for j in journeys], _CHILD_SHARE)
        for findings in shared(journeys, journey_findings, split):
            found += findings
    else:
        for journey in journeys:
            found += journey_findings(journey, None if findings_only else result)
    for process in sorted(handbook.processes.values(), key=lambda p: p.id):
        found += process_findings(process)
        if measurements is not None:
            found += process_data_findings(process, measurements, handbook)
    if not findings_only:
        result.internal_steps = internal_steps(handbook)

    anchors: Counter[str] = Counter()
    ignore = handbook.settings.ignore
    for finding in sorted(found, key=lambda f: (f.location.file.as_posix(), f.location.line or 0, f.code, f.key)):
        base = finding.base_anchor()
        anchors[base] += 1
        # set in place: the finding was made here and is not shared yet (a copy per finding costs)
        object.__setattr__(finding, "anchor", base if anchors[base] == 1 else f"{base}-{anchors[base]}")
        rule = suppression.matching(finding, ignore) if ignore else None
        if rule is None:
            result.findings.append(finding)
        else:
            result.suppressed.append((finding, rule.reason))
    return result
