"""Renames: an id that disappeared and one that appeared, on definitions that are otherwise alike."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

SIMILAR = 0.7


def _leaves(data: Any, path: str = "") -> Iterator[str]:
    """Every value with the path to it: what two definitions share, field by field."""
    if isinstance(data, dict):
        for key, value in data.items():
            if not path and key in ("id", "kind"):
                continue
            yield from _leaves(value, f"{path}/{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, f"{path}/{index}")
    else:
        yield f"{path}={json.dumps(data, default=str)}"


def similarity(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Shared values over all values (Jaccard): small definitions do not look alike just by their keys."""
    left, right = set(_leaves(a)), set(_leaves(b))
    return len(left & right) / len(left | right) if left | right else 1.0


def match_renames(removed: dict[str, dict[str, Any]], added: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs (old id, new id), most similar first, each id used once."""
    scored = sorted((-similarity(old_data, new_data), old, new)
                    for old, old_data in removed.items() for new, new_data in added.items())
    pairs: list[tuple[str, str]] = []
    used_old: set[str] = set()
    used_new: set[str] = set()
    for score, old, new in scored:
        if -score >= SIMILAR and old not in used_old and new not in used_new:
            pairs.append((old, new))
            used_old.add(old)
            used_new.add(new)
    return sorted(pairs)
