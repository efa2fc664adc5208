"""Metric history against its target: is the trend heading for the line?"""

from __future__ import annotations

from typing import Any

from ..escape import hover
from ..model import MetricValue
from .chart import base_layout


def metric_history(metric: MetricValue) -> dict[str, Any] | None:
    """The figure for one metric with a ``history``, or None without one."""
    if not metric.history:
        return None
    definition = metric.definition
    periods = [hover(point.period) for point in metric.history]
    values = [point.value for point in metric.history]
    labels = [hover(definition.format(v)) for v in values]
    data: list[dict[str, Any]] = [{
        "type": "scatter", "mode": "lines+markers", "x": periods, "y": values, "name": hover(definition.name),
        "customdata": labels, "hovertemplate": "%{x}: %{customdata}<extra></extra>",
        "line": {"width": 3}, "marker": {"size": 9},
    }]
    if metric.target is not None:
        data.append({
            "type": "scatter", "mode": "lines", "x": [periods[0], periods[-1]], "y": [metric.target] * 2,
            "name": "Target", "line": {"dash": "dash", "width": 2},
            "hovertemplate": f"Target: {hover(definition.format(metric.target))}<extra></extra>",
        })
    unit = f" ({definition.unit})" if definition.unit and definition.unit != "duration" else ""
    layout = base_layout(
        height=280, showlegend=True, legend={"orientation": "h", "y": -0.25},
        margin={"l": 56, "r": 16, "t": 24, "b": 60},
        xaxis={"type": "category", "fixedrange": True},
        yaxis={"title": {"text": hover(definition.name) + unit}, "fixedrange": True},
    )
    return {"data": data, "layout": layout}
