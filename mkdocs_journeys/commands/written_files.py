"""The record ``generate`` keeps of the files it wrote, so that it replaces and deletes only those.

The output folder may be a project's docs folder, next to a person's own pages (or, by mistake, the
project itself): a file the record does not list is never overwritten or removed, whatever its
name, and a path that would lead out of the folder or through a link is never touched.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

RECORD = ".mkdocs-journeys-generated"
_HEADER = ("# The files `mkdocs-journeys generate` wrote in this folder, one a line: it replaces and deletes these "
           "only.\n")


def _valid(relative: str) -> bool:
    """A path strictly below the folder, in the record's form (no ``..``, no absolute path)."""
    path = PurePosixPath(relative)
    return bool(relative) and not path.is_absolute() and "\\" not in relative \
        and all(part not in ("", ".", "..") for part in relative.split("/"))


def read_record(outdir: Path) -> set[str]:
    """The files the last run wrote (none when there is no record, or it is not one of ours)."""
    try:
        text = (outdir / RECORD).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    if not text.startswith(_HEADER):
        return set()
    return {line for line in text[len(_HEADER):].splitlines() if _valid(line)}


def write_record(outdir: Path, files: set[str]) -> None:
    """Replace the record in one step, so that an interrupted run never leaves half of one."""
    scratch = outdir / f"{RECORD}.new"
    scratch.write_text(_HEADER + "".join(f"{f}\n" for f in sorted(files)), encoding="utf-8", newline="\n")
    os.replace(scratch, outdir / RECORD)


def in_the_way(outdir: Path, relative: str, recorded: set[str]) -> str | None:
    """Why writing ``relative`` would touch something this command did not write, or None."""
    current = outdir
    for part in relative.split("/")[:-1]:
        current = current / part
        if current.is_symlink():
            return "is a link"
        if current.exists() and not current.is_dir():
            return "is a file where a folder is needed"
    target = outdir / relative
    if target.is_symlink():
        return "is a link"
    if target.is_dir():
        return "is a folder"
    if target.exists() and relative not in recorded:
        return "was not written by `mkdocs-journeys generate`"
    return None


def remove_stale(outdir: Path, stale: set[str]) -> int:
    """Delete recorded files the run no longer writes, and the folders that leaves empty; how many files."""
    removed = 0
    for relative in sorted(stale):
        if not _valid(relative) or in_the_way(outdir, relative, {relative}) is not None:
            continue  # replaced by something of a person's since: theirs now
        target = outdir / relative
        if not target.is_file():
            continue
        target.unlink()
        removed += 1
        folder = target.parent
        while folder != outdir and not folder.is_symlink() and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return removed
