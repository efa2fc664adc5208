"""Field types shared by every model, with the format's rules for text, ids, numbers and flags.

Input comes from :mod:`mkdocs_journeys.load.yaml_reader`: plain scalars that YAML would type arrive as
:class:`~mkdocs_journeys.source.Plain` (text plus typed value), so a text field keeps what
the author wrote and a number field refuses quoted text, booleans, ``.nan`` and ``.inf``.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..slugs import SLUG_PATTERN, is_slug
from ..source import Plain


def describe_value(value: Any) -> str:
    if isinstance(value, Plain):
        value = value.value
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def as_text(value: Any) -> Any:
    if isinstance(value, str):
        return str(value)  # a Plain becomes the exact text written
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # models built from Python
    raise PydanticCustomError("text_type", "expected text, got {got}", {"got": describe_value(value)})


def shown(value: Any, limit: int = 40) -> str:
    """A value as written, cut short for a message (a number may run to thousands of digits)."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def as_number(value: Any) -> Any:
    written = value
    if isinstance(value, Plain):
        value = value.value
    if isinstance(value, str) and any(c.isdigit() and not c.isascii() for c in value):
        raise PydanticCustomError("number_type", "expected a number written with the digits 0-9, got '{got}'",
                                  {"got": shown(value)})
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PydanticCustomError("number_type", "expected a number, got {got}", {"got": describe_value(value)})
    if math.isnan(value) or math.isinf(value):
        raise PydanticCustomError("number_finite", "expected a finite number, got '{got}'", {"got": shown(written)})
    return value


def as_flag(value: Any) -> Any:
    if isinstance(value, Plain):
        value = value.value
    if not isinstance(value, bool):
        raise PydanticCustomError("flag_type", "expected true or false, got {got}", {"got": describe_value(value)})
    return value


def check_slug(value: str) -> str:
    if not is_slug(value):
        raise PydanticCustomError(
            "slug",
            "'{value}' is not a valid id: use lower-case letters, digits and '-', starting with a letter "
            "or digit, at most 64 characters",
            {"value": value},
        )
    return value


def check_not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "must not be empty")
    return value


def check_ref(value: str) -> str:
    """A reference: ``id`` or ``parent/child``, each part a slug."""
    parts = value.split("/")
    if len(parts) > 2 or not all(is_slug(p) for p in parts):
        raise PydanticCustomError(
            "reference",
            "'{value}' is not a valid reference: write an id, or ID/CHILD-ID for a touchpoint or step",
            {"value": value},
        )
    return value


_TEXT_SCHEMA: dict[str, Any] = {"type": "string"}

Text = Annotated[str, BeforeValidator(as_text), WithJsonSchema(_TEXT_SCHEMA)]
"""Plain text, shown exactly as written."""

Name = Annotated[str, BeforeValidator(as_text), AfterValidator(check_not_blank), WithJsonSchema(
    {"type": "string", "minLength": 1})]

Markdown = Annotated[str, BeforeValidator(as_text), WithJsonSchema(
    {"type": "string", "description": "Markdown"})]
"""Text rendered as Markdown."""

Id = Annotated[str, BeforeValidator(as_text), AfterValidator(check_slug), WithJsonSchema(
    {"type": "string", "pattern": SLUG_PATTERN})]
"""A slug id, or a reference to one."""

Ref = Annotated[str, BeforeValidator(as_text), AfterValidator(check_ref), WithJsonSchema(
    {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,63}(/[a-z0-9][a-z0-9-]{0,63})?$"})]
"""A reference to an entity (``id``) or to a part of one (``id/part``)."""

Number = Annotated[float, BeforeValidator(as_number), WithJsonSchema({"type": "number"})]

Flag = Annotated[bool, BeforeValidator(as_flag), WithJsonSchema({"type": "boolean"})]

TextList = Annotated[list[Text], Field(default_factory=list)]
IdList = Annotated[list[Id], Field(default_factory=list)]
RefList = Annotated[list[Ref], Field(default_factory=list)]

Quantity = Annotated[float, WithJsonSchema({"type": ["number", "string"]})]
"""A number the model parses from its written form: ``4.5%``, ``3d 4h``."""

StepTargets = Annotated[list[Id], WithJsonSchema({"anyOf": [
    {"type": "string", "pattern": SLUG_PATTERN},
    {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}},
]})]
"""One step id, or a list of them (``[]``: the process ends)."""
