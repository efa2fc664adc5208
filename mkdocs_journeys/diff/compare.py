"""Two handbooks compared: definitions added, removed, renamed and changed field by field, ownership
moves, metric values, the emotion curve, findings, errors, and changes of order only.

The old handbook is read in the new one's ids (a rename is reported once, as a rename, and not again
in every reference to it). Links in the report lead to the old handbook's pages — the published
site — so the old ids and anchors are kept alongside.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..data.measure import Measurements
from ..handbook import Handbook
from ..kinds import ENTITY_KINDS as KINDS
from ..kinds import EntityKind as Kind
from .emotion import emotion_changes, extreme_changes
from .errors import errors, relative_to_root
from .fields import compare_fields, text
from .findings import finding_changes
from .layout import layout_notes
from .measured import figure_changes
from .metrics import metric_changes
from .ownership import effective_owners, ownership_moves
from .parts import Flat, Renames, definitions, flatten, normalise, shape, title_of
from .references import referrers
from .renames import match_renames
from .report import Entity, EntityChanges, FieldChange, Report
from .reviewers import reviews, touched

PART_KINDS = {"journey": ("stage", "touchpoint"), "process": ("step",)}


def compare(old: Handbook, new: Handbook, *, old_root: Path | None = None, new_root: Path | None = None,
            measured: tuple[Measurements | None, Measurements | None] = (None, None)) -> Report:
    """What changed from ``old`` to ``new``. Paths of errors and findings are shown relative to the
    roots (the repository's top for git revisions; the current folder by default); ``measured``:
    what each side's datasets say (its figures and the findings from them are compared too)."""
    report = Report(department_names={d.id: d.name for h in (old, new) for d in h.departments.values()})
    old_all, new_all = definitions(old), definitions(new)
    broken_new = {(r.kind, r.id) for r in new.rejected}
    broken_old = {(r.kind, r.id) for r in old.rejected}
    renames = Renames()

    old_owners, new_owners = effective_owners(old), effective_owners(new)
    old_flats = {(kind, i): flatten(kind, m, old_owners.get((kind, i)))
                 for kind in KINDS for i, m in old_all[kind].items()}
    new_flats = {(kind, i): flatten(kind, m, new_owners.get((kind, i)))
                 for kind in KINDS for i, m in new_all[kind].items()}
    old_refs, new_refs = referrers(old, old_flats.values()), referrers(new, new_flats.values())

    pairs: list[tuple[Kind, str, str]] = []  # kind, old id, new id
    for kind in KINDS:
        before, after = old_all[kind], new_all[kind]
        gone = {i: shape(m, old_refs.get((kind, i), ())) for i, m in before.items()
                if i not in after and (kind, i) not in broken_new}
        came = {i: shape(m, new_refs.get((kind, i), ())) for i, m in after.items()
                if i not in before and (kind, i) not in broken_old}
        renamed = match_renames(gone, came)
        renames.entities[kind] = renamed
        report.added[kind] = [Entity(kind, i, title_of(after[i])) for i in sorted(came) if i not in renamed.values()]
        report.removed[kind] = [Entity(kind, i, title_of(before[i]), page=i) for i in sorted(gone) if i not in renamed]
        report.valid_again += [Entity(kind, i, title_of(m)) for i, m in sorted(after.items())
                               if i not in before and (kind, i) in broken_old]
        pairs += [(kind, i, i) for i in before if i in after]
        pairs += [(kind, o, n) for o, n in renamed.items()]
    pairs.sort(key=lambda p: (KINDS.index(p[0]), p[2]))
    touches: dict[str, list[str]] = {}

    def touch(found: dict[str, list[str]]) -> None:
        for department, what in found.items():
            touches.setdefault(department, []).extend(what)

    for kind in KINDS:
        for e in report.added[kind]:
            touch(touched(e, None, new_flats[(kind, e.id)], set()))
        for e in report.removed[kind]:
            touch(touched(e, old_flats[(kind, e.id)], None, set()))

    flats = {(kind, old_id): (old_flats[(kind, old_id)], new_flats[(kind, new_id)]) for kind, old_id, new_id in pairs}
    for (kind, old_id), (a, b) in flats.items():
        for part_kind in PART_KINDS.get(kind, ()):
            gone_parts = {i: p.shape() for i, p in a.of_kind(part_kind).items() if i not in b.of_kind(part_kind)}
            came_parts = {i: p.shape() for i, p in b.of_kind(part_kind).items() if i not in a.of_kind(part_kind)}
            renames.parts.setdefault((kind, old_id), {}).update(match_renames(gone_parts, came_parts))

    renamed_names: list[tuple[str, str]] = []  # names changed: a finding's message quoting one is not reworded
    for kind, old_id, new_id in pairs:
        a, b = flats[(kind, old_id)]
        a_new = Flat(kind, new_id, a.title, {}, {})
        for part in a.parts.values():
            mapped = normalise(kind, old_id, part, renames)
            a_new.parts[mapped.key] = mapped
        a_new.orders = {_order_key(kind, old_id, key, renames): [renames.part(kind, old_id, i) for i in ids]
                        for key, ids in a.orders.items()}
        renamed_names += [(a_new.parts[k].name, p.name) for k, p in b.parts.items()
                          if k in a_new.parts and a_new.parts[k].name != p.name]
        entity = Entity(kind, new_id, b.title, page=old_id)
        changes = EntityChanges(entity, renamed_from=old_id if old_id != new_id else None)
        _compare_parts(changes, a_new, b, report, _describer(report, b))
        report.moves += ownership_moves(entity, a_new, b)
        metric_count = 0
        if kind == "journey":
            metrics = metric_changes(entity, old.journeys[old_id], new.journeys[new_id], a_new, b, renames)
            report.metrics += metrics
            metric_count = len(metrics)
            report.emotions += emotion_changes(entity, a_new, b)
            report.extremes += extreme_changes(entity, a_new, b)
        if changes.changes or changes.renamed_from or metric_count:
            report.changed.append(changes)
            touch(touched(entity, a_new, b, {m.part for m in report.metrics[len(report.metrics) - metric_count:]}))
            if kind == "department":
                touch({new_id: [f"department '{b.title}'"]})

    touch({e.id: [f"department '{e.title}'"] for e in [*report.added["department"], *report.removed["department"]]})
    report.reviews = reviews(touches, old, new)
    report.order += layout_notes(old, new, renames)
    old_root, new_root = old_root or Path.cwd(), new_root or Path.cwd()
    report.findings_introduced, report.findings_resolved, report.findings_changed = finding_changes(
        old, new, renames, old_root, new_root, renamed_names, measured)
    report.figures = figure_changes(old, new, measured[0], measured[1], renames)
    report.errors_before, report.errors_after = errors(old, old_root), errors(new, new_root)
    report.invalid = sorted((r.kind, r.id or "?", relative_to_root(r.problems[0].message, new_root)
                             if r.problems else "invalid")
                            for r in new.rejected if (r.kind, r.id) not in broken_old)
    return report


def _order_key(kind: str, old_id: str, key: str, renames: Renames) -> str:
    name, colon, part = key.partition(":")
    return f"{name}:{renames.part(kind, old_id, part)}" if colon else key


def _describer(report: Report, new: Flat) -> Callable[[str, Any], str]:
    stages = {p.id: p.name for p in new.of_kind("stage").values()}

    def describe(field: str, value: Any) -> str:
        if isinstance(value, list):
            return ", ".join(describe(field, v) for v in value) if value else "(none)"
        if field in ("owner", "parent", "contributors") and isinstance(value, str):
            return report.department(value)
        if field == "stage" and isinstance(value, str):
            return stages.get(value, value)
        return text(field, value)

    return describe


def _compare_parts(changes: EntityChanges, old: Flat, new: Flat, report: Report,
                   describe: Callable[[str, Any], str]) -> None:
    kind = changes.entity.kind
    where = f"{kind} '{new.title}'"
    renamed_parts = {p.id: p.was for p in old.parts.values() if p.kind and p.was != p.id}
    for key, part in new.parts.items():
        label = part.label(kind) if part.kind else ""
        before = old.parts.get(key)
        if before is None:
            changes.changes.append(FieldChange(label, "", None, "added"))
            continue
        if part.id in renamed_parts:
            changes.parts_renamed.append((part.kind, renamed_parts[part.id] or "", part.id))
            changes.changes.append(FieldChange(label, "id", renamed_parts[part.id], part.id, before.anchor))
        found, notes = compare_fields(before.fields, part.fields, part=label, anchor=before.anchor, describe=describe,
                                      where=f"{where} › {label}" if label else where)
        changes.changes += found
        report.order += notes
    for key, part in old.parts.items():
        if key not in new.parts:
            changes.changes.append(FieldChange(part.label(kind), "", "removed", None, part.anchor))
    names = {p.id: p.name for p in new.parts.values() if p.kind}
    for order_key, ids in new.orders.items():
        name, _, container = order_key.partition(":")
        old_ids = old.orders.get(order_key, [])
        if name == "touchpoints":  # only touchpoints that stayed in this stage
            common = [i for i in ids if i in old_ids]
        else:
            common = [i for i in ids if f"{name[:-1]}:{i}" in old.parts]
        previous = [i for i in old_ids if i in common]
        if previous != common:
            stage = old.parts.get(f"stage:{container}") if container else None
            changes.changes.append(FieldChange(
                f"stage '{names.get(container, container)}'" if container else "", f"order of {name}",
                ", ".join(names.get(i, i) for i in previous), ", ".join(names.get(i, i) for i in common),
                stage.anchor if stage else None))
