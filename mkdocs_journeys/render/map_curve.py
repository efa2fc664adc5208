"""The emotion curve as a row of the journey map: its points sit under their touchpoint columns.

The curve cell spans every map column, and the grid's columns are equally wide, so a point at
``(index + 0.5) / columns`` of the cell's width is the middle of its column. The lines are an
inline SVG whose viewBox is one unit per column, stretched to the cell (``preserveAspectRatio=
"none"``, strokes that do not stretch); the points and the lowest/highest marks are HTML placed at
the same percentages, so they stay round and their text stays text. Segments are straight, so the
curve never passes beyond its data, and join only touchpoints one customer can meet one after the
other (adjacent columns, an empty stage passed over, a persona in common); alternatives share
their column's x. The mark of a point in the last column stands before it, inside the grid.
"""

from __future__ import annotations

from ..escape import attr
from ..figures.chart import short
from ..language import _, number
from .map_grid import MapGrid, compatible, steps, text

TOP, BOTTOM = 20.0, 80.0  # where the scale's highest and lowest emotion sit, in % of the row's height


def _signed(value: float) -> str:
    shown = short(abs(value))
    shown = number(abs(value), shown)
    return f"+{shown}" if value > 0 else ("−" + shown if value < 0 else shown)


def curve_row(grid: MapGrid) -> None:
    """The emotion lane; left out when no touchpoint has an emotion."""
    low, high = grid.ctx.settings.emotion_scale
    rated = [(column.index, tp, tp.emotion) for column in grid.columns for tp in column.touchpoints
             if tp.emotion is not None]
    if not rated:
        return
    width = grid.width

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * (BOTTOM - TOP)

    def x(index: int) -> float:
        return index + 0.5

    lines = [f'<line class="journeys-map-scale journeys-map-scale--high" x1="0" x2="{width}" y1="{TOP:g}" '
             f'y2="{TOP:g}"/>',
             f'<line class="journeys-map-scale journeys-map-scale--low" x1="0" x2="{width}" y1="{BOTTOM:g}" '
             f'y2="{BOTTOM:g}"/>']
    if low < 0 < high:
        lines.append(f'<line class="journeys-map-scale journeys-map-scale--neutral" x1="0" x2="{width}" '
                     f'y1="{y(0):g}" y2="{y(0):g}"/>')
    for before, after in steps(grid.columns):
        for a in before.touchpoints:
            for b in after.touchpoints:
                if a.emotion is not None and b.emotion is not None and compatible(a, b):
                    lines.append(f'<line class="journeys-map-segment" x1="{x(before.index):g}" '
                                 f'y1="{y(a.emotion):g}" x2="{x(after.index):g}" y2="{y(b.emotion):g}"/>')
    svg = (f'<svg class="journeys-map-curve-svg" viewBox="0 0 {width} 100" preserveAspectRatio="none" '
           f'aria-hidden="true" focusable="false">{"".join(lines)}</svg>')
    lowest, highest = min(v for _, _, v in rated), max(v for _, _, v in rated)
    marked: set[str] = set()
    points = []
    for index, tp, value in rated:
        left, top = x(index) / width * 100, y(value)
        css, mark = "journeys-map-point", ""
        for extreme, name, word in ((lowest, "lowest", _("Lowest")), (highest, "highest", _("Highest"))):
            if lowest < highest and value == extreme and name not in marked:
                marked.add(name)
                css += f" journeys-map-point--{name}"
                side = " journeys-map-mark--before" if index == width - 1 else ""
                mark = (f'<span class="journeys-map-mark journeys-map-mark--{name}{side}" '
                        f'style="left: {left:.4f}%; top: {top:.4f}%">{word} {_signed(value)}</span>')
        label = _("{touchpoint}: emotion {value}").format(touchpoint=tp.name, value=_signed(value))
        points.append(f'<a class="{css}" href="{grid.touchpoint_href(tp)}" data-journeys-touchpoint="{attr(tp.id)}" '
                      f'data-journeys-emotion="{short(value)}" title="{attr(label)}" '
                      f'style="left: {left:.4f}%; top: {top:.4f}%"><span class="journeys-map-sr">{text(label)}'
                      f"</span></a>{mark}")
    ticks = [f'<span class="journeys-map-tick" style="top: {TOP:g}%">{_signed(high)}</span>',
             f'<span class="journeys-map-tick" style="top: {BOTTOM:g}%">{_signed(low)}</span>']
    if low < 0 < high:
        ticks.append(f'<span class="journeys-map-tick" style="top: {y(0):g}%">0</span>')
    label = '<span class="journeys-map-lane-name">' + _("Emotion") + "</span>" + "".join(ticks)
    grid.row("emotion", label, [(0, width, f'<div class="journeys-map-curve">{svg}{"".join(points)}</div>')],
             "emotion")
