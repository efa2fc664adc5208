"""The structured difference between two handbooks: definitions added, removed, renamed and changed
field by field, ownership moves, the emotion curve's extremes, metric statuses, and findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..analysis import analyse
from ..handbook import Handbook
from ..model import Journey, MetricValue
from .renames import match_renames

Kind = Literal["journey", "persona", "process", "department", "metric"]
KINDS: tuple[Kind, ...] = ("journey", "persona", "process", "department", "metric")
ORDERED_LISTS = {"stages", "touchpoints", "steps", "transitions", "branches", "history"}
SKIPPED = {"owner", "kind"}  # owners are compared as effective owners, in the ownership section


@dataclass(frozen=True)
class Change:
    """One field that changed: where (a readable path), before and after (None when absent)."""

    where: str
    before: str | None
    after: str | None
    direction: str = ""  # ▲ or ▼ for numbers that went up or down
    anchor: str | None = None  # stage-x / touchpoint-x / step-x on the entity's page


@dataclass
class EntityChanges:
    kind: Kind
    id: str
    title: str
    changes: list[Change] = field(default_factory=list)
    renamed_from: str | None = None


@dataclass(frozen=True)
class OwnershipMove:
    kind: Kind
    entity: str
    title: str
    part: str  # "stage 'Research'", "touchpoint '…'", "step '…'"
    anchor: str | None
    before: str
    after: str


@dataclass(frozen=True)
class StatusChange:
    journey: str
    title: str
    where: str
    metric: str
    before: str
    after: str


@dataclass(frozen=True)
class FindingChange:
    code: str
    subject: str
    message: str
    location: str


@dataclass
class Report:
    added: dict[Kind, list[tuple[str, str]]] = field(default_factory=dict)  # id, title
    removed: dict[Kind, list[tuple[str, str]]] = field(default_factory=dict)
    changed: list[EntityChanges] = field(default_factory=list)
    reordered: list[str] = field(default_factory=list)
    moves: list[OwnershipMove] = field(default_factory=list)
    statuses: list[StatusChange] = field(default_factory=list)
    extremes: list[str] = field(default_factory=list)
    introduced: list[FindingChange] = field(default_factory=list)
    resolved: list[FindingChange] = field(default_factory=list)
    problems_before: int = 0
    problems_after: int = 0
    invalid: list[tuple[str, str, str]] = field(default_factory=list)  # kind, id, first problem, in NEW
    department_names: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (any(self.added.values()) or any(self.removed.values()) or self.changed or self.moves
                    or self.statuses or self.introduced or self.resolved or self.reordered
                    or self.problems_before != self.problems_after or bool(self.invalid))


def _entities(handbook: Handbook) -> dict[Kind, dict[str, Any]]:
    return {"journey": handbook.journeys, "persona": handbook.personas, "process": handbook.processes,
            "department": handbook.departments, "metric": handbook.custom_metrics}


def title_of(model: Any) -> str:
    return str(getattr(model, "title", None) or getattr(model, "name", None) or model.id)


def _dump(model: Any) -> dict[str, Any]:
    data: dict[str, Any] = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    return data


def _text(value: Any) -> str:
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value) if value else "(none)"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items())
    return str(value)


def _label(key: str, item: dict[str, Any]) -> str:
    singular = {"stages": "stage", "touchpoints": "touchpoint", "steps": "step"}.get(key, key)
    return f"{singular} '{item.get('name') or item.get('id')}'"


def _anchor(key: str, item: dict[str, Any]) -> str | None:
    prefix = {"stages": "stage", "touchpoints": "touchpoint", "steps": "step"}.get(key)
    return f"{prefix}-{item['id']}" if prefix and "id" in item else None


def _diff(where: str, before: Any, after: Any, out: list[Change], reorders: list[str],
          anchor: str | None = None) -> None:
    """Field-by-field changes; lists of parts are matched by id, other lists compared as sets."""
    if before == after:
        return
    if isinstance(before, dict) and isinstance(after, dict):
        for key in list(before) + [k for k in after if k not in before]:
            if key in SKIPPED:
                continue
            path = f"{where} › {key}" if where else key
            _diff(path, before.get(key), after.get(key), out, reorders, anchor)
        return
    if isinstance(before, list) and isinstance(after, list):
        key = where.rsplit(" › ", 1)[-1]
        if before and after and all(isinstance(i, dict) and "id" in i for i in before + after):
            old = {i["id"]: i for i in before}
            new = {i["id"]: i for i in after}
            parent = where.rsplit(" › ", 1)[0] if " › " in where else ""
            for item_id, item in new.items():
                label = f"{parent} › {_label(key, item)}" if parent else _label(key, item)
                if item_id not in old:
                    out.append(Change(label, None, "added", anchor=_anchor(key, item)))
                else:
                    _diff(label, old[item_id], item, out, reorders, _anchor(key, item) or anchor)
            for item_id, item in old.items():
                if item_id not in new:
                    label = f"{parent} › {_label(key, item)}" if parent else _label(key, item)
                    out.append(Change(label, "removed", None))
            common_old = [i for i in old if i in new]
            common_new = [i for i in new if i in old]
            if common_old != common_new:
                reorders.append(f"{where}: order changed")
            return
        if key in ORDERED_LISTS or sorted(map(str, before)) != sorted(map(str, after)):
            out.append(Change(where, _text(before), _text(after), anchor=anchor))
        return
    direction = ""
    if isinstance(before, (int, float)) and isinstance(after, (int, float)) and not isinstance(before, bool):
        direction = "▲" if after > before else "▼"
    out.append(Change(where, None if before is None else _text(before), None if after is None else _text(after),
                      direction, anchor))


def _owners(kind: Kind, model: Any) -> dict[str, tuple[str, str | None, str]]:
    """Effective owner of each part: key → (label, anchor, department)."""
    owners: dict[str, tuple[str, str | None, str]] = {}
    if kind == "journey":
        owners[""] = ("the journey", None, model.owner)
        for stage in model.stages:
            owners[f"stage:{stage.id}"] = (f"stage '{stage.name}'", f"stage-{stage.id}", stage.owner_id)
            for tp in stage.touchpoints:
                owners[f"tp:{tp.id}"] = (f"touchpoint '{tp.name}'", f"touchpoint-{tp.id}", tp.owner_id)
    elif kind == "process":
        owners[""] = ("the process", None, model.owner)
        for step in model.steps:
            owners[f"step:{step.id}"] = (f"step '{step.name}'", f"step-{step.id}", step.owner_id)
    return owners


def _metric_values(journey: Journey) -> dict[tuple[str, str], tuple[str, MetricValue]]:
    values: dict[tuple[str, str], tuple[str, MetricValue]] = {}
    for metric_id, value in journey.metrics.items():
        values[("", metric_id)] = ("the journey", value)
    for stage in journey.stages:
        for metric_id, value in stage.metrics.items():
            values[(f"stage:{stage.id}", metric_id)] = (f"stage '{stage.name}'", value)
        for tp in stage.touchpoints:
            for metric_id, value in tp.metrics.items():
                values[(f"tp:{tp.id}", metric_id)] = (f"touchpoint '{tp.name}'", value)
    return values


def _extremes(journey: Journey) -> tuple[float | None, float | None]:
    emotions = [tp.emotion for _, tp in journey.touchpoints() if tp.emotion is not None]
    return (min(emotions), max(emotions)) if emotions else (None, None)


def compare(old: Handbook, new: Handbook) -> Report:
    report = Report(problems_before=len(old.problems), problems_after=len(new.problems),
                    department_names={d.id: d.name for h in (old, new) for d in h.departments.values()})
    old_all, new_all = _entities(old), _entities(new)
    broken = {(r.kind, r.id) for r in new.rejected}
    report.invalid = sorted({(r.kind, r.id or "?", r.problems[0].message if r.problems else "invalid")
                             for r in new.rejected})
    pairs: list[tuple[Kind, str, str]] = []  # kind, old id, new id of definitions in both
    for kind in KINDS:
        before, after = old_all[kind], new_all[kind]
        # a definition the change broke is reported as invalid, not as removed
        removed = {i: _dump(m) for i, m in before.items() if i not in after and (kind, i) not in broken}
        added = {i: _dump(m) for i, m in after.items() if i not in before}
        renames = match_renames(removed, added)
        for old_id, new_id in renames:
            removed.pop(old_id)
            added.pop(new_id)
        report.added[kind] = sorted((i, title_of(after[i])) for i in added)
        report.removed[kind] = sorted((i, title_of(before[i])) for i in removed)
        pairs += [(kind, i, i) for i in sorted(before) if i in after]
        pairs += [(kind, o, n) for o, n in renames]
    for kind, old_id, new_id in sorted(pairs, key=lambda p: (KINDS.index(p[0]), p[2])):
        a, b = old_all[kind][old_id], new_all[kind][new_id]
        entity = EntityChanges(kind, new_id, title_of(b), renamed_from=old_id if old_id != new_id else None)
        dump_a, dump_b = _dump(a), _dump(b)
        dump_a.pop("id", None)
        dump_b.pop("id", None)
        reorders: list[str] = []
        _diff("", dump_a, dump_b, entity.changes, reorders)
        report.reordered += [f"{kind} '{title_of(b)}': {r}" for r in reorders]
        if entity.changes or entity.renamed_from:
            report.changed.append(entity)
        owners_a, owners_b = _owners(kind, a), _owners(kind, b)
        for key, (label, anchor, dept) in owners_b.items():
            if key in owners_a and owners_a[key][2] != dept:
                report.moves.append(OwnershipMove(kind, new_id, title_of(b), label, anchor, owners_a[key][2], dept))
        if kind == "journey":
            _journey_metrics_and_curve(a, b, report)
    _findings(old, new, report)
    return report


def _journey_metrics_and_curve(a: Journey, b: Journey, report: Report) -> None:
    values_a, values_b = _metric_values(a), _metric_values(b)
    for key, (where, value) in values_b.items():
        if key in values_a and values_a[key][1].status != value.status:
            report.statuses.append(StatusChange(b.id, b.title, where, value.definition.name, values_a[key][1].status,
                                                value.status))
    (low_a, high_a), (low_b, high_b) = _extremes(a), _extremes(b)
    if low_a is not None and low_b is not None and low_b != low_a:
        word = "worse" if low_b < low_a else "better"
        report.extremes.append(f"the lowest point of '{b.title}' is {word}: {low_a:+g} → {low_b:+g}")
    if high_a is not None and high_b is not None and high_b != high_a:
        word = "higher" if high_b > high_a else "lower"
        report.extremes.append(f"the highest point of '{b.title}' is {word}: {high_a:+g} → {high_b:+g}")


def _findings(old: Handbook, new: Handbook, report: Report) -> None:
    before = {f.key: f for f in analyse(old).findings}
    after = {f.key: f for f in analyse(new).findings}
    for key in sorted(after.keys() - before.keys()):
        f = after[key]
        report.introduced.append(FindingChange(f.code, f.subject, f.message, f.location.display(new.source)))
    for key in sorted(before.keys() - after.keys()):
        f = before[key]
        report.resolved.append(FindingChange(f.code, f.subject, f.message, f.location.display(old.source)))
