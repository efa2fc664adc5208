"""The journey map: the whole journey as one grid, the way CX teams draw it on a wall.

Stages head the columns (as wide as their touchpoints), touchpoints are the columns, and lanes run
across them: channel, doing, thinking, feeling, the emotion curve, pain points, opportunities and
moments of truth, then a swimlane per department, and below the line of visibility the backstage
work, the supporting process steps and the metrics. Each lane shows only when some touchpoint
fills it. It is HTML, so search and screen readers read it; a script turns it into SVG or PNG.
"""

from __future__ import annotations

from ..escape import attr
from ..language import _
from ..model import Journey, Touchpoint
from .context import RenderContext
from .journey_data import funnel_row
from .map_curve import curve_row
from .map_grid import MapGrid, text
from .map_lanes import backstage_rows, swimlanes


def _tools() -> str:
    download, label = attr(_("Download the map")), _("Download the map:")
    return (f'<div class="journeys-map-tools" role="group" aria-label="{download}">'
            f'<span class="journeys-map-tools-label">{label}</span> '
            '<button type="button" class="md-button journeys-map-download" data-journeys-map-download="svg">SVG'
            '</button> '
            '<button type="button" class="md-button journeys-map-download" data-journeys-map-download="png">PNG'
            "</button></div>")


def _lane_label(name: str) -> str:
    return f'<span class="journeys-map-lane-name">{name}</span>'


def _stages(grid: MapGrid) -> None:
    cells = []
    for number, stage in enumerate(grid.journey.stages, start=1):
        columns = [c for c in grid.columns if c.stage.id == stage.id]
        owner = f'<span class="journeys-map-note">{grid.department(stage.owner_id)}</span>'
        header = (f'<a class="journeys-map-stage" href="{grid.stage_href(stage)}" data-journeys-stage='
                  f'"{attr(stage.id)}">{number}. {text(stage.name)}</a> {owner}')
        cells.append((columns[0].index, len(columns), header))
    grid.row("stage", _lane_label(_("Stage")), cells, "stage")


def _name(grid: MapGrid, tp: Touchpoint) -> str:
    personas = ""
    if tp.personas:
        names = ", ".join(text(grid.ctx.site.title("persona", p)) for p in tp.personas)
        personas = '<span class="journeys-map-personas">' + _("for {personas}").format(personas=names) + "</span>"
    return grid.linked(tp, text(tp.name)) + personas


def _touchpoints(grid: MapGrid) -> None:
    grid.lane("touchpoint", _lane_label(_("Touchpoint")), lambda tp: _name(grid, tp), "touchpoint")


def journey_map(ctx: RenderContext, page: str, journey: Journey, href_base: str = "") -> str | None:
    """The map as one raw HTML block; None for a journey without touchpoints. ``href_base`` is the
    journey page's URL when the map is embedded in another page."""
    grid = MapGrid(ctx, page, journey, href_base)
    if not any(column.touchpoints for column in grid.columns):
        return None
    _stages(grid)
    _touchpoints(grid)
    grid.lane("channel", _lane_label(_("Channel")), lambda tp: grid.linked_text(tp, tp.channel))
    grid.lane("doing", _lane_label(_("Doing")), lambda tp: grid.linked_text(tp, tp.doing))
    grid.lane("thinking", _lane_label(_("Thinking")), lambda tp: grid.linked_text(tp, tp.thinking), "thinking")
    grid.lane("feeling", _lane_label(_("Feeling")), lambda tp: grid.linked_text(tp, tp.feeling))
    curve_row(grid)
    funnel_row(grid)
    grid.lane("pain-points", _lane_label(_("Pain points")), lambda tp: grid.linked_list(tp, tp.pain_points))
    grid.lane("opportunities", _lane_label(_("Opportunities")), lambda tp: grid.linked_list(tp, tp.opportunities))
    grid.lane("moments-of-truth", _lane_label(_("Moments of truth")),
              lambda tp: grid.linked(tp, _("★ Moment of truth")) if tp.moment_of_truth else None)
    swimlanes(grid)
    backstage_rows(grid)
    script = ""
    if ctx.standalone_scripts:
        script = f'<script src="{attr(ctx.asset_url(page, "journeys-map.js"))}" defer></script>'
    return script + grid.html(journey.title, _tools())
