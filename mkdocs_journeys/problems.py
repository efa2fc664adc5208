"""Problems: what is wrong with a handbook, where, and what the author could do about it.

Errors make a definition invalid; warnings are the analysis' advice. Both share one shape so
that every front end (terminal, GitHub annotations, JSON, the MkDocs log) prints the same facts.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
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


# Pools up to this size are compared with every candidate; bigger ones through an index.
_SMALL_POOL = 200
_POSTING_LIMIT = 256  # bigrams shared by more candidates than this say too little to be worth counting
_SHORTLIST = 48
_TYPO_LIMIT = 32  # likewise for the forms with characters left out


class Suggester:
    """Did-you-mean over one pool of candidates, built once and asked many times.

    Comparing a wrong word with every candidate costs the product of the two counts: a thousand broken
    references into a process of thousands of steps took minutes. A big pool is indexed once, by the
    forms each candidate takes with one or two characters left out (a typo's neighbours) and by its
    character pairs; a word is then compared only with the few candidates that share them, so each
    suggestion costs about the same whatever the pool's size.
    """

    def __init__(self, candidates: Iterable[str]) -> None:
        self.candidates = sorted(set(candidates))
        self._cache: dict[str, str | None] = {}
        self._deletes: dict[str, list[int]] = defaultdict(list)
        self._pairs: dict[str, list[int]] = defaultdict(list)
        if len(self.candidates) > _SMALL_POOL:
            for i, candidate in enumerate(self.candidates):
                for form in _deletions(candidate):
                    self._deletes[form].append(i)
                for pair in _pairs(candidate):
                    self._pairs[pair].append(i)

    def suggest(self, wrong: str) -> str | None:
        """The closest candidate, when one is close enough to be the intended word."""
        if wrong not in self._cache:
            matches = difflib.get_close_matches(wrong, self._shortlist(wrong), n=1, cutoff=0.6)
            self._cache[wrong] = matches[0] if matches else None
        return self._cache[wrong]

    def _shortlist(self, wrong: str) -> list[str]:
        if len(self.candidates) <= _SMALL_POOL:
            return self.candidates
        typos: Counter[int] = Counter()  # candidates a typo or two away, by how many forms they share
        for form in _deletions(wrong):
            posting = self._deletes.get(form, ())
            if len(posting) <= _TYPO_LIMIT:
                typos.update(posting)
        shared: Counter[int] = Counter()  # candidates with character pairs in common
        for pair in _pairs(wrong):
            posting = self._pairs.get(pair, ())
            if len(posting) <= _POSTING_LIMIT:
                shared.update(posting)
        near = {i for i, _ in typos.most_common(_SHORTLIST // 2)} | {i for i, _ in shared.most_common(_SHORTLIST // 2)}
        return [self.candidates[i] for i in sorted(near)]


def _deletions(word: str) -> set[str]:
    """``word`` with one character left out, and (for short words) two: a typo's neighbours meet here."""
    ones = {word[:i] + word[i + 1:] for i in range(len(word))} | {word}
    if len(word) > 16:
        return ones
    return ones | {w[:i] + w[i + 1:] for w in ones for i in range(len(w))}


def _pairs(word: str) -> set[str]:
    return {word[i:i + 2] for i in range(len(word) - 1)}


def suggest(wrong: str, candidates: Iterable[str] | Suggester) -> str | None:
    """The closest candidate, when one is close enough to be the intended word (for a pool asked once;
    keep a :class:`Suggester` for a pool asked many times)."""
    pool = candidates if isinstance(candidates, Suggester) else Suggester(candidates)
    return pool.suggest(wrong)


def did_you_mean(wrong: str, candidates: Iterable[str] | Suggester) -> str | None:
    match = suggest(wrong, candidates)
    return f"did you mean '{match}'?" if match else None


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: p.sort_key)
