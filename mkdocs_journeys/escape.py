"""Plain text made safe for Markdown and HTML: shown exactly as written, wherever it lands.

A name may hold ``|`` (a table cell break), ``*`` or ``_`` (emphasis), ``<script>`` (HTML),
``[x](y)`` (a link) or ``{: .x}`` / ``:smile:`` (Markdown extensions). Every character that means
something to Markdown, its common extensions or HTML becomes a numeric character reference, which
every Markdown processor passes through and every browser shows as the character itself.
"""

from __future__ import annotations

import html
import re

_SPECIAL = {c: f"&#{ord(c)};" for c in "&<>*_`[]()\\{}#|~^=:!+$@"}
_TABLE = str.maketrans(_SPECIAL)
_LIST_START = re.compile(r"^(\s*)(\d+)([.)])")
_LINE_START = re.compile(r"^(\s*)([-])")


def plain(text: str | None) -> str:
    """Plain text for a Markdown paragraph, list item or table cell."""
    if not text:
        return ""
    escaped = text.translate(_TABLE)
    escaped = _LIST_START.sub(lambda m: f"{m.group(1)}{m.group(2)}&#{ord(m.group(3))};", escaped)
    escaped = _LINE_START.sub(lambda m: f"{m.group(1)}&#45;", escaped)
    # Line breaks the author wrote are kept; a blank line would end a table row or list item.
    return "<br>".join(part.strip("\r") for part in escaped.split("\n")) if "\n" in escaped else escaped


def attr(text: str) -> str:
    """Text for an HTML attribute value in double quotes."""
    return html.escape(text, quote=True)


def hover(text: str | None) -> str:
    """Text for plotly labels, which read a subset of HTML: entities show the characters themselves."""
    return html.escape(text or "", quote=False)


def markdown_block(text: str | None) -> str:
    """A Markdown field: rendered as Markdown, kept as a block of its own."""
    return (text or "").strip("\n")


# Every character that ends a line for Python, a terminal or an editor, written as an escape.
_LINE_BREAKS = str.maketrans({c: repr(c)[1:-1] for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def one_line(text: str) -> str:
    """Text as one line: a problem quotes what the author wrote, and that may hold line breaks."""
    return text.translate(_LINE_BREAKS)
