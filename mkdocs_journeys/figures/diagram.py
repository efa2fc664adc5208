"""The process flow diagram as inline SVG: drawn at build time, so it needs no script, no
other host, prints crisply, and every step links to its section.

Where things go is :mod:`.diagram_layout`'s; this module only draws them, every text escaped.
"""

from __future__ import annotations

import textwrap

from ..escape import attr
from ..model import Process
from .diagram_layout import NODE_H, NODE_W, Layout, layout

PALETTE = ["#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#e53935", "#00897b", "#6d4c41", "#3949ab",
           "#c0ca33", "#d81b60"]
MIN_SCALE = 0.65  # a wide diagram shrinks to fit the page down to this scale, then scrolls sideways


def department_colours(process: Process) -> dict[str, str]:
    """A colour per department, in the order departments first appear in the process."""
    colours: dict[str, str] = {}
    for step in process.steps:
        if step.owner_id not in colours:
            colours[step.owner_id] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def _label(name: str) -> list[str]:
    lines = textwrap.wrap(name, 28) or [name]
    if len(lines) > 2:
        lines = [lines[0], lines[1][:26].rstrip() + "…"]
    return lines


def process_diagram(process: Process, department_names: dict[str, str]) -> str:
    """The diagram with its legend of departments, as one ``<figure>``."""
    geometry = layout(process)
    colours = department_colours(process)
    parts = [_header(process, geometry), *_edges(process, geometry),
             *_steps(process, geometry, colours, department_names), "</svg>"]
    legend = "".join(
        f'<span class="journeys-legend-item"><span class="journeys-swatch" style="background:{colour}"></span>'
        f"{attr(department_names.get(dept, dept))}</span>"
        for dept, colour in colours.items())
    return (f'<figure class="journeys-diagram" id="flow-diagram">{"".join(parts)}'
            f'<figcaption class="journeys-legend">{legend}</figcaption></figure>')


def _header(process: Process, geometry: Layout) -> str:
    width, height = geometry.width, geometry.height
    first_x, first_y = geometry.at[process.steps[0].id]
    return (
        f'<svg class="journeys-diagram-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} '
        f'{height:.0f}" width="{width:.0f}" style="min-width:{width * MIN_SCALE:.0f}px" role="img" '
        f'aria-labelledby="flow-{attr(process.id)}-title">'
        f'<title id="flow-{attr(process.id)}-title">Flow of {attr(process.title)}</title>'
        '<defs><marker id="journeys-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/>'
        "</marker></defs>"
        f'<circle cx="{first_x + NODE_W / 2:.0f}" cy="{first_y - 14:.0f}" r="6" fill="currentColor">'
        "<title>Start</title></circle>")


def _edges(process: Process, geometry: Layout) -> list[str]:
    names = {step.id: step.name for step in process.steps}
    parts = []
    for edge in geometry.edges:
        parts.append(f'<path class="journeys-edge" d="{edge.path}" fill="none" stroke="currentColor" '
                     f'stroke-width="1.5" marker-end="url(#journeys-arrow)"><title>{attr(names[edge.source])} → '
                     f'{attr(names[edge.target])}</title></path>')
        if edge.label:
            lx, ly = edge.label_at
            parts.append(f'<text class="journeys-edge-label" x="{lx:.0f}" y="{ly:.0f}" text-anchor="middle" '
                         f'font-size="12" fill="currentColor" paint-order="stroke" '
                         f'stroke="var(--md-default-bg-color, #fff)" stroke-width="4">{attr(edge.label)}</text>')
    return parts


def _steps(process: Process, geometry: Layout, colours: dict[str, str], department_names: dict[str, str]) -> list[str]:
    parts = []
    for step in process.steps:
        x, y = geometry.at[step.id]
        colour = colours[step.owner_id]
        owner = department_names.get(step.owner_id, step.owner_id)
        dash = ' stroke-dasharray="6 3"' if step.decision else ""
        shape = (f'<rect x="{x:.0f}" y="{y:.0f}" width="{NODE_W}" height="{NODE_H}" rx="{4 if step.decision else 10}" '
                 f'fill="{colour}" fill-opacity="0.14" stroke="{colour}" stroke-width="2"{dash}/>')
        lines = _label(("◆ " if step.decision else "") + step.name)
        text_y = y + NODE_H / 2 - (len(lines) - 1) * 8 + 4
        texts = "".join(
            f'<tspan x="{x + NODE_W / 2:.0f}" y="{text_y + k * 16:.0f}">{attr(line)}</tspan>'
            for k, line in enumerate(lines))
        tooltip = f"{step.name} — {owner}" + (f" — {step.decision}" if step.decision else "")
        parts.append(
            # xlink:href, not href: Material's instant navigation rewrites every [href] as if it were an
            # HTML link, which fails on SVG links
            f'<a class="journeys-step" xlink:href="#step-{attr(step.id)}" data-step="{attr(step.id)}">'
            f"<title>{attr(tooltip)}</title>{shape}"
            f'<text text-anchor="middle" font-size="13" fill="currentColor">{texts}</text></a>')
        if step.id in geometry.ends:
            parts.append(f'<line x1="{x + NODE_W / 2:.0f}" y1="{y + NODE_H:.0f}" x2="{x + NODE_W / 2:.0f}" '
                         f'y2="{y + NODE_H + 18:.0f}" stroke="currentColor" stroke-width="1.5"/>'
                         f'<circle cx="{x + NODE_W / 2:.0f}" cy="{y + NODE_H + 26:.0f}" r="8" fill="none" '
                         f'stroke="currentColor" stroke-width="3"><title>End</title></circle>')
    return parts
