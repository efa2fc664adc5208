"""``codeowners``: a CODEOWNERS file for the handbook's files, from ownership.

Each journey or process file is owned by the reviewers of the departments that own something in it
(the definition's owner first, then its stages', touchpoints' and steps'), each department's file by
its own; a department without reviewers is reviewed by its nearest parent that names some. Paths are
relative to the repository's top, anchored with ``/``, one line per file in path order, so that the
file only changes when ownership does. ``--output`` writes a file only when it is new or this command
wrote it (its first line says so): a CODEOWNERS someone keeps by hand is never overwritten.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from ..diff.git import GitError, toplevel
from ..diff.reviewers import reviewers_of
from ..handbook import Handbook, build_handbook
from ..model.base import Node
from .options import EXIT_OK, EXIT_PROBLEMS, UsageError, quoted, resolve_source
from .problem_formats import format_text

HEADER = ("# Written by `mkdocs-journeys codeowners` from the handbook's owners and their reviewers: run it again "
          "after a change of either, rather than editing this file.\n")
_SPECIAL = re.compile(r"([\\ #*?\[\]!])")  # characters a CODEOWNERS pattern would read as more than themselves


def file_departments(handbook: Handbook) -> dict[Path, list[str]]:
    """Each handbook file → the departments owning something in it, the definitions' owners first."""
    owners: dict[Path, dict[str, None]] = {}

    def own(model: Node, *departments: str) -> None:
        file = model.location().file
        owners.setdefault(file, {}).update(dict.fromkeys(departments))

    for journey in handbook.journeys.values():
        own(journey, journey.owner, *(s.owner_id for s in journey.stages),
            *(t.owner_id for s in journey.stages for t in s.touchpoints))
    for process in handbook.processes.values():
        own(process, process.owner, *(s.owner_id for s in process.steps))
    for department in handbook.departments.values():
        own(department, department.id)
    return {file: list(found) for file, found in owners.items()}


def codeowners(handbook: Handbook, top: Path) -> str:
    """The CODEOWNERS text; files whose departments name no reviewers are listed in a comment."""
    lines: list[str] = []
    unreviewed: list[str] = []
    for file, departments in sorted(file_departments(handbook).items(), key=lambda f: f[0].as_posix()):
        try:
            relative = file.resolve().relative_to(top).as_posix()
        except ValueError:
            continue  # read through a link from outside the repository: not its file to own
        pattern = "/" + _SPECIAL.sub(r"\\\1", relative)
        reviewers = list(dict.fromkeys(r for d in departments for r in reviewers_of(handbook, d)))
        if reviewers:
            lines.append(f"{pattern} {' '.join(reviewers)}")
        else:
            unreviewed.append(f"#   {pattern} ({', '.join(departments)})")
    note = ["# No reviewers named for (add `reviewers` to these departments or a parent):", *unreviewed] \
        if unreviewed else []
    return HEADER + "".join(f"{line}\n" for line in [*note, *lines])


def _target(output: str | None) -> Path | None:
    if output is None:
        return None
    target = Path(output)
    if target.is_dir():
        raise UsageError(f"{quoted(target)} is a folder: name the file to write (e.g. .github/CODEOWNERS)")
    if target.is_symlink() or (target.exists() and not _ours(target)):
        raise UsageError(f"{quoted(target)} exists and was not written by `mkdocs-journeys codeowners`: nothing "
                         "was written, so that nothing of yours is lost; move it away or choose another file")
    return target


def _ours(target: Path) -> bool:
    try:
        with target.open(encoding="utf-8") as existing:
            return existing.readline() == HEADER.rstrip("\n") + "\n"
    except (OSError, UnicodeDecodeError):
        return False


def run(args: argparse.Namespace) -> int:
    source, settings = resolve_source(args.source, args.config)
    target = _target(args.output)
    try:
        top = toplevel(source)
    except GitError as exc:
        raise UsageError(f"git: {exc} (CODEOWNERS paths are relative to the repository's top)") from exc
    handbook = build_handbook(source, settings)
    errors = [p for p in handbook.problems if p.severity == "error"]
    if errors:  # owners left out with an invalid definition would silently lose their reviews
        for problem in errors:
            print(format_text(problem), file=sys.stderr)
        print(f"mkdocs-journeys: {len(errors)} error{'s' if len(errors) != 1 else ''} in the handbook: no CODEOWNERS "
              "written (`mkdocs-journeys check` explains each)", file=sys.stderr)
        return EXIT_PROBLEMS
    text = codeowners(handbook, top)
    if target is None:
        sys.stdout.write(text)
        return EXIT_OK
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{target.name}.new")
    scratch.write_text(text, encoding="utf-8", newline="\n")
    os.replace(scratch, target)
    print(f"wrote {quoted(target)}", file=sys.stderr)
    return EXIT_OK
