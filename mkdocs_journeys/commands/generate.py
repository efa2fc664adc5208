"""``generate``: the handbook as plain Markdown files with their assets, for any site generator.

The same renderer as the MkDocs plugin; pages load the chart script themselves. The output folder
may hold other files (a site's own pages): only the files this command wrote before, as its
record says, are replaced or deleted (see :mod:`.written_files`).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..analysis import analyse
from ..data.measure import Measurements, measured_handbook
from ..handbook import Handbook
from ..language import fallback_warning, resolve, theme_language, use_language
from ..render import RenderContext, assets, render_pages
from ..render.site import Site
from ..settings import Settings
from .options import EXIT_OK, EXIT_PROBLEMS, UsageError, quoted, resolve_source, settings_from_config
from .problem_formats import format_text, printable
from .written_files import in_the_way, read_record, remove_stale, write_record


class OutputInTheWay(Exception):
    """The output folder holds something this command did not write where it would write a file."""


@dataclass
class Written:
    pages: int
    assets: int
    removed: int


def write_handbook(handbook: Handbook, outdir: Path, *, directory_urls: bool = True,
                   measurements: Measurements | None = None) -> Written:
    """Write every page and asset below ``outdir``, and delete what the last run wrote and this one does not."""
    if outdir.exists() and not outdir.is_dir():
        raise OutputInTheWay(f"the output folder {quoted(outdir)} is a file")
    ctx = RenderContext.for_build(handbook, analyse(handbook, measurements), directory_urls=directory_urls,
                                  standalone_scripts=True)
    pages = render_pages(ctx)
    texts = {page.path: page.markdown for page in pages}
    copies = {asset.path: asset.source for asset in assets(Site(handbook, handbook.settings.output))}
    recorded = read_record(outdir) if outdir.is_dir() else set()
    blocked = [(path, why) for path in [*texts, *copies] if (why := in_the_way(outdir, path, recorded))]
    if blocked:
        path, why = blocked[0]
        more = f" (and {len(blocked) - 1} more)" if len(blocked) > 1 else ""
        raise OutputInTheWay(f"{quoted(outdir / path)} {why}{more}: nothing was written, so that nothing of "
                             "yours is lost; move it away or choose another output folder")
    outdir.mkdir(parents=True, exist_ok=True)
    wanted = {*texts, *copies}
    write_record(outdir, recorded | wanted)  # an interrupted run still knows what it may have written
    for path, markdown in texts.items():
        target = outdir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8", newline="\n")
    for path, source in copies.items():
        target = outdir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    removed = remove_stale(outdir, recorded - wanted)
    write_record(outdir, wanted)
    return Written(len(texts), len(copies), removed)


def folder_stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file below ``folder`` with its modification time and size: equal stamps, same handbook."""
    files = []
    for path in sorted(folder.rglob("*")):
        try:
            info = path.stat()
        except OSError:  # removed while we looked
            continue
        files.append((path.as_posix(), info.st_mtime_ns, info.st_size))
    return tuple(files)


def _generate(source: Path, settings: Settings, args: argparse.Namespace) -> int:
    handbook, measurements = measured_handbook(source, settings)
    for problem in handbook.problems:
        print(format_text(problem), file=sys.stderr)
    try:
        written = write_handbook(handbook, Path(args.outdir), directory_urls=not args.no_directory_urls,
                                 measurements=measurements)
    except OutputInTheWay as exc:
        raise UsageError(str(exc)) from exc
    removed = f"; removed {written.removed} it wrote before" if written.removed else ""
    print(f"wrote {written.pages} pages and {written.assets} assets to {printable(args.outdir)}{removed}"
          + (f" ({len(handbook.rejected)} definitions left out: see the errors above)" if handbook.rejected else ""),
          flush=True)
    return EXIT_PROBLEMS if handbook.problems else EXIT_OK


def _watch(source: Path, settings: Settings, args: argparse.Namespace, stamp: tuple[tuple[str, int, int], ...],
           interval: float = 0.3) -> int:
    """Generate again whenever a file of the handbook folder changes, until Ctrl-C. ``stamp``: the
    folder as it was before the first generation, so that a change made while it ran is not missed."""
    print(f"watching {quoted(source)} for changes (Ctrl-C to stop)", flush=True)
    try:
        while True:
            time.sleep(interval)
            current = folder_stamp(source)
            if current == stamp:
                continue
            stamp = current
            try:
                _generate(source, settings, args)
            except UsageError as exc:  # something of a person's in the way: say so, keep watching
                print(f"mkdocs-journeys: error: {exc}", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        print("stopped watching", flush=True)
        return EXIT_OK


def run(args: argparse.Namespace) -> int:
    source, settings = resolve_source(args.source, args.config)
    requested = theme_language(settings_from_config(args.config)[2].get("theme"))
    language, known = resolve(requested)
    if not known:
        print(fallback_warning(str(requested)), file=sys.stderr)
    with use_language(language):  # the pages in the language of the site's theme, as the plugin writes them
        if not getattr(args, "watch", False):
            return _generate(source, settings, args)
        stamp = folder_stamp(source)  # before the first generation: a change made while it runs is not missed
        _generate(source, settings, args)
        return _watch(source, settings, args, stamp)
