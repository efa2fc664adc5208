"""The JSON Schema of the handbook format, generated from the models (never written by hand).

Editors use it to complete and validate the YAML as it is typed; a few shapes the models parse
from more than one spelling (``nps: 40`` or a mapping) are described as the author may write them.
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


def handbook_schema() -> dict[str, Any]:
    schema = TypeAdapter(_ANY_DEFINITION).json_schema(by_alias=True, mode="validation")
    defs: dict[str, Any] = schema["$defs"]
    for name in _TOP_LEVEL:
        definition = defs[name]
        required = [r for r in definition.get("required", []) if r != "id"]
        definition["required"] = ["kind", *required]
    for name in _DERIVED_ID:  # the id defaults to the slug of the name
        defs[name]["required"] = [r for r in defs[name].get("required", []) if r != "id"]
    metric_value = {"anyOf": [{"type": ["number", "string"], "description": "The target alone"},
                              {"$ref": "#/$defs/MetricValue"}]}
    for definition in defs.values():
        definition.pop("title", None)
        for prop in definition.get("properties", {}).values():
            prop.pop("title", None)
            values = [*prop.get("patternProperties", {}).values(), prop.get("additionalProperties", {})]
            if any(isinstance(v, dict) and v.get("$ref") == "#/$defs/MetricValue" for v in values):
                prop.pop("patternProperties", None)
                prop["propertyNames"] = {"pattern": SLUG_PATTERN}
                prop["additionalProperties"] = metric_value
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "mkdocs-journeys handbook definition",
        "description": "One YAML document of a journey handbook: a " + ", ".join(KINDS) + ".",
        **schema,
    }
