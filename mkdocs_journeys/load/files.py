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
        self.root = source.resolve()
        self.found = FoundFiles()
        self.links: list[Path] = []

    def skip(self, entry: Path, message: str, hint: str | None = None) -> None:
        self.found.problems.append(Problem(Location(entry, 1, 1), message, "outside-handbook", hint=hint))

    def folders(self, source: Path) -> None:
        """Every real folder below ``source`` (no link followed), without recursion: any depth is fine."""
        pending = [source]
        while pending:
            folder = pending.pop()
            try:  # scandir: the kind of each entry comes with the listing, no call per file
                with os.scandir(folder) as listing:
                    entries = list(listing)
            except OSError as exc:
                self.found.problems.append(Problem(
                    Location(folder), f"cannot read this folder: {exc.strerror or exc}", "unreadable-file"))
                continue
            for entry in entries:
                path = folder / entry.name
                if entry.is_symlink():
                    self.links.append(path)
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                elif _is_handbook_file(entry.name) and entry.is_file(follow_symlinks=False):
                    self.found.files.append(path)

    def link(self, entry: Path) -> None:
        """A link inside the handbook: a file it leads to inside is read under the link's name; a folder
        inside was read already by its own path (so a loop of links is no loop)."""
        target = _target(entry)
        name = entry.name
        if target is None:
            if _is_handbook_file(name):
                self.skip(entry, "a link to nothing (its target is missing, or it loops) is not read")
        elif not _inside(target, self.root):
            what = "folder" if target.is_dir() else "file"
            if what == "folder" or _is_handbook_file(name):
                self.skip(entry, f"a link to a {what} outside the handbook folder is not read",
                          hint=f"handbook files are read from inside its folder only: move the {what} in")
        elif _is_handbook_file(name) and target.is_file():
            self.found.files.append(entry)


def find_handbook_files(source: Path) -> FoundFiles:
    """Every handbook file below ``source`` (links inside it followed), ordered by relative path."""
    walk = _Walk(source)
    walk.folders(source)
    for link in walk.links:
        walk.link(link)
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
