"""The emotion curve: how the customer feels at each touchpoint, stage by stage.

Computed first (:func:`curve`: points, stage bands, the lowest and highest point), then drawn as a
plotly figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..escape import hover
from ..model import Journey, Stage, Touchpoint
from ..settings import Settings
from .chart import EMOTION_COLORSCALE, base_layout, short


def _touchpoint_hover(journey: Journey, settings: Settings, owner_names: dict[str, str]) -> list[str]:
    texts: list[str] = []
    for stage, tp in journey.touchpoints():
        lines = [f"<b>{hover(tp.name)}</b>", f"Stage: {hover(stage.name)}"]
        if tp.channel:
            lines.append(f"Channel: {hover(tp.channel)}")
        lines.append(f"Owner: {hover(owner_names.get(tp.owner_id, tp.owner_id))}")
        lines.append(f"Emotion: {short(tp.emotion)}" if tp.emotion is not None else "Emotion: not recorded")
        for label, value in (("Doing", tp.doing), ("Thinking", tp.thinking), ("Feeling", tp.feeling)):
            if value:
                lines.append(f"{label}: {hover(value)}")
        for pain in tp.pain_points:
            lines.append(f"Pain point: {hover(pain)}")
        if tp.moment_of_truth:
            lines.append("★ Moment of truth")
        texts.append("<br>".join(lines))
    return texts


@dataclass(frozen=True)
class Band:
    """A stage's stretch of the x axis."""

    x0: float
    x1: float
    name: str
    shaded: bool  # every other stage is shaded, to tell neighbours apart


@dataclass(frozen=True)
class Curve:
    """What the chart shows, computed from the journey; :func:`emotion_curve` draws it."""

    points: list[tuple[Stage, Touchpoint]]
    emotions: list[float | None]
    bands: list[Band]
    lowest: tuple[int, float]
    highest: tuple[int, float]


def curve(journey: Journey) -> Curve | None:
    """The curve's data, or None when no touchpoint has an emotion."""
    points = list(journey.touchpoints())
    emotions = [tp.emotion for _, tp in points]
    valued = [(i, y) for i, y in enumerate(emotions) if y is not None]
    if not valued:
        return None
    bands: list[Band] = []
    start = 0
    for n, stage in enumerate(journey.stages):
        count = len(stage.touchpoints)
        if count:
            bands.append(Band(start - 0.5, start + count - 0.5, stage.name, n % 2 == 0))
            start += count
    lowest = min(valued, key=lambda p: (p[1], p[0]))  # the first of tied lowest points
    highest = max(valued, key=lambda p: (p[1], -p[0]))
    return Curve(points, emotions, bands, lowest, highest)


def emotion_curve(journey: Journey, settings: Settings, owner_names: dict[str, str],
                  anchor_prefix: str = "#touchpoint-") -> dict[str, Any] | None:
    """The figure, or None when the journey has no touchpoint with an emotion."""
    data = curve(journey)
    if data is None:
        return None
    texts = _touchpoint_hover(journey, settings, owner_names)
    return {"data": [_trace(data, texts, settings, anchor_prefix)], "layout": _layout(data, settings)}


def _trace(data: Curve, texts: list[str], settings: Settings, anchor_prefix: str) -> dict[str, Any]:
    low, high = settings.emotion_scale
    moments = [tp.moment_of_truth for _, tp in data.points]
    return {
        "type": "scatter",
        "mode": "lines+markers",
        "x": list(range(len(data.points))),
        "y": data.emotions,
        "connectgaps": False,
        "customdata": [[f"{anchor_prefix}{tp.id}", text] for (_, tp), text in zip(data.points, texts, strict=True)],
        "hovertemplate": "%{customdata[1]}<extra></extra>",
        "line": {"shape": "spline", "smoothing": 0.6, "width": 3, "color": "rgba(127,127,127,0.6)"},
        "marker": {"color": data.emotions, "colorscale": EMOTION_COLORSCALE, "cmin": low, "cmax": high,
                   "size": [16 if m else 11 for m in moments], "symbol": ["star" if m else "circle" for m in moments],
                   "line": {"width": 1, "color": "rgba(0,0,0,0.35)"}},
        "name": "Emotion",
    }


def _layout(data: Curve, settings: Settings) -> dict[str, Any]:
    low, high = settings.emotion_scale
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    for band in data.bands:
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": band.x0, "x1": band.x1, "y0": 0, "y1": 1,
                       "fillcolor": "rgba(127,127,127,0.10)" if band.shaded else "rgba(127,127,127,0.02)",
                       "line": {"width": 0}, "layer": "below"})
        annotations.append({"x": (band.x0 + band.x1) / 2, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
                            "text": hover(band.name), "showarrow": False, "font": {"size": 12},
                            "yshift": 20})  # above the "Highest" label of a point at the top
    neutral = settings.neutral
    shapes.append({"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": neutral, "y1": neutral,
                   "line": {"dash": "dot", "width": 1, "color": "rgba(127,127,127,0.8)"}})
    for (i, y), word, ay in ((data.lowest, "Lowest", 28), (data.highest, "Highest", -28)):
        if data.lowest == data.highest and word == "Highest":
            continue
        annotations.append({"x": i, "y": y, "text": word, "showarrow": True, "arrowhead": 2, "ax": 0, "ay": ay,
                            "font": {"size": 11}})
    count = len(data.points)
    margin = (high - low) * 0.08
    return base_layout(
        # labels slant down to the left: the first one needs room left of the axis
        margin={"l": 130, "r": 16, "t": 60, "b": 110},
        xaxis={"tickmode": "array", "tickvals": list(range(count)),
               "ticktext": [hover(_clip(tp.name)) for _, tp in data.points], "tickangle": -35, "showgrid": False,
               "zeroline": False, "range": [-0.5, count - 0.5], "fixedrange": True, "ticklabeloverflow": "allow"},
        yaxis={"range": [low - margin, high + margin], "title": {"text": "Emotion"}, "zeroline": False,
               "dtick": 1, "fixedrange": True},
        shapes=shapes,
        annotations=annotations,
        height=420,
    )


def _clip(text: str, size: int = 22) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"
