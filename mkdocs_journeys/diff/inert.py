"""Text from the handbook made inert in a pull-request comment: it shows as written and does nothing.

A comment is Markdown that the code host renders and then scans again: a title could add a heading,
a table row (``|``, a line break), an image or a link, raw HTML, a mention that notifies people
(``@team``), a reference to another issue (``#123``), an autolink (``www.…``, ``https://…``) or an
emoji. Every value is put on one line, control characters are shown as escapes, every Markdown and
HTML character becomes a character reference (:func:`..escape.plain`), and the references a host
finds in the rendered text are broken by an invisible zero-width space (``&#8203;``) after the
``@``, ``#``, ``:`` or ``www`` that would start one. The JSON report carries the values exactly.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from ..escape import plain

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


def text(value: str) -> str:
    """Handbook text for a paragraph, list item or table cell of the comment."""
    return plain(_REFERENCES.sub(_BREAK, line(value))).replace(_BREAK, "&#8203;")


def code(value: str) -> str:
    """An id in a code span; an id that is not a slug (an invalid definition's) can hold a backtick or a
    line break, which would end the span, so it is written as text instead."""
    return f"`{value}`" if SLUG.fullmatch(value) else text(value)


def url(value: str) -> str:
    """A link's address, with every character that could end it, or the table cell it is in, encoded."""
    return quote(value, safe="/:#?&=%~.-_+,;@!$")
