"""``generate``: the handbook as plain Markdown files with their assets, for any site generator.

The same renderer as the MkDocs plugin; pages load the chart script themselves. An output folder
is only ever overwritten when it was made by this command (it holds a marker file), so nothing a
person wrote there is lost.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .analysis import analyse
from .handbook import Handbook
from .render import assets, render_pages
from .render.site import Site

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
