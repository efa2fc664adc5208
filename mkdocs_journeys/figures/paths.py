"""A curve through columns whose touchpoints may be alternatives: traces that never invent a sequence.

Alternatives share a column, so they share an x. The line runs through the first touchpoint of each
column; every other alternative is a point of its own at the same x, joined to the columns either
side by dotted segments of its own, so no line ever runs from one alternative to another. Segments
are straight: a spline would swing beyond the data, below the scale's minimum.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..language import _


@dataclass(frozen=True)
class Mark:
    """One point of the curve: where, how high, and what a hover and a click give."""

    x: float
    y: float | None
    href: str
    text: str
    size: int = 11
    symbol: str = "circle"


def path_traces(columns: Sequence[Sequence[Mark]], name: str, line: dict[str, Any],
                marker: dict[str, Any] | None = None, group: str | None = None) -> list[dict[str, Any]]:
    """The main trace (first of each column) first, then the alternatives and their segments, if any."""
    main = [column[0] for column in columns if column]
    traces = [_trace(main, name, "lines+markers", line, marker, group, legend=True)]
    others = [(c, mark) for c, column in enumerate(columns) for mark in column[1:]]
    if not others:
        return traces
    xs: list[float | None] = []
    ys: list[float | None] = []
    for c, mark in others:
        if mark.y is None:
            continue
        for neighbour in (c - 1, None, c + 1):
            if neighbour is None:
                xs.append(mark.x)
                ys.append(mark.y)
            elif 0 <= neighbour < len(columns) and columns[neighbour]:
                xs.append(columns[neighbour][0].x)
                ys.append(columns[neighbour][0].y)
        xs.append(None)
        ys.append(None)
    segment_line = {**line, "dash": "dot", "shape": "linear"}
    traces.append({"type": "scatter", "mode": "lines", "x": xs, "y": ys, "line": segment_line,
                   "hoverinfo": "skip", "showlegend": False, "connectgaps": False,
                   "name": _("{path}: alternatives").format(path=name),
                   **({"legendgroup": group} if group else {})})
    traces.append(_trace([m for _, m in others], _("{path}: alternatives").format(path=name), "markers", line, marker,
                         group,
                         legend=False))
    return traces


def _trace(marks: list[Mark], name: str, mode: str, line: dict[str, Any], marker: dict[str, Any] | None,
           group: str | None, *, legend: bool) -> dict[str, Any]:
    trace: dict[str, Any] = {
        "type": "scatter", "mode": mode, "name": name,
        "x": [m.x for m in marks], "y": [m.y for m in marks], "connectgaps": False,
        "customdata": [[m.href, m.text] for m in marks],
        "hovertemplate": "%{customdata[1]}<extra></extra>",
        "line": {**line, "shape": "linear"},
        "marker": {**(marker or {}), "size": [m.size for m in marks], "symbol": [m.symbol for m in marks]},
    }
    if marker and isinstance(marker.get("color"), list):  # one colour per point: this trace's own points
        trace["marker"]["color"] = [m.y for m in marks]
    if group:
        trace["legendgroup"] = group
    if not legend:
        trace["showlegend"] = False
    return trace
