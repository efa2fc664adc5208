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


# Anything of which :func:`_escaped` changes something: one scan finds there is none, the usual case
# for the hundreds of thousands of names and sentences a big site's pages hold.
_NEEDS_ESCAPING = re.compile("[" + re.escape("".join(_SPECIAL)) + r"\n]|^\s*(?:\d+[.)]|-)")


def plain(text: str | None) -> str:
    """Plain text for a Markdown paragraph, list item or table cell."""
    if not text:
        return ""
    return text if _NEEDS_ESCAPING.search(text) is None else _escaped(text)


def _escaped(text: str) -> str:
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


# Every character that ends a line or steers a terminal, written as an escape: a problem quotes what
# the author wrote, and a line break in it would let a value start a log line of its own (which CI
# reads as a command, ``::error file=...``), an ESC would recolour or rewrite the terminal.
_CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) != "\t"] + ["\u2028", "\u2029"]
_LINE_BREAKS = str.maketrans({c: repr(c)[1:-1] for c in _CONTROLS})


def one_line(text: str) -> str:
    """Text as one line with every control character shown as its escape (``\\n``, ``\\x1b``)."""
    # Printable text holds none of them (every one is a non-printable character): the usual case, at
    # the cost of a scan instead of a copy, for the tens of thousands of lines a big check prints.
    return text if text.isprintable() else text.translate(_LINE_BREAKS)


# Themes put the page title into ``<title>``, the navigation and the search index as HTML, and some
# decode entities first (Material: ``page.title | striptags``): an escaped ``&lt;script&gt;`` would
# come back as a live tag. A title without ``<``, ``>`` or the start of an entity stays inert however
# often it is decoded; these look-alikes show the same text.
_TITLE = str.maketrans({"<": "\uff1c", ">": "\uff1e"})
_ENTITY_START = re.compile(r"&(?=[#A-Za-z0-9])")


def page_title(text: str) -> str:
    """A page title for the site's metadata: no markup, however a theme decodes and inserts it."""
    return _ENTITY_START.sub("\uff06", one_line(" ".join(text.split())).translate(_TITLE))
