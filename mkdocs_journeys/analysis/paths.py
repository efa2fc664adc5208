"""Whose path a pair of touchpoints lies on.

Each persona of a journey walks its own path (the touchpoints it takes); a journey without
personas has one path, anyone's. A handoff or a drop is only reported where someone walks
through it, and a finding names the personas when the path is not everyone's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .flow import Flow, Pair


class OnPath(NamedTuple):
    """A pair and the personas whose paths it lies on (empty: everyone's, or a journey without personas)."""

    pair: Pair
    personas: tuple[str, ...]


def walks(flow: Flow) -> list[tuple[str | None, list[Pair]]]:
    """One walk per persona of the journey, in the journey's order; without personas, anyone's walk."""
    if not flow.journey.personas:
        return [(None, flow.column_pairs())]
    return [(persona, flow.persona_pairs(persona)) for persona in dict.fromkeys(flow.journey.personas)]


def _same(pairs: list[Pair]) -> list[Pair]:
    return pairs


def on_paths(flow: Flow, derive: Callable[[list[Pair]], list[Pair]] = _same) -> list[OnPath]:
    """The pairs of every walk (or what ``derive`` makes of each walk's pairs), each once, with whose
    paths it lies on; ordered as the map's columns order their first touchpoint."""
    order = {tp.id: i for i, tp in enumerate(tp for column in flow.columns for tp in column.touchpoints)}
    found: dict[tuple[str, str], tuple[Pair, list[str]]] = {}
    for persona, pairs in walks(flow):
        for pair in derive(pairs):
            _, walkers = found.setdefault((pair.from_touchpoint.id, pair.to_touchpoint.id), (pair, []))
            if persona is not None:
                walkers.append(persona)
    everyone = set(flow.journey.personas)
    result = [OnPath(pair, () if set(walkers) == everyone else tuple(walkers)) for pair, walkers in found.values()]
    return sorted(result, key=lambda p: order.get(p.pair.from_touchpoint.id, 0))


def path_words(personas: tuple[str, ...], names: dict[str, str]) -> str:
    """`` (on the path of Priya)`` for a finding on some personas' paths only; nothing for everyone's."""
    if not personas:
        return ""
    listed = [names.get(p, p) for p in personas]
    if len(listed) == 1:
        return f" (on the path of {listed[0]})"
    # names such as "Priya, the busy parent" hold commas: then semicolons part them
    comma, last = ("; ", "; and ") if any("," in name for name in listed) else (", ", " and ")
    return f" (on the paths of {comma.join(listed[:-1])}{last}{listed[-1]})"


def path_scopes(personas: tuple[str, ...]) -> tuple[str, ...]:
    """The personas a finding is filed under, so their pages show it and ``ignore`` can name them."""
    return tuple(f"persona:{p}" for p in personas)
