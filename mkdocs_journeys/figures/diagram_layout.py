"""Where each step and arrow of a process flow diagram goes: geometry only, no SVG.

Steps stand in layers by their shortest distance from the first step (a breadth-first search), in
list order within a layer; steps the first cannot reach form one layer below the rest. An edge to
a later layer runs down; one to an earlier or the same layer is a loop, drawn around the right.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ..model import Process

NODE_W, NODE_H, GAP_X, GAP_Y, PAD = 210, 54, 36, 84, 24
LOOP_MARGIN = 70  # room on the right for loops


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str | None
    path: str  # the SVG path data
    label_at: tuple[float, float]


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    layer: dict[str, int]
    at: dict[str, tuple[float, float]]  # the top left corner of each step's box
    edges: list[Edge]
    ends: set[str]


def layers(process: Process) -> dict[str, int]:
    """Each step's layer: its distance from the first step, unreachable steps one below the rest."""
    index = {step.id: i for i, step in enumerate(process.steps)}
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(index)
    graph.add_edges_from((step.id, target) for i, step in enumerate(process.steps)
                         for target, _ in process.successors(i) if target in index)
    layer: dict[str, int] = dict(nx.single_source_shortest_path_length(graph, process.steps[0].id))
    deepest = max(layer.values(), default=0)
    for step in process.steps:
        layer.setdefault(step.id, deepest + 1)
    return layer


def layout(process: Process) -> Layout:
    layer = layers(process)
    rows: dict[int, list[str]] = {}
    for step in process.steps:
        rows.setdefault(layer[step.id], []).append(step.id)
    widest = max(len(r) for r in rows.values())
    width = PAD * 2 + widest * NODE_W + (widest - 1) * GAP_X + LOOP_MARGIN
    height = PAD * 2 + (max(rows) + 1) * (NODE_H + GAP_Y) + 10
    at: dict[str, tuple[float, float]] = {}
    for r, ids in rows.items():
        row_width = len(ids) * NODE_W + (len(ids) - 1) * GAP_X
        x0 = PAD + (width - LOOP_MARGIN - 2 * PAD - row_width) / 2
        for k, step_id in enumerate(ids):
            at[step_id] = (x0 + k * (NODE_W + GAP_X), PAD + 20 + r * (NODE_H + GAP_Y))
    ends = {step.id for i, step in enumerate(process.steps) if process.is_end(i)}
    return Layout(width, height, layer, at, _edges(process, layer, at, width), ends)


def _edges(process: Process, layer: dict[str, int], at: dict[str, tuple[float, float]], width: float) -> list[Edge]:
    edges: list[Edge] = []
    side = 0
    for i, step in enumerate(process.steps):
        sx, sy = at[step.id]
        for target, label in process.successors(i):
            if target not in at:
                continue
            tx, ty = at[target]
            if layer[target] > layer[step.id]:
                x1, y1, x2, y2 = sx + NODE_W / 2, sy + NODE_H, tx + NODE_W / 2, ty
                path = f"M{x1:.0f},{y1:.0f} C{x1:.0f},{y1 + 40:.0f} {x2:.0f},{y2 - 40:.0f} {x2:.0f},{y2:.0f}"
                label_at = ((x1 + x2) / 2, (y1 + y2) / 2)
            else:  # a loop back (or sideways): around the right-hand side
                side += 1
                right = width - LOOP_MARGIN + 10 + (side % 4) * 12
                x1, y1, x2, y2 = sx + NODE_W, sy + NODE_H / 2, tx + NODE_W, ty + NODE_H / 2
                path = f"M{x1:.0f},{y1:.0f} C{right:.0f},{y1:.0f} {right:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
                label_at = (right - 6, (y1 + y2) / 2)
            edges.append(Edge(step.id, target, label, path, label_at))
    return edges
