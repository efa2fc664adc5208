"""The emotion curve: how the customer feels at each touchpoint, stage by stage.

Computed first (:func:`curve`: one x per column of the map, stage bands, the lowest and highest
point), then drawn as a plotly figure: straight segments (never beyond the data), alternatives at
their column's x (see :mod:`.paths`). The script fits the stage labels to the width drawn.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

from ..escape import hover
from ..language import _
from ..model import Journey, Stage, Touchpoint
from ..settings import Settings
from .chart import EMOTION_COLORSCALE, base_layout, shown
from .paths import Mark, path_traces

STAGE_LABEL = "journeys-stage"  # the name the script finds the stage labels by
LABEL_WIDTH, LABEL_LINES = 18, 3


def touchpoint_hover(stage: Stage, tp: Touchpoint, owner_names: dict[str, str]) -> str:
    lines = [f"<b>{hover(tp.name)}</b>", _("Stage: {value}").format(value=hover(stage.name))]
    if tp.channel:
        lines.append(_("Channel: {value}").format(value=hover(tp.channel)))
    lines.append(_("Owner: {value}").format(value=hover(owner_names.get(tp.owner_id, tp.owner_id))))
    lines.append(_("Emotion: {value}").format(value=shown(tp.emotion)) if tp.emotion is not None
                 else _("Emotion: not recorded"))
    for label, value in ((_("Doing: {value}"), tp.doing), (_("Thinking: {value}"), tp.thinking),
                         (_("Feeling: {value}"), tp.feeling)):
        if value:
            lines.append(label.format(value=hover(value)))
    for pain in tp.pain_points:
        lines.append(_("Pain point: {value}").format(value=hover(pain)))
    if tp.alternative_to:
        lines.append(_("An alternative: the customer takes one of this column's touchpoints"))
    if tp.moment_of_truth:
        lines.append(_("★ Moment of truth"))
    return "<br>".join(lines)


@dataclass(frozen=True)
class Band:
    """A stage's stretch of the x axis."""

    x0: float
    x1: float
    name: str
    shaded: bool  # every other stage is shaded, to tell neighbours apart


@dataclass(frozen=True)
class Point:
    """A touchpoint on the curve: its column is its x."""

    x: int
    stage: Stage
    touchpoint: Touchpoint


@dataclass(frozen=True)
class Curve:
    """What the chart shows, computed from the journey; :func:`emotion_curve` draws it."""

    columns: list[list[Point]]
    bands: list[Band]
    lowest: Point
    highest: Point


def curve(journey: Journey) -> Curve | None:
    """The curve's data, or None when no touchpoint has an emotion."""
    columns = [[Point(x, column.stage, tp) for tp in column.touchpoints]
               for x, column in enumerate(journey.columns())]
    valued = [p for column in columns for p in column if p.touchpoint.emotion is not None]
    if not valued:
        return None
    bands: list[Band] = []
    for n, stage in enumerate(journey.stages):
        xs = [c[0].x for c in columns if c[0].stage is stage]
        if xs:
            bands.append(Band(xs[0] - 0.5, xs[-1] + 0.5, stage.name, n % 2 == 0))
    # the first of tied lowest and highest points
    lowest = min(valued, key=lambda p: (p.touchpoint.emotion, p.x))
    highest = max(valued, key=lambda p: (p.touchpoint.emotion, -p.x))
    return Curve(columns, bands, lowest, highest)


def emotion_curve(journey: Journey, settings: Settings, owner_names: dict[str, str],
                  anchor_prefix: str = "#touchpoint-") -> dict[str, Any] | None:
    """The figure, or None when the journey has no touchpoint with an emotion."""
    data = curve(journey)
    if data is None:
        return None
    low, high = settings.emotion_scale
    marks = [[Mark(p.x, p.touchpoint.emotion, f"{anchor_prefix}{p.touchpoint.id}",
                   touchpoint_hover(p.stage, p.touchpoint, owner_names),
                   16 if p.touchpoint.moment_of_truth else 11,
                   "star" if p.touchpoint.moment_of_truth else "diamond" if p.touchpoint.alternative_to else "circle")
              for p in column] for column in data.columns]
    marker = {"color": [], "colorscale": EMOTION_COLORSCALE, "cmin": low, "cmax": high,
              "line": {"width": 0}}
    # a mid grey with 3:1 or more against both Material palettes
    traces = path_traces(marks, "Emotion", {"width": 3, "color": "#808080"}, marker)
    return {"data": traces, "layout": _layout(data, settings)}


def wrap_label(text: str, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> str:
    """A label in lines of about ``width`` characters, cut with … only past ``lines`` lines."""
    wrapped = textwrap.wrap(text, width, break_long_words=True) or [text]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return "<br>".join(hover(line) for line in wrapped)


def stage_labels(bands: list[Band], y: float = 1.0) -> list[dict[str, Any]]:
    """A label over each band, named so the script can stagger or shorten them to fit."""
    return [{"x": (band.x0 + band.x1) / 2, "y": y, "xref": "x", "yref": "paper", "yanchor": "bottom",
             "text": hover(band.name), "hovertext": hover(band.name), "showarrow": False, "font": {"size": 12},
             "name": STAGE_LABEL, "yshift": 20}  # above the "Highest" label of a point at the top
            for band in bands]


def band_shapes(bands: list[Band]) -> list[dict[str, Any]]:
    return [{"type": "rect", "xref": "x", "yref": "paper", "x0": band.x0, "x1": band.x1, "y0": 0, "y1": 1,
             "fillcolor": "rgba(127,127,127,0.10)" if band.shaded else "rgba(127,127,127,0.02)",
             "line": {"width": 0}, "layer": "below"} for band in bands]


def _layout(data: Curve, settings: Settings) -> dict[str, Any]:
    low, high = settings.emotion_scale
    shapes = band_shapes(data.bands)
    annotations = stage_labels(data.bands)
    neutral = settings.neutral
    shapes.append({"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": neutral, "y1": neutral,
                   "line": {"dash": "dot", "width": 1, "color": "rgba(127,127,127,0.8)"}})
    count = len(data.columns)
    for point, word, highest in ((data.lowest, _("Lowest"), False), (data.highest, _("Highest"), True)):
        if data.lowest == data.highest and highest:
            continue
        # beside the point, level with it: no other point of the curve is lower (higher) there, so the
        # mark never sits on the line; "name" lets the script colour it from the palette
        side = -1 if point.x == count - 1 else 1
        annotations.append({"x": point.x, "y": point.touchpoint.emotion, "text": word, "showarrow": True,
                            "arrowhead": 2, "ax": 42 * side, "ay": 0, "xanchor": "left" if side > 0 else "right",
                            "font": {"size": 11}, "name": "journeys-extreme"})
    margin = (high - low) * 0.08
    # alternatives one under the other, each name wrapped on its own
    ticks = [("<br>" + _("or") + " ").join(wrap_label(p.touchpoint.name) for p in column) for column in data.columns]
    lines = max(tick.count("<br>") + 1 for tick in ticks)
    return base_layout(
        margin={"l": 56, "r": 16, "t": 64, "b": 24},
        xaxis={"tickmode": "array", "tickvals": list(range(count)), "ticktext": ticks, "tickangle": 0,
               "showgrid": False, "zeroline": False, "range": [-0.5, count - 0.5], "fixedrange": True,
               "automargin": True},
        yaxis={"range": [low - margin, high + margin], "title": {"text": _("Emotion")}, "zeroline": False,
               "dtick": 1, "fixedrange": True},
        shapes=shapes,
        annotations=annotations,
        height=440,
        # narrower than this, the curve scrolls sideways (see the script): room for upright labels
        meta={"journeysMinWidth": 72 + count * max(46, 14 * lines + 10)},
    )
