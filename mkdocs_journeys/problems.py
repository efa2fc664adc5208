"""Problems: what is wrong with a handbook, where, and what the author could do about it.

Errors make a definition invalid; warnings are the analysis' advice. Both share one shape so
that every front end (terminal, GitHub annotations, JSON, the MkDocs log) prints the same facts.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .escape import one_line
from .source import Location

Severity = Literal["error", "warning"]


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


def suggest(wrong: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate, when one is close enough to be the intended word."""
    matches = difflib.get_close_matches(wrong, sorted(set(candidates)), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(wrong: str, candidates: Iterable[str]) -> str | None:
    match = suggest(wrong, candidates)
    return f"did you mean '{match}'?" if match else None


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: p.sort_key)
