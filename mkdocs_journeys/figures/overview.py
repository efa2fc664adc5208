"""The handbook at a glance: every journey's emotion range and how many of its targets are met."""

from __future__ import annotations

import textwrap
from statistics import mean
from typing import Any

from ..escape import hover
from ..language import _, number
from ..model import Journey
from ..settings import Settings
from .chart import EMOTION_COLORSCALE, base_layout, shown


def handbook_glance(journeys: list[tuple[Journey, str]], settings: Settings) -> dict[str, Any] | None:
    """One row per journey: lowest to highest emotion, the average marked; click opens the journey."""
    rows: list[tuple[Journey, str, float, float, float]] = []
    for journey, url in journeys:
        span = journey.emotion_range()
        if span is not None:
            average = mean(tp.emotion for _, tp in journey.touchpoints() if tp.emotion is not None)
            rows.append((journey, url, span[0], span[1], average))
    if not rows:
        return None
    names = [hover(j.title) for j, *_ in rows]
    statuses = []
    for journey, *_rest in rows:
        values = list(journey.metrics.values())
        met = sum(1 for m in values if m.status == "met")
        missed = sum(1 for m in values if m.status == "missed")
        statuses.append(_("{met} met, {missed} missed of {count} metrics").format(met=met, missed=missed,
                                                                                  count=len(values))
                        if values else _("no metrics"))
    range_trace = {
        "type": "scatter", "mode": "lines", "hoverinfo": "skip", "showlegend": False,
        "x": [v for _, _, lo, hi, _ in rows for v in (lo, hi, None)],
        "y": [n for n in names for _ in range(3)],
        "line": {"width": 8, "color": "rgba(127,127,127,0.45)"},
    }
    mean_trace = {
        "type": "scatter", "mode": "markers", "x": [round(avg, 2) for *_, avg in rows], "y": names,
        "marker": {"size": 13, "color": [round(avg, 2) for *_, avg in rows], "cmin": settings.emotion_scale[0],
                   "cmax": settings.emotion_scale[1],
                   "colorscale": EMOTION_COLORSCALE},
        "customdata": [[url, f"<b>{name}</b><br>" + _("Emotion {lowest} to {highest}, average {average}").format(
                            lowest=shown(lo), highest=shown(hi), average=number(avg, f"{avg:.1f}")) + f"<br>{st}"]
                       for (_journey, url, lo, hi, avg), name, st in zip(rows, names, statuses, strict=True)],
        "hovertemplate": "%{customdata[1]}<extra></extra>", "name": _("Average emotion"),
    }
    low, high = settings.emotion_scale
    layout = base_layout(
        height=max(236, 92 + 36 * len(rows)), margin={"l": 220, "r": 16, "t": 24, "b": 80},
        xaxis={"title": {"text": _axis_title(_("Emotion (lowest to highest, dot: average)"))},
               "range": [low - 0.2, high + 0.2],
               "dtick": 1, "fixedrange": True},
        yaxis={"autorange": "reversed", "automargin": True, "fixedrange": True},
    )
    return {"data": [range_trace, mean_trace], "layout": layout}


def _axis_title(title: str) -> str:
    """The explanation in brackets on short lines of its own: the title is centred under the plot,
    which long journey names leave narrow on a phone, and one long line would run past the chart."""
    word, bracket, rest = title.partition(" (")
    if not bracket:
        return title
    return "<br>".join([word, *textwrap.wrap("(" + rest, 24)])
