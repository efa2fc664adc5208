"""Two journeys on one emotion chart (the current state and the future one), x by aligned stage.

The stages are aligned by the caller (:mod:`..render.state_comparison`); here each journey is a
series of columns already placed on that shared x axis.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..language import _
from ..settings import Settings
from .chart import base_layout
from .emotion import Band, band_shapes, stage_labels
from .paths import Mark, path_traces


@dataclass(frozen=True)
class Series:
    """One journey's curve: its label, its columns (alternatives together) and how its line looks."""

    name: str
    columns: list[list[Mark]]
    colour: str
    dash: str


def state_curves(bands: list[Band], series: list[Series], settings: Settings) -> dict[str, Any] | None:
    """The figure, or None when no series has an emotion."""
    if not any(m.y is not None for s in series for column in s.columns for m in column):
        return None
    data: list[dict[str, Any]] = []
    for s in series:
        data += path_traces(s.columns, s.name, {"width": 3, "color": s.colour, "dash": s.dash},
                            {"color": s.colour, "line": {"width": 1, "color": "rgba(0,0,0,0.35)"}}, group=s.name)
    low, high = settings.emotion_scale
    margin = (high - low) * 0.08
    shapes = band_shapes(bands)
    shapes.append({"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": settings.neutral, "y1": settings.neutral,
                   "line": {"dash": "dot", "width": 1, "color": "rgba(127,127,127,0.8)"}})
    layout = base_layout(
        height=380, showlegend=True, legend={"orientation": "h", "y": -0.08, "yanchor": "top"},
        margin={"l": 56, "r": 16, "t": 64, "b": 40},
        xaxis={"range": [-0.5, len(bands) - 0.5], "showticklabels": False, "showgrid": False, "zeroline": False,
               "fixedrange": True},
        yaxis={"range": [low - margin, high + margin], "title": {"text": _("Emotion")}, "zeroline": False, "dtick": 1,
               "fixedrange": True},
        shapes=shapes,
        annotations=stage_labels(bands),
    )
    return {"data": data, "layout": layout}
