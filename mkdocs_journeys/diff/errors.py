"""The errors of either handbook: a diff still compares what loads, and says what did not."""

from __future__ import annotations

from pathlib import Path

from ..handbook import Handbook
from ..source import display_path
from .report import ErrorEntry


def errors(handbook: Handbook, root: Path) -> list[ErrorEntry]:
    """Every error, with its file relative to ``root`` (the repository's top, or the current folder)."""
    return [ErrorEntry(display_path(p.location.file, root), p.location.line, p.location.column, p.full_message(),
                       p.code)
            for p in handbook.problems if p.severity == "error"]
