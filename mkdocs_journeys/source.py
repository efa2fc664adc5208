"""Where things were written: positions in handbook files, and the data read from them that keeps them.

Kept apart from the YAML reader so that the models can point at what the author wrote without
depending on how it was parsed.
"""

from __future__ import annotations

import functools
import os
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .escape import one_line

Pos = tuple[int, int]


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


def display_path(file: Path, root: Path | None = None) -> str:
    """A path relative to ``root`` (the current folder by default) when it lies below it."""
    return _relative(file, root or Path.cwd())


def forget_shown_paths() -> None:
    """Empty the cache of shown paths (a build done with its handbook lets everything made from it go)."""
    _relative.cache_clear()


@functools.lru_cache(maxsize=4096)
def _relative(file: Path, root: Path) -> str:
    """Cached: a big handbook prints thousands of findings from the same few files."""
    try:
        return Path(os.path.relpath(file, root)).as_posix()
    except ValueError:  # another drive on Windows
        return file.as_posix()


class Plain(str):
    """A plain scalar that YAML 1.2 reads as a number, boolean or null, kept as the text written.

    Fields that expect text take the string itself; fields that expect a number or a flag take
    ``value``. Nothing else needs to know YAML typed it.
    """

    __slots__ = ("value",)
    value: bool | int | float | None

    def __new__(cls, text: str, value: bool | int | float | None) -> Plain:
        obj = super().__new__(cls, text)
        obj.value = value
        return obj

    def __reduce__(self) -> tuple[type[Plain], tuple[str, bool | int | float | None]]:
        return Plain, (str(self), self.value)  # pickled by a forked reader, see two_cores


# A position packed into one integer (line above, column below): a big handbook holds millions of
# them for as long as its models live, and a tuple of two integers costs five times the memory.
_COLUMN_BITS = 24
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1
_PAIR_BITS = 64  # a key's position above its value's, in one integer
_VALUE_MASK = (1 << _PAIR_BITS) - 1


def pack(line: int, column: int) -> int:
    """A position as one integer, as :meth:`Map.place_packed` and :meth:`Seq.append_packed` take it."""
    return line << _COLUMN_BITS | (column if column < _COLUMN_MASK else _COLUMN_MASK)  # not min(): hot


def unpack(packed: int) -> Pos:
    return (packed >> _COLUMN_BITS, packed & _COLUMN_MASK)


class Map(dict[str, Any]):
    """A mapping with the position of itself and of each key and value."""

    __slots__ = ("_at", "pos")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self._at: dict[str, int] = {}

    def place_packed(self, key: str, key_at: int, value_at: int) -> None:
        """Remember where ``key`` and its value were written (positions from :func:`pack`)."""
        self._at[key] = key_at << _PAIR_BITS | value_at

    def key_position(self, key: str) -> Pos | None:
        packed = self._at.get(key)
        return None if packed is None else unpack(packed >> _PAIR_BITS)

    def value_position(self, key: str) -> Pos | None:
        packed = self._at.get(key)
        return None if packed is None else unpack(packed & _VALUE_MASK)

    @property
    def key_pos(self) -> dict[str, Pos]:
        """Every key's position (a copy, to read)."""
        return {key: unpack(packed >> _PAIR_BITS) for key, packed in self._at.items()}

    @property
    def value_pos(self) -> dict[str, Pos]:
        """Every value's position (a copy, to read)."""
        return {key: unpack(packed & _VALUE_MASK) for key, packed in self._at.items()}


class Seq(list[Any]):
    """A sequence with the position of itself and of each item."""

    __slots__ = ("_at", "pos")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self._at = array("Q")

    def append_packed(self, item: Any, at: int) -> None:
        """Append an item written at ``at`` (a position from :func:`pack`)."""
        self.append(item)
        self._at.append(at)

    def item_position(self, index: int) -> Pos | None:
        return unpack(self._at[index]) if 0 <= index < len(self._at) else None

    @property
    def item_pos(self) -> list[Pos]:
        """Every item's position (a copy, to read)."""
        return [unpack(packed) for packed in self._at]


@dataclass
class Document:
    """One YAML document of a handbook file."""

    file: Path
    index: int  # 0-based position of the document in its file
    data: Any
    pos: Pos
    documents_in_file: int = 1
    end: Pos = (1 << 30, 1)  # where the document ends: the next one's `---`, or the end of the file
    # Where a value was left out for a YAML problem already reported (a refused tag, an alias): the
    # models' "got nothing" there would report the same mistake twice.
    refused: frozenset[Pos] = frozenset()
    # A document a YAML syntax error made unreadable: its data holds only the `kind` and `id` found on
    # its lines, so that references to it are not reported as unknown on top of the syntax error.
    lost: bool = False

    def locate(self, path: tuple[Any, ...], *, key: bool = False) -> Location:
        """The position of the value (or, with ``key``, the key) at ``path`` below the document.

        Falls back to the deepest position that exists, so a problem always points somewhere
        sensible even when the path names something the author left out.
        """
        node = self.data
        best = node.pos if isinstance(node, (Map, Seq)) else self.pos  # the content, not a `---` line
        for i, step in enumerate(path):
            last = i == len(path) - 1
            if isinstance(node, Map) and isinstance(step, str) and step in node:
                best = (node.key_position(step) if last and key else node.value_position(step)) or best
                node = node[step]
            elif isinstance(node, Seq) and isinstance(step, int) and 0 <= step < len(node):
                best = node.item_position(step) or best
                node = node[step]
            else:
                break
        return Location(self.file, best[0], best[1])
