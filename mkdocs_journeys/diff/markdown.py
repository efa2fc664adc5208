"""The report as a pull-request comment: a summary line, then one section per kind of change.

Text from the handbook is escaped as on the pages (:func:`..render.text.plain`): a ``|`` breaks no
table and ``<script>`` shows as typed. Ids are slugs and go into code spans as they are; an id of an
invalid definition can be anything, and is escaped like text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..escape import plain
from ..kinds import ENTITY_KINDS as KINDS
from ..kinds import KINDS as SPECS
from ..render.markdown import table
from ..slugs import is_slug
from .links import Links
from .ownership import gains_and_losses
from .report import Entity, EntityChanges, ErrorEntry, FieldChange, FindingChange, OwnershipMove, Report
from .summary import summary

MAX_TEXT = 120
MAX_ERRORS = 20
CONTEXT = 30  # characters kept before the first difference when a long text is shortened


def code(value: str) -> str:
    return f"`{value}`" if is_slug(value) else line(value)


def line(text: str) -> str:
    """Plain text on one line (names go into table cells and list items)."""
    return plain(" ".join(text.split()))


def emotion(value: float | None) -> str:
    if value is None:
        return "—"
    return "0" if value == 0 else f"{value:+g}"


def _names(names: Sequence[str], most: int = 3) -> str:
    shown = ", ".join(f"'{line(n)}'" for n in names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def shorten(text: str, start: int = 0) -> str:
    """One line of at most MAX_TEXT characters, from ``start`` (with … where text was cut)."""
    text = " ".join(text.split())
    start = max(0, min(start, len(text) - MAX_TEXT))
    if start:
        text = "…" + text[start + 1:]
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…"


def shorten_pair(before: str | None, after: str | None) -> tuple[str, str]:
    """Both texts shortened alike, around their first difference, so that the change stays visible."""
    a = " ".join(before.split()) if before is not None else None
    b = " ".join(after.split()) if after is not None else None
    start = 0
    if a is not None and b is not None:
        same = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        start = max(0, same - CONTEXT) if same > MAX_TEXT - CONTEXT else 0
    return (plain(shorten(a, start)) if a is not None else "—", plain(shorten(b, start)) if b is not None else "—")


class Writer:
    def __init__(self, report: Report, links: Links) -> None:
        self.report = report
        self.links = links

    def entity(self, entity: Entity, anchor: str | None = None) -> str:
        url = self.links.page(entity.kind, entity.page, anchor)
        title = f"**{line(entity.title)}**"
        return f"[{title}]({url})" if url else title

    def part(self, entity: Entity, label: str, anchor: str | None) -> str:
        url = self.links.page(entity.kind, entity.page, anchor) if anchor else None
        return f"[{line(label)}]({url})" if url else line(label)

    def dept(self, department_id: str) -> str:
        return line(self.report.department(department_id))

    # -- definitions ----------------------------------------------------------------------------

    def kinds(self) -> list[str]:
        lines: list[str] = []
        report = self.report
        for kind in KINDS:
            added, removed, changed = report.added.get(kind, []), report.removed.get(kind, []), report.changed_of(kind)
            if not (added or removed or changed):
                continue
            lines += ["", f"### {SPECS[kind].plural.capitalize()}", ""]
            lines += [f"- added: {self.entity(e)} ({code(e.id)})" for e in added]
            lines += [f"- removed: {self.entity(e)} ({code(e.id)})" for e in removed]
            for entity in changed:
                lines += self.changed(entity)
        return lines

    def changed(self, changes: EntityChanges) -> list[str]:
        e = changes.entity
        ids = (f"renamed: {code(changes.renamed_from)} → {code(e.id)}" if changes.renamed_from else code(e.id))
        lines = [f"- {self.entity(e)} ({ids})"]
        if changes.changes:
            rows = [self.row(e, c) for c in changes.changes]
            lines += ["", *("  " + text for text in table(["Where", "Before", "After"], rows).splitlines()), ""]
        elif any(m.entity == e for m in self.report.metrics):
            lines[-1] += ": metric values changed (see Metrics)"
        return lines

    def row(self, entity: Entity, change: FieldChange) -> list[str]:
        where = self.part(entity, change.part, change.anchor) if change.part else ""
        if change.field:
            field = line(change.field)
            where = f"{where} › {field}" if where else field
        if change.is_list:
            before = ", ".join("− " + shorten_pair(v, None)[0] for v in change.removed) or "—"
            after = ", ".join("+ " + shorten_pair(v, None)[0] for v in change.added) or "—"
            return [where, before, after]
        before, after = shorten_pair(change.before, change.after)
        return [where, before, after + (f" {change.direction}" if change.direction else "")]

    # -- ownership, metrics, the emotion curve ---------------------------------------------------------

    def ownership(self) -> list[str]:
        moves = self.report.moves
        if not moves:
            return []
        rows = [[f"{self.entity(m.entity)} › {self.part(m.entity, m.part, m.anchor)}", self.dept(m.before),
                 self.dept(m.after)] for m in moves]
        lines = ["", "### Ownership moves", "", table(["What", "From", "To"], rows), ""]
        for department, (gains, losses) in gains_and_losses(moves).items():
            for verb, items in (("gains", gains), ("loses", losses)):
                if items:
                    lines.append(f"- **{self.dept(department)}** {verb} {len(items)}: " + self._grouped(items))
        return lines

    def _grouped(self, moves: Iterable[OwnershipMove]) -> str:
        groups: dict[str, list[str]] = {}
        for move in moves:
            groups.setdefault(line(move.entity.title), []).append(line(move.part))
        return "; ".join(f"{title}: {', '.join(parts)}" for title, parts in groups.items())

    def metrics(self) -> list[str]:
        if not self.report.metrics:
            return []
        rows = []
        notes = any(m.other for m in self.report.metrics)
        for m in self.report.metrics:
            row = [f"{self.entity(m.entity)} › {self.part(m.entity, m.part, m.anchor)}", line(m.name),
                   _pair(m.target, m.target_direction), _pair(m.actual, m.actual_direction),
                   _pair(m.status, "", strong=True)]
            if notes:
                row.append(line("; ".join(m.other)))
            rows.append(row)
        headers = ["Where", "Metric", "Target", "Actual", "Status", *(["Also"] if notes else [])]
        return ["", "### Metrics", "", table(headers, rows)]

    def curve(self) -> list[str]:
        report = self.report
        journeys: dict[str, tuple[Entity, list[str]]] = {}
        for x in report.extremes:
            before = emotion(x.before) + (f" at {_names(x.before_at)}" if x.before_at else "")
            after = emotion(x.after) + (f" at {_names(x.after_at)}" if x.after_at else "")
            line = f"{x.which} point {x.verdict}: {before} → {after}"
            journeys.setdefault(x.entity.id, (x.entity, []))[1].append(line)
        for c in report.emotions:
            direction = "" if c.before is None or c.after is None else " ▲" if c.after > c.before else " ▼"
            journeys.setdefault(c.entity.id, (c.entity, []))[1].append(
                f"{self.part(c.entity, c.touchpoint, c.anchor)}: {emotion(c.before)} → {emotion(c.after)}{direction}")
        if not journeys:
            return []
        lines = ["", "### Emotion curve", ""]
        for entity, items in journeys.values():
            lines.append(f"- {self.entity(entity)}")
            lines += [f"  - {item}" for item in items]
        return lines

    # -- findings, errors, order -------------------------------------------------------------------

    def finding(self, verb: str, f: FindingChange, location: bool = True) -> str:
        url = self.links.page(f.page[0], f.page[1], f.anchor) if f.page else None
        label = f"[`{f.code}`]({url})" if url else f"`{f.code}`"
        message = (f"{line(f.before_message)} → {line(f.message)}" if f.before_message is not None
                   else line(f.message))
        return f"- {verb}: {label} {message}" + (f" ({line(f.location)})" if location else "")

    def findings(self) -> list[str]:
        report = self.report
        if not (report.findings_introduced or report.findings_resolved or report.findings_changed):
            return []
        return (["", "### Findings", ""]
                + [self.finding("introduced", f) for f in report.findings_introduced]
                + [self.finding("resolved", f, location=False) for f in report.findings_resolved]
                + [self.finding("reworded", f, location=False) for f in report.findings_changed])

    def errors(self) -> list[str]:
        report = self.report
        if not (report.errors_before or report.errors_after or report.invalid or report.valid_again):
            return []
        before, after = len(report.errors_before), len(report.errors_after)
        lines = ["", "### Errors", "",
                 f"{'The new handbook has ' + str(after) if after else 'No'} error{'s' if after != 1 else ''} "
                 f"(before: {before}). Definitions with errors are left out of this comparison; "
                 "`mkdocs-journeys check` explains each problem.", ""]
        lines += [f"- made invalid: {kind} {code(entity_id)}: {line(why)}" for kind, entity_id, why in report.invalid]
        lines += [f"- valid again: {self.entity(e)} ({code(e.id)})" for e in report.valid_again]
        new = set(report.errors_new)
        lines += _capped([f"- {'new' if e in new else 'still'}: {_error(e)}" for e in report.errors_after])
        lines += _capped([f"- fixed: {_error(e)}" for e in report.errors_fixed])
        return lines

    def order(self) -> list[str]:
        if not self.report.order:
            return []
        return (["", "### Order", "", "The same content in another order, or in another file:", ""]
                + [f"- {line(n.where)}: {' → '.join(shorten_pair(n.before, n.after))}" for n in self.report.order])


def _pair(values: tuple[str | None, str | None], direction: str, strong: bool = False) -> str:
    before, after = values
    if before == after:
        return line(before) if before is not None else "—"
    shown = line(after) if after is not None else "—"
    return f"{line(before) if before is not None else '—'} → {f'**{shown}**' if strong else shown}" + (
        f" {direction}" if direction else "")


def _error(e: ErrorEntry) -> str:
    return f"{line(e.where)}: {line(shorten(e.message))}"


def _capped(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_ERRORS:
        return lines
    return [*lines[:MAX_ERRORS], f"- … and {len(lines) - MAX_ERRORS} more"]


def render_markdown(report: Report, links: Links | None = None) -> str:
    """The whole report; for identical handbooks the single line ``No changes to the handbook.``"""
    first = summary(report, line)
    if report.empty:
        return first + "\n"
    writer = Writer(report, links or Links(None))
    lines = ["## Handbook changes", "", first]
    for section in (writer.kinds, writer.ownership, writer.metrics, writer.curve, writer.findings, writer.errors,
                    writer.order):
        lines += section()
    text = "\n".join(lines).rstrip("\n") + "\n"
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text
