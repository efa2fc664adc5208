"""Where each generated page lives, and relative links between pages and to anchors.

Links are written as relative ``.md`` paths, which MkDocs checks and rewrites, and which any other
Markdown site generator understands too.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from ..escape import plain
from ..handbook import Handbook
from ..kinds import KINDS, PAGE_KINDS
from ..kinds import PageKind as Kind


@dataclass
class Page:
    """A generated Markdown page: its path below the docs folder and the YAML it came from."""

    path: str
    title: str
    markdown: str
    source: Path | None = None
    kind: str = "overview"
    entity_id: str | None = None
    has_chart: bool = False


@dataclass
class Asset:
    """A file the pages need (script, style, plotly.js), copied into the site as is."""

    path: str
    source: Path


@dataclass
class Site:
    """The URL scheme of the generated pages (``output`` is the prefix, ``handbook`` by default)."""

    handbook: Handbook
    output: str = "handbook"
    assets_dir: str = "assets/journeys"
    titles: dict[tuple[str, str], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for kind in PAGE_KINDS:
            spec = KINDS[kind]
            for definition in getattr(self.handbook, spec.collection).values():
                self.titles[(kind, definition.id)] = spec.title_of(definition)

    @property
    def overview_path(self) -> str:
        return f"{self.output}/index.md"

    def index_path(self, kind: Kind) -> str:
        return f"{self.output}/{KINDS[kind].plural}.md"

    def path(self, kind: Kind, entity_id: str) -> str:
        return f"{self.output}/{KINDS[kind].plural}/{entity_id}.md"

    def asset(self, name: str) -> str:
        return f"{self.assets_dir}/{name}"

    def exists(self, kind: Kind, entity_id: str) -> bool:
        return (kind, entity_id) in self.titles

    def title(self, kind: Kind, entity_id: str) -> str:
        return self.titles.get((kind, entity_id), entity_id)

    @staticmethod
    def relative(from_path: str, to_path: str) -> str:
        return relative_path(posixpath.dirname(from_path) or ".", to_path)

    def url(self, from_path: str, kind: Kind, entity_id: str, anchor: str | None = None) -> str:
        target = self.relative(from_path, self.path(kind, entity_id))
        return f"{target}#{anchor}" if anchor else target

    def link(self, from_path: str, kind: Kind, entity_id: str, anchor: str | None = None,
             text: str | None = None) -> str:
        """A Markdown link to an entity (its title as text); plain text when it is not in the handbook."""
        label = plain(text if text is not None else self.title(kind, entity_id))
        if not self.exists(kind, entity_id):
            return label or plain(entity_id)
        return f"[{label}]({self.url(from_path, kind, entity_id, anchor)})"

    def links(self, from_path: str, kind: Kind, ids: list[str]) -> str:
        return ", ".join(self.link(from_path, kind, i) for i in ids)


@functools.lru_cache(maxsize=65536)
def relative_path(from_dir: str, to_path: str) -> str:
    """Cached: pages link to the same few folders thousands of times, and relpath is slow."""
    return posixpath.relpath(to_path, from_dir)
