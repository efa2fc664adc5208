"""The order in which a customer meets a journey's touchpoints: list order plus transitions.

Stages form a directed graph (each stage leads to the next listed, and transitions add loops
and shortcuts); touchpoints follow one another inside a stage, and the last touchpoint of a
stage leads to the first touchpoint of every stage that can come next, skipping empty stages.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from itertools import pairwise
from typing import Any

import networkx as nx

from ..model import Journey, Stage, Touchpoint


def stage_graph(journey: Journey) -> nx.DiGraph:
    graph = nx.DiGraph()
    ids = [stage.id for stage in journey.stages]
    graph.add_nodes_from(ids)
    graph.add_edges_from(pairwise(ids))
    for transition in journey.transitions:
        if transition.from_ in graph and transition.to in graph:
            graph.add_edge(transition.from_, transition.to)
    return graph


def consecutive(journey: Journey) -> list[tuple[Stage, Touchpoint, Stage, Touchpoint]]:
    """Every pair of touchpoints a customer can meet one right after the other, in journey order."""
    stages = {stage.id: stage for stage in journey.stages}
    graph = stage_graph(journey)
    pairs: list[tuple[Stage, Touchpoint, Stage, Touchpoint]] = []
    seen: set[tuple[str, str]] = set()

    def add(a: Stage, tp_a: Touchpoint, b: Stage, tp_b: Touchpoint) -> None:
        if (tp_a.id, tp_b.id) not in seen:
            seen.add((tp_a.id, tp_b.id))
            pairs.append((a, tp_a, b, tp_b))

    for stage in journey.stages:
        tps = stage.touchpoints
        for first, second in pairwise(tps):
            add(stage, first, stage, second)
        if not tps:
            continue
        for following in _next_stages_with_touchpoints(graph, stages, stage.id):
            add(stage, tps[-1], following, following.touchpoints[0])
    return pairs


def _next_stages_with_touchpoints(graph: nx.DiGraph, stages: dict[str, Stage], start: str) -> list[Stage]:
    return [stages[s] for s in first_reached(graph, start, lambda s: bool(stages[s].touchpoints))]


def first_reached(graph: nx.DiGraph, start: Hashable, stops: Callable[[Any], bool]) -> list[Any]:
    """The nodes where ``stops`` holds that ``start`` leads to through nodes where it does not, nearest
    first (breadth-first, ``start`` itself left out)."""
    passable = nx.subgraph_view(graph, filter_edge=lambda a, _: a == start or not stops(a))
    found: list[Any] = []
    for layer in nx.bfs_layers(passable, start):
        found.extend(node for node in layer if node != start and stops(node))
    return found
