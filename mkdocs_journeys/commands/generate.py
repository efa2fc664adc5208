"""``generate``: the handbook as plain Markdown files with their assets, for any site generator.

The same renderer as the MkDocs plugin; pages load the chart script themselves. An output folder
is only ever overwritten when it was made by this command (it holds a marker file), so nothing a
person wrote there is lost.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from ..analysis import analyse
from ..handbook import Handbook, build_handbook
from ..render import assets, render_pages
from ..render.site import Site
from .options import EXIT_OK, EXIT_PROBLEMS, UsageError, resolve_source
from .problem_formats import format_text

MARKER = ".mkdocs-journeys-generated"


class OutputNotEmpty(Exception):
    """The output folder holds files this command did not write."""


def write_handbook(handbook: Handbook, outdir: Path, *, directory_urls: bool = True) -> list[Path]:
    """Write every page and asset below ``outdir``; the files written, pages first."""
    if outdir.exists() and any(outdir.iterdir()) and not (outdir / MARKER).exists():
        raise OutputNotEmpty(f"'{outdir}' is not empty and was not made by `mkdocs-journeys generate`")
    pages = render_pages(handbook, analyse(handbook), directory_urls=directory_urls, standalone_scripts=True)
    prefix = outdir / handbook.settings.output
    if prefix.exists():
        shutil.rmtree(prefix)  # pages of entities removed since the last run must go too
    written: list[Path] = []
    for page in pages:
        target = outdir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8", newline="\n")
        written.append(target)
    for asset in assets(Site(handbook, handbook.settings.output)):
        target = outdir / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset.source, target)
        written.append(target)
    (outdir / MARKER).write_text("Written by mkdocs-journeys generate; safe to delete with this folder.\n",
                                 encoding="utf-8")
    return written


def run(args: argparse.Namespace) -> int:
    source, settings = resolve_source(args.source, args.config)
    handbook = build_handbook(source, settings)
    for problem in handbook.problems:
        print(format_text(problem), file=sys.stderr)
    try:
        written = write_handbook(handbook, Path(args.outdir), directory_urls=not args.no_directory_urls)
    except OutputNotEmpty as exc:
        raise UsageError(str(exc)) from exc
    pages = sum(1 for p in written if p.suffix == ".md")
    print(f"wrote {pages} pages and {len(written) - pages} assets to {args.outdir}"
          + (f" ({len(handbook.rejected)} definitions left out: see the errors above)" if handbook.rejected else ""))
    return EXIT_PROBLEMS if handbook.problems else EXIT_OK
