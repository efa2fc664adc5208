"""Problems printed for people (text), for GitHub Actions (annotations) and for programs (JSON).

The text quoted in a message is the author's, and CI runners act on what a log line says: a line
starting with ``::`` (after spaces) or holding ``##[`` anywhere is a workflow command to GitHub
Actions (``::add-mask::``, ``##[stop-commands]``, a forged ``::error file=…``), and an escape
sequence drives the terminal. So every problem is one line of printable characters, whatever the
author wrote: line breaks and other control characters are shown escaped (``\n``, ``\x1b``), and
no line can be read as a command.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from ..problems import Problem
from ..source import display_path

Format = Literal["text", "github", "json"]

# Bidirectional overrides and isolates reorder what a reader sees (the "Trojan Source" trick).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LEGACY_COMMAND = re.compile(r"##\[")


def _unsafe(char: str) -> bool:
    """Control characters, line and paragraph separators, lone surrogates (undecodable file names) and
    bidirectional controls."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp", "Cs") or char in _BIDI


def printable(text: str) -> str:
    """``text`` on one line, with every unsafe character as its Python escape (``\x1b``, ``\u2028``)."""
    if text.isprintable():  # the usual case, and quick
        return text
    return "".join(_escape(c) if _unsafe(c) else c for c in text)


def _escape(char: str) -> str:
    return repr(char)[1:-1]  # as one_line writes line breaks: \n, \x1b, \u2028


def safe_line(text: str) -> str:
    """One printable line that no CI runner reads as a workflow command."""
    line = _LEGACY_COMMAND.sub(r"##\\[", printable(text))
    return f"./{line}" if line.lstrip().startswith("::") else line


def format_text(problem: Problem, root: Path | None = None) -> str:
    """``path:line:col: severity: message (hint)``; findings end with ``[code]``, the name ``ignore`` takes."""
    where = problem.location.display(root)
    code = f" [{problem.code}]" if problem.severity == "warning" else ""
    return safe_line(f"{where}: {problem.severity}: {problem.full_message()}{code}")


def _escape_data(text: str) -> str:
    """An annotation's message: the runner turns ``%25``, ``%0D`` and ``%0A`` back into ``%``, CR and LF."""
    return _LEGACY_COMMAND.sub(r"##\\[", printable(text)).replace("%", "%25").replace("\r", "%0D") \
        .replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A property's value: ``:`` and ``,`` would end it (and the properties) early."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problem: Problem, root: Path | None = None) -> str:
    loc = problem.location
    props = [f"file={_escape_property(display_path(loc.file, root))}"]
    if loc.line is not None:
        props.append(f"line={loc.line}")
        props.append(f"col={loc.column or 1}")
    props.append(f"title={_escape_property(problem.code)}")
    return f"::{problem.severity} {','.join(props)}::{_escape_data(problem.full_message())}"


def as_json(problems: Sequence[Problem], root: Path | None = None) -> str:
    items = [
        {
            "file": display_path(p.location.file, root),
            "line": p.location.line,
            "column": p.location.column,
            "severity": p.severity,
            "code": p.code,
            "message": p.message,
            "hint": p.hint,
        }
        for p in problems
    ]
    # json escapes C0 controls itself; the other unsafe characters can only be inside strings (the
    # indentation's line breaks aside), where a \u escape reads back as the same character.
    return "".join(f"\\u{ord(c):04x}" if c != "\n" and _unsafe(c) else c
                   for c in json.dumps(items, indent=2, ensure_ascii=False))


GITHUB_SHOWN = 10  # annotations of one kind (error, warning) GitHub shows per step


def github_counts(problems: Sequence[Problem]) -> list[str]:
    """A notice per kind of which GitHub shows only the first annotations: how many in all, per code."""
    lines = []
    for severity in ("error", "warning"):
        found = Counter(p.code for p in problems if p.severity == severity)
        total = sum(found.values())
        if total > GITHUB_SHOWN:
            per_code = ", ".join(f"{code} {n}" for code, n in sorted(found.items(), key=lambda c: (-c[1], c[0])))
            lines.append(f"::notice title={total} {severity}s::{_escape_data(per_code)} (GitHub shows the first "
                         f"{GITHUB_SHOWN} {severity} annotations of a step; the job summary lists every one)")
    return lines


def render(problems: Sequence[Problem], fmt: Format, root: Path | None = None) -> list[str]:
    """One line per problem (text, github) or one JSON document (json). For GitHub, errors come first
    (it shows only the first of each kind), after a count of each kind that has more than it shows."""
    root = root or Path.cwd()  # once, not per line: a big handbook prints tens of thousands
    if fmt == "json":
        return [as_json(problems, root)]
    if fmt == "github":
        ordered = sorted(problems, key=lambda p: p.severity != "error")  # stable: each kind in file order
        return [*github_counts(problems), *(format_github(p, root) for p in ordered)]
    return [format_text(p, root) for p in problems]


def summary(errors: int, warnings: int, definitions: int, files: int) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    found = "no problems" if not errors and not warnings else (
        ", ".join(x for x in (plural(errors, "error") if errors else "",
                              plural(warnings, "warning") if warnings else "") if x))
    return f"{plural(definitions, 'definition')} in {plural(files, 'file')}: {found}"
