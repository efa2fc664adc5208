"""The emotion curve: how the customer feels at each touchpoint, stage by stage."""

from __future__ import annotations

from typing import Any

from ..escape import hover
from ..model import Journey
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


def emotion_curve(journey: Journey, settings: Settings, owner_names: dict[str, str],
                  anchor_prefix: str = "#touchpoint-") -> dict[str, Any] | None:
    """The figure, or None when the journey has no touchpoint with an emotion."""
    points = list(journey.touchpoints())
    if not any(tp.emotion is not None for _, tp in points):
        return None
    low, high = settings.emotion_scale
    ys = [tp.emotion for _, tp in points]
    xs = list(range(len(points)))
    texts = _touchpoint_hover(journey, settings, owner_names)
    customdata = [[f"{anchor_prefix}{tp.id}", text] for (_, tp), text in zip(points, texts, strict=True)]
    symbols = ["star" if tp.moment_of_truth else "circle" for _, tp in points]
    sizes = [16 if tp.moment_of_truth else 11 for _, tp in points]
    trace = {
        "type": "scatter",
        "mode": "lines+markers",
        "x": xs,
        "y": ys,
        "connectgaps": False,
        "customdata": customdata,
        "hovertemplate": "%{customdata[1]}<extra></extra>",
        "line": {"shape": "spline", "smoothing": 0.6, "width": 3, "color": "rgba(127,127,127,0.6)"},
        "marker": {"color": ys, "colorscale": EMOTION_COLORSCALE, "cmin": low, "cmax": high, "size": sizes,
                   "symbol": symbols, "line": {"width": 1, "color": "rgba(0,0,0,0.35)"}},
        "name": "Emotion",
    }
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    start = 0
    for n, stage in enumerate(journey.stages):
        count = len(stage.touchpoints)
        if count == 0:
            continue
        x0, x1 = start - 0.5, start + count - 0.5
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0, "y1": 1,
                       "fillcolor": "rgba(127,127,127,0.10)" if n % 2 == 0 else "rgba(127,127,127,0.02)",
                       "line": {"width": 0}, "layer": "below"})
        annotations.append({"x": (x0 + x1) / 2, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
                            "text": hover(stage.name), "showarrow": False, "font": {"size": 12},
                            "yshift": 20})  # above the "Highest" label of a point at the top
        start += count
    neutral = settings.neutral
    shapes.append({"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": neutral, "y1": neutral,
                   "line": {"dash": "dot", "width": 1, "color": "rgba(127,127,127,0.8)"}})
    valued = [(i, y) for i, y in enumerate(ys) if y is not None]
    lowest = min(valued, key=lambda p: (p[1], p[0]))
    highest = max(valued, key=lambda p: (p[1], -p[0]))
    for (i, y), word, ay in ((lowest, "Lowest", 28), (highest, "Highest", -28)):
        if lowest == highest and word == "Highest":
            continue
        annotations.append({"x": i, "y": y, "text": word, "showarrow": True, "arrowhead": 2, "ax": 0, "ay": ay,
                            "font": {"size": 11}})
    ticks = [hover(_clip(tp.name)) for _, tp in points]
    margin = (high - low) * 0.08
    layout = base_layout(
        # labels slant down to the left: the first one needs room left of the axis
        margin={"l": 130, "r": 16, "t": 60, "b": 110},
        xaxis={"tickmode": "array", "tickvals": xs, "ticktext": ticks, "tickangle": -35, "showgrid": False,
               "zeroline": False, "range": [-0.5, len(points) - 0.5], "fixedrange": True, "ticklabeloverflow": "allow"},
        yaxis={"range": [low - margin, high + margin], "title": {"text": "Emotion"}, "zeroline": False,
               "dtick": 1, "fixedrange": True},
        shapes=shapes,
        annotations=annotations,
        height=420,
    )
    return {"data": [trace], "layout": layout}


def _clip(text: str, size: int = 22) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"
