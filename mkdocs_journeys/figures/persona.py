"""A persona's journeys side by side: where, in each, the persona feels best and worst."""

from __future__ import annotations

from typing import Any

from ..escape import hover
from ..model import Journey
from ..settings import Settings
from .chart import base_layout


def persona_journeys(journeys: list[tuple[Journey, str]], settings: Settings) -> dict[str, Any] | None:
    """Each journey's emotions over its progress (0–100%); ``journeys`` pairs a journey with its URL."""
    data: list[dict[str, Any]] = []
    for journey, url in journeys:
        points = list(journey.touchpoints())
        if not any(tp.emotion is not None for _, tp in points):
            continue
        n = len(points)
        xs = [round(100 * i / (n - 1), 1) if n > 1 else 50.0 for i in range(n)]
        data.append({
            "type": "scatter", "mode": "lines+markers", "name": hover(journey.title), "x": xs,
            "y": [tp.emotion for _, tp in points], "connectgaps": False,
            "customdata": [[url, f"<b>{hover(journey.title)}</b><br>{hover(tp.name)}"] for _, tp in points],
            "hovertemplate": "%{customdata[1]}<br>Emotion: %{y}<extra></extra>",
            "line": {"shape": "spline", "smoothing": 0.6},
        })
    if not data:
        return None
    low, high = settings.emotion_scale
    margin = (high - low) * 0.08
    layout = base_layout(
        height=360, showlegend=True, legend={"orientation": "h", "y": -0.2},
        margin={"l": 56, "r": 16, "t": 24, "b": 60},
        xaxis={"title": {"text": "Progress through the journey (%)"}, "range": [-3, 103], "fixedrange": True},
        yaxis={"title": {"text": "Emotion"}, "range": [low - margin, high + margin], "dtick": 1, "fixedrange": True},
        shapes=[{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": settings.neutral, "y1": settings.neutral,
                 "line": {"dash": "dot", "width": 1, "color": "rgba(127,127,127,0.8)"}}],
    )
    return {"data": data, "layout": layout}
