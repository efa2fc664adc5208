"""The report as the comment's sections: what each one lists, in which order, linked where.

Nothing here writes Markdown (see :mod:`.comment`): handbook text stays plain ``str`` and is
escaped when :mod:`.markdown` writes it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..kinds import ENTITY_KINDS as KINDS
from ..kinds import KINDS as SPECS
from ..model.organisation import REVIEWER_PATTERN
from .comment import (
    COSMETIC,
    DETAIL,
    IMPORTANT,
    NOTABLE,
    URGENT,
    Code,
    Inline,
    Item,
    Link,
    Lit,
    Section,
    Strong,
    Table,
    joined,
)
from .inert import SLUG
from .links import Links
from .ownership import gains_and_losses
from .report import Entity, EntityChanges, ErrorEntry, FieldChange, FindingChange, MetricChange, OwnershipMove, Report
from .shortening import shorten, shorten_pair

MAX_ERRORS = 20
MAX_TOUCHED = 4  # parts named per department under Reviewers
NONE = Lit("—")


def emotion(value: float | None) -> Lit:
    if value is None:
        return NONE
    return Lit("0" if value == 0 else f"{value:+g}")


def _names(names: Sequence[str], most: int = 3) -> Inline:
    shown = joined([(Lit("'"), n, Lit("'")) for n in names[:most]])
    return (shown, Lit(f" and {len(names) - most} more")) if len(names) > most else shown


def _pair(values: tuple[str | None, str | None], direction: str, strong: bool = False) -> Inline:
    before, after = values
    if before == after:
        return before if before is not None else NONE
    shown: Inline = after if after is not None else NONE
    return (before if before is not None else NONE, Lit(" → "), Strong(shown) if strong else shown,
            Lit(f" {direction}" if direction else ""))


def _capped(items: list[Item]) -> list[Item]:
    if len(items) <= MAX_ERRORS:
        return items
    return [*items[:MAX_ERRORS], Item(Lit(f"… and {len(items) - MAX_ERRORS} more"), rank=items[-1].rank)]


def metric_rank(m: MetricChange) -> int:
    """A value that got worse, or a status that became ``missed``, first."""
    if m.verdict == "worse" or (m.status[1] == "missed" and m.status[0] != "missed"):
        return IMPORTANT
    return NOTABLE if m.status[0] != m.status[1] else DETAIL


class Sections:
    def __init__(self, report: Report, links: Links) -> None:
        self.report = report
        self.links = links

    def all(self) -> list[Section]:
        found = [*self.kinds(), self.ownership(), self.metrics(), self.measured(), self.curve(), self.findings(),
                 self.errors(), self.order(), self.reviewers()]
        return [s for s in found if s is not None]

    def entity(self, entity: Entity, anchor: str | None = None) -> Inline:
        return Link(Strong(entity.title), self.links.page(entity.kind, entity.page, anchor))

    def part(self, entity: Entity, label: str, anchor: str | None) -> Inline:
        return Link(label, self.links.page(entity.kind, entity.page, anchor) if anchor else None)

    def where(self, entity: Entity, part: str, anchor: str | None) -> Inline:
        return (self.entity(entity), Lit(" › "), self.part(entity, part, anchor))

    # -- definitions ----------------------------------------------------------------------------

    def kinds(self) -> list[Section]:
        sections: list[Section] = []
        for kind in KINDS:
            added, removed = self.report.added.get(kind, []), self.report.removed.get(kind, [])
            changed = self.report.changed_of(kind)
            if not (added or removed or changed):
                continue
            items = [Item((Lit("added: "), self.entity(e), Lit(" ("), Code(e.id), Lit(")")), rank=NOTABLE)
                     for e in added]
            items += [Item((Lit("removed: "), self.entity(e), Lit(" ("), Code(e.id), Lit(")")), rank=IMPORTANT)
                      for e in removed]
            items += [self.changed(entity) for entity in changed]
            sections.append(Section(SPECS[kind].plural.capitalize(), [items]))
        return sections

    def changed(self, changes: EntityChanges) -> Item:
        e = changes.entity
        ids: Inline = ((Lit("renamed: "), Code(changes.renamed_from), Lit(" → "), Code(e.id))
                       if changes.renamed_from else Code(e.id))
        heading: Inline = (self.entity(e), Lit(" ("), ids, Lit(")"))
        # A part's id is its anchor: links to the old one (``#stage-old``) lead nowhere once it is renamed.
        renamed: list[Inline] = [(Lit(f"{kind} renamed: "), Code(old), Lit(" → "), Code(new),
                                  Lit(f" (links to `#{kind}-{old}` now lead to the top of the page)"
                                      if SLUG.fullmatch(old) else ""))
                                 for kind, old, new in changes.parts_renamed]
        gone = any(c.after == "removed" and not c.field for c in changes.changes)
        rank = IMPORTANT if changes.renamed_from or renamed or gone else DETAIL
        if changes.changes:
            return Item(heading, renamed, Table(["Where", "Before", "After"], [self.row(e, c) for c in changes.changes],
                                                [IMPORTANT if c.field == "id" or (c.after == "removed" and not c.field)
                                                 else DETAIL for c in changes.changes]), rank)
        if any(m.entity == e for m in self.report.metrics):
            return Item((heading, Lit(": metric values changed (see Metrics)")), renamed, rank=rank)
        return Item(heading, renamed, rank=rank)

    def row(self, entity: Entity, change: FieldChange) -> list[Inline]:
        where: Inline = self.part(entity, change.part, change.anchor) if change.part else ""
        if change.field:
            where = (where, Lit(" › "), change.field) if change.part else change.field
        if change.is_list:
            before = joined([(Lit("− "), shorten(v)) for v in change.removed]) if change.removed else NONE
            after = joined([(Lit("+ "), shorten(v)) for v in change.added]) if change.added else NONE
            return [where, before, after]
        before_text, after_text = shorten_pair(change.before, change.after)
        direction = Lit(f" {change.direction}" if change.direction else "")
        return [where, before_text if before_text is not None else NONE,
                (after_text if after_text is not None else NONE, direction)]

    # -- ownership, metrics, the emotion curve ---------------------------------------------------------

    def ownership(self) -> Section | None:
        moves = self.report.moves
        if not moves:
            return None
        dept = self.report.department
        rows: list[list[Inline]] = [[self.where(m.entity, m.part, m.anchor), dept(m.before), dept(m.after)]
                                    for m in moves]
        balance: list[Item] = []
        for department, (gains, losses) in gains_and_losses(moves).items():
            for verb, items in (("gains", gains), ("loses", losses)):
                if items:
                    balance.append(Item((Strong(dept(department)), Lit(f" {verb} {len(items)}: "), _grouped(items)),
                                        rank=NOTABLE))
        return Section("Ownership moves", [Table(["What", "From", "To"], rows, [NOTABLE] * len(rows)), balance])

    def metrics(self) -> Section | None:
        if not self.report.metrics:
            return None
        notes = any(m.other for m in self.report.metrics)
        rows: list[list[Inline]] = []
        for m in self.report.metrics:
            actual = _pair(m.actual, m.actual_direction)
            row = [self.where(m.entity, m.part, m.anchor), m.name, _pair(m.target, m.target_direction),
                   (actual, Lit(f" {m.verdict}")) if m.verdict else actual, _pair(m.status, "", strong=True)]
            if notes:
                row.append("; ".join(m.other))
            rows.append(row)
        headers = ["Where", "Metric", "Target", "Actual", "Status", *(["Also"] if notes else [])]
        return Section("Metrics", [Table(headers, rows, [metric_rank(m) for m in self.report.metrics])])

    def measured(self) -> Section | None:
        """Figures from the datasets, and the datasets this comparison could not read (one line each)."""
        report = self.report
        if not (report.figures or report.data_skipped):
            return None
        rows: list[list[Inline]] = [[self.entity(f.entity), f.figure, _pair((f.before, f.after), f.direction)]
                                    for f in report.figures]
        blocks: list[Inline | Table | list[Item]] = [Table(["Where", "Figure", "Before → after"], rows)] if rows else []
        blocks += [[Item(note) for note in report.data_skipped]] if report.data_skipped else []
        return Section("Measured", blocks)  # rows and notes: DETAIL

    def curve(self) -> Section | None:
        journeys: dict[str, tuple[Entity, list[Inline]]] = {}
        worse = {x.entity.id for x in self.report.extremes if x.verdict == "worse"}
        for x in self.report.extremes:
            before = (emotion(x.before), (Lit(" at "), _names(x.before_at)) if x.before_at else "")
            after = (emotion(x.after), (Lit(" at "), _names(x.after_at)) if x.after_at else "")
            journeys.setdefault(x.entity.id, (x.entity, []))[1].append(
                (Lit(f"{x.which} point {x.verdict}: "), before, Lit(" → "), after))
        for c in self.report.emotions:
            direction = "" if c.before is None or c.after is None else " ▲" if c.after > c.before else " ▼"
            journeys.setdefault(c.entity.id, (c.entity, []))[1].append(
                (self.part(c.entity, c.touchpoint, c.anchor), Lit(": "), emotion(c.before), Lit(" → "),
                 emotion(c.after), Lit(direction)))
        if not journeys:
            return None
        return Section("Emotion curve", [[Item(self.entity(entity), items,
                                               rank=IMPORTANT if entity.id in worse else DETAIL)
                                          for entity, items in journeys.values()]])

    # -- findings, errors, order -------------------------------------------------------------------

    def finding(self, verb: str, f: FindingChange, location: bool = True, rank: int = DETAIL) -> Item:
        url = self.links.page(f.page[0], f.page[1], f.anchor) if f.page else None
        message: Inline = (f.before_message, Lit(" → "), f.message) if f.before_message is not None else f.message
        return Item((Lit(f"{verb}: "), Link(Code(f.code), url), Lit(" "), message,
                     (Lit(" ("), f.location, Lit(")")) if location else ""), rank=rank)

    def findings(self) -> Section | None:
        report = self.report
        if not (report.findings_introduced or report.findings_resolved or report.findings_changed):
            return None
        return Section("Findings", [[*(self.finding("introduced", f, rank=IMPORTANT)
                                       for f in report.findings_introduced),
                                     *(self.finding("resolved", f, False) for f in report.findings_resolved),
                                     *(self.finding("reworded", f, False, COSMETIC) for f in report.findings_changed)]])

    def errors(self) -> Section | None:
        report = self.report
        if not (report.errors_before or report.errors_after or report.invalid or report.valid_again):
            return None
        before, after = len(report.errors_before), len(report.errors_after)
        intro = Lit(f"{'The new handbook has ' + str(after) if after else 'No'} error{'s' if after != 1 else ''} "
                    f"(before: {before}). Definitions with errors are left out of this comparison; "
                    "`mkdocs-journeys check` explains each problem.")
        items = [Item((Lit("made invalid: "), kind, Lit(" "), Code(entity_id), Lit(": "), why), rank=URGENT)
                 for kind, entity_id, why in report.invalid]
        items += [Item((Lit("valid again: "), self.entity(e), Lit(" ("), Code(e.id), Lit(")")), rank=NOTABLE)
                  for e in report.valid_again]
        new = set(report.errors_new)
        items += _capped([Item((Lit("new: " if e in new else "still: "), *_error(e)),
                               rank=URGENT if e in new else DETAIL)
                          for e in sorted(report.errors_after, key=lambda e: e not in new)])  # new ones first
        items += _capped([Item((Lit("fixed: "), *_error(e)), rank=NOTABLE) for e in report.errors_fixed])
        return Section("Errors", [intro, items])

    def reviewers(self) -> Section | None:
        if not self.report.reviews:
            return None
        items = []
        for r in self.report.reviews:
            ask: Inline = joined([_handle(h) for h in r.reviewers]) if r.reviewers else Lit("no reviewers named")
            what: list[Inline] = list(r.touched[:MAX_TOUCHED])
            more = Lit(f" and {len(r.touched) - MAX_TOUCHED} more") if len(r.touched) > MAX_TOUCHED else Lit("")
            items.append(Item((Strong(self.report.department(r.department)), Lit(": "), ask, Lit(" — "),
                               joined(what, "; "), more), rank=IMPORTANT))
        return Section("Reviewers", [Lit("The departments that own what this change touches, and whom to ask:"),
                                     items])

    def order(self) -> Section | None:
        if not self.report.order:
            return None
        items = []
        for n in self.report.order:
            before, after = shorten_pair(n.before, n.after)
            items.append(Item((n.where, Lit(": "), before or NONE, Lit(" → "), after or NONE), rank=COSMETIC))
        return Section("Order", [Lit("The same content in another order, or in another file:"), items])


def _handle(reviewer: str) -> Inline:
    """A reviewer in a code span: shown, but no mention (the comment notifies nobody; CODEOWNERS asks)."""
    return Lit(f"`{reviewer}`") if re.fullmatch(REVIEWER_PATTERN, reviewer) else reviewer


def _grouped(moves: list[OwnershipMove]) -> Inline:
    groups: dict[str, list[Inline]] = {}
    for move in moves:
        groups.setdefault(move.entity.title, []).append(move.part)
    return joined([(title, Lit(": "), joined(parts)) for title, parts in groups.items()], "; ")


def _error(e: ErrorEntry) -> tuple[Inline, ...]:
    return e.where, Lit(": "), shorten(e.message)
