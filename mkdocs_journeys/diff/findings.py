"""Findings of the analysis a change introduces, resolves, or words differently.

A finding is the same finding while its code, subject and discriminator stay the same (the
analysis' ``Finding.key``, with renamed definitions' and parts' old ids read as their new ones);
when its message changed (a metric's actual, a drop's size), it is reported as reworded, with both
messages — unless the message only quotes a name that changed, which the report shows already.
Findings about a definition that is invalid on the other side are left out: that definition's
errors are the news, not the findings that vanished with it.
"""

from __future__ import annotations

from pathlib import Path

from ..analysis import Finding, analyse
from ..data.measure import Measurements
from ..handbook import Handbook
from ..kinds import ENTITY_KINDS as KINDS
from ..kinds import EntityKind as Kind
from .errors import readable
from .parts import Renames, definitions
from .report import FindingChange

Key = tuple[str, str, str]
PAGES: tuple[Kind, ...] = ("journey", "process", "persona")


def _subject(subject: str, renames: Renames) -> str:
    """An old subject (``journey:ID/PART``) in the new ids."""
    kind, colon, path = subject.partition(":")
    if not colon:
        return subject
    return f"{kind}:{renames.reference(kind, path)}"


def _discriminator(finding: Finding, renames: Renames) -> str:
    """The discriminator in the new ids: ``from-TOUCHPOINT``, a metric id or a persona id."""
    value = finding.discriminator
    kind, _, path = finding.subject.partition(":")
    if value.startswith("from-") and kind == "journey":
        return "from-" + renames.part("journey", path.split("/", 1)[0], value.removeprefix("from-"))
    for other in ("metric", "persona"):
        if value in renames.entities.get(other, {}):
            return renames.entity(other, value)
    return value


def _reworded(before: str, after: str, names: list[tuple[str, str]]) -> bool:
    for old_name, new_name in names:
        before = before.replace(old_name, new_name)
    return before != after


def _entity(subject: str) -> tuple[str, str]:
    kind, _, path = subject.partition(":")
    return kind, path.split("/", 1)[0]


def _part_anchor(handbook: Handbook, kind: str, entity_id: str, part_id: str) -> str | None:
    if kind == "journey" and entity_id in handbook.journeys and part_id:
        if any(s.id == part_id for s in handbook.journeys[entity_id].stages):
            return f"stage-{part_id}"
        return f"touchpoint-{part_id}" if handbook.find_touchpoint(entity_id, part_id) else None
    if kind == "process" and entity_id in handbook.processes and part_id:
        return f"step-{part_id}" if handbook.processes[entity_id].step(part_id) else None
    return None


def finding_changes(old: Handbook, new: Handbook, renames: Renames, old_root: Path, new_root: Path,
                    names: list[tuple[str, str]] | None = None, measured: tuple[Measurements | None,
                                                                           Measurements | None] = (None, None),
                    ) -> tuple[list[FindingChange], list[FindingChange], list[FindingChange]]:
    """(introduced, resolved, reworded), each sorted by code and subject. ``names``: (old, new) names
    of definitions and parts renamed, which a message may quote; ``measured``: what each side's data
    says, so that findings from data are compared too."""
    broken_new = {(r.kind, r.id) for r in new.rejected}
    broken_old = {(r.kind, renames.entity(r.kind, r.id)) for r in old.rejected if r.id}
    before: dict[Key, Finding] = {}
    for finding in analyse(old, measured[0]).findings:
        subject = _subject(finding.subject, renames)
        if _entity(subject) not in broken_new:
            before[(finding.code, subject, _discriminator(finding, renames))] = finding
    after: dict[Key, Finding] = {f.key: f for f in analyse(new, measured[1]).findings
                                 if _entity(f.subject) not in broken_old}
    back = {kind: {n: o for o, n in renames.entities.get(kind, {}).items()} for kind in KINDS}

    def published(subject_now: str) -> tuple[tuple[Kind, str] | None, str | None]:
        """The published page (the old handbook's) a finding's subject is on, and the part's anchor."""
        kind, _, path = subject_now.partition(":")
        entity, _, part = path.partition("/")
        page_kind = next((k for k in PAGES if k == kind), None)
        if page_kind is None:
            return None, None
        old_id = back[page_kind].get(entity, entity)
        if old_id not in definitions(old)[page_kind]:
            return None, None
        old_part = next((o for o, n in renames.parts.get((kind, old_id), {}).items() if n == part), part)
        return (page_kind, old_id), _part_anchor(old, kind, old_id, old_part)

    introduced, resolved, changed = [], [], []
    for key in sorted(after.keys() - before.keys()):
        f = after[key]
        page, anchor = published(f.subject)
        introduced.append(FindingChange(f.code, f.subject, f.message, readable(f.location.display(new_root)),
                                        page=page, anchor=anchor))
    for key in sorted(before.keys() - after.keys()):
        f = before[key]
        page, _ = published(key[1])
        resolved.append(FindingChange(f.code, key[1], f.message, readable(f.location.display(old_root)), page=page,
                                      anchor=f.anchor or None))
    for key in sorted(before.keys() & after.keys()):
        a, b = before[key], after[key]
        if _reworded(a.message, b.message, names or []):
            page, _ = published(key[1])
            changed.append(FindingChange(b.code, b.subject, b.message, readable(b.location.display(new_root)),
                                         before_message=a.message, page=page, anchor=a.anchor or None))
    return introduced, resolved, changed
