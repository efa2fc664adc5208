"""What each handbook file read to, kept while its bytes stay the same; the parsing of many at once.

`mkdocs serve` loads the whole handbook again after every save, though usually one file changed.
Reading a file's bytes costs little next to parsing them, so the key is the bytes themselves (as a
digest): no clock granularity or restored timestamp can make a changed file look unchanged.

A command that reads a big handbook once (`check`) can start the second core on it before it has
even imported the rest of the program (:func:`read_ahead`): the child parses the later files while
this process imports, then parses the earlier ones. A file whose bytes changed in between is parsed
again here; what the child read and nobody asked for is dropped with it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from ..two_cores import Child, may_fork, shared, split_by
from .yaml_reader import ReadResult, read_bytes, unreadable

PARALLEL_BYTES = 2_000_000  # about 200 journeys: below this a second process costs more than it saves
_CHILD_SHARE = 0.42  # parse ÷ (parse + pickle the result), measured: what the child can take
# Read ahead, this process imports the rest of the program first (most of a second on a slow
# machine), so the child takes more; measured at 1,000 journeys.
_AHEAD_SHARE = 0.46


@dataclass
class _ReadAhead:
    """The files a child is parsing, with the bytes it parses and their place among its results."""

    raws: dict[Path, tuple[int, bytes]]
    child: Child


_ahead: _ReadAhead | None = None  # one at a time, taken by the next parse that wants its files


def read_ahead(files: Sequence[Path]) -> None:
    """Start parsing the later of ``files`` in a forked child now, when they are many; the next
    :func:`parse_all` of the same files with the same bytes takes the child's results. Whoever calls
    this calls :func:`end_read_ahead` when done (a child nobody reads from waits with its results until
    this process ends)."""
    global _ahead
    if _ahead is not None or not may_fork():
        return
    sizes: list[tuple[Path, int]] = []
    for file in files:
        try:
            sizes.append((file, file.stat().st_size))
        except OSError:  # reported when the file is read for real
            continue
    if sum(size for _, size in sizes) < PARALLEL_BYTES:
        return
    part: list[tuple[Path, bytes]] = []
    for file, _ in sizes[split_by([size for _, size in sizes], _AHEAD_SHARE):]:
        try:
            part.append((file, file.read_bytes()))
        except OSError:
            continue
    child = Child.start(part, _parse)
    if child is not None:
        _ahead = _ReadAhead({file: (index, raw) for index, (file, raw) in enumerate(part)}, child)


def end_read_ahead() -> None:
    """End a read-ahead child whose files no parse asked for (nothing happens when there is none)."""
    global _ahead
    ahead, _ahead = _ahead, None
    if ahead is not None:
        ahead.child.end()


def parse_all(raws: list[tuple[Path, bytes]]) -> list[ReadResult]:
    """Each file's bytes parsed, in order; on two cores when there are many."""
    global _ahead
    ahead, _ahead = _ahead, None
    if ahead is not None:
        return _parse_with(ahead, raws)
    if sum(len(raw) for _, raw in raws) < PARALLEL_BYTES or not may_fork():
        return [read_bytes(raw, file) for file, raw in raws]
    return shared(raws, _parse, split_by([len(raw) for _, raw in raws], _CHILD_SHARE))


def _parse_with(ahead: _ReadAhead, raws: list[tuple[Path, bytes]]) -> list[ReadResult]:
    """The files the child read ahead (with these very bytes) from the child, the rest parsed here."""
    theirs: dict[int, int] = {}  # place in raws: place among the child's results
    for index, (file, raw) in enumerate(raws):
        ahead_of = ahead.raws.get(file)
        if ahead_of is not None and ahead_of[1] == raw:
            theirs[index] = ahead_of[0]
    try:
        results: list[ReadResult | None] = [None if index in theirs else _parse(item)
                                            for index, item in enumerate(raws)]
    except BaseException:  # Ctrl-C, say: the child is not left behind
        ahead.child.end()
        raise
    read: list[object] | None = None
    if not theirs:
        ahead.child.end()
    elif (read := ahead.child.results()) is not None and len(read) != len(ahead.raws):
        read = None
    for index, at in theirs.items():
        result = read[at] if read is not None else None
        # the child failed (or sent something else): its share is parsed here
        results[index] = result if isinstance(result, ReadResult) else _parse(raws[index])
    return cast("list[ReadResult]", results)  # every place filled, by one process or the other


def _parse(item: tuple[Path, bytes]) -> ReadResult:
    return read_bytes(item[1], item[0])


@dataclass
class ReadCache:
    """Parsed files by path, each with the digest of the bytes it was parsed from."""

    entries: dict[Path, tuple[bytes, ReadResult]] = field(default_factory=dict)
    parsed: int = 0  # files actually parsed (not taken from the cache) by the last load

    def read(self, file: Path) -> ReadResult:
        return self.read_all([file])[0]

    def read_all(self, files: Sequence[Path]) -> list[ReadResult]:
        """:meth:`read` for each file, the files to parse parsed together (on two cores when many)."""
        results: list[ReadResult | None] = []
        to_parse: list[tuple[int, Path, bytes, bytes]] = []
        for file in files:
            try:
                raw = file.read_bytes()
            except OSError as exc:
                self.entries.pop(file, None)
                results.append(unreadable(file, exc))
                continue
            digest = hashlib.blake2b(raw, digest_size=16).digest()
            entry = self.entries.get(file)
            if entry is not None and entry[0] == digest:
                results.append(entry[1])
                continue
            to_parse.append((len(results), file, raw, digest))
            results.append(None)
        parsed = parse_all([(file, raw) for _, file, raw, _ in to_parse])
        for (index, file, _, digest), result in zip(to_parse, parsed, strict=True):
            self.entries[file] = (digest, result)
            results[index] = result
        self.parsed += len(to_parse)
        return [result for result in results if result is not None]

    def keep_only(self, files: list[Path]) -> None:
        """Forget the files that are gone, so that a long session does not hold every old version."""
        wanted = set(files)
        for gone in [file for file in self.entries if file not in wanted]:
            del self.entries[gone]
        self.parsed = 0
