"""A comment that fits: a code host takes a comment of so many characters only (GitHub: 65,536), and a
change to a hundred journeys says far more. The items a reviewer needs most (their rank, see
:mod:`.comment`) are kept, then the rest in the report's order while they fit; what is left out is
counted per section, in the sections' own place and in a closing list, so that nothing is dropped
without a word.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from .comment import Inline, Item, Lit, Section, Table

COMMENT_LIMIT = 65_536  # GitHub's limit on a comment's body
BUDGET = 60_000  # the default: a margin below the limit for what a workflow adds around the report
NESTED_ROWS = 12  # rows of one definition's table of changes kept, its removals and renames first
_NOTE = 90  # what a "… and N more" line costs, at most


@dataclass(frozen=True)
class Cost:
    """What the writer of a format says each piece costs, in characters."""

    item: Callable[[Item], int]
    row: Callable[[Table, list[Inline]], int]
    fixed: Callable[[Section], int]  # the title, paragraphs and table heads


@dataclass(frozen=True)
class LeftOut:
    section: str
    count: int


def _ranked(count: int, rank: Callable[[int], int], most: int) -> list[int]:
    """The indexes of the ``most`` pieces of best rank, in their order."""
    return sorted(sorted(range(count), key=lambda i: (rank(i), i))[:most])


def _capped_item(item: Item) -> Item:
    """An item whose table of changes (or list) is long keeps its most important rows, and says how many
    are not shown."""
    if len(item.children) > NESTED_ROWS:
        gone = len(item.children) - NESTED_ROWS + 1
        item = replace(item, children=[*item.children[:NESTED_ROWS - 1], Lit(f"… and {gone} more")])
    t = item.table
    if t is None or len(t.rows) <= NESTED_ROWS:
        return item
    kept = _ranked(len(t.rows), t.rank, NESTED_ROWS - 1)
    rows = [t.rows[i] for i in kept]
    note: list[Inline] = [Lit(f"… and {len(t.rows) - len(kept)} more changes"), *([Lit("")] * (len(t.headers) - 1))]
    return replace(item, table=Table(t.headers, [*rows, note], [t.rank(i) for i in kept]))


def fit(sections: list[Section], budget: int, cost: Cost) -> tuple[list[Section], list[LeftOut]]:
    """The sections cut down to ``budget`` characters, and what was left out of each."""
    sections = [replace(s, blocks=[[_capped_item(i) for i in b] if isinstance(b, list) else b for b in s.blocks])
                for s in sections]
    spent = sum(cost.fixed(s) for s in sections)
    # rank, then the n-th piece of that rank in each section in turn (so that one long section does not
    # crowd out the others), then the report's order
    pieces: list[tuple[int, int, int, int, int, int]] = []  # rank, turn, section, block, index, cost
    for si, s in enumerate(sections):
        turns: dict[int, int] = {}
        for bi, block in enumerate(s.blocks):
            spent += _NOTE  # room for the block's "… and N more"
            if isinstance(block, list):
                sized = [(item.rank, cost.item(item)) for item in block]
            elif isinstance(block, Table):
                sized = [(block.rank(i), cost.row(block, row)) for i, row in enumerate(block.rows)]
            else:
                sized = []
            for i, (rank, size) in enumerate(sized):
                turns[rank] = turn = turns.get(rank, -1) + 1
                pieces.append((rank, turn, si, bi, i, size))
    spent += _NOTE * (len(sections) + 4)  # the closing list and the sentence on top
    kept: set[tuple[int, int, int]] = set()
    for _, _, si, bi, i, size in sorted(pieces):
        if spent + size <= budget:
            kept.add((si, bi, i))
            spent += size
    out: list[Section] = []
    left_out: list[LeftOut] = []
    for si, s in enumerate(sections):
        blocks: list[Inline | Table | list[Item]] = []
        missing = 0
        for bi, block in enumerate(s.blocks):
            if isinstance(block, list):
                items = [item for i, item in enumerate(block) if (si, bi, i) in kept]
                gone = len(block) - len(items)
                blocks.append([*items, Item(Lit(f"… and {gone} more, left out to fit one comment"))] if gone else items)
            elif isinstance(block, Table):
                indexes = [i for i in range(len(block.rows)) if (si, bi, i) in kept]
                gone = len(block.rows) - len(indexes)
                if indexes:
                    filler: list[Inline] = [Lit("")] * (len(block.headers) - 1)
                    note: list[list[Inline]] = [[Lit(f"… and {gone} more"), *filler]] if gone else []
                    blocks.append(Table(block.headers, [*(block.rows[i] for i in indexes), *note],
                                        [block.rank(i) for i in indexes]))
                else:
                    blocks.append(Lit(f"{gone} rows left out to fit one comment."))
            else:
                gone = 0
                blocks.append(block)
            missing += gone
        out.append(replace(s, blocks=blocks))
        if missing:
            left_out.append(LeftOut(s.title, missing))
    return out, left_out


def countable(sections: list[Section]) -> int:
    """How many items and rows the sections hold (what ``fit`` counts)."""
    return sum(len(b) if isinstance(b, list) else len(b.rows) if isinstance(b, Table) else 0
               for s in sections for b in s.blocks)
