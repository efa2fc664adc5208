"""A persona's journeys side by side, each along that persona's own path: where they feel best and worst.

A journey's path for a persona is the touchpoints :meth:`Journey.takes` gives them; x is the
touchpoint's column as a share of the journey's columns (0–100%), so alternatives share an x.
"""

from __future__ import annotations

from typing import Any

from ..escape import hover
from ..language import _
from ..model import Journey, Touchpoint
from ..settings import Settings
from .chart import base_layout, shown
from .paths import Mark, path_traces

# one colour per journey, shared by its alternatives (plotly's own colours, which read on both palettes)
COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"]


def persona_path(journey: Journey, persona_id: str | None) -> list[tuple[float, list[Touchpoint]]]:
    """The columns the persona meets, as (progress %, the touchpoints of the column they take);
    every touchpoint without a persona."""
    columns = journey.columns()
    last = max(len(columns) - 1, 1)
    path = []
    for n, column in enumerate(columns):
        taken = [tp for tp in column.touchpoints if persona_id is None or journey.takes(persona_id, tp)]
        if taken:
            path.append((round(100 * n / last, 1) if len(columns) > 1 else 50.0, taken))
    return path


def persona_journeys(journeys: list[tuple[Journey, str]], settings: Settings,
                     persona_id: str | None = None) -> dict[str, Any] | None:
    """Each journey's emotions along the persona's path; ``journeys`` pairs a journey with its URL.
    Without ``persona_id``, every touchpoint is on the path."""
    data: list[dict[str, Any]] = []
    for journey, url in journeys:
        path = persona_path(journey, persona_id)
        if not any(tp.emotion is not None for _, tps in path for tp in tps):
            continue
        title = hover(journey.title)
        marks = [[Mark(x, tp.emotion, url, f"<b>{title}</b><br>{hover(tp.name)}<br>"
                       + (_("Emotion: {value}").format(value=shown(tp.emotion)) if tp.emotion is not None
                          else _("Emotion: not recorded")),
                       9, "diamond" if tp.alternative_to else "circle") for tp in tps] for x, tps in path]
        colour = COLOURS[len({t.get("legendgroup") for t in data}) % len(COLOURS)]
        data += path_traces(marks, title, {"width": 2, "color": colour}, {"color": colour}, group=journey.id)
    if not data:
        return None
    low, high = settings.emotion_scale
    margin = (high - low) * 0.08
    layout = base_layout(
        height=360, showlegend=True, legend={"orientation": "h", "y": -0.2},
        margin={"l": 56, "r": 16, "t": 24, "b": 60},
        xaxis={"title": {"text": _("Progress through the journey (%)")}, "range": [-3, 103], "fixedrange": True},
        yaxis={"title": {"text": _("Emotion")}, "range": [low - margin, high + margin], "dtick": 1, "fixedrange": True},
        shapes=[{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": settings.neutral, "y1": settings.neutral,
                 "line": {"dash": "dot", "width": 1, "color": "rgba(127,127,127,0.8)"}}],
    )
    return {"data": data, "layout": layout}
