"""Problems: what is wrong with a handbook, where, and what the author could do about it.

Errors make a definition invalid; warnings are the analysis' advice. Both share one shape so
that every front end (terminal, GitHub annotations, JSON, the MkDocs log) prints the same facts.
"""

from __future__ import annotations

import difflib
import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a handbook file; line and column are 1-based, absent for whole-file problems."""

    file: Path
    line: int | None = None
    column: int | None = None

    def display(self, root: Path | None = None) -> str:
        path = one_line(display_path(self.file, root))
        if self.line is None:
            return path
        return f"{path}:{self.line}:{self.column or 1}"


@dataclass(frozen=True)
class Problem:
    location: Location
    message: str
    code: str
    severity: Severity = "error"
    hint: str | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.file.as_posix(), loc.line or 0, loc.column or 0, self.message)

    def full_message(self) -> str:
        """The message and hint on one line, whatever the author's text quoted in them holds."""
        return one_line(f"{self.message} ({self.hint})" if self.hint else self.message)


# Every character that ends a line for Python, a terminal or an editor, written as an escape.
_LINE_BREAKS = str.maketrans({c: repr(c)[1:-1] for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def one_line(text: str) -> str:
    """Text as one line: a problem quotes what the author wrote, and that may hold line breaks."""
    return text.translate(_LINE_BREAKS)


def display_path(file: Path, root: Path | None = None) -> str:
    """A path relative to ``root`` (the current folder by default) when it lies below it."""
    return _relative(file, root or Path.cwd())


@functools.lru_cache(maxsize=4096)
def _relative(file: Path, root: Path) -> str:
    """Cached: a big handbook prints thousands of findings from the same few files."""
    try:
        return Path(os.path.relpath(file, root)).as_posix()
    except ValueError:  # another drive on Windows
        return file.as_posix()


def suggest(wrong: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate, when one is close enough to be the intended word."""
    matches = difflib.get_close_matches(wrong, sorted(set(candidates)), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(wrong: str, candidates: Iterable[str]) -> str | None:
    match = suggest(wrong, candidates)
    return f"did you mean '{match}'?" if match else None


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: p.sort_key)
