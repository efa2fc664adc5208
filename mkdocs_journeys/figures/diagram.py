"""The process flow diagram as inline SVG: drawn at build time, so it needs no script, no
other host, prints crisply, and every step links to its section.

Where things go is :mod:`.diagram_layout`'s; this module only draws them, every text escaped.
Colours are classes the stylesheet gives a light and a dark value (``journeys-dept-N``); the
presentation attributes are the light palette, for a page without the stylesheet.
"""

from __future__ import annotations

from ..escape import attr
from ..language import _, number
from ..model import Process
from .diagram_layout import Box, Label, Layout, Route, layout
from .diagram_text import (
    BOX_PAD_TOP,
    BOX_PAD_X,
    DETAIL_LINE,
    DETAIL_SIZE,
    LABEL_SIZE,
    LANE_SIZE,
    LINE_GAP,
    NAME_LINE,
    NAME_SIZE,
    label_text,
)

PALETTE = ["#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#e53935", "#00897b", "#6d4c41", "#3949ab",
           "#c0ca33", "#d81b60"]
MIN_SCALE = 0.7  # a wide diagram shrinks to fit the page down to this scale, then scrolls sideways


def department_colours(process: Process) -> dict[str, str]:
    """A colour per department, in the order departments first appear in the process."""
    colours: dict[str, str] = {}
    for step in process.steps:
        if step.owner_id not in colours:
            colours[step.owner_id] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def process_diagram(process: Process, department_names: dict[str, str],
                    counts: dict[tuple[str, str], int] | None = None,
                    undesigned: list[tuple[str, str, int]] | None = None) -> str:
    """The diagram, one swimlane per department, as one ``<figure>``. With ``counts`` (observed
    transitions between steps) every designed arrow carries how often it was taken, and is drawn
    thicker the more it was; ``undesigned`` transitions (from, to, count, as names) are listed apart
    below the drawing, so the designed layout stays as it is."""
    geometry = layout(process, department_names, counts)
    names = {step.id: step.name for step in process.steps}
    busiest = max(counts.values(), default=0) if counts else 0
    parts = [_header(process, geometry),
             *(_lane(geometry, lane.index, department_names) for lane in geometry.lanes),
             *(_edge(route, names, counts, busiest) for route in geometry.routes),
             *(_label(label) for label in geometry.labels),
             *(_step(process, geometry, box, department_names) for box in geometry.boxes.values()),
             "</svg>"]
    caption = _("One lane per department. ◆ a decision, with its question; SLA: the time a step may take; "
                "dashed arrows loop back. Each step is described below.")
    if counts is not None:
        caption += _(" Numbers on the arrows: how many times the event data saw each one taken (thicker: more "
                     "often; 0: never).")
    return (f'<figure class="journeys-diagram" id="flow-diagram">{"".join(parts)}'
            f"{_undesigned(undesigned) if undesigned else ''}"
            f'<figcaption class="journeys-legend">{caption}</figcaption></figure>')


def _count(value: int) -> str:
    return number(value, f"{value:,}")


def _undesigned(observed: list[tuple[str, str, int]]) -> str:
    """Transitions the data saw that the map does not draw: apart from the drawing, dashed, and in words."""
    mark = _("not on the map")
    items = "".join(f'<li class="journeys-undesigned-item"><span class="journeys-undesigned-mark">{mark} · '
                    f"{_count(count)}</span> {attr(source)} → {attr(target)}</li>"
                    for source, target, count in observed)
    return ('<div class="journeys-undesigned" role="group" aria-labelledby="flow-undesigned-title">'
            '<p class="journeys-undesigned-title" id="flow-undesigned-title">' + _("Observed but not on the map")
            + f"</p><ul>{items}</ul></div>")


def _header(process: Process, geometry: Layout) -> str:
    width, height = geometry.width, geometry.height
    title = f"flow-{attr(process.id)}-title"
    # a group, not an image: its steps are links a screen reader must reach
    return (
        f'<svg class="journeys-diagram-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} '
        f'{height:.0f}" width="{width:.0f}" style="min-width:{width * MIN_SCALE:.0f}px" role="group" '
        f'aria-labelledby="{title}">'
        f'<title id="{title}">' + attr(_("Flow of {process}").format(process=process.title)) + "</title>"
        '<defs><marker id="journeys-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10.5" '
        'markerHeight="10.5" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="currentColor"/>'
        "</marker></defs>")


def _lane(geometry: Layout, index: int, department_names: dict[str, str]) -> str:
    lane = geometry.lanes[index]
    name = department_names.get(lane.department, lane.department)
    first = (geometry.header - (len(lane.name) - 1) * LINE_GAP) / 2 + LANE_SIZE * 0.35
    centre = lane.x + lane.w / 2
    text = "".join(f'<tspan x="{centre:.1f}" y="{first + k * LINE_GAP:.1f}">{attr(line)}</tspan>'
                   for k, line in enumerate(lane.name))
    colour = PALETTE[index % len(PALETTE)]
    return (f'<g class="journeys-lane journeys-dept-{index % len(PALETTE)}" data-lane="{attr(lane.department)}">'
            f"<title>{attr(name)}</title>"
            f'<rect class="journeys-lane-band" x="{lane.x:.1f}" y="0" width="{lane.w:.1f}" '
            f'height="{geometry.height:.1f}" fill="{colour}" fill-opacity="{0.07 if index % 2 else 0.03}"/>'
            f'<rect class="journeys-lane-head" x="{lane.x:.1f}" y="0" width="{lane.w:.1f}" '
            f'height="{geometry.header:.1f}" fill="{colour}" fill-opacity="0.16"/>'
            f'<rect class="journeys-lane-mark" x="{lane.x:.1f}" y="0" width="{lane.w:.1f}" height="3" fill="{colour}"/>'
            f'<text class="journeys-lane-label" text-anchor="middle" font-size="{LANE_SIZE}" font-weight="700" '
            f'fill="currentColor">{text}</text></g>')


def _edge(route: Route, names: dict[str, str], counts: dict[tuple[str, str], int] | None, busiest: int) -> str:
    edge = route.edge
    kind = "journeys-edge journeys-edge-back" if edge.back else "journeys-edge"
    dash = ' stroke-dasharray="5 4"' if edge.back else ""
    when = _(" (if {condition})").format(condition=edge.label) if edge.label else ""
    width, taken = 1.5, ""
    if counts is not None:
        count = counts.get((edge.source, edge.target), 0)
        width = 1.5 + 3.0 * count / busiest if busiest else 1.5
        taken = _(": taken {count} times").format(count=_count(count)) if count else _(": never taken in the data")
        kind += "" if count else " journeys-edge-unused"
    return (f'<path class="{kind}" d="{route.path()}" data-source="{attr(edge.source)}" '
            f'data-target="{attr(edge.target)}" fill="none" stroke="currentColor" stroke-width="{width:.1f}"{dash} '
            f'marker-end="url(#journeys-arrow)"><title>{attr(names[edge.source])} → {attr(names[edge.target])}'
            f"{attr(when)}{taken}</title></path>")


def _label(label: Label) -> str:
    tip = [_("if {condition}").format(condition=label.text)] if label.text else []
    css = "journeys-edge-label"
    if label.count is not None:
        tip.append(_("taken {count} times").format(count=_count(label.count)))
        css += " journeys-edge-label--count"
    count = f' data-count="{label.count}"' if label.count is not None else ""
    return (f'<g class="{css}" data-edge="{label.edge}"{count}><title>{attr(", ".join(tip))}</title>'
            f'<rect x="{label.x:.1f}" y="{label.y:.1f}" width="{label.w:.1f}" height="{label.h:.1f}" rx="4" '
            'fill="#fff"/>'
            f'<text x="{label.x + label.w / 2:.1f}" y="{label.y + label.h / 2 + LABEL_SIZE * 0.35:.1f}" '
            f'text-anchor="middle" font-size="{LABEL_SIZE}" fill="currentColor">'
            f"{attr(label_text(label.text, label.count))}</text></g>")


def _step(process: Process, geometry: Layout, box: Box, department_names: dict[str, str]) -> str:
    step = process.step(box.step)
    assert step is not None
    colour = PALETTE[box.lane % len(PALETTE)]
    owner = department_names.get(step.owner_id, step.owner_id)
    x, y, w, h = box.x, box.y, box.w, box.h
    decision = step.decision is not None
    dash = ' stroke-dasharray="6 3"' if decision else ""
    shape = (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.0f}" height="{h:.1f}" rx="{4 if decision else 10}" '
             f'fill="{colour}" fill-opacity="0.14" stroke="{colour}" stroke-width="2"{dash}/>')
    texts, line_y = [], y + BOX_PAD_TOP + NAME_SIZE * 0.8
    name_x = x + BOX_PAD_X + (14 if decision else 0)
    if decision:
        cx, cy = x + BOX_PAD_X + 5, line_y - NAME_SIZE * 0.35
        texts.append(f'<path class="journeys-step-diamond" d="M{cx:.1f},{cy - 6:.1f} l6,6 l-6,6 l-6,-6 z" '
                     f'fill="{colour}"/>')
    # one text of several lines: the name reads as one string, however it wraps
    lines = []
    for line in box.text.name:
        lines.append(f'<tspan x="{name_x:.1f}" y="{line_y:.1f}">{attr(line)}</tspan>')
        line_y += NAME_LINE
    texts.append(f'<text class="journeys-step-name" font-size="{NAME_SIZE}" font-weight="600" fill="currentColor">'
                 f'{"".join(lines)}</text>')
    line_y += 3 - NAME_LINE + DETAIL_LINE
    for line in box.text.question:
        texts.append(f'<text class="journeys-step-question" x="{x + BOX_PAD_X:.1f}" y="{line_y:.1f}" '
                     f'font-size="{DETAIL_SIZE}" font-style="italic" fill="currentColor">{attr(line)}</text>')
        line_y += DETAIL_LINE
    if box.text.sla:
        texts.append(f'<text class="journeys-step-sla" x="{x + BOX_PAD_X:.1f}" y="{line_y:.1f}" '
                     f'font-size="{DETAIL_SIZE}" fill="currentColor">{attr(box.text.sla)}</text>')
    marks = []
    if box.step == geometry.start:
        marks.append(f'<circle class="journeys-step-start" cx="{x + w / 2:.1f}" cy="{y:.1f}" r="5" '
                     'fill="currentColor"><title>Start</title></circle>')
    if box.step in geometry.ends:
        marks.append(f'<circle class="journeys-step-end" cx="{x + w / 2:.1f}" cy="{y + h:.1f}" r="5" fill="#fff" '
                     'stroke="currentColor" stroke-width="3"><title>End</title></circle>')
    tooltip = f"{step.name} — {owner}" + (f" — {step.decision}" if step.decision else "") + (
        f" — {box.text.sla}" if box.text.sla else "")
    # xlink:href, not href: Material's instant navigation rewrites every [href] as if it were an
    # HTML link, which fails on SVG links
    return (f'<a class="journeys-step journeys-dept-{box.lane % len(PALETTE)}" xlink:href="#step-{attr(step.id)}" '
            f'data-step="{attr(step.id)}" data-lane="{attr(step.owner_id)}">'
            f"<title>{attr(tooltip)}</title>{shape}{''.join(texts)}{''.join(marks)}</a>")
