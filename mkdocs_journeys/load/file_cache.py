"""What each handbook file read to, kept while its bytes stay the same; the parsing of many at once.

`mkdocs serve` loads the whole handbook again after every save, though usually one file changed.
Reading a file's bytes costs little next to parsing them, so the key is the bytes themselves (as a
digest): no clock granularity or restored timestamp can make a changed file look unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..two_cores import may_fork, shared, split_by
from .yaml_reader import ReadResult, read_bytes, unreadable

PARALLEL_BYTES = 2_000_000  # about 200 journeys: below this a second process costs more than it saves
_CHILD_SHARE = 0.42  # parse ÷ (parse + pickle the result), measured: what the child can take


def parse_all(raws: list[tuple[Path, bytes]]) -> list[ReadResult]:
    """Each file's bytes parsed, in order; on two cores when there are many."""
    if sum(len(raw) for _, raw in raws) < PARALLEL_BYTES or not may_fork():
        return [read_bytes(raw, file) for file, raw in raws]
    return shared(raws, _parse, split_by([len(raw) for _, raw in raws], _CHILD_SHARE))


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
