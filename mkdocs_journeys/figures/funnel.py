"""The journey funnel: how many cases reach each stage and touchpoint, in journey order.

Stages and their touchpoints are one list top to bottom, as the journey runs; each bar says its
count and its share of all cases. The labels are numbered (``2.`` a stage, ``2.1`` its first
touchpoint) so two equal names stay two bars.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..data.event_figures import JourneyFigures
from ..data.quantiles import Histogram
from ..escape import hover
from ..language import _
from ..model import Journey
from .chart import base_layout


@dataclass(frozen=True)
class FunnelRow:
    """A bar: a stage or a touchpoint, with the cases that reached it and the cases that ended there."""

    label: str
    stage: bool
    anchor: str
    reached: int
    ended: int
    since_previous: Histogram | None  # minutes from the touchpoint before (touchpoints only)


def funnel_rows(journey: Journey, figures: JourneyFigures) -> list[FunnelRow]:
    rows = []
    for number, stage in enumerate(journey.stages, start=1):
        ended = sum(figures.last.get(tp.id, 0) for tp in stage.touchpoints)
        rows.append(FunnelRow(f"{number}. {stage.name}", True, f"stage-{stage.id}",
                              figures.stages_reached.get(stage.id, 0), ended, None))
        for k, tp in enumerate(stage.touchpoints, start=1):
            since = Histogram()
            for (a, b), histogram in figures.between.items():
                if b == tp.id and a != tp.id:
                    for minutes, count in histogram.counts.items():
                        since.add(minutes, count)
            rows.append(FunnelRow(f"{number}.{k} {tp.name}", False, f"touchpoint-{tp.id}",
                                  figures.reached.get(tp.id, 0), figures.last.get(tp.id, 0), since))
    return rows


def funnel_chart(journey: Journey, figures: JourneyFigures) -> dict[str, Any] | None:
    """The figure, or None when the data reached no touchpoint of the journey."""
    rows = funnel_rows(journey, figures)
    if not any(row.reached for row in rows if not row.stage):
        return None
    # a stage in bold, so its touchpoints read as its parts
    labels = [f"<b>{hover(row.label)}</b>" if row.stage else hover(row.label) for row in rows]
    ended = [row.ended for row in rows]
    data: list[dict[str, Any]] = [{
        "type": "funnel", "y": labels, "x": [row.reached for row in rows],
        "customdata": ended, "textinfo": "value+percent initial", "textposition": "inside",
        "hovertemplate": _("{touchpoint}: {reached} cases reach it, {ended} end here").format(
            touchpoint="%{y}", reached="%{x}", ended="%{customdata}") + "<extra></extra>",
        "connector": {"line": {"width": 1}},
    }]
    layout = base_layout(height=80 + 34 * len(rows), margin={"l": 16, "r": 16, "t": 16, "b": 24},
                         yaxis={"automargin": True, "fixedrange": True, "type": "category"},
                         xaxis={"fixedrange": True, "visible": False}, funnelmode="stack")
    return {"data": data, "layout": layout}
