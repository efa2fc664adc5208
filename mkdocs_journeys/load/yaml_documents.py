"""The documents of a handbook file, cut apart without parsing: what lets one syntax error cost one document.

YAML allows a ``---`` at the start of a line only as a document marker, so the text can be cut there
before the parser sees it; each part keeps its first line's number in the file.
"""

from __future__ import annotations

import re

# A document starts at a `---` line; the directives (`%YAML`) right above it belong to it.
_DOCUMENT_START = re.compile(r"^(?:%[^\n]*\n(?:[ \t]*(?:#[^\n]*)?\n)*)*---(?=[ \t\r\n]|\Z)", re.MULTILINE)
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_IDENTITY = re.compile(r"^(kind|id):[ \t]+[\"']?([a-z0-9][a-z0-9-]*)[\"']?[ \t]*(?:#.*)?\r?$", re.MULTILINE)


def split_documents(text: str) -> list[tuple[str, int]]:
    """``text`` cut before each ``---`` line (with its directives), each part with the number of lines
    above it; parts holding nothing but blank lines and comments are left out."""
    starts = [0, *(m.start() for m in _DOCUMENT_START.finditer(text) if m.start() > 0)]
    parts = []
    lines_above = 0
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        part = text[start:end]
        if any(line.strip() and not line.lstrip().startswith("#") for line in part.splitlines()):
            parts.append((part, lines_above))
        lines_above += len(_LINE_BREAK.findall(part))  # as YAML counts them, part by part: linear
    return parts


def identity(text: str) -> tuple[str, str] | None:
    """The `kind` and `id` written at the start of lines of a document that does not parse, if both are."""
    found = {m.group(1): m.group(2) for m in _IDENTITY.finditer(text)}
    return (found["kind"], found["id"]) if "kind" in found and "id" in found else None
