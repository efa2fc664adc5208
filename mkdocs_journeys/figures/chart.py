"""The HTML container a figure is drawn into, and its text alternative."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..escape import attr
from ..language import _, number, separators

# red, grey, green: each 3:1 or more against white and against Material's slate background
EMOTION_COLORSCALE = [[0.0, "#e53935"], [0.5, "#8a8a8a"], [1.0, "#43a047"]]


def chart_block(element_id: str, figure: dict[str, Any], plotly_src: str, label: str,
                alternative: tuple[Sequence[str], Sequence[Sequence[str]]] | None = None) -> str:
    """A chart the shared script draws, and the same data as a table for readers without JavaScript.

    The box is a ``figure``, not an ``img``: plotly's mode bar puts buttons in it, which an image
    would hide from screen readers.

    The figure travels in a ``data-`` attribute, not a JSON script island: Material's instant
    navigation re-creates inline scripts without their attributes.
    """
    data = json.dumps(figure, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    height = figure.get("layout", {}).get("height")
    # The box keeps the figure's height while plotly.js loads (see journeys.css).
    style = f' style="--journeys-chart-height:{height:.0f}px"' if isinstance(height, (int, float)) else ""
    html = (
        f'<div class="journeys-chart" id="{attr(element_id)}"{style} role="figure" aria-label="{attr(label)}" '
        f'data-journeys-plotly="{attr(plotly_src)}" data-journeys-figure=\'{_single_quoted(data)}\'></div>'
    )
    if alternative is not None:
        html += "\n" + alternative_table(label, *alternative)
    return html


def _single_quoted(text: str) -> str:
    """An attribute value in single quotes: JSON's many double quotes stay as they are (smaller pages)."""
    return text.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;")


def alternative_table(label: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """An HTML table in a closed ``<details>``; cells are plain text and escaped here."""
    head = "".join(f"<th>{attr(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{attr(c)}</td>" for c in row) + "</tr>" for row in rows)
    summary = attr(_("{chart}: data table").format(chart=label))
    return (f'<details class="journeys-chart-alt"><summary>{summary}</summary>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>")


def short(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def shown(value: float) -> str:
    """:func:`short` as the page's language writes it (``-1,5``): for text, not for attributes."""
    return number(value, short(value))


def base_layout(**extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "template": "none",
        "margin": {"l": 56, "r": 16, "t": 36, "b": 96},
        "hovermode": "closest",
        "showlegend": False,
    }
    marks = separators()
    if marks:
        layout["separators"] = marks  # the axes' numbers in the page's language
    layout.update(extra)
    return layout
