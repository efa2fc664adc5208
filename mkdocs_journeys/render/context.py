"""What every page renderer needs: the handbook, its analysis, the URL scheme and link helpers."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..escape import plain
from ..handbook import Handbook
from ..kinds import PageKind as Kind
from ..language import _
from ..model import MetricValue
from ..settings import Settings
from .markdown import anchor_span, status, table
from .site import Site

if TYPE_CHECKING:
    from ..analysis import Analysis


@dataclass
class RenderContext:
    handbook: Handbook
    site: Site
    analysis: Analysis | None = None
    # How the built site turns page paths into URLs: decides relative URLs in raw HTML, which
    # MkDocs does not rewrite.
    directory_urls: bool = True
    # Pages load the chart script themselves (plain Markdown output: no MkDocs extra_javascript).
    standalone_scripts: bool = False

    @classmethod
    def for_build(cls, handbook: Handbook, analysis: Analysis | None = None, *, directory_urls: bool = True,
                  standalone_scripts: bool = False) -> RenderContext:
        """The one context of a build: its generated pages and its hand-written pages share it."""
        return cls(handbook, Site(handbook, handbook.settings.output), analysis, directory_urls, standalone_scripts)

    @property
    def settings(self) -> Settings:
        return self.handbook.settings

    @cached_property
    def department_names(self) -> dict[str, str]:
        return {d.id: d.name for d in self.handbook.departments.values()}

    def link(self, page: str, kind: Kind, entity_id: str, anchor: str | None = None, text: str | None = None) -> str:
        return self.site.link(page, kind, entity_id, anchor, text)

    def dept(self, page: str, department_id: str) -> str:
        return self.site.link(page, "department", department_id)

    def depts(self, page: str, ids: list[str]) -> str:
        return ", ".join(self.dept(page, d) for d in ids)

    def page_dir(self, page: str) -> str:
        """The folder the browser sees the page in."""
        stem = page[:-3]
        if self.directory_urls and posixpath.basename(stem) not in ("index", "README"):
            return stem
        return posixpath.dirname(page)

    def asset_url(self, page: str, name: str) -> str:
        return posixpath.relpath(self.site.asset(name), self.page_dir(page) or ".")

    def page_url(self, page: str, target: str, anchor: str | None = None) -> str:
        """A browser URL (not a .md link) from one generated page to another, for raw HTML and charts."""
        stem = target[:-3]
        if posixpath.basename(stem) in ("index", "README"):
            stem = posixpath.dirname(stem)
            url = stem + "/" if self.directory_urls else posixpath.join(stem, "index.html")
        else:
            url = stem + "/" if self.directory_urls else stem + ".html"
        rel = posixpath.relpath(url, self.page_dir(page) or ".")
        if url.endswith("/") and not rel.endswith("/"):
            rel += "/"
        return rel + (f"#{anchor}" if anchor else "")

    def source_note(self, file: Path | None) -> str | None:
        """Which YAML file a page comes from, relative to the folder that holds the handbook."""
        if file is None:
            return None
        try:
            rel = file.resolve().relative_to(self.handbook.source.resolve().parent).as_posix()
        except ValueError:
            rel = file.name
        return '<p class="journeys-source">' + _("Defined in {file}").format(file=f"<code>{plain(rel)}</code>") + "</p>"

    def scripts(self, page: str) -> str | None:
        if not self.standalone_scripts:
            return None
        return (f'<link rel="stylesheet" href="{self.asset_url(page, "journeys.css")}">\n'
                f'<script src="{self.asset_url(page, "journeys.js")}" defer></script>')

    def metrics_table(self, page: str, metrics: dict[str, MetricValue], anchor_prefix: str | None = "metric-") -> str:
        """Metric, target, actual, period, source and status; a stable anchor on each row."""
        rows = []
        for metric_id, value in metrics.items():
            definition = value.definition
            name = plain(definition.name)
            if anchor_prefix:
                name = anchor_span(f"{anchor_prefix}{metric_id}") + name
            rows.append([
                name,
                plain(definition.format(value.target)) or "—",
                plain(definition.format(value.actual)) or "—",
                plain(value.period) or "",
                plain(value.source) or "",
                status(value.status),
            ])
        return table([_("Metric"), _("Target"), _("Actual"), _("Period"), _("Source"), _("Status")], rows)
