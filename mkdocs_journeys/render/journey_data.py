"""What an event log says about a journey: the funnel chart with its table, and the map's "Cases" row.

A case reaches a touchpoint when it has an event there; it ends (drops out) at its last event's
touchpoint. The table is the chart's text alternative and adds the median time from the touchpoint
before.
"""

from __future__ import annotations

from ..data.event_figures import JourneyFigures
from ..figures import chart_block
from ..figures.funnel import funnel_chart, funnel_rows
from ..language import _
from ..model import Journey, Touchpoint
from .context import RenderContext
from .map_grid import MapGrid
from .markdown import heading, join_blocks
from .measured_text import count, minutes, share
from .process_data import dataset_line


def journey_figures_of(ctx: RenderContext, journey: Journey) -> JourneyFigures | None:
    measurements = ctx.analysis.measurements if ctx.analysis is not None else None
    return measurements.journeys.get(journey.id) if measurements is not None else None


def funnel_section(ctx: RenderContext, page: str, journey: Journey) -> str | None:
    """The "Cases through the journey" section, or None without event data on the journey."""
    figures = journey_figures_of(ctx, journey)
    if figures is None:
        return None
    figure = funnel_chart(journey, figures)
    rows = []
    for row in funnel_rows(journey, figures):
        since = row.since_previous
        rows.append([row.label if row.stage else f"  {row.label}", count(row.reached),
                     share(row.reached / figures.cases if figures.cases else None), count(row.ended),
                     "" if since is None else minutes(since.quantile(0.5))])
    headers = [_("Stage / touchpoint"), _("Cases reaching it"), _("Share of all cases"), _("Ended here"),
               _("Time from the previous touchpoint (median)")]
    label = _("Cases through {journey}").format(journey=journey.title)
    if figure is not None:
        chart = chart_block("journey-funnel", figure, ctx.asset_url(page, "plotly.min.js"), label, (headers, rows))
    else:
        chart = _("No case reached a touchpoint of this journey.")
    unmatched = ""
    if figures.unmatched:
        unmatched = _("{events} events of {activities} activities match no touchpoint.").format(
            events=count(sum(figures.unmatched.values())), activities=count(len(figures.unmatched)))
    return join_blocks([
        heading(2, _("Cases through the journey"), "funnel"),
        _("{cases} cases in {dataset}. A case ends where its last event is: the cases that dropped out there, "
          "or finished.").format(cases=count(figures.cases), dataset=dataset_line(ctx, figures.dataset)),
        chart,
        unmatched or None,
    ])


def funnel_row(grid: MapGrid) -> None:
    """The map's "Cases" row: cases reaching each touchpoint, and how many end there."""
    figures = journey_figures_of(grid.ctx, grid.journey)
    if figures is None:
        return
    data = figures

    def cell(tp: Touchpoint) -> str | None:
        if tp.id not in data.reached:
            return None
        reached, ended = data.reached[tp.id], data.last.get(tp.id, 0)
        end = ('<span class="journeys-map-note">' + _("{count} end here").format(count=count(ended)) + "</span>"
               if ended else "")
        cases = _("{count} cases ({share})").format(count=f"<strong>{count(reached)}</strong>",
                                                   share=share(reached / data.cases if data.cases else None))
        return grid.linked(tp, f'<span class="journeys-map-cases">{cases}</span>{end}')

    grid.lane("cases", '<span class="journeys-map-lane-name">' + _("Cases") + "</span>", cell, "cases")
