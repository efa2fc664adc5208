"""A handbook folder as it was at a git revision, read with ``git archive`` into a temporary folder."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class GitError(Exception):
    """Not a repository, an unknown revision, or git missing: reported in one line."""


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise GitError("git is not installed") from exc
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {' '.join(args)} failed")
    return result.stdout


def export(source: Path, revision: str, into: Path) -> Path:
    """Write the files of ``source`` at ``revision`` below ``into``; the folder the handbook is in there."""
    source = source.resolve()
    top = Path(_git(["rev-parse", "--show-toplevel"], source if source.is_dir() else Path.cwd())
               .decode().strip()).resolve()
    commit = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top).decode().strip()
    relative = source.relative_to(top).as_posix() if source != top else "."
    target = into / relative
    target.mkdir(parents=True, exist_ok=True)
    listed = _git(["ls-tree", "-r", "--name-only", commit, "--", relative], top)
    if not listed.strip():
        return target  # the handbook did not exist at that revision: everything is new
    archive = _git(["archive", "--format=tar", commit, "--", relative], top)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.10.12+, 3.11.4+
            tar.extractall(into, filter="data")
        else:  # pragma: no cover - older interpreters; git archive writes no links outside the tree
            tar.extractall(into)
    return target
