"""Pydantic's validation errors as an author's problems: the field, the position, and a did-you-mean.

One problem per mistake: a required field is not also reported missing when an unknown key beside it
is its misspelling.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from ..model.base import Node
from ..model.fields import describe_value
from ..model.metrics import METRIC_KEY
from ..problems import Problem, did_you_mean, suggest
from ..source import Document


def explained(errors: list[Any], model_cls: type[BaseModel]) -> list[Any]:
    """The errors to report, one per mistake: a required field is not reported missing when an unknown
    key beside it is its misspelling (``titel``), nor an id when the `name` it defaults to is wrong."""
    meant: set[tuple[Any, ...]] = set()  # the fields the unknown keys were meant to be, by path
    for e in errors:
        loc = tuple(e["loc"])
        if e["type"] == "extra_forbidden" and loc:
            owner = _model_at(model_cls, loc[:-1])
            match = suggest(str(loc[-1]), _field_names(owner)) if owner else None
            if match:
                meant.add((*loc[:-1], match))
        elif loc and loc[-1] == "name":
            meant.add((*loc[:-1], "id"))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in meant)]


def problem_from_error(
    error: Any, model_cls: type[BaseModel], document: Document, context: dict[str, Any]
) -> Problem:
    loc: tuple[Any, ...] = tuple(error["loc"])
    kind = error["type"]
    message = error["msg"]
    hint: str | None = None
    if loc and loc[-1] == METRIC_KEY:
        location = document.locate(loc[:-1], key=True)
        hint = did_you_mean(str(loc[-2]), context["metrics"]) if kind == "unknown_metric" else None
        return Problem(location, message, "unknown-metric" if kind == "unknown_metric" else "invalid", hint=hint)
    field_name = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "extra_forbidden":
        owner = _model_at(model_cls, loc[:-1])
        fields = _field_names(owner) if owner else []
        hint = did_you_mean(field_name, fields)
        what = _describe_model(owner)
        return Problem(document.locate(loc, key=True), f"unknown field '{field_name}'{what}", "unknown-field",
                       hint=hint or ("valid fields: " + ", ".join(fields) if fields else None))
    if kind == "missing":
        owner = _model_at(model_cls, loc[:-1])
        return Problem(document.locate(loc[:-1]), f"missing required field '{field_name}'{_describe_model(owner)}",
                       "missing-field")
    location = document.locate(loc)
    got = _got(error.get("input"))
    if kind in ("list_type", "model_type", "dict_type", "model_attributes_type"):
        expected = "a list" if kind == "list_type" else "a mapping"
        message = f"expected {expected}, got {got}"
    elif kind == "literal_error":
        expected_values = error.get("ctx", {}).get("expected", "")
        message = f"'{error.get('input')}' is not valid here: expected {expected_values}"
        choices = [c.strip(" '") for c in str(expected_values).replace(" or ", ",").split(",")]
        hint = did_you_mean(str(error.get("input")), [c for c in choices if c])
    elif kind == "too_short":
        message = "must not be empty: give at least one item"
    elif kind in ("string_type", "float_type", "bool_type", "int_type"):
        message = f"expected {kind.split('_')[0].replace('string', 'text')}, got {got}"
    elif kind.startswith("value_error"):
        message = message.removeprefix("Value error, ")
    prefix = f"{field_name}: " if field_name and not str(loc[-1]).isdigit() else ""
    if loc and isinstance(loc[-1], int) and field_name:
        prefix = f"{field_name}[{loc[-1] + 1}]: "
    return Problem(location, prefix + message, _code(kind), hint=hint)


def _code(pydantic_type: str) -> str:
    return {
        "slug": "invalid-id",
        "reference": "invalid-reference",
        "emotion_range": "emotion-range",
        "metric_range": "metric-range",
        "metric_value": "metric-value",
        "metric_empty": "metric-value",
        "empty_slug": "empty-id",
    }.get(pydantic_type, "invalid")


def _got(value: Any) -> str:
    return describe_value(value)


def _describe_model(model: type[BaseModel] | None) -> str:
    if model is None:
        return ""
    return " in a " + {"MetricValue": "metric value", "HistoryPoint": "history entry",
                       "MetricDefinition": "metric"}.get(model.__name__, model.__name__.lower())


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items() if not (f.alias or "").startswith("__")]


def _model_at(model: type[BaseModel], path: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that validates the object at ``path`` below ``model``."""
    current: type[BaseModel] | None = model
    for step in path:
        if current is None:
            return None
        if isinstance(step, int):
            continue
        by_alias = {(f.alias or n): f for n, f in current.model_fields.items()}
        info = by_alias.get(step)
        if info is None:
            # a dict key (metric id): the value model is found from the dict annotation already
            continue
        current = _node_in(info.annotation)
    return current


def _node_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, Node):
        return annotation
    for arg in typing.get_args(annotation):
        found = _node_in(arg)
        if found is not None:
            return found
    return None
