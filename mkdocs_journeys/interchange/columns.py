"""The spreadsheet's columns, one row per touchpoint, generated from the models so that the
template, the import, the export and the documentation never disagree with the format."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any, Literal

from ..model import Journey, Stage, Touchpoint

Kind = Literal["text", "id", "list", "id-list", "number", "flag"]
LIST_SEPARATOR = ";"

# The journey's and the stage's fields a touchpoint row carries; the row's name columns (`journey`,
# `stage`, `touchpoint`) hold names, their `*_id` columns ids.
_JOURNEY_FIELDS = ("title", "id", "owner", "personas")
_STAGE_FIELDS = ("name", "id", "owner")
_LEFT_OUT = {"metrics"}  # a table of its own in an export
# What a row's name and id columns mean in a sheet, where the model's own words speak of files.
_IN_A_SHEET = {
    "journey": "The journey's title: rows with the same journey make one journey.",
    "journey_id": "The journey's id; default: the slug of `journey`.",
    "journey_owner": "The department accountable for the whole journey (id or name); default: a placeholder.",
    "stage": "The stage's name: rows with the same stage make one stage, in the order they first appear.",
    "stage_id": "The stage's id; default: the slug of `stage`.",
    "touchpoint_id": "The touchpoint's id; default: the slug of `touchpoint`.",
}


@dataclass(frozen=True)
class Column:
    name: str
    field: str
    level: Literal["journey", "stage", "touchpoint"]
    kind: Kind
    description: str
    choices: tuple[str, ...] = ()
    required: bool = False


def _kind(annotation: Any) -> tuple[Kind, tuple[str, ...]]:
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner = args[0]
        metadata = " ".join(repr(a) for a in args[1:])
        if typing.get_origin(inner) is list:
            return ("id-list" if "check_slug" in repr(typing.get_args(inner)) else "list"), ()
        if inner is bool:
            return "flag", ()
        if inner is float:
            return "number", ()
        return ("id" if "check_slug" in metadata else "text"), ()
    if origin is Literal:
        return "text", tuple(str(a) for a in args)
    if origin is list:
        return ("id-list" if "check_slug" in repr(args) else "list"), ()
    if annotation is bool:
        return "flag", ()
    if annotation is float:
        return "number", ()
    non_none = [a for a in args if a is not type(None)]
    if len(non_none) == 1:
        return _kind(non_none[0])
    return "text", ()


def _column(name: str, field: str, level: Literal["journey", "stage", "touchpoint"], model: type[Any],
            required: bool = False) -> Column:
    info = model.model_fields[field]
    kind, choices = _kind(info.rebuild_annotation())
    if field == "id":
        kind = "id"
    return Column(name, field, level, kind, _IN_A_SHEET.get(name, info.description or ""), choices, required)


def columns() -> list[Column]:
    """Every column, in the order a template and an export write them."""
    found = [
        _column("journey", "title", "journey", Journey, True),
        *(_column(f"journey_{f}", f, "journey", Journey) for f in _JOURNEY_FIELDS if f != "title"),
        _column("stage", "name", "stage", Stage, True),
        *(_column(f"stage_{f}", f, "stage", Stage) for f in _STAGE_FIELDS if f != "name"),
        _column("touchpoint", "name", "touchpoint", Touchpoint, True),
        _column("touchpoint_id", "id", "touchpoint", Touchpoint),
    ]
    found += [_column(f, f, "touchpoint", Touchpoint) for f in Touchpoint.model_fields
              if f not in ("id", "name") and f not in _LEFT_OUT]
    return found


def column_names() -> list[str]:
    return [c.name for c in columns()]


def columns_markdown() -> str:
    """The documentation's table of the columns."""
    rows = ["| column | what it holds |", "|---|---|"]
    for c in columns():
        what = c.description.replace("|", "\\|")
        if c.kind in ("list", "id-list"):
            what += f" Several: separated by `{LIST_SEPARATOR}`."
        if c.kind == "flag":
            what += " `yes` or `no`."
        if c.required:
            what += " **Required.**"
        rows.append(f"| `{c.name}` | {what} |")
    return "\n".join(rows) + "\n"
