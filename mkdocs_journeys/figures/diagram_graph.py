"""The layered graph behind a process diagram (a Sugiyama layering), before any coordinate.

Cycles are broken by a depth-first search from the first step: an edge back to a step still on the
search's path is a loop, left out of the layering; it leaves its step through one reserved point
in the rank below (its label on it) and is drawn around the outside. The other edges
form a DAG whose steps take layers by longest path. Every layer is a rank of boxes with a rank
between each two for what edges pass through: an edge gets a pass-through point in every rank it
crosses (so it runs between boxes, never through one), and its branch label rides on one of them.
Within a rank, steps stand in their department's lane (lanes in first-appearance order), ordered
by barycentre crossing reduction. An edge's pass-through points stand in its target's lane, so a branch label
sits where the branch arrives. Everything is decided by list order, so the same process always
gives the same diagram.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

import networkx as nx

from ..model import Process

SWEEPS = 6  # down-and-up passes of the barycentre ordering


@dataclass(frozen=True)
class FlowEdge:
    """One arrow: a step that may follow another, with its branch condition."""

    index: int
    source: str
    target: str
    label: str | None
    back: bool  # a loop to a step earlier on the path: drawn around the outside


@dataclass
class Slot:
    """What stands in a rank: a step's box, or a point an edge passes through (maybe with its label)."""

    rank: int
    lane: int
    step: str | None = None
    edge: int | None = None
    label: str | None = None
    count: int | None = None  # how often the data saw its edge taken, on the slot that shows the label


@dataclass
class Layered:
    lanes: list[str]  # department ids, in the order they first own a step
    lane_of: dict[str, int]  # step id -> lane
    edges: list[FlowEdge]
    ranks: list[list[Slot]]  # the ranks, first to last, each in its final order
    boxes: dict[str, Slot]
    chains: dict[int, list[Slot]] = field(default_factory=dict)  # edge -> the points it passes through


def flow_edges(process: Process) -> list[FlowEdge]:
    """Every arrow of the process, in list order, with loops found by a depth-first search."""
    known = {step.id for step in process.steps}
    raw = [(step.id, target, label) for i, step in enumerate(process.steps)
           for target, label in process.successors(i) if target in known]
    out: dict[str, list[int]] = {step.id: [] for step in process.steps}
    for n, (source, _, _) in enumerate(raw):
        out[source].append(n)
    back: set[int] = set()
    state: dict[str, int] = {}  # 1: on the search's path, 2: done
    for root in [process.steps[0].id, *(s.id for s in process.steps)]:
        if root in state:
            continue
        state[root] = 1
        stack: list[tuple[str, Iterator[int]]] = [(root, iter(out[root]))]
        while stack:
            node, pending = stack[-1]
            step = next(pending, None)
            if step is None:
                state[node] = 2
                stack.pop()
                continue
            target = raw[step][1]
            if state.get(target) == 1:
                back.add(step)
            elif target not in state:
                state[target] = 1
                stack.append((target, iter(out[target])))
    return [FlowEdge(n, s, t, label, n in back) for n, (s, t, label) in enumerate(raw)]


def layers(process: Process, edges: list[FlowEdge]) -> dict[str, int]:
    """Each step's layer: the longest path to it over the edges that are not loops."""
    dag: nx.DiGraph[str] = nx.DiGraph()
    dag.add_nodes_from(step.id for step in process.steps)
    dag.add_edges_from((e.source, e.target) for e in edges if not e.back)
    layer: dict[str, int] = {}
    for node in nx.topological_sort(dag):
        layer[node] = max((layer[p] + 1 for p in dag.predecessors(node)), default=0)
    return layer


def layered(process: Process, counts: dict[tuple[str, str], int] | None = None) -> Layered:
    """``counts``: observed transitions; each edge's count rides with its label (the first edge of a pair)."""
    lanes = list(dict.fromkeys(step.owner_id for step in process.steps))
    lane_of = {step.id: lanes.index(step.owner_id) for step in process.steps}
    edges = flow_edges(process)
    layer = layers(process, edges)
    ranks: list[list[Slot]] = [[] for _ in range(2 * max(layer.values()) + 1)]
    boxes: dict[str, Slot] = {}
    for step in process.steps:
        boxes[step.id] = Slot(2 * layer[step.id], lane_of[step.id], step=step.id)
        ranks[boxes[step.id].rank].append(boxes[step.id])
    chains: dict[int, list[Slot]] = {}
    counted: set[tuple[str, str]] = set()
    for edge in edges:
        first, last = boxes[edge.source].rank, boxes[edge.target].rank
        pair = (edge.source, edge.target)
        count = None if counts is None or pair in counted else counts.get(pair, 0)
        counted.add(pair)
        if edge.back:  # a loop leaves through one point just below its step, its label on it
            chain = [Slot(first + 1, lane_of[edge.source], edge=edge.index, label=edge.label, count=count)]
            if first + 1 == len(ranks):
                ranks.append([])
        else:
            label_rank = first + 1 + 2 * (((last - first) // 2 - 1) // 2)  # the middle pass-through rank
            chain = [Slot(r, lane_of[edge.target], edge=edge.index, label=edge.label if r == label_rank else None,
                          count=count if r == label_rank else None)
                     for r in range(first + 1, last)]
        for slot in chain:
            ranks[slot.rank].append(slot)
        chains[edge.index] = chain
    result = Layered(lanes, lane_of, edges, ranks, boxes, chains)
    _order(result)
    return result


def _links(graph: Layered) -> list[tuple[Slot, Slot]]:
    """Every pair of slots an edge joins between neighbouring ranks."""
    pairs: list[tuple[Slot, Slot]] = []
    for edge in graph.edges:
        path = [graph.boxes[edge.source], *graph.chains[edge.index]]
        if not edge.back:
            path.append(graph.boxes[edge.target])
        pairs.extend(pairwise(path))
    return pairs


def crossings(graph: Layered) -> int:
    """How many pairs of links between neighbouring ranks cross (by position in their ranks)."""
    position = {id(slot): k for column in graph.ranks for k, slot in enumerate(column)}
    by_rank: dict[int, list[tuple[int, int]]] = {}
    for left, right in _links(graph):
        by_rank.setdefault(left.rank, []).append((position[id(left)], position[id(right)]))
    count = 0
    for links in by_rank.values():
        for i, (a1, b1) in enumerate(links):
            count += sum(1 for a2, b2 in links[i + 1:] if (a1 - a2) * (b1 - b2) < 0)
    return count


def _order(graph: Layered) -> None:
    """Barycentre ordering within each lane of each rank, keeping the order with fewest crossings."""
    links = _links(graph)
    before: dict[int, list[Slot]] = {}
    after: dict[int, list[Slot]] = {}
    for left, right in links:
        after.setdefault(id(left), []).append(right)
        before.setdefault(id(right), []).append(left)
    for column in graph.ranks:
        column.sort(key=lambda slot: slot.lane)  # stable: list order within a lane
    best = [list(column) for column in graph.ranks]
    fewest = crossings(graph)
    for _ in range(SWEEPS):
        for neighbours, columns in ((before, range(1, len(graph.ranks))),
                                    (after, range(len(graph.ranks) - 2, -1, -1))):
            for r in columns:
                _reorder(graph, r, neighbours)
        count = crossings(graph)
        if count < fewest:
            best, fewest = [list(column) for column in graph.ranks], count
    graph.ranks[:] = best


def _reorder(graph: Layered, r: int, neighbours: dict[int, list[Slot]]) -> None:
    position = {id(slot): k for column in graph.ranks for k, slot in enumerate(column)}

    def key(item: tuple[int, Slot]) -> tuple[int, float, int]:
        k, slot = item
        linked = neighbours.get(id(slot), [])
        centre = sum(position[id(n)] for n in linked) / len(linked) if linked else float(k)
        return slot.lane, centre, k

    graph.ranks[r] = [slot for _, slot in sorted(enumerate(graph.ranks[r]), key=key)]
