"""Where each lane, step, arrow and branch label of a process diagram goes: geometry only, no SVG.

Layers run top to bottom, one lane per department left to right, so a process of a dozen steps
reads down the page at its width and only scrolls sideways on a phone. Ranks of boxes alternate
with ranks that only edges cross, and nothing but curves lies between two ranks, so an edge that
goes from one rank to the next, or crosses a rank through its own reserved point, never touches a
box; a branch label is one of those reserved points, so labels collide neither with boxes nor with
each other. A loop leaves its step downwards through a reserved point (its label on it), runs in a
channel between ranks to a corridor left or right of all the lanes, and comes into its target from
above, one corridor track and one channel per loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ..model import Process
from .diagram_graph import FlowEdge, Slot, layered
from .diagram_text import LINE_GAP, NODE_W, BoxText, box_text, label_size, lane_lines

GAP, CHANNEL, EDGE_IN = 30, 7, 9  # between ranks; per loop channel; a channel's distance from a rank
PASS_W, PASS_H, ITEM_GAP, LANE_PAD, HEADER_PAD = 8, 12, 16, 9, 8
TRACK, CORRIDOR_GAP = 10, 6
Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    step: str
    lane: int
    x: float
    y: float
    w: float
    h: float
    text: BoxText


@dataclass(frozen=True)
class Label:
    edge: int
    text: str
    x: float  # the top left corner of its background
    y: float
    w: float
    h: float
    count: int | None = None  # the times the data saw the edge taken (None: no data)


@dataclass(frozen=True)
class Lane:
    department: str
    index: int
    x: float
    w: float
    name: list[str]  # the department's name, wrapped to the lane's width


@dataclass(frozen=True)
class Route:
    """An edge's path: pieces that are straight (``L``) or S-curves that start and end heading down (``S``)."""

    edge: FlowEdge
    pieces: list[tuple[str, Point, Point]]

    def path(self) -> str:
        (x0, y0) = self.pieces[0][1]
        parts = [f"M{x0:.1f},{y0:.1f}"]
        for kind, (xa, ya), (xb, yb) in self.pieces:
            if kind == "L":
                parts.append(f"L{xb:.1f},{yb:.1f}")
            else:
                middle = (ya + yb) / 2
                parts.append(f"C{xa:.1f},{middle:.1f} {xb:.1f},{middle:.1f} {xb:.1f},{yb:.1f}")
        return " ".join(parts)

    def points(self, samples: int = 16) -> list[Point]:
        """The path as a polyline, curves sampled: for geometric checks."""
        out = [self.pieces[0][1]]
        for kind, (xa, ya), (xb, yb) in self.pieces:
            if kind == "L":
                out.append((xb, yb))
                continue
            for k in range(1, samples + 1):
                t = k / samples
                # the cubic with control points half way down, above and below each end
                ease = 3 * t * t - 2 * t * t * t
                out.append((xa + (xb - xa) * ease, ya + (yb - ya) * (t ** 3 + 1.5 * t * (1 - t))))
        return out


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    header: float  # the height of the lanes' heading
    lanes: list[Lane]
    boxes: dict[str, Box]
    routes: list[Route]
    labels: list[Label]
    start: str
    ends: set[str]


def _slot_size(slot: Slot, texts: dict[str, BoxText]) -> tuple[float, float]:
    if slot.step is not None:
        return NODE_W, texts[slot.step].height
    if slot.label or slot.count is not None:
        return label_size(slot.label, slot.count)
    return PASS_W, 0.0


def _spaced(sizes: list[float]) -> float:
    return sum(sizes) + ITEM_GAP * (len(sizes) - 1) if sizes else 0.0


def layout(process: Process, department_names: dict[str, str] | None = None,
           counts: dict[tuple[str, str], int] | None = None) -> Layout:
    """The diagram's geometry; department names only decide how each lane's heading wraps; observed
    ``counts`` of transitions are labels like the branch conditions, so they get the same room."""
    graph = layered(process, counts)
    names = department_names or {}
    texts = {step.id: box_text(step) for step in process.steps}
    n, last = len(graph.ranks), len(graph.lanes) - 1
    heights = [max([PASS_H if r % 2 else 0.0, *(_slot_size(s, texts)[1] for s in rank)])
               for r, rank in enumerate(graph.ranks)]

    # loops: a corridor side and track each, a channel in the gap they leave by and the one they enter by
    loops = [e for e in graph.edges if e.back]
    side = {e.index: "left" if last and graph.lane_of[e.source] + graph.lane_of[e.target] < last else "right"
            for e in loops}
    span = {e.index: graph.boxes[e.source].rank - graph.boxes[e.target].rank for e in loops}
    tracks = {s: sorted((e for e in loops if side[e.index] == s), key=lambda e: (span[e.index], e.index))
              for s in ("left", "right")}
    exits: dict[int, list[int]] = {}
    entries: dict[int, list[int]] = {}
    for s in ("left", "right"):
        for e in tracks[s]:
            exits.setdefault(graph.boxes[e.source].rank + 2, []).append(e.index)
            entries.setdefault(graph.boxes[e.target].rank, []).append(e.index)

    def corridor(s: str) -> float:
        return TRACK * len(tracks[s]) + CORRIDOR_GAP if tracks[s] else 0.0

    # lanes: each as wide as its fullest rank, the corridors inside the first and last
    content = [max([NODE_W, *(_spaced([_slot_size(s, texts)[0] for s in rank if s.lane == lane])
                              for rank in graph.ranks)]) for lane in range(len(graph.lanes))]
    lanes: list[Lane] = []
    region_left: list[float] = []
    x = 0.0
    for lane, department in enumerate(graph.lanes):
        left = corridor("left") if lane == 0 else 0.0
        right = corridor("right") if lane == last else 0.0
        region_left.append(x + LANE_PAD + left)
        w = 2 * LANE_PAD + left + content[lane] + right
        lanes.append(Lane(department, lane, x, w, lane_lines(names.get(department, department), w)))
        x += w
    width = x
    header = float(max(len(lane.name) for lane in lanes) * LINE_GAP + 2 * HEADER_PAD)

    gaps = [GAP + CHANNEL * (len(exits.get(i, [])) + len(entries.get(i, []))) for i in range(n + 1)]
    row_y: list[float] = []
    y = header
    for r in range(n):
        y += gaps[r]
        row_y.append(y)
        y += heights[r]
    height = y + gaps[n]
    gap_top = [header, *(row_y[r] + heights[r] for r in range(n))]

    place: dict[int, tuple[float, float, float, float]] = {}  # id(slot) -> x, y, w, h
    for r, rank in enumerate(graph.ranks):
        for lane in range(len(graph.lanes)):
            row = [s for s in rank if s.lane == lane]
            sizes = [_slot_size(s, texts) for s in row]
            at = region_left[lane] + (content[lane] - _spaced([w for w, _ in sizes])) / 2
            for slot, (w, h) in zip(row, sizes, strict=True):
                place[id(slot)] = (at, row_y[r] + (heights[r] - h) / 2, w, h)
                at += w + ITEM_GAP

    boxes = {step_id: Box(step_id, slot.lane, *place[id(slot)], texts[step_id])
             for step_id, slot in graph.boxes.items()}
    routes, labels = [], []
    for edge in graph.edges:
        if edge.back:
            continue
        source, target = boxes[edge.source], boxes[edge.target]
        r = graph.boxes[edge.source].rank
        points = [(source.x + source.w / 2, source.y + source.h), (source.x + source.w / 2, row_y[r] + heights[r])]
        for slot in graph.chains[edge.index]:
            px, py, pw, ph = place[id(slot)]
            points += [(px + pw / 2, row_y[slot.rank]), (px + pw / 2, row_y[slot.rank] + heights[slot.rank])]
            if slot.label or slot.count is not None:
                labels.append(Label(edge.index, slot.label or "", px, py, pw, ph, slot.count))
        r = graph.boxes[edge.target].rank
        points += [(target.x + target.w / 2, row_y[r]), (target.x + target.w / 2, target.y)]
        routes.append(Route(edge, [("S" if k % 2 else "L", a, b) for k, (a, b) in enumerate(pairwise(points))
                                   if a != b or k % 2]))

    inner_right = lanes[-1].x + lanes[-1].w - LANE_PAD - corridor("right")
    for s in ("left", "right"):
        for k, e in enumerate(tracks[s]):
            track = region_left[0] - CORRIDOR_GAP - TRACK * (k + 0.5) if s == "left" else \
                inner_right + CORRIDOR_GAP + TRACK * (k + 0.5)
            source, target = boxes[e.source], boxes[e.target]
            (slot,) = graph.chains[e.index]
            px, py, pw, ph = place[id(slot)]
            out_gap, in_gap = slot.rank + 1, graph.boxes[e.target].rank
            out_y = gap_top[out_gap] + EDGE_IN + CHANNEL * exits[out_gap].index(e.index)
            in_y = row_y[in_gap] - EDGE_IN - CHANNEL * entries[in_gap].index(e.index)
            share = 0.25 if s == "left" else 0.75
            out_x, in_x = source.x + source.w * share, target.x + target.w * share
            middle = px + pw / 2
            pieces: list[tuple[str, Point, Point]] = [
                ("L", (out_x, source.y + source.h), (out_x, gap_top[slot.rank])),
                ("S", (out_x, gap_top[slot.rank]), (middle, row_y[slot.rank]))]
            corners = [(middle, row_y[slot.rank]), (middle, out_y), (track, out_y), (track, in_y), (in_x, in_y),
                       (in_x, target.y)]
            pieces += [("L", a, b) for a, b in pairwise(corners)]
            routes.append(Route(e, [piece for piece in pieces if piece[1] != piece[2]]))
            if e.label or slot.count is not None:
                labels.append(Label(e.index, e.label or "", px, py, pw, ph, slot.count))
    routes.sort(key=lambda route: route.edge.index)
    ends = {step.id for i, step in enumerate(process.steps) if process.is_end(i)}
    return Layout(width, height, header, lanes, boxes, routes, labels, process.steps[0].id, ends)
