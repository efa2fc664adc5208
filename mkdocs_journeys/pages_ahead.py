"""Generated pages written before MkDocs reads any, so that a one-off build lets the handbook go first.

MkDocs reads and renders every page before it writes the first one. Written lazily, as MkDocs reads
them, the pages keep the handbook, its analysis and the renderers' caches alive all that time, and
when those go at last, what they leave is scattered: Python's allocator keeps a block of memory
for as long as one small object in it lives, and the page objects MkDocs creates meanwhile land
among the handbook's. At 1,000 journeys about 200 MiB stayed held that way for the rest of the
build, under the search plugins' index at its end.

Written at once instead (compressed: the pages shrink about tenfold), the handbook can go before
MkDocs creates its pages. What the build needs from the pages is carried across that moment as one
serialised value, so that none of it is left among the freed memory either.
"""

from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PageAhead:
    """A generated page written ahead: its Markdown held compressed until MkDocs reads it."""

    path: str
    title: str
    edit_uri: str | None
    compressed: bytes

    @classmethod
    def written(cls, path: str, title: str, edit_uri: str | None, markdown: str) -> PageAhead:
        # Level 1: a tenth of the size at a few milliseconds a page; higher levels gain little more.
        return cls(path, title, edit_uri, zlib.compress(markdown.encode("utf-8", "surrogatepass"), 1))

    def markdown(self) -> str:
        return zlib.decompress(self.compressed).decode("utf-8", "surrogatepass")


def carry(pages: list[PageAhead], nav: Any) -> bytes:
    """The pages and the navigation as one value that holds no object of the build."""
    return pickle.dumps((pages, nav), protocol=pickle.HIGHEST_PROTOCOL)


def carried(value: bytes) -> tuple[list[PageAhead], Any]:
    """What :func:`carry` packed, as new objects made after the handbook went."""
    pages, nav = pickle.loads(value)  # written by this process a moment before
    return pages, nav
