"""Where definitions are written: a definition moved to another file, or definitions of one file
written in another order. Neither changes a page; the report says so, and nothing more."""

from __future__ import annotations

from typing import Any

from ..handbook import Handbook
from ..kinds import ENTITY_KINDS as KINDS
from ..kinds import EntityKind as Kind
from ..source import display_path
from .errors import readable
from .parts import Renames, definitions, title_of
from .report import OrderNote


def _places(handbook: Handbook, renames: Renames | None) -> dict[tuple[Kind, str], tuple[str, int, Any]]:
    """(kind, id in the new ids) → (file relative to the handbook, line, model)."""
    places: dict[tuple[Kind, str], tuple[str, int, Any]] = {}
    models = definitions(handbook)
    for kind in KINDS:
        for model_id, model in models[kind].items():
            location = model.location()
            new_id = renames.entity(kind, model_id) if renames else model_id
            places[(kind, new_id)] = (readable(display_path(location.file, handbook.source)), location.line or 0, model)
    return places


def layout_notes(old: Handbook, new: Handbook, renames: Renames) -> list[OrderNote]:
    before, after = _places(old, renames), _places(new, None)
    notes: list[OrderNote] = []
    by_file: dict[str, tuple[list[tuple[int, str]], list[tuple[int, str]]]] = {}
    for key in sorted(before.keys() & after.keys(), key=lambda k: (KINDS.index(k[0]), k[1])):
        (old_file, old_line, _), (new_file, new_line, model) = before[key], after[key]
        label = f"{key[0]} '{title_of(model)}'"
        if old_file != new_file:
            notes.append(OrderNote(f"the file of {label}", old_file, new_file))
            continue
        lists = by_file.setdefault(new_file, ([], []))
        lists[0].append((old_line, label))
        lists[1].append((new_line, label))
    for file, (old_order, new_order) in sorted(by_file.items()):
        a, b = [label for _, label in sorted(old_order)], [label for _, label in sorted(new_order)]
        if a != b:
            notes.append(OrderNote(f"order of the definitions in {file}", ", ".join(a), ", ".join(b)))
    return notes
