"""The order in which a customer meets a journey's touchpoints: list order plus transitions.

Stages form a directed graph (each stage leads to the next listed, and transitions add loops
and shortcuts); touchpoints follow one another inside a stage, and the last touchpoint of a
stage leads to the first touchpoint of every stage that can come next, skipping empty stages.
"""

from __future__ import annotations

from itertools import pairwise

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
    found: list[Stage] = []
    queue = list(graph.successors(start))
    visited = {start}
    while queue:
        current = queue.pop(0)
        if current in visited:
            continue
        visited.add(current)
        if stages[current].touchpoints:
            found.append(stages[current])
        else:
            queue.extend(graph.successors(current))
    return found
