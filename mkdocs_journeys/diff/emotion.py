"""The emotion curve: touchpoints whose emotion changed, and lowest or highest points that moved."""

from __future__ import annotations

from typing import Literal

from .parts import Flat
from .report import EmotionChange, Entity, ExtremeChange


def _emotion(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def emotion_changes(entity: Entity, old: Flat, new: Flat) -> list[EmotionChange]:
    """Touchpoints in both versions (``old`` in the new ids) whose emotion differs, in journey order."""
    changes: list[EmotionChange] = []
    old_touchpoints = old.of_kind("touchpoint")
    for tp_id, tp in new.of_kind("touchpoint").items():
        before = old_touchpoints.get(tp_id)
        if before is None:
            continue
        a, b = _emotion(before.fields.get("emotion")), _emotion(tp.fields.get("emotion"))
        if a != b:
            changes.append(EmotionChange(entity, tp.name, before.anchor, a, b))
    return changes


def _extreme(flat: Flat, which: Literal["lowest", "highest"]) -> tuple[float | None, tuple[str, ...]]:
    rated = [(tp.id, e) for tp in flat.of_kind("touchpoint").values()
             if (e := _emotion(tp.fields.get("emotion"))) is not None]
    if not rated:
        return None, ()
    value = min(e for _, e in rated) if which == "lowest" else max(e for _, e in rated)
    return value, tuple(t for t, e in rated if e == value)


def extreme_changes(entity: Entity, old: Flat, new: Flat) -> list[ExtremeChange]:
    """A lowest or highest point whose value changed, or that other touchpoints reached or left."""
    names = {**{t: p.name for t, p in old.of_kind("touchpoint").items()},
             **{t: p.name for t, p in new.of_kind("touchpoint").items()}}
    changes: list[ExtremeChange] = []
    for which in ("lowest", "highest"):
        before, before_at = _extreme(old, which)
        after, after_at = _extreme(new, which)
        if (before, set(before_at)) != (after, set(after_at)) and not (before is None and after is None):
            changes.append(ExtremeChange(entity, which, before, after, tuple(names[t] for t in before_at),
                                         tuple(names[t] for t in after_at)))
    return changes
