"""Salvage of an invalid definition: the model with every invalid optional value left out.

A salvaged definition is not published, but its references are still checked, so one run reports every
problem. The data may nest as deep as the reader allows: copying it takes no recursion.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..model import Definition
from ..model.metrics import METRIC_KEY


def salvage(model_cls: type[Definition], data: Any, error: ValidationError, context: dict[str, Any],
             attempts: int = 3) -> Definition | None:
    """The model with every invalid optional value dropped, or None when a required one is wrong."""
    for _ in range(attempts):
        data = _copy(data)
        for item in error.errors():
            if not _drop(data, tuple(item["loc"])):
                return None
        try:
            return model_cls.model_validate(data, context=context)
        except ValidationError as again:
            error = again
    return None


def _copy(data: Any) -> Any:
    """A copy of the mappings and lists (not of the scalars), without recursion."""
    def fresh(value: Any) -> Any:
        return {} if isinstance(value, dict) else [] if isinstance(value, list) else value

    top = fresh(data)
    pending: list[tuple[Any, Any]] = [(data, top)] if top is not data else []
    while pending:
        source, target = pending.pop()
        items = source.items() if isinstance(source, dict) else enumerate(source)
        for key, value in items:
            copied = fresh(value)
            if isinstance(target, dict):
                target[key] = copied
            else:
                target.append(copied)
            if copied is not value:
                pending.append((value, copied))
    return top


def _drop(data: Any, loc: tuple[Any, ...]) -> bool:
    """Remove the value at ``loc`` from a mapping (keeping list positions stable)."""
    parent: Any = data
    key: Any = None
    above: tuple[Any, Any] | None = None  # the mapping entry ``parent`` is the value of
    for i, part in enumerate(loc):
        if part == METRIC_KEY and i == len(loc) - 1:
            if above is None:
                return False
            parent, key = above  # an unknown metric: drop its whole value
            break
        if isinstance(parent, dict) and part in parent:
            if i == len(loc) - 1 or not isinstance(parent[part], (dict, list)):
                key = part
                break
            above = (parent, part)
            parent = parent[part]
        elif isinstance(parent, list) and isinstance(part, int) and 0 <= part < len(parent):
            if i == len(loc) - 1 or not isinstance(parent[part], (dict, list)):
                return False  # a list item cannot go without shifting its neighbours' positions
            parent = parent[part]
        else:
            return False
    else:
        return False
    if key in ("id", "name", "title", "kind"):
        return False
    del parent[key]
    return True
