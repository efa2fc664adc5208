"""Links from the report to the published handbook, at the URLs the site gives its pages.

Page paths come from :class:`..render.site.Site`, so they are written in one place only; a path
``handbook/journeys/x.md`` is served at ``handbook/journeys/x/`` (``x.html`` without directory URLs),
as MkDocs does. The published site shows the old handbook, so links use old ids and anchors.
"""

from __future__ import annotations

from pathlib import Path

from ..handbook import Handbook
from ..kinds import PAGE_KINDS
from ..kinds import EntityKind as Kind
from ..render.site import Site


class Links:
    def __init__(self, site_url: str | None, output: str = "handbook", *, directory_urls: bool = True) -> None:
        self.base = site_url.rstrip("/") + "/" if site_url else None
        self.site = Site(Handbook(source=Path(".")), output=output.strip("/"))
        self.directory_urls = directory_urls

    def page(self, kind: Kind, page_id: str | None, anchor: str | None = None) -> str | None:
        """The URL of a definition's page (and anchor), or None: no site_url, no page, or not published."""
        if self.base is None or page_id is None or kind not in PAGE_KINDS:
            return None
        path = self.site.path(kind, page_id)
        stem = path.removesuffix(".md")
        if self.directory_urls:
            url = stem.removesuffix("index") if stem.endswith("/index") or stem == "index" else stem + "/"
        else:
            url = stem + ".html"
        return f"{self.base}{url}" + (f"#{anchor}" if anchor else "")
