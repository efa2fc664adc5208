"""Which files make up a handbook: every ``*.yml`` and ``*.yaml`` below its folder, and nothing outside it.

The handbook is edited through pull requests, so a symbolic link is a way to make the build read
any file the builder can (``~/.ssh/config``, a secret in CI) and echo its keys in error messages.
Links are followed only while they stay inside the folder; one that leads out, points nowhere or
loops is reported where it is and skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem
from ..source import Location

SUFFIXES = (".yml", ".yaml")


@dataclass
class FoundFiles:
    """The handbook's files, ordered by path below the folder, and the entries that were skipped."""

    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _is_handbook_file(name: str) -> bool:
    return Path(name).suffix in SUFFIXES


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _target(entry: Path) -> Path | None:
    """Where a link finally leads, or None when it leads nowhere (missing target, a loop)."""
    try:
        return entry.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return None


class _Walk:
    def __init__(self, source: Path) -> None:
        self.source = source
        self.root = source.resolve()
        self.found = FoundFiles()
        self.seen_dirs: set[Path] = set()  # real paths: a link back up the tree is walked once

    def skip(self, entry: Path, message: str, hint: str | None = None) -> None:
        self.found.problems.append(Problem(Location(entry, 1, 1), message, "outside-handbook", hint=hint))

    def walk(self, folder: Path) -> None:
        real = folder.resolve()
        if real in self.seen_dirs:
            return
        self.seen_dirs.add(real)
        try:
            names = sorted(os.listdir(folder))
        except OSError as exc:
            self.found.problems.append(Problem(Location(folder), f"cannot read this folder: {exc.strerror or exc}",
                                               "unreadable-file"))
            return
        links = []
        for name in names:
            entry = folder / name
            if entry.is_symlink():
                links.append((entry, name))
            elif entry.is_dir():
                self.walk(entry)
            elif _is_handbook_file(name) and entry.is_file():
                self.found.files.append(entry)
        for entry, name in links:  # after the real folders: a file is known by its own path, not a link's
            self.link(entry, name)

    def link(self, entry: Path, name: str) -> None:
        target = _target(entry)
        if target is None:
            if _is_handbook_file(name):
                self.skip(entry, "a link to nothing (its target is missing, or it loops) is not read")
            return
        if not _inside(target, self.root):
            what = "folder" if target.is_dir() else "file"
            if what == "folder" or _is_handbook_file(name):
                self.skip(entry, f"a link to a {what} outside the handbook folder is not read",
                          hint=f"handbook files are read from inside its folder only: move the {what} in")
            return
        if target.is_dir():
            self.walk(entry)
        elif _is_handbook_file(name) and target.is_file():
            self.found.files.append(entry)


def find_handbook_files(source: Path) -> FoundFiles:
    """Every handbook file below ``source`` (links inside it followed), ordered by relative path."""
    walk = _Walk(source)
    walk.walk(source)
    walk.found.files.sort(key=lambda p: p.relative_to(source).as_posix())
    walk.found.problems.sort(key=lambda p: p.location.file.as_posix())
    return walk.found


def _entries(folder: Path) -> Iterator[str]:
    for _, dirs, files in os.walk(folder, followlinks=False):
        yield from files
        yield from dirs  # a link to a folder is listed here without being followed


def has_handbook_files(source: Path) -> bool:
    """Whether anything below ``source`` could be a handbook file (stops at the first one)."""
    return any(_is_handbook_file(name) for name in _entries(source))
