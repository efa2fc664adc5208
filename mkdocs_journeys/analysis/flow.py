"""The order in which a customer meets a journey's touchpoints: columns, transitions and persona paths.

Stages form a directed graph (each stage leads to the next listed, and transitions add loops and
shortcuts). Inside a stage the customer goes from one column of the map to the next, taking one
touchpoint of each: alternatives share a column and never follow one another. The last column of
a stage leads to the first column of every stage that can come next, skipping empty stages. A
persona meets only the touchpoints it takes, and looks through columns where it takes none.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable
from itertools import pairwise
from typing import Any, NamedTuple

import networkx as nx

from ..model import Column, Journey, Stage, Touchpoint, Transition


class Pair(NamedTuple):
    """Two touchpoints a customer can meet one right after the other."""

    from_stage: Stage
    from_touchpoint: Touchpoint
    to_stage: Stage
    to_touchpoint: Touchpoint
    via: Transition | None  # the transition crossed on the way; None along the listed order


def stage_graph(journey: Journey) -> nx.DiGraph:
    """Stages and the moves between them; each edge's ``via`` is its transition (None for list order,
    which wins when a transition repeats it)."""
    graph = nx.DiGraph()
    ids = [stage.id for stage in journey.stages]
    graph.add_nodes_from(ids)
    graph.add_edges_from(pairwise(ids), via=None)
    for transition in journey.transitions:
        edge = (transition.from_, transition.to)
        if transition.from_ in graph and transition.to in graph and not graph.has_edge(*edge):
            graph.add_edge(*edge, via=transition)
    return graph


def reach(graph: nx.DiGraph, start: Hashable, stops: Callable[[Any], bool]) -> list[tuple[Any, Transition | None]]:
    """The nodes where ``stops`` holds that ``start`` leads to through nodes where it does not, nearest
    first, each with the first transition on the way there. ``start`` is among them only when a loop
    leads back to it."""
    found: dict[Any, Transition | None] = {}
    passed = {start}
    queue: deque[tuple[Any, Transition | None]] = deque([(start, None)])
    while queue:
        node, via = queue.popleft()
        for following, edge_via in graph.adj[node].items():
            crossed = via if via is not None else edge_via.get("via")
            if stops(following):
                found.setdefault(following, crossed)
            elif following not in passed:
                passed.add(following)
                queue.append((following, crossed))
    return list(found.items())


class Flow:
    """A journey's columns and the moves between them, built once and walked for each persona."""

    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        self._walks: dict[str | None, list[Pair]] = {}
        self.columns: list[Column] = journey.columns()
        self.graph = nx.DiGraph()
        self.graph.add_nodes_from(range(len(self.columns)))
        by_stage: dict[str, list[int]] = {}
        for index, column in enumerate(self.columns):
            by_stage.setdefault(column.stage.id, []).append(index)
        for indexes in by_stage.values():
            self.graph.add_edges_from(pairwise(indexes), via=None)
        stages = stage_graph(journey)
        for stage in journey.stages:
            own = by_stage.get(stage.id)
            if not own:
                continue
            for following, via in reach(stages, stage.id, lambda s: s in by_stage):
                target = by_stage[following][0]
                if target != own[-1] and not self.graph.has_edge(own[-1], target):
                    self.graph.add_edge(own[-1], target, via=via)

    def column_pairs(self) -> list[Pair]:
        """Every touchpoint of a column with every touchpoint of each column that can come next."""
        return self._walked(None, self._column_pairs)

    def persona_pairs(self, persona_id: str) -> list[Pair]:
        """The pairs the persona meets one right after the other, looking through columns it skips."""
        return self._walked(persona_id, lambda: self._persona_pairs(persona_id))

    def _walked(self, persona_id: str | None, walk: Callable[[], list[Pair]]) -> list[Pair]:
        """Each walk once: handoffs and emotion both read it."""
        if persona_id not in self._walks:
            self._walks[persona_id] = walk()
        return self._walks[persona_id]

    def _column_pairs(self) -> list[Pair]:
        return [Pair(self.columns[a].stage, tp_a, self.columns[b].stage, tp_b, via)
                for a, b, via in self.graph.edges(data="via")
                for tp_a in self.columns[a].touchpoints for tp_b in self.columns[b].touchpoints]

    def taken(self, persona_id: str) -> list[list[Touchpoint]]:
        """Per column, the touchpoints the persona takes (maybe none)."""
        return [[tp for tp in column.touchpoints if self.journey.takes(persona_id, tp)] for column in self.columns]

    def _persona_pairs(self, persona_id: str) -> list[Pair]:
        taken = self.taken(persona_id)
        pairs: list[Pair] = []
        for index, own in enumerate(taken):
            if not own:
                continue
            for following, via in reach(self.graph, index, lambda c: bool(taken[c])):
                if following == index:
                    continue  # a loop back onto the same column: alternatives never follow one another
                stage_a, stage_b = self.columns[index].stage, self.columns[following].stage
                pairs.extend(Pair(stage_a, a, stage_b, b, via) for a in own for b in taken[following])
        return pairs

    def persona_path(self, persona_id: str) -> list[Column]:
        """The columns the persona passes through, in journey order, with only the touchpoints it takes
        (none for a persona the journey does not name)."""
        return [Column(column.stage, own) for column, own in zip(self.columns, self.taken(persona_id), strict=True)
                if own]


def column_pairs(journey: Journey) -> list[Pair]:
    """Every pair of touchpoints a customer can meet one right after the other, in journey order."""
    return Flow(journey).column_pairs()


def persona_pairs(journey: Journey, persona_id: str) -> list[Pair]:
    """The pairs of touchpoints this persona meets one right after the other."""
    return Flow(journey).persona_pairs(persona_id)


def persona_path(journey: Journey, persona_id: str) -> list[Column]:
    """The persona's own columns: the touchpoints it takes, column by column (columns it skips left out)."""
    return Flow(journey).persona_path(persona_id)


def transition_words(journey: Journey, transition: Transition) -> str:
    """How a message names a transition: its label, else the stages it joins."""
    if transition.label:
        return f"the transition '{transition.label}'"
    names = {stage.id: stage.name for stage in journey.stages}
    return f"the transition from '{names.get(transition.from_, transition.from_)}' to " \
           f"'{names.get(transition.to, transition.to)}'"
