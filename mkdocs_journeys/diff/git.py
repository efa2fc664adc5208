"""A handbook folder as it was at a git revision, copied out of the repository into a temporary folder.

The files are read from git's object store (``git ls-tree`` and ``git cat-file``): the work tree,
the index and the checked-out branch are never touched, and no ``export-ignore`` or
``export-subst`` attribute changes what is read.
"""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath


class GitError(Exception):
    """Not a repository, an unknown revision, or git missing: reported in one line."""


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise GitError("git is not installed") from exc
    except NotADirectoryError as exc:
        raise GitError(f"'{cwd}' is not a folder") from exc
    if result.returncode != 0:
        lines = result.stderr.decode(errors="replace").strip().splitlines()
        message = lines[-1] if lines else f"git {args[0]} failed"
        raise GitError(message.removeprefix("fatal: ").removeprefix("error: "))
    return result.stdout


def _existing(path: Path) -> Path:
    """The nearest folder that exists at or above ``path`` (the handbook may be gone from the work tree)."""
    path = path.absolute()
    while not path.is_dir() and path != path.parent:
        path = path.parent
    return path


def toplevel(source: Path) -> Path:
    """The top folder of the repository holding ``source``."""
    return Path(_git(["rev-parse", "--show-toplevel"], _existing(source)).decode().strip()).resolve()


def in_repository(source: Path, top: Path) -> str:
    """``source`` as a path inside the repository (``.`` for its top)."""
    resolved = _existing(source).resolve() / source.absolute().relative_to(_existing(source))
    try:
        relative = resolved.relative_to(top)
    except ValueError:
        raise GitError(f"the handbook folder '{source}' is not inside the git repository at '{top}'") from None
    return relative.as_posix() if relative.parts else "."


def commit_of(top: Path, revision: str) -> str:
    try:
        return _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"],
                    top).decode().strip()
    except GitError:
        raise GitError(f"'{revision}' is not a revision of the repository at '{top}'") from None


def export(source: Path, revision: str, into: Path) -> Path:
    """Write the handbook folder ``source`` as it is at ``revision`` below ``into``, at the same path
    inside ``into`` as inside the repository; returns that folder (empty when the handbook did not
    exist at that revision: then everything in the other handbook is new)."""
    top = toplevel(source)
    relative = in_repository(source, top)
    commit = commit_of(top, revision)
    target = into / relative
    target.mkdir(parents=True, exist_ok=True)
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", relative], top)
    blobs: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_name = entry.partition(b"\t")
        mode, kind, sha = meta.decode().split()
        if kind == "blob" and mode in ("100644", "100755"):  # no links, no submodules
            blobs.append((sha, raw_name.decode("utf-8", errors="surrogateescape")))
    if not blobs:
        return target
    contents = _git(["cat-file", "--batch"], top, stdin="".join(f"{sha}\n" for sha, _ in blobs).encode())
    position = 0
    for _, name in blobs:
        header_end = contents.index(b"\n", position)
        size = int(contents[position:header_end].split()[2])
        data = contents[header_end + 1:header_end + 1 + size]
        position = header_end + 1 + size + 1  # the content is followed by a newline
        parts = PurePosixPath(name).parts
        if ".." in parts or PurePosixPath(name).is_absolute():  # pragma: no cover - git refuses such paths
            continue
        path = into.joinpath(*parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return target
