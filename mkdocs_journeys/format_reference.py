"""The format and configuration reference as Markdown, generated from the models themselves.

The documentation never restates a field by hand: names, types, defaults, whether required, and
descriptions all come from the pydantic models, so the docs cannot drift from what is validated.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from .finding_codes import CODES
from .kinds import KINDS
from .model import (
    Branch,
    Dataset,
    Department,
    HistoryPoint,
    Journey,
    MetricDefinition,
    MetricValue,
    Persona,
    Process,
    Stage,
    Step,
    Touchpoint,
    Transition,
)
from .model.fields import check_ref, check_slug
from .model.metrics import BUILTIN_METRICS
from .settings import DataSettings, Settings, Suppression

SECTIONS: list[tuple[str, list[type[BaseModel]]]] = [
    ("kind: journey", [Journey, Stage, Touchpoint, Transition]),
    ("kind: persona", [Persona]),
    ("kind: process", [Process, Step, Branch]),
    ("kind: department", [Department]),
    ("kind: metric", [MetricDefinition]),
    ("kind: dataset", [Dataset]),
    ("Metric values", [MetricValue, HistoryPoint]),
]
_TOP = {spec.model for spec in KINDS.values()}


def _named(metadata: Any) -> str | None:
    """The format's own name for a constrained text type (id, reference, Markdown)."""
    for item in metadata:
        func = getattr(item, "func", None)
        if func is check_slug:
            return "id"
        if func is check_ref:
            return "reference"
        schema = getattr(item, "json_schema", None)
        if isinstance(schema, dict) and schema.get("description") == "Markdown":
            return "Markdown"
    return None


def _type_name(annotation: Any, metadata: Any = ()) -> str:
    named = _named(metadata) or _named(getattr(annotation, "__metadata__", ()))
    if named:
        return named
    origin = typing.get_origin(annotation)
    if getattr(annotation, "__metadata__", None) is not None:
        return _type_name(typing.get_args(annotation)[0])
    if origin is tuple:
        return "[lowest, highest]"
    if origin is Literal:
        return " \\| ".join(f"`{a}`" for a in typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType):
        names = [_type_name(a) for a in typing.get_args(annotation) if a is not type(None)]
        return " \\| ".join(names)
    if origin is list:
        return f"list of {_type_name(typing.get_args(annotation)[0])}"
    if origin is dict:
        key, value = typing.get_args(annotation)
        of = "metric id" if _type_name(key) != "text" or "MetricValue" in str(value) else "text"
        return f"mapping of {of} to {_type_name(value)}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return {str: "text", float: "number", bool: "true/false", int: "whole number"}.get(annotation, str(annotation))


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "**required**"
    if field.default_factory is not None:
        return "empty"
    if field.default is None or field.default is PydanticUndefined:
        return ""
    value = field.default
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, tuple):
        return "`[" + ", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value) + "]`"
    return f"`{value}`"


def model_table(model: type[BaseModel], *, top_level: bool = False) -> str:
    rows = ["| Field | Type | Default | Description |", "|---|---|---|---|"]
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key.startswith("__"):
            continue
        default = _default(field)
        if top_level and key == "id":
            default = "the file's stem"
        elif key == "id" and model in (Stage, Touchpoint, Step):
            default = "the slug of `name`"
        if top_level and key == "kind":
            default = "**required**"
        annotation = field.annotation
        typ = _type_name(annotation, field.metadata)
        if key in ("target", "actual", "value"):
            typ = "number or text (`4.5%`, `3d 4h`)"
        elif key == "sla":
            typ = "duration (`4h`, `2d`, `1.5h`)"
        elif (key == "next" and model is Step) or (key == "next" and model is Branch):
            typ = "step id, list of step ids, or `[]`"
        description = (field.description or "").replace("|", "\\|").replace("\n", " ")
        rows.append(f"| `{key}` | {typ} | {default} | {description} |")
    return "\n".join(rows)


def format_reference() -> str:
    """Every kind and field of the handbook format."""
    parts = []
    for title, models in SECTIONS:
        parts.append(f"## {title}")
        for model in models:
            doc = (model.__doc__ or "").strip().splitlines()[0]
            parts.append(f"### {model.__name__}\n\n{doc}\n\n{model_table(model, top_level=model in _TOP)}")
    rows = ["| Id | Name | Unit | Better | Range |", "|---|---|---|---|---|"]
    for metric in BUILTIN_METRICS.values():
        rows.append(f"| `{metric.id}` | {metric.name} | {metric.unit} | {metric.better} | {metric.describe_range()} |")
    parts.append("## Built-in metrics\n\n" + "\n".join(rows))
    return "\n\n".join(parts) + "\n"


def settings_reference() -> str:
    """The plugin's options (the same block the command line reads from mkdocs.yml)."""
    return (model_table(Settings) + "\n\n### Suppression\n\nEach entry of `ignore`:\n\n" + model_table(Suppression)
            + "\n\n### DataSettings\n\nThe `data` block:\n\n" + model_table(DataSettings) + "\n")


def findings_reference() -> str:
    """Every finding code of the analysis, with what it means."""

    rows = ["| Code | Meaning |", "|---|---|"] + [f"| `{code}` | {meaning} |" for code, meaning in CODES.items()]
    return "\n".join(rows) + "\n"
