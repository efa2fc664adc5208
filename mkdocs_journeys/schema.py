"""The JSON Schema of the handbook format, generated from the models (never written by hand).

Editors use it to complete and validate the YAML as it is typed, so it says what the loader takes,
not what the models hold: a plain ``2030`` or ``true`` where text is expected stays text as written,
``null`` leaves an optional field out, and a few shapes the models parse from more than one spelling
(``nps: 40`` or a mapping) are described as the author may write them.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from .kinds import KINDS
from .model import Definition
from .slugs import SLUG_PATTERN

_ANY_DEFINITION = Annotated[Definition, Field(discriminator="kind")]
_TOP_LEVEL = tuple(spec.model.__name__ for spec in KINDS.values())
_DERIVED_ID = ("Stage", "Touchpoint", "Step")
# A plain scalar YAML would type is text where text is expected; where an id is, only the numbers
# written as digits alone are ids (`2030`, not `1.5` or `-3`): the schema cannot see what was
# written, so it takes the whole numbers and leaves booleans (`true` is an id, `True` is not) out.
_TEXT_TYPES = ["string", "number", "boolean"]
_ID_TYPES = ["string", "integer"]


def handbook_schema() -> dict[str, Any]:
    schema = TypeAdapter(_ANY_DEFINITION).json_schema(by_alias=True, mode="validation")
    defs: dict[str, Any] = schema["$defs"]
    for name in _TOP_LEVEL:
        definition = defs[name]
        required = [r for r in definition.get("required", []) if r != "id"]
        definition["required"] = ["kind", *required]
        definition["properties"]["kind"].pop("default", None)  # the dispatch has already chosen it
    for name in _DERIVED_ID:  # the id defaults to the slug of the name
        defs[name]["required"] = [r for r in defs[name].get("required", []) if r != "id"]
    # The target alone, or the full mapping: chosen by the value's type, so a mistake inside the
    # mapping is blamed on its field rather than on both spellings at once.
    metric_value = {"if": {"type": "object"}, "then": {"$ref": "#/$defs/MetricValue"},
                    "else": {"type": ["number", "string"], "description": "The target alone"}}
    for definition in defs.values():
        definition.pop("title", None)
        for prop in definition.get("properties", {}).values():
            prop.pop("title", None)
            values = [*prop.get("patternProperties", {}).values(), prop.get("additionalProperties", {})]
            if any(isinstance(v, dict) and v.get("$ref") == "#/$defs/MetricValue" for v in values):
                prop.pop("patternProperties", None)
                prop["propertyNames"] = {"pattern": SLUG_PATTERN}
                prop["additionalProperties"] = metric_value
    as_written(defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "mkdocs-journeys handbook definition",
        "description": "One YAML document of a journey handbook: a " + ", ".join(KINDS) + ".",
        **_dispatch(defs),
        "$defs": defs,
    }


def _dispatch(defs: dict[str, Any]) -> dict[str, Any]:
    """The kind chooses the definition with ``if``/``then``: a validator then reports the fields of
    that kind (``stages[0]: 'name' is required``), not "matches none of the kinds"."""
    kinds = {kind: spec.model.__name__ for kind, spec in KINDS.items()}
    return {
        "type": ["object", "null"],  # an empty document is skipped
        "required": ["kind"],
        "properties": {"kind": {"enum": list(kinds), "description": "What this document defines"}},
        "allOf": [{"if": {"type": "object", "properties": {"kind": {"const": kind}}, "required": ["kind"]},
                   "then": {"$ref": f"#/$defs/{name}"}} for kind, name in kinds.items()],
    }


def as_written(node: Any) -> Any:
    """Every schema below ``node`` as an author may write it: text fields take the scalars the loader
    keeps as text, optional fields take ``null`` without it being offered as a default."""
    if isinstance(node, list):
        return [as_written(item) for item in node]
    if not isinstance(node, dict):
        return node
    for key, value in list(node.items()):
        if key not in ("const", "enum", "default"):
            node[key] = as_written(value)
    if node.get("default", ...) is None:
        del node["default"]
    if node.get("type") == "string" and "const" not in node and "enum" not in node:
        node["type"] = _ID_TYPES if "pattern" in node else _TEXT_TYPES
        if "pattern" in node:
            node["minimum"] = 0
    options = node.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options and len(options) == 2:
        _merge_null(node, next(o for o in options if o != {"type": "null"}))
    return node


def _merge_null(node: dict[str, Any], other: dict[str, Any]) -> None:
    """``anyOf: [X, null]`` as X that also takes null: one message instead of two when it is wrong."""
    if "type" not in other or "$ref" in other:
        return
    del node["anyOf"]
    merged = dict(other)
    types = merged["type"] if isinstance(merged["type"], list) else [merged["type"]]
    merged["type"] = [*types, "null"]
    if "enum" in merged:
        merged["enum"] = [*merged["enum"], None]
    node.update({k: v for k, v in merged.items() if k not in node or k == "type"})
