"""Renames: an id that disappeared and one that appeared, on definitions (or stages, touchpoints,
steps) that are otherwise alike, are one rename rather than a removal and an addition.

Alike means: the names are close and the content (every other field) is mostly shared. The name
weighs as much as three fields, so a small touchpoint whose name was reworded (and whose id, derived
from the name, changed with it) is a rename, while two small touchpoints that merely share a channel
are not.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

SIMILAR = 0.7
NAME_WEIGHT = 3


@dataclass(frozen=True)
class Shape:
    """What a rename is judged on: a name and the set of ``path=value`` leaves of everything else."""

    name: str
    leaves: frozenset[str]


def leaves(data: Any, path: str = "") -> Iterable[str]:
    """Every value with the path to it; list items by value, so that order does not count."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            yield from leaves(value, f"{path}/{key}")
    elif isinstance(data, (list, tuple)):
        for value in data:
            yield from leaves(value, f"{path}[]")
    else:
        yield f"{path}={json.dumps(data, sort_keys=True, default=str)}"


def similarity(a: Shape, b: Shape) -> float:
    """Between 0 and 1: the names' likeness and the shared share of leaves (Jaccard), weighted."""
    name = difflib.SequenceMatcher(None, a.name.casefold(), b.name.casefold(), autojunk=False).ratio()
    union = a.leaves | b.leaves
    content = len(a.leaves & b.leaves) / len(union) if union else 1.0
    return (NAME_WEIGHT * name + len(union) * content) / (NAME_WEIGHT + len(union))


def match_renames(removed: Mapping[str, Shape], added: Mapping[str, Shape]) -> dict[str, str]:
    """Old id → new id, the most similar pairs first, each id used once."""
    scored = sorted(((similarity(old, new), old_id, new_id)
                     for old_id, old in removed.items() for new_id, new in added.items()),
                    key=lambda s: (-s[0], s[1], s[2]))
    pairs: dict[str, str] = {}
    used: set[str] = set()
    for score, old_id, new_id in scored:
        if score >= SIMILAR and old_id not in pairs and new_id not in used:
            pairs[old_id] = new_id
            used.add(new_id)
    return pairs
