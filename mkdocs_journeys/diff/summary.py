"""The one line on top of the report: what kind of change this is, at a glance."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..kinds import ENTITY_KINDS as KINDS
from ..kinds import KINDS as SPECS
from ..kinds import EntityKind as Kind
from .report import EntityChanges, Report

MAX_NAMED = 4  # journeys whose lowest or highest point moved, named in the summary line
NO_CHANGES = "No changes to the handbook."
ORDER_ONLY = "The content is unchanged: only the order of definitions or list items, or their files, changed."


def count(n: int, kind: Kind) -> str:
    return f"{n} {kind if n == 1 else SPECS[kind].plural}"


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def changed_content(report: Report, entity: EntityChanges) -> bool:
    """A field or a metric value changed (not only the id)."""
    return bool(entity.changes) or any(m.entity.kind == entity.entity.kind and m.entity.id == entity.entity.id
                                       for m in report.metrics)


def summary(report: Report, escape: Callable[[str], str] = str) -> str:
    """``escape`` is applied to the titles quoted (Markdown needs them escaped, JSON does not)."""
    if report.empty:
        return NO_CHANGES
    if not report.content_changed:
        return ORDER_ONLY
    kinds: list[str] = []
    for kind in KINDS:
        changed = report.changed_of(kind)
        for n, verb in ((sum(1 for e in changed if changed_content(report, e)), "changed"),
                        (len(report.added.get(kind, [])), "added"),
                        (len(report.removed.get(kind, [])), "removed"),
                        (sum(1 for e in changed if e.renamed_from), "renamed")):
            if n:
                kinds.append(f"{count(n, kind)} {verb}")
    parts = [", ".join(kinds)] if kinds else []
    if report.moves:
        parts.append(plural(len(report.moves), "ownership move"))
    statuses = sum(1 for m in report.metrics if None not in m.status and m.status[0] != m.status[1])
    if statuses:
        parts.append(plural(statuses, "metric status", "metric statuses") + " changed")
    elif report.metrics:
        parts.append(plural(len(report.metrics), "metric value") + " changed")
    if report.figures:
        parts.append(plural(len(report.figures), "measured figure") + " changed")
    if len(report.extremes) > MAX_NAMED:  # a change to many journeys: counted, not named
        verdicts = Counter((e.which, e.verdict) for e in report.extremes)
        parts.append("emotion curves: " + ", ".join(f"{plural(n, which + ' point')} {verdict}"
                                                    for (which, verdict), n in sorted(verdicts.items())))
    else:
        parts += [f"{e.which} point of '{escape(e.entity.title)}' {e.verdict}" for e in report.extremes]
    findings = [f"{n} {word}" for n, word in ((len(report.findings_introduced), "introduced"),
                                                (len(report.findings_resolved), "resolved"),
                                                (len(report.findings_changed), "reworded")) if n]
    if findings:
        parts.append("findings: " + ", ".join(findings))
    if report.invalid:
        parts.append(plural(len(report.invalid), "definition") + " made invalid")
    if report.valid_again:
        parts.append(plural(len(report.valid_again), "definition") + " valid again")
    if report.errors_new or report.errors_fixed or len(report.errors_before) != len(report.errors_after):
        parts.append(f"errors: {len(report.errors_before)} → {len(report.errors_after)}")
    return "; ".join(parts) + "."
