"""Metric history against its target: is the trend heading for the line?

Durations are plotted in the unit the author wrote them in (a ``19d`` target on an axis in days),
and every label shows a value as written.
"""

from __future__ import annotations

from typing import Any

from ..escape import hover
from ..language import N_, _
from ..model import UNIT_NAMES, MetricValue
from ..model.durations import UNIT_WORDS, axis_unit, in_unit
from .chart import base_layout


def metric_history(metric: MetricValue) -> dict[str, Any] | None:
    """The figure for one metric with a ``history``, or None without one."""
    if not metric.history:
        return None
    definition = metric.definition
    periods = [hover(point.period) for point in metric.history]
    values = [point.value for point in metric.history]
    labels = [hover(definition.format(v)) for v in values]
    scale = _scale(metric)
    data: list[dict[str, Any]] = [{
        "type": "scatter", "mode": "lines+markers", "x": periods, "y": [scale(v) for v in values],
        "name": hover(definition.name), "customdata": labels, "hovertemplate": "%{x}: %{customdata}<extra></extra>",
        "line": {"width": 3}, "marker": {"size": 9},
    }]
    if metric.target is not None:
        data.append({
            "type": "scatter", "mode": "lines", "x": [periods[0], periods[-1]], "y": [scale(metric.target)] * 2,
            "name": _("Target"), "line": {"dash": "dash", "width": 2},
            "hovertemplate": _("Target: {value}").format(value=hover(definition.format(metric.target)))
            + "<extra></extra>",
        })
    layout = base_layout(
        height=280, showlegend=True, legend={"orientation": "h", "y": -0.25},
        margin={"l": 56, "r": 16, "t": 24, "b": 60},
        xaxis={"type": "category", "fixedrange": True},
        yaxis={"title": {"text": hover(definition.name) + _unit_title(metric)}, "fixedrange": True,
               "separatethousands": True},
    )
    return {"data": data, "layout": layout}


# The axis's unit in words, marked for the catalogues (the model's own words are English).
_UNIT_WORDS = {"s": N_("seconds"), "m": N_("minutes"), "h": N_("hours"), "d": N_("days"), "w": N_("weeks")}


def _duration_unit(metric: MetricValue) -> str | None:
    if metric.definition.unit != "duration":
        return None
    written = [p.value for p in metric.history] + ([metric.target] if metric.target is not None else [])
    return axis_unit(written)


def _scale(metric: MetricValue) -> Any:
    """Values as the axis shows them: durations in their unit, anything else as it is."""
    unit = _duration_unit(metric)
    return (lambda v: in_unit(v, unit)) if unit else (lambda v: v)


def _unit_title(metric: MetricValue) -> str:
    unit = _duration_unit(metric)
    if unit:
        return f" ({_(_UNIT_WORDS.get(unit, UNIT_WORDS[unit]))})"
    written = metric.definition.unit
    return f" ({_(UNIT_NAMES.get(written, written))})" if written else ""
