"""What each handbook file read to, kept while its bytes stay the same.

`mkdocs serve` loads the whole handbook again after every save, though usually one file changed.
Reading a file's bytes costs little next to parsing them, so the key is the bytes themselves (as a
digest): no clock granularity or restored timestamp can make a changed file look unchanged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem
from ..source import Location
from .yaml_reader import ReadResult, read_bytes


@dataclass
class ReadCache:
    """Parsed files by path, each with the digest of the bytes it was parsed from."""

    entries: dict[Path, tuple[bytes, ReadResult]] = field(default_factory=dict)
    parsed: int = 0  # files actually parsed (not taken from the cache) by the last load

    def read(self, file: Path) -> ReadResult:
        try:
            raw = file.read_bytes()
        except OSError as exc:
            self.entries.pop(file, None)
            return ReadResult([], [Problem(Location(file), f"cannot read the file: {exc.strerror}", "io")])
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        entry = self.entries.get(file)
        if entry is not None and entry[0] == digest:
            return entry[1]
        self.parsed += 1
        result = read_bytes(raw, file)
        self.entries[file] = (digest, result)
        return result

    def keep_only(self, files: list[Path]) -> None:
        """Forget the files that are gone, so that a long session does not hold every old version."""
        wanted = set(files)
        for gone in [file for file in self.entries if file not in wanted]:
            del self.entries[gone]
        self.parsed = 0
