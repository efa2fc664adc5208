"""Metric values of a journey, its stages and touchpoints: targets and actuals before and after, and
status changes (``missed → met``), each value shown in its metric's unit (``4.5%``, ``1h``)."""

from __future__ import annotations

from ..model import Journey, MetricValue
from .parts import Flat, Renames
from .report import Entity, MetricChange


def metric_values(journey: Journey) -> dict[str, dict[str, MetricValue]]:
    """Part key (as in :mod:`.parts`) → metric id → value."""
    values: dict[str, dict[str, MetricValue]] = {"": dict(journey.metrics)}
    for stage in journey.stages:
        values[f"stage:{stage.id}"] = dict(stage.metrics)
        for tp in stage.touchpoints:
            values[f"touchpoint:{tp.id}"] = dict(tp.metrics)
    return values


def _shown(value: MetricValue | None, number: float | None) -> str | None:
    if value is None or number is None:
        return None
    return value.definition.format(number)


def _direction(before: float | None, after: float | None) -> str:
    if before is None or after is None or before == after:
        return ""
    return "▲" if after > before else "▼"


def _history(before: MetricValue, after: MetricValue) -> str | None:
    old = {(h.period, h.value) for h in before.history}
    new = {(h.period, h.value) for h in after.history}
    if old == new:
        return None
    added, removed = len(new - old), len(old - new)
    parts = [f"{n} value{'s' if n != 1 else ''} {verb}" for n, verb in ((added, "added"), (removed, "removed")) if n]
    return "history: " + ", ".join(parts)


def metric_changes(entity: Entity, old_journey: Journey, new_journey: Journey, old: Flat, new: Flat,
                   renames: Renames) -> list[MetricChange]:
    """Values of parts in both versions (``old``/``new`` flats for labels; old keys in the new ids)."""
    old_values: dict[str, dict[str, MetricValue]] = {}
    for key, values in metric_values(old_journey).items():
        kind, _, part_id = key.partition(":")
        new_key = f"{kind}:{renames.part('journey', old_journey.id, part_id)}" if kind else ""
        old_values[new_key] = {renames.entity("metric", m): v for m, v in values.items()}
    changes: list[MetricChange] = []
    for key, values in metric_values(new_journey).items():
        if key not in old_values or key not in new.parts or key not in old.parts:
            continue  # a part added or removed: reported as such
        before_values = old_values[key]
        for metric_id in [*values, *(m for m in before_values if m not in values)]:
            a, b = before_values.get(metric_id), values.get(metric_id)
            change = _compare(entity, new.parts[key].label("journey"), old.parts[key].anchor, metric_id, a, b)
            if change is not None:
                changes.append(change)
    return changes


def _compare(entity: Entity, part: str, anchor: str | None, metric_id: str, a: MetricValue | None,
             b: MetricValue | None) -> MetricChange | None:
    target = (_shown(a, a.target if a else None), _shown(b, b.target if b else None))
    actual = (_shown(a, a.actual if a else None), _shown(b, b.actual if b else None))
    status = (a.status if a else None, b.status if b else None)
    other: list[str] = []
    if a is not None and b is not None:
        for name in ("period", "source"):
            x, y = getattr(a, name), getattr(b, name)
            if x != y:
                other.append(f"{name}: {x or '—'} → {y or '—'}")
        history = _history(a, b)
        if history:
            other.append(history)
        if a.definition.better != b.definition.better:
            other.append(f"better: {a.definition.better} → {b.definition.better}")
    if target[0] == target[1] and actual[0] == actual[1] and status[0] == status[1] and not other:
        return None
    value = b if b is not None else a
    name = value.definition.name if value is not None else metric_id
    return MetricChange(entity, part, anchor, metric_id, name, target, actual, status,
                        _direction(a.target if a else None, b.target if b else None),
                        _direction(a.actual if a else None, b.actual if b else None), tuple(other),
                        value.definition.better if value is not None else "none")

