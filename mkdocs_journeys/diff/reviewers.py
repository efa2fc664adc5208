"""Whom to ask: the departments that own what a change touches, and the reviewers they name.

A part is touched when it is added, removed, or any of its fields, its effective owner or one of its
metric values changed; both its old and its new owner are asked (a move concerns both). A
department that names no reviewers is reviewed by the nearest parent department that does.
"""

from __future__ import annotations

from ..handbook import Handbook
from .parts import Flat
from .report import Entity, Review


def touched(entity: Entity, old: Flat | None, new: Flat | None, metric_parts: set[str]) -> dict[str, list[str]]:
    """Department id → what of ``entity`` it owns that the change touches (``old`` in the new ids;
    ``None`` for a definition added or removed). ``metric_parts``: labels of parts whose metrics changed."""
    found: dict[str, list[str]] = {}
    before, after = (old.parts if old else {}), (new.parts if new else {})
    for key in [*after, *(k for k in before if k not in after)]:
        a, b = before.get(key), after.get(key)
        shown = b or a
        assert shown is not None
        label = shown.label(entity.kind)
        changed = (a is None or b is None or a.fields != b.fields or a.name != b.name or a.owner != b.owner
                   or label in metric_parts)
        if not changed:
            continue
        for owner in dict.fromkeys(p.owner for p in (a, b) if p is not None and p.owner is not None):
            found.setdefault(owner, []).append(f"{entity.title} › {label}")
    return found


def reviewers_of(handbook: Handbook, department_id: str) -> tuple[str, ...]:
    """The department's reviewers, else its nearest parent's (a cycle, reported by check, ends the walk)."""
    seen: set[str] = set()
    current: str | None = department_id
    while current is not None and current not in seen and current in handbook.departments:
        seen.add(current)
        department = handbook.departments[current]
        if department.reviewers:
            return tuple(department.reviewers)
        current = department.parent
    return ()


def reviews(touches: dict[str, list[str]], old: Handbook, new: Handbook) -> list[Review]:
    """One review per department touched, sorted by its id; reviewers from the new handbook (else the old)."""
    return [Review(dept, reviewers_of(new, dept) or reviewers_of(old, dept), tuple(what))
            for dept, what in sorted(touches.items())]
