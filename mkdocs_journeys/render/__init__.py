"""Render a handbook as Markdown pages, the same for the MkDocs plugin and the ``generate`` command."""

from __future__ import annotations

from pathlib import Path

from ..kinds import PAGE_KINDS
from ..ownership import holdings
from .context import RenderContext
from .department_page import department_page
from .journey_page import journey_page
from .overview_page import index_page, overview_page
from .persona_page import persona_page
from .process_page import process_page
from .site import Asset, Page, Site

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"


def plotly_js() -> Path:
    """plotly.js as shipped inside the installed ``plotly`` package: served by the site itself."""
    import plotly

    return Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def assets(site: Site) -> list[Asset]:
    return [
        Asset(site.asset("journeys.js"), ASSETS_DIR / "journeys.js"),
        Asset(site.asset("journeys-map.js"), ASSETS_DIR / "journeys-map.js"),
        Asset(site.asset("journeys.css"), ASSETS_DIR / "journeys.css"),
        Asset(site.asset("plotly.min.js"), plotly_js()),
    ]


def render_pages(ctx: RenderContext) -> list[Page]:
    """Every page of the handbook, in a stable order."""
    handbook = ctx.handbook
    owned = holdings(handbook)
    pages = [overview_page(ctx)]
    pages += [index_page(ctx, kind) for kind in PAGE_KINDS]
    pages += [journey_page(ctx, j) for j in handbook.journeys.values()]
    pages += [persona_page(ctx, p) for p in handbook.personas.values()]
    pages += [process_page(ctx, p) for p in handbook.processes.values()]
    pages += [department_page(ctx, d, owned) for d in handbook.departments.values()]
    return pages


__all__ = ["Asset", "Page", "RenderContext", "Site", "assets", "plotly_js", "render_pages"]
