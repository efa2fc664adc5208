"""What the data says, before and after: each process's cases and conformance, each journey's cases.

Only the figures a reviewer acts on are compared (the findings diff covers what crossed a
threshold); a figure measured on one side only shows as ``—`` on the other. The old handbook's ids
are read in the new ones, as everywhere in the report.
"""

from __future__ import annotations

from ..data.measure import Measurements
from ..handbook import Handbook
from .parts import Renames
from .report import Entity, FigureChange


def _percent(share: float | None) -> str | None:
    return None if share is None else f"{share * 100:.0f}%"


def _count(n: int | None) -> str | None:
    return None if n is None else str(n)


def _direction(before: float | None, after: float | None) -> str:
    if before is None or after is None or before == after:
        return ""
    return "▲" if after > before else "▼"


def figure_changes(old: Handbook, new: Handbook, old_measured: Measurements | None, new_measured: Measurements | None,
                   renames: Renames) -> list[FigureChange]:
    """The measured figures that changed, per process then per journey, in the new handbook's ids."""
    if old_measured is None and new_measured is None:
        return []
    before, after = old_measured or Measurements(), new_measured or Measurements()
    changes: list[FigureChange] = []
    old_processes = {renames.entity("process", i): (i, f) for i, f in before.processes.items()}
    for process_id in sorted(old_processes.keys() | after.processes.keys()):
        old_id, a = old_processes.get(process_id, (process_id, None))
        b = after.processes.get(process_id)
        entity = _entity(old, new, "process", old_id, process_id)
        if entity is None:
            continue
        pairs = [("cases", _count(a.cases if a else None), _count(b.cases if b else None),
                  _direction(a.cases if a else None, b.cases if b else None)),
                 ("conformance", _percent(a.conformance if a else None), _percent(b.conformance if b else None),
                  _direction(a.conformance if a else None, b.conformance if b else None))]
        changes += [FigureChange(entity, name, x, y, d) for name, x, y, d in pairs if x != y]
    old_journeys = {renames.entity("journey", i): (i, f) for i, f in before.journeys.items()}
    for journey_id in sorted(old_journeys.keys() | after.journeys.keys()):
        old_id, ja = old_journeys.get(journey_id, (journey_id, None))
        jb = after.journeys.get(journey_id)
        entity = _entity(old, new, "journey", old_id, journey_id)
        x, y = _count(ja.cases if ja else None), _count(jb.cases if jb else None)
        if entity is not None and x != y:
            changes.append(FigureChange(entity, "cases", x, y, _direction(ja.cases if ja else None,
                                                                          jb.cases if jb else None)))
    return changes


def _entity(old: Handbook, new: Handbook, kind: str, old_id: str, new_id: str) -> Entity | None:
    """The process or journey as the report names it; ``None`` when it is on one side only (it is
    reported as added or removed, with its figures on its page)."""
    olds = old.processes if kind == "process" else old.journeys
    news = new.processes if kind == "process" else new.journeys
    if old_id not in olds or new_id not in news:
        return None
    definition = news[new_id]
    return Entity("process" if kind == "process" else "journey", new_id, definition.title, page=old_id)
