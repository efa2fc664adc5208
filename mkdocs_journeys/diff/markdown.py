"""The report as a pull-request comment: a summary line, then one section per kind of change.

:mod:`.sections` decides what the comment says; this module only writes it, and is the one place
where handbook text meets Markdown: every plain ``str`` of the sections goes through
:func:`.inert.text` (ids through :func:`.inert.code`, addresses through :func:`.inert.url`).
"""

from __future__ import annotations

from . import inert
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


def table(t: Table) -> list[str]:
    """A pipe table; every cell is one line, and no ``|`` of the handbook's is left unescaped."""
    if not t.rows:
        return []
    return ["| " + " | ".join(t.headers) + " |", "|" + "|".join("---" for _ in t.headers) + "|",
            *("| " + " | ".join(inline(cell) for cell in row) + " |" for row in t.rows)]


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


def render_markdown(report: Report, links: Links | None = None) -> str:
    """The whole report; for identical handbooks the single line ``No changes to the handbook.``"""
    first = summary(report, inert.text)
    if report.empty:  # a dataset left unread is still said, even when nothing else changed
        return first + "\n" + "".join(f"\n{inert.text(note)}\n" for note in report.data_skipped)
    lines = ["## Handbook changes", "", first]
    for s in Sections(report, links or Links(None)).all():
        lines += section(s)
    text = "\n".join(lines).rstrip("\n") + "\n"
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text
