"""Render a handbook as Markdown pages, the same for the MkDocs plugin and the ``generate`` command."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..kinds import PAGE_KINDS, PageKind
from ..ownership import holdings
from .author_text import render_markdown
from .context import RenderContext
from .department_page import department_page
from .journey_inputs import journey_inputs
from .journey_page import journey_page
from .overview_page import index_page, overview_page
from .persona_page import persona_page
from .process_page import process_page
from .site import Asset, Page, Site, relative_path

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"


def forget_cached_text() -> None:
    """Empty the caches that hold text from the whole handbook (links between folders, rendered
    Markdown fields): a build that is done with the handbook lets them go with it, or their
    entries, made all through the rendering, keep its freed memory held."""
    relative_path.cache_clear()
    render_markdown.cache_clear()


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


@dataclass(frozen=True)
class PagePlan:
    """A page known by its place and title before it is written: the navigation needs every page,
    but a big site need not hold every page's text at once, so MkDocs has each written when it reads it."""

    path: str
    title: str
    source: Path | None
    kind: str
    entity_id: str | None
    write: Callable[[], Page]
    # A digest of everything the page is made from, where it is known (journey pages): a dirty
    # rebuild leaves a page whose digest is unchanged as it was. None: the page must be written.
    inputs: Callable[[], bytes | None] | None = None

    @classmethod
    def written(cls, page: Page) -> PagePlan:
        return cls(page.path, page.title, page.source, page.kind, page.entity_id, lambda: page)


def page_plans(ctx: RenderContext) -> list[PagePlan]:
    """Every page of the handbook, in a stable order; the overview and the indexes (few, small) are
    written at once, a definition's page when asked for."""
    handbook = ctx.handbook
    owned = holdings(handbook)
    plans = [PagePlan.written(overview_page(ctx))]
    plans += [PagePlan.written(index_page(ctx, kind)) for kind in PAGE_KINDS]

    def plan(kind: PageKind, definition: Any, write: Callable[[], Page],
             inputs: Callable[[], bytes | None] | None = None) -> PagePlan:
        return PagePlan(ctx.site.path(kind, definition.id), ctx.site.title(kind, definition.id), definition.file,
                        kind, definition.id, write, inputs)

    digest = journey_inputs(ctx)
    plans += [plan("journey", j, functools.partial(journey_page, ctx, j), functools.partial(digest, j))
              for j in handbook.journeys.values()]
    plans += [plan("persona", p, functools.partial(persona_page, ctx, p)) for p in handbook.personas.values()]
    plans += [plan("process", p, functools.partial(process_page, ctx, p)) for p in handbook.processes.values()]
    plans += [plan("department", d, functools.partial(department_page, ctx, d, owned))
              for d in handbook.departments.values()]
    return plans


def render_pages(ctx: RenderContext) -> list[Page]:
    """Every page of the handbook, written, in a stable order."""
    return [plan.write() for plan in page_plans(ctx)]

__all__ = ["Asset", "Page", "PagePlan", "RenderContext", "Site", "assets", "page_plans", "plotly_js", "render_pages"]
