"""Field by field: what changed between two versions of one part, as a reader would say it.

Every list left in a part is a set (personas, channels, pain points, references...): items added
and removed are reported, and a list whose items merely changed places is an order note, not a change.
Numbers report their direction (▲ ▼); durations and departments are shown as people read them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from ..model.metrics import format_duration
from .report import FieldChange, OrderNote

Describe = Callable[[str, Any], str]  # (field, value) → text

DURATIONS = {"sla"}


def number(value: float) -> str:
    return str(int(value)) if value == int(value) and abs(value) < 1e15 else f"{value:g}"


def text(field: str, value: Any) -> str:
    """A value as text, without department names or other lookups (see :func:`compare_fields`)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return format_duration(value) if field in DURATIONS else number(value)
    if isinstance(value, dict):
        if "from" in value and "to" in value:  # a transition
            label = f" ({value['label']})" if value.get("label") else ""
            return f"{value['from']} → {value['to']}{label}"
        if "when" in value:  # a branch
            return f"if {value['when']} → {', '.join(map(str, value.get('next') or [])) or 'end'}"
        return ", ".join(f"{k}: {text(k, v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(text(field, v) for v in value) if value else "(none)"
    return str(value)


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def compare_fields(old: dict[str, Any], new: dict[str, Any], *, part: str, anchor: str | None,
                   describe: Describe = text, where: str = "") -> tuple[list[FieldChange], list[OrderNote]]:
    """The changes from ``old`` to ``new`` (two field mappings), and lists that only changed order."""
    changes: list[FieldChange] = []
    notes: list[OrderNote] = []
    for name in [*new, *(k for k in old if k not in new)]:
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        if isinstance(before, list) or isinstance(after, list):
            old_items, new_items = list(before or []), list(after or [])
            old_count = Counter(_key(v) for v in old_items)
            new_count = Counter(_key(v) for v in new_items)
            if old_count == new_count:
                notes.append(OrderNote(f"{where} › {name}" if where else name,
                                       describe(name, old_items), describe(name, new_items)))
                continue
            gone, came = old_count - new_count, new_count - old_count
            removed = tuple(describe(name, v) for v in old_items if _take(gone, _key(v)))
            added = tuple(describe(name, v) for v in new_items if _take(came, _key(v)))
            changes.append(FieldChange(part, name, describe(name, old_items), describe(name, new_items), anchor,
                                       removed=removed, added=added, is_list=True))
            continue
        direction = ""
        if (isinstance(before, (int, float)) and isinstance(after, (int, float))
                and not isinstance(before, bool) and not isinstance(after, bool)):
            direction = "▲" if after > before else "▼"
        changes.append(FieldChange(part, name, None if before is None else describe(name, before),
                                   None if after is None else describe(name, after), anchor, direction))
    return changes, notes


def _take(counter: Counter[str], key: str) -> bool:
    """Whether one more occurrence of ``key`` is due (so duplicates are reported as often as they changed)."""
    if counter[key] > 0:
        counter[key] -= 1
        return True
    return False
