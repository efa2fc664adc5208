"""The process flow diagram as inline SVG: drawn at build time, so it needs no script, no
other host, prints crisply, and every step links to its section.

Layout: steps in layers by their shortest distance from the start (breadth-first), in list order
within a layer; edges to an earlier or the same layer are loops and are drawn around the side.
"""

from __future__ import annotations

import textwrap
from collections import deque

from ..escape import attr
from ..model import Process

PALETTE = ["#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#e53935", "#00897b", "#6d4c41", "#3949ab",
           "#c0ca33", "#d81b60"]
NODE_W, NODE_H, GAP_X, GAP_Y, PAD = 210, 54, 36, 84, 24
MIN_SCALE = 0.65  # a wide diagram shrinks to fit the page down to this scale, then scrolls sideways


def department_colours(process: Process) -> dict[str, str]:
    """A colour per department, in the order departments first appear in the process."""
    colours: dict[str, str] = {}
    for step in process.steps:
        if step.owner_id not in colours:
            colours[step.owner_id] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def _layers(process: Process) -> dict[str, int]:
    index = {step.id: i for i, step in enumerate(process.steps)}
    layer = {process.steps[0].id: 0}
    queue = deque([process.steps[0].id])
    while queue:
        current = queue.popleft()
        for target, _ in process.successors(index[current]):
            if target in index and target not in layer:
                layer[target] = layer[current] + 1
                queue.append(target)
    deepest = max(layer.values(), default=0)
    for step in process.steps:  # unreachable steps: one row below the rest
        layer.setdefault(step.id, deepest + 1)
    return layer


def _label(name: str) -> list[str]:
    lines = textwrap.wrap(name, 28) or [name]
    if len(lines) > 2:
        lines = [lines[0], lines[1][:26].rstrip() + "…"]
    return lines


def process_diagram(process: Process, department_names: dict[str, str]) -> str:
    layer = _layers(process)
    rows: dict[int, list[str]] = {}
    for step in process.steps:
        rows.setdefault(layer[step.id], []).append(step.id)
    widest = max(len(r) for r in rows.values())
    loop_margin = 70
    width = PAD * 2 + widest * NODE_W + (widest - 1) * GAP_X + loop_margin
    ends = [i for i, _ in enumerate(process.steps) if process.is_end(i)]
    height = PAD * 2 + (max(rows) + 1) * (NODE_H + GAP_Y) + 10
    pos: dict[str, tuple[float, float]] = {}
    for r, ids in rows.items():
        row_width = len(ids) * NODE_W + (len(ids) - 1) * GAP_X
        x0 = PAD + (width - loop_margin - 2 * PAD - row_width) / 2
        for k, step_id in enumerate(ids):
            pos[step_id] = (x0 + k * (NODE_W + GAP_X), PAD + 20 + r * (NODE_H + GAP_Y))
    colours = department_colours(process)
    index = {step.id: i for i, step in enumerate(process.steps)}
    parts: list[str] = [
        f'<svg class="journeys-diagram-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} '
        f'{height:.0f}" width="{width:.0f}" style="min-width:{width * MIN_SCALE:.0f}px" role="img" '
        f'aria-labelledby="flow-{attr(process.id)}-title">',
        f'<title id="flow-{attr(process.id)}-title">Flow of {attr(process.title)}</title>',
        '<defs><marker id="journeys-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/>'
        "</marker></defs>",
    ]
    first_x, first_y = pos[process.steps[0].id]
    parts.append(f'<circle cx="{first_x + NODE_W / 2:.0f}" cy="{first_y - 14:.0f}" r="6" fill="currentColor">'
                 "<title>Start</title></circle>")
    side = 0
    for i, step in enumerate(process.steps):
        sx, sy = pos[step.id]
        for target, label in process.successors(i):
            if target not in pos:
                continue
            tx, ty = pos[target]
            if layer[target] > layer[step.id]:
                x1, y1, x2, y2 = sx + NODE_W / 2, sy + NODE_H, tx + NODE_W / 2, ty
                path = f"M{x1:.0f},{y1:.0f} C{x1:.0f},{y1 + 40:.0f} {x2:.0f},{y2 - 40:.0f} {x2:.0f},{y2:.0f}"
                lx, ly = (x1 + x2) / 2, (y1 + y2) / 2
            else:  # a loop back (or sideways): around the right-hand side
                side += 1
                right = width - loop_margin + 10 + (side % 4) * 12
                x1, y1, x2, y2 = sx + NODE_W, sy + NODE_H / 2, tx + NODE_W, ty + NODE_H / 2
                path = f"M{x1:.0f},{y1:.0f} C{right:.0f},{y1:.0f} {right:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
                lx, ly = right - 6, (y1 + y2) / 2
            parts.append(f'<path class="journeys-edge" d="{path}" fill="none" stroke="currentColor" '
                         f'stroke-width="1.5" marker-end="url(#journeys-arrow)"><title>{attr(step.name)} → '
                         f'{attr(process.steps[index[target]].name)}</title></path>')
            if label:
                parts.append(f'<text class="journeys-edge-label" x="{lx:.0f}" y="{ly:.0f}" text-anchor="middle" '
                             f'font-size="12" fill="currentColor" paint-order="stroke" '
                             f'stroke="var(--md-default-bg-color, #fff)" stroke-width="4">{attr(label)}</text>')
    for i, step in enumerate(process.steps):
        x, y = pos[step.id]
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
        if i in ends:
            parts.append(f'<line x1="{x + NODE_W / 2:.0f}" y1="{y + NODE_H:.0f}" x2="{x + NODE_W / 2:.0f}" '
                         f'y2="{y + NODE_H + 18:.0f}" stroke="currentColor" stroke-width="1.5"/>'
                         f'<circle cx="{x + NODE_W / 2:.0f}" cy="{y + NODE_H + 26:.0f}" r="8" fill="none" '
                         f'stroke="currentColor" stroke-width="3"><title>End</title></circle>')
    parts.append("</svg>")
    legend = "".join(
        f'<span class="journeys-legend-item"><span class="journeys-swatch" style="background:{colour}"></span>'
        f"{attr(department_names.get(dept, dept))}</span>"
        for dept, colour in colours.items())
    return (f'<figure class="journeys-diagram" id="flow-diagram">{"".join(parts)}'
            f'<figcaption class="journeys-legend">{legend}</figcaption></figure>')
