"""The pull-request comment as data: sections of paragraphs, lists and tables, before any Markdown.

:mod:`.sections` builds it from a report; :mod:`.markdown` writes it. In between, text stays as the
handbook has it: a plain ``str`` is always handbook text, escaped when written, and only what this
package writes itself is marked :class:`Lit` — so text that is not marked can never become markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias


class Lit(str):
    """Markdown of our own (``renamed: ``, `` → ``, a number), written as it is."""

    __slots__ = ()


@dataclass(frozen=True)
class Link:
    """``label`` linked to ``url``; just the label when there is no page to link to."""

    label: Inline
    url: str | None


@dataclass(frozen=True)
class Strong:
    inner: Inline


@dataclass(frozen=True)
class Code:
    """An id, in a code span when it is a slug."""

    value: str


Inline: TypeAlias = str | Link | Strong | Code | tuple["Inline", ...]


def joined(items: list[Inline], separator: str = ", ") -> tuple[Inline, ...]:
    """Inline parts with a separator of ours between them."""
    out: list[Inline] = []
    for i, item in enumerate(items):
        out += [Lit(separator), item] if i else [item]
    return tuple(out)


# How much a reader needs to see a change, when not everything fits in one comment (lowest first).
URGENT, IMPORTANT, NOTABLE, DETAIL, COSMETIC = range(5)


@dataclass
class Table:
    headers: list[str]  # ours
    rows: list[list[Inline]]
    ranks: list[int] = field(default_factory=list)  # per row; DETAIL where missing

    def rank(self, row: int) -> int:
        return self.ranks[row] if row < len(self.ranks) else DETAIL


@dataclass
class Item:
    """A list item, perhaps with a nested list or a table below it."""

    text: Inline
    children: list[Inline] = field(default_factory=list)
    table: Table | None = None
    rank: int = DETAIL


@dataclass
class Section:
    """A ``###`` section: a title of ours and its blocks, in order."""

    title: str
    blocks: list[Inline | Table | list[Item]] = field(default_factory=list)
