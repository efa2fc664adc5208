"""The journey map's grid: rows of cells that fill its columns in order, written as raw HTML.

The map is one CSS grid: the first column holds the lane labels, then one column per map column
(a touchpoint with its alternatives, or an empty stage). Every row fills all columns in order (an
empty cell where a lane has nothing), so the browser places the cells and only stage headers and
whole-row cells name the columns they span. Text is escaped
for HTML here and nowhere else; MkDocs does not rewrite raw HTML, so links are browser URLs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from ..escape import attr
from ..language import _
from ..model import Journey, Stage, Touchpoint
from .context import RenderContext


def text(value: str | None) -> str:
    """Author text for HTML: escaped, its line breaks kept (a blank line would end the HTML block)."""
    if not value:
        return ""
    return "<br>".join(attr(line.strip("\r")) for line in value.split("\n"))


@dataclass(frozen=True)
class MapColumn:
    """One column of the grid: the touchpoints in it (alternatives stacked), or none for an empty stage."""

    index: int
    stage: Stage
    touchpoints: list[Touchpoint]


def map_columns(journey: Journey) -> list[MapColumn]:
    """``Journey.columns()`` in order, with a blank column for a stage without touchpoints so that
    its header still shows."""
    by_stage: dict[str, list[list[Touchpoint]]] = {}
    for column in journey.columns():
        by_stage.setdefault(column.stage.id, []).append(column.touchpoints)
    columns: list[MapColumn] = []
    for stage in journey.stages:
        for touchpoints in by_stage.get(stage.id, [[]]):
            columns.append(MapColumn(len(columns), stage, touchpoints))
    return columns


def steps(columns: list[MapColumn]) -> list[tuple[MapColumn, MapColumn]]:
    """Each pair of columns the customer passes from one to the other: an empty stage is passed over."""
    filled = [c for c in columns if c.touchpoints]
    return list(pairwise(filled))


def compatible(a: Touchpoint, b: Touchpoint) -> bool:
    """Whether one customer can meet both: some persona takes each (no ``personas``: everyone)."""
    return not a.personas or not b.personas or bool(set(a.personas) & set(b.personas))


@dataclass
class MapGrid:
    """The rows of one journey's map, built lane by lane."""

    ctx: RenderContext
    page: str
    journey: Journey
    base: str = ""  # the journey page's URL when the map is embedded elsewhere
    columns: list[MapColumn] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.columns = map_columns(self.journey)
        self.first_of_stage = {c.index for n, c in enumerate(self.columns)
                               if n == 0 or self.columns[n - 1].stage.id != c.stage.id}

    @property
    def width(self) -> int:
        return len(self.columns)

    def touchpoint_href(self, tp: Touchpoint) -> str:
        return attr(f"{self.base}#touchpoint-{tp.id}")

    def stage_href(self, stage: Stage) -> str:
        return attr(f"{self.base}#stage-{stage.id}")

    def journey_href(self, anchor: str) -> str:
        return attr(f"{self.base}#{anchor}")

    def department(self, department_id: str) -> str:
        """A department's name from the handbook, linked to its page when it has one."""
        name = text(self.ctx.department_names.get(department_id, department_id))
        if not self.ctx.site.exists("department", department_id):
            return name
        url = self.ctx.page_url(self.page, self.ctx.site.path("department", department_id))
        return f'<a href="{attr(url)}">{name}</a>'

    def row(self, lane: str, label: str, cells: Sequence[tuple[int, int, str]], kind: str = "") -> None:
        """A row: its label (HTML) and cells as (first column index, columns spanned, HTML).

        The cells of a row fill every column in order, so the grid places them itself: the label is
        pinned to the first column (CSS), which starts a new grid row. Only a span wider than one
        column is written out; the markup stays small on pages with many lanes."""
        css = f" journeys-map-row--{kind}" if kind else ""
        parts = [f'<div class="journeys-map-row{css}" role="row" data-journeys-lane="{attr(lane)}">',
                 f'<div class="journeys-map-label" role="rowheader">{label}</div>']
        expected = 0
        for start, span, html in cells:
            if start != expected:
                raise ValueError(f"map row {lane!r}: a cell starts at column {start}, not {expected}")
            expected = start + span
            stage_start = " journeys-map-cell--stage-start" if start in self.first_of_stage else ""
            place = f' style="grid-column: span {span}"' if span > 1 else ""
            parts.append(f'<div class="journeys-map-cell{stage_start}" role="cell"{place}>{html}</div>')
        if expected != self.width:
            raise ValueError(f"map row {lane!r}: its cells end at column {expected}, not {self.width}")
        parts.append("</div>")
        self.rows.append("".join(parts))

    def lane(self, lane: str, label: str, render: Callable[[Touchpoint], str | None], kind: str = "") -> None:
        """A lane with one item per touchpoint; left out when no touchpoint fills it. Alternatives
        stack in their column, in the order of the touchpoint row, each after an "or"."""
        rendered = [[render(tp) for tp in column.touchpoints] for column in self.columns]
        if not any(html for items in rendered for html in items):
            return
        cells = []
        for column, items in zip(self.columns, rendered, strict=True):
            pairs = list(zip(column.touchpoints, items, strict=True)) if any(items) else []
            parts = [self.item(tp, html, n > 0) for n, (tp, html) in enumerate(pairs)]
            cells.append((column.index, 1, "".join(parts)))
        self.row(lane, label, cells, kind)

    def item(self, tp: Touchpoint, html: str | None, alternative: bool) -> str:
        """One touchpoint's part of a cell; an alternative is its own box, marked "or"."""
        css = "journeys-map-item journeys-map-item--alternative" if alternative else "journeys-map-item"
        prefix = '<span class="journeys-map-or">' + _("or") + "</span> " if alternative else ""
        body = html or '<span class="journeys-map-none">—</span>'
        return f'<div class="{css}" data-journeys-touchpoint="{attr(tp.id)}">{prefix}{body}</div>'

    def linked(self, tp: Touchpoint, html: str) -> str:
        """Content that links to the touchpoint's section."""
        return f'<a class="journeys-map-link" href="{self.touchpoint_href(tp)}">{html}</a>'

    def linked_text(self, tp: Touchpoint, value: str | None) -> str | None:
        return self.linked(tp, text(value)) if value else None

    def linked_list(self, tp: Touchpoint, values: list[str]) -> str | None:
        if not values:
            return None
        return self.linked(tp, "".join(f'<span class="journeys-map-bullet">{text(v)}</span>' for v in values))

    def html(self, title: str, tools: str) -> str:
        """The whole map: download controls, then the grid in its own horizontal scroll container."""
        label = attr(_("Journey map of {journey}").format(journey=title))
        return (f'<div class="journeys-map" data-journeys-map="{attr(self.journey.id)}" '
                f'style="--journeys-map-columns: {self.width}">'
                f"{tools}"
                f'<div class="journeys-map-scroll" tabindex="0" role="region" aria-label="{label}">'
                f'<div class="journeys-map-grid" role="table" aria-label="{label}">'
                + "".join(self.rows) + "</div></div></div>")
