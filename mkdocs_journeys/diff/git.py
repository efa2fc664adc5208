"""A handbook folder as it was at a git revision, copied out of the repository into a temporary folder.

The files are read from git's object store (``git ls-tree`` and ``git cat-file``): the work tree,
the index and the checked-out branch are never touched, and no ``export-ignore`` or
``export-subst`` attribute changes what is read. A committed symbolic link is written as the same
link, never followed here: the loader then applies its rules to it as to a link in the work tree
(one that leads out of the handbook folder is reported and not read).

A revision git does not know is explained: a repository without commits, a shallow clone that
lacks the base, or a branch name close to the one typed.
"""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
from pathlib import Path, PurePosixPath

from ..escape import one_line
from ..problems import suggest


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
    try:
        output = _git(["rev-parse", "--show-toplevel"], _existing(source))
    except GitError as exc:
        if "not a git repository" not in str(exc):
            raise
        raise GitError(f"'{source}' is not in a git repository (diff --git compares two revisions of one)") from None
    return Path(os.fsdecode(output.strip())).resolve()


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
        raise GitError(_unknown(top, revision)) from None


def _unknown(top: Path, revision: str) -> str:
    """Why ``revision`` is not there, in one line."""
    shown = one_line(revision)
    if not _git(["for-each-ref", "--count=1"], top).strip() and not _succeeds(["rev-parse", "--verify", "-q", "HEAD"],
                                                                               top):
        return f"the repository at '{top}' has no commits yet, so there is no revision '{shown}' to compare with"
    if _git(["rev-parse", "--is-shallow-repository"], top).strip() == b"true":
        return (f"'{shown}' is not in this shallow clone of the repository at '{top}': fetch the whole history "
                "(`git fetch --unshallow`, or `fetch-depth: 0` for actions/checkout)")
    message = f"'{shown}' is not a revision of the repository at '{top}'"
    name, suffix = _REVISION.match(revision).groups()  # type: ignore[union-attr]
    refs = _git(["for-each-ref", "--format=%(refname:short)"], top).decode(errors="replace").split()
    match = suggest(name, refs) if name and name not in refs else None
    return f"{message} (did you mean '{one_line(match + suffix)}'?)" if match else message


_REVISION = re.compile(r"([^~^@:]*)(.*)", re.DOTALL)  # a name, then ~1, ^2, @{upstream}...


def _succeeds(args: list[str], cwd: Path) -> bool:
    try:
        _git(args, cwd)
    except GitError:
        return False
    return True


def uncommitted(source: Path) -> int:
    """How many files of the handbook folder differ from HEAD in the work tree (changed, new, deleted)."""
    top = toplevel(source)
    relative = in_repository(source, top)
    listing = _git(["status", "--porcelain", "-z", "--untracked-files=all", "--", relative], top)
    return sum(1 for entry in listing.split(b"\0") if entry and entry[:2] != b"!!" and entry[2:3] == b" ")


def _anchored(link_target: bytes, name: str, folder: str, top: Path) -> bytes:
    """A relative link that leads out of the handbook folder, made to lead to the same place as in the
    repository (and not to somewhere in the temporary copy), so that it is judged as in the work tree."""
    if link_target.startswith(b"/"):
        return link_target
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(name), os.fsdecode(link_target)))
    out_of_repository = joined == ".." or joined.startswith("../")
    inside = folder == "." or joined == folder or joined.startswith(folder + "/")
    if inside and not out_of_repository:
        return link_target
    return os.fsencode(str(top / posixpath.dirname(name))) + b"/" + link_target


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
    blobs: list[tuple[str, str, str]] = []  # sha, mode, path in the repository
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_name = entry.partition(b"\t")
        mode, kind, sha = meta.decode().split()
        if kind == "blob" and mode in ("100644", "100755", "120000"):  # files and links, no submodules
            blobs.append((sha, mode, raw_name.decode("utf-8", errors="surrogateescape")))
    if not blobs:
        return target
    contents = _git(["cat-file", "--batch"], top, stdin="".join(f"{sha}\n" for sha, _, _ in blobs).encode())
    links: list[tuple[Path, bytes]] = []
    position = 0
    for _, mode, name in blobs:
        header_end = contents.index(b"\n", position)
        size = int(contents[position:header_end].split()[2])
        data = contents[header_end + 1:header_end + 1 + size]
        position = header_end + 1 + size + 1  # the content is followed by a newline
        parts = PurePosixPath(name).parts
        if ".." in parts or PurePosixPath(name).is_absolute():  # pragma: no cover - git refuses such paths
            continue
        path = into.joinpath(*parts)
        if mode == "120000":
            links.append((path, _anchored(data, name, relative, top)))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for path, link_target in links:  # after the files, so that no file is written through a link
        if b"\0" in link_target:  # pragma: no cover - no system makes such a link
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(os.fsdecode(link_target), path)
    return target
