"""Text from the handbook made inert in a pull-request comment: it shows as written and does nothing.

A comment is Markdown that the code host renders and then scans again: a title could add a heading,
a table row (``|``, a line break), an image or a link, raw HTML, a mention that notifies people
(``@team``), a reference to another issue (``#123``), an autolink (``www.…``, ``https://…``) or an
emoji. Every value is put on one line, control characters are shown as escapes, each character that
GitHub's Markdown would read as markup where it stands gets a backslash (which every CommonMark
renderer removes again), and the references a host finds in the rendered text are broken by an
invisible zero-width space after the ``@``, ``#``, ``:`` or ``www`` that would start one. The rest
is left as written, so the comment's source reads as plainly as the rendered comment (``4.5%``, not
``4&#46;5%``). The JSON report carries the values exactly.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

_BREAK = "\u200b"  # zero-width space: invisible, and no mention, reference or link goes on across it
_REFERENCES = re.compile(
    r"(?<=@)(?=[\w-])"  # @user, @org/team, user@example.org
    r"|(?<=#)(?=\d)"  # #123, owner/repo#123
    r"|(?<=\bGH-)(?=\d)"  # GH-123
    r"|(?<=:)(?=//)"  # https://host
    r"|(?<=\bwww)(?=\.)"  # www.host
    r"|(?<=:)(?=[a-z0-9_+-]*[a-z][a-z0-9_+-]*:)",  # :emoji:
    re.IGNORECASE)
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def _visible(char: str) -> str:
    """A control or direction-changing character as an escape a reader can see (``\\x1b``)."""
    if 0xDC80 <= ord(char) <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{ord(char) - 0xDC00:02x}"
    if unicodedata.category(char) in ("Cc", "Cs") or char in _BIDI:
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    return char


def line(value: str) -> str:
    """Handbook text for plain text (a terminal, an e-mail): one line, with every control or
    direction-changing character shown as an escape; no markup, as there is none to defuse."""
    flat = " ".join(value.split())
    return flat if flat.isprintable() else "".join(_visible(c) for c in flat)


# Markup anywhere in a line: code, emphasis, strike-through, links and images, raw HTML and
# autolinks, table cells, maths, backslashes themselves, and an ``&`` that would start a reference.
# An underscore inside a word starts no emphasis (``pain_points``), so it is left as written.
_MARKUP = re.compile(r"[\\`*~\[\]<>|$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|&(?=#?[A-Za-z0-9]+;)")
# Markup only where a line (a list item, a cell's start) begins: a heading, a list, a rule.
_START = re.compile(r"^(?:#{1,6}(?=\s|$)|[+-](?=[\s+-]|$)|\d{1,9}(?=[.)](?:\s|$)))")


def text(value: str) -> str:
    """Handbook text for a paragraph, list item or table cell of the comment."""
    escaped = _MARKUP.sub(lambda m: "\\" + m.group(), _REFERENCES.sub(_BREAK, line(value)))
    start = _START.match(escaped)
    if start is None:
        return escaped
    if start.group()[0].isdigit():  # "1. x" would start a numbered list: the dot or bracket is escaped
        end = start.end()
        return escaped[:end] + "\\" + escaped[end:]
    return "\\" + escaped


def code(value: str) -> str:
    """An id in a code span; an id that is not a slug (an invalid definition's) can hold a backtick or a
    line break, which would end the span, so it is written as text instead."""
    return f"`{value}`" if SLUG.fullmatch(value) else text(value)


def url(value: str) -> str:
    """A link's address, with every character that could end it, or the table cell it is in, encoded."""
    return quote(value, safe="/:#?&=%~.-_+,;@!$")
