"""``diff``: what a change does to a handbook, for a pull-request comment.

Both sides are measured: their datasets are read (for ``--git``, the data files as they were at
each revision), so that metric values from observations, a process's measured figures and the
findings from data are compared too. A dataset queried from a database whose environment variable
is not set is left out on both sides, with one line saying so: a comparison does not need a
database connection to say what a change does to the rest.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
from pathlib import Path

from ..data.measure import DataCache, Measurements, measure
from ..diff import Links, compare, render_markdown, render_text, report_json
from ..diff.git import GitError, export, toplevel, uncommitted
from ..escape import one_line
from ..handbook import Handbook, build_handbook
from ..problems import sorted_problems
from ..settings import Settings
from .options import EXIT_OK, UsageError, settings_from_config


def measured(folder: Path, settings: Settings, cache: DataCache, skipped: list[str]) -> tuple[Handbook, Measurements]:
    """The handbook with what its datasets say; a dataset whose database is not configured here is
    not read, and ``skipped`` gets one line about it."""
    handbook = build_handbook(folder, settings)
    readable = {}
    for dataset_id, dataset in sorted(handbook.datasets.items()):
        if dataset.connection is not None and not os.environ.get(dataset.connection):
            note = (f"the dataset '{dataset_id}' is not read: the environment variable {dataset.connection} is not "
                    "set, so its figures are left out of this comparison")
            if note not in skipped:
                skipped.append(note)
            continue
        readable[dataset_id] = dataset
    measurements = measure(dataclasses.replace(handbook, datasets=readable), cache)
    if measurements.problems:
        handbook.problems = sorted_problems([*handbook.problems, *measurements.problems])
    return handbook, measurements


def run(args: argparse.Namespace) -> int:
    if args.git is None and (len(args.folders) != 2 or args.source):
        raise UsageError("diff takes OLD NEW (two handbook folders), or --git BASE [HEAD] [--source DIR]")
    if args.limit < 0:
        raise UsageError("--limit takes a number of characters, or 0 for the whole report")
    if args.git is not None and len(args.folders) > 1:
        raise UsageError("diff --git takes BASE [HEAD]: one or two revisions")
    settings, base, site = settings_from_config(args.config)
    with tempfile.TemporaryDirectory(prefix="mkdocs-journeys-diff-") as scratch_dir:
        scratch = Path(scratch_dir)
        if args.git is not None:
            source = Path(args.source) if args.source else (base or Path(".")) / settings.source
            if source.exists() and not source.is_dir():
                raise UsageError(f"the handbook folder '{source}' is a file, not a folder")
            try:
                top = toplevel(source)
                old_dir, old_root = export(source, args.git, scratch / "base"), scratch / "base"
                if args.folders:
                    new_dir, new_root = export(source, args.folders[0], scratch / "head"), scratch / "head"
                    edited = uncommitted(source) if source.is_dir() else 0
                    if edited:  # said on stderr: the report itself stays what the two revisions hold
                        print(f"mkdocs-journeys: note: {edited} uncommitted change{'s' if edited != 1 else ''} "
                              f"in the handbook folder {'are' if edited != 1 else 'is'} not compared; leave out "
                              f"{one_line(args.folders[0])} to compare with the work tree", file=sys.stderr)
                else:  # the work tree as it is now, committed or not
                    new_dir, new_root = (source if source.is_dir() else scratch / "empty"), top
                    new_dir.mkdir(exist_ok=True)
            except GitError as exc:
                raise UsageError(f"git: {exc}") from exc
        else:
            old_dir, new_dir = (Path(f) for f in args.folders)
            for folder in (old_dir, new_dir):
                if not folder.is_dir():
                    raise UsageError(f"the handbook folder '{folder}' does not exist")
            old_root = new_root = Path.cwd()
        cache = DataCache()  # one cache: a dataset both sides read alike is read once
        skipped: list[str] = []
        old, old_measured = measured(old_dir, settings, cache, skipped)
        new, new_measured = measured(new_dir, settings, cache, skipped)
        report = compare(old, new, old_root=old_root, new_root=new_root, measured=(old_measured, new_measured))
        report.data_skipped = skipped
    links = Links(settings.site_url, settings.output, directory_urls=site.get("use_directory_urls") is not False)
    if args.format == "json":
        print(report_json(report))
    elif args.format == "text":
        print(render_text(report, links), end="")
    else:
        print(render_markdown(report, links, limit=args.limit or None), end="")
    return EXIT_OK
