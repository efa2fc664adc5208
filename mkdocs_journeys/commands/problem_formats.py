"""Problems printed for people (text), for GitHub Actions (annotations) and for programs (JSON)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from ..problems import Problem
from ..source import display_path

Format = Literal["text", "github", "json"]


def format_text(problem: Problem, root: Path | None = None) -> str:
    """``path:line:col: severity: message (hint)``; findings end with ``[code]``, the name ``ignore`` takes."""
    where = problem.location.display(root)
    code = f" [{problem.code}]" if problem.severity == "warning" else ""
    return f"{where}: {problem.severity}: {problem.full_message()}{code}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
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
    return json.dumps(items, indent=2, ensure_ascii=False)


def render(problems: Sequence[Problem], fmt: Format, root: Path | None = None) -> list[str]:
    """One line per problem (text, github) or one JSON document (json)."""
    root = root or Path.cwd()  # once, not per line: a big handbook prints tens of thousands
    if fmt == "json":
        return [as_json(problems, root)]
    line = format_github if fmt == "github" else format_text
    return [line(p, root) for p in problems]


def summary(errors: int, warnings: int, definitions: int, files: int) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    found = "no problems" if not errors and not warnings else (
        ", ".join(x for x in (plural(errors, "error") if errors else "",
                              plural(warnings, "warning") if warnings else "") if x))
    return f"{plural(definitions, 'definition')} in {plural(files, 'file')}: {found}"
