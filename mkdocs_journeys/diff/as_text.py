"""The report as plain text, for a terminal, a chat message or an e-mail: the comment's sections
without Markdown — no tables, no character references, no marks a reader would have to decode.

Handbook text is put on one line, with control and direction-changing characters shown as escapes
(``\\x1b``), so that a value can neither steer a terminal nor start a line of its own. Nothing is
left out: the text report is the whole report, however long.
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
        return str(value).replace("`", "")
    if isinstance(value, str):
        return inert.line(value)
    if isinstance(value, tuple):
        return "".join(inline(v) for v in value)
    if isinstance(value, Strong):
        return inline(value.inner)
    if isinstance(value, Code):
        return inert.line(value.value)
    return inline(value.label)


def row(headers: list[str], cells: list[Inline]) -> str:
    """``where: before → after`` for a table of changes; ``where: metric …; target …`` for the others."""
    shown = [inline(c) for c in cells]
    if headers[1:] == ["Before", "After"]:
        if (shown[1], shown[2]) in (("—", "added"), ("removed", "—")):  # a whole part
            return f"{shown[0]}: {shown[2] if shown[1] == '—' else shown[1]}"
        return f"{shown[0]}: {shown[1]} → {shown[2]}"
    rest = "; ".join(f"{h.lower()} {c}" for h, c in zip(headers[1:], shown[1:], strict=False) if c)
    return f"{shown[0]}: {rest}"


def _items(found: list[Item], indent: str = "") -> list[str]:
    lines: list[str] = []
    for item in found:
        lines.append(f"{indent}- {inline(item.text)}")
        lines += [f"{indent}    {inline(child)}" for child in item.children]
        if item.table is not None:
            lines += [f"{indent}    {row(item.table.headers, cells)}" for cells in item.table.rows]
    return lines


def _section(s: Section) -> list[str]:
    lines = ["", s.title, "-" * len(s.title)]
    for block in s.blocks:
        if isinstance(block, Table):
            lines += [f"- {row(block.headers, cells)}" for cells in block.rows]
        elif isinstance(block, list):
            lines += _items(block)
        else:
            lines.append(inline(block))
    return lines


def render_text(report: Report, links: Links | None = None) -> str:
    """The whole report as text; for identical handbooks the single line ``No changes to the handbook.``"""
    first = summary(report, inert.line)
    if report.empty:
        return first + "\n" + "".join(f"{inert.line(note)}\n" for note in report.data_skipped)
    lines = ["Handbook changes", "================", "", first]
    for s in Sections(report, links or Links(None)).all():
        lines += _section(s)
    return "\n".join(lines) + "\n"
