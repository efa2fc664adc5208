"""The report as a pull-request comment: a summary line, then one section per kind of change.

:mod:`.sections` decides what the comment says; this module only writes it, and is the one place
where handbook text meets Markdown: every plain ``str`` of the sections goes through
:func:`.inert.text` (ids through :func:`.inert.code`, addresses through :func:`.inert.url`).
"""

from __future__ import annotations

from . import inert
from .budget import BUDGET, Cost, countable, fit
from .comment import Code, Inline, Item, Lit, Section, Strong, Table
from .links import Links
from .report import Report
from .sections import Sections
from .summary import summary


def inline(value: Inline) -> str:
    if isinstance(value, Lit):
        return str(value)
    if isinstance(value, str):
        return inert.text(value)
    if isinstance(value, tuple):
        return "".join(inline(v) for v in value)
    if isinstance(value, Strong):
        return f"**{inline(value.inner)}**"
    if isinstance(value, Code):
        return inert.code(value.value)
    label = inline(value.label)
    return f"[{label}]({inert.url(value.url)})" if value.url else label


def row(cells: list[Inline]) -> str:
    return "| " + " | ".join(inline(cell) for cell in cells) + " |"


def table(t: Table) -> list[str]:
    """A pipe table; every cell is one line, and no ``|`` of the handbook's is left unescaped."""
    if not t.rows:
        return []
    return ["| " + " | ".join(t.headers) + " |", "|" + "|".join("---" for _ in t.headers) + "|",
            *(row(cells) for cells in t.rows)]


def items(found: list[Item]) -> list[str]:
    lines: list[str] = []
    for item in found:
        lines.append(f"- {inline(item.text)}")
        lines += [f"  - {inline(child)}" for child in item.children]
        if item.table is not None:
            lines += ["", *("  " + row for row in table(item.table)), ""]
    return lines


def section(s: Section) -> list[str]:
    lines = ["", f"### {s.title}"]
    for block in s.blocks:
        lines.append("")
        if isinstance(block, Table):
            lines += table(block)
        elif isinstance(block, list):
            lines += items(block)
        else:
            lines.append(inline(block))
    return lines


def _fixed(s: Section) -> int:
    """A section's title, paragraphs and table heads, with the blank lines between blocks."""
    return len(s.title) + 6 + sum(
        3 + (len(inline(b)) if not isinstance(b, (Table, list)) else
             sum(len(h) + 7 for h in b.headers) + 2 if isinstance(b, Table) else 0) for b in s.blocks)


COST = Cost(item=lambda item: sum(len(line) + 1 for line in items([item])),
            row=lambda _, cells: len(row(cells)) + 3,  # nested tables are indented
            fixed=_fixed)


def _write(first: str, sections: list[Section], note: Inline = "") -> str:
    lines = ["## Handbook changes", "", first]
    if note:
        lines += ["", inline(note)]
    for s in sections:
        lines += section(s)
    text = "\n".join(lines).rstrip("\n") + "\n"
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


def render_markdown(report: Report, links: Links | None = None, limit: int | None = BUDGET) -> str:
    """The whole report, or, when it is longer than ``limit`` characters, its most important items and
    a count of the rest; for identical handbooks the single line ``No changes to the handbook.``"""
    first = summary(report, inert.text)
    if report.empty:  # a dataset left unread is still said, even when nothing else changed
        return first + "\n" + "".join(f"\n{inert.text(note)}\n" for note in report.data_skipped)
    sections = Sections(report, links or Links(None)).all()
    text = _write(first, sections)
    if limit is None or len(text) <= limit:
        return text
    budget = limit - len(first) - 600
    while True:  # the costs are close estimates: cut further by what the first try overshot
        fitted, left_out = fit(sections, budget, COST)
        omitted = sum(x.count for x in left_out)
        note = Lit(f"**Too long for one comment: {omitted:,} of {countable(sections):,} items are left out** "
                   "(counted per section at the end). Shown first: new errors, removed and renamed definitions and "
                   "parts, metrics that got worse and new findings. The same command with `--format text` prints "
                   "the whole report, with `--format json` for programs.")
        closing = Section("Left out", [Lit("Items not shown above, per section:"),
                                       [Item(Lit(f"{x.section}: {x.count:,}")) for x in left_out]])
        text = _write(first, [*fitted, closing], note)
        if len(text) <= limit or budget <= 0:
            return text
        budget -= len(text) - limit + 200
