"""``diff``: what a change does to a handbook, for a pull-request comment."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from ..diff import Links, compare, render_markdown, report_json
from ..diff.git import GitError, export, toplevel
from ..handbook import build_handbook
from .options import EXIT_OK, UsageError, settings_from_config


def run(args: argparse.Namespace) -> int:
    if args.git is None and (len(args.folders) != 2 or args.source):
        raise UsageError("diff takes OLD NEW (two handbook folders), or --git BASE [HEAD] [--source DIR]")
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
        report = compare(build_handbook(old_dir, settings), build_handbook(new_dir, settings),
                         old_root=old_root, new_root=new_root)
    if args.format == "json":
        print(report_json(report))
    else:
        links = Links(settings.site_url, settings.output, directory_urls=site.get("use_directory_urls") is not False)
        print(render_markdown(report, links), end="")
    return EXIT_OK
