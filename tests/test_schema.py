"""``mkdocs-journeys schema``: a valid JSON Schema (its declared draft, 2020-12) that accepts what the
handbook accepts and refuses unknown fields, as editors need it to."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
from jsonschema.validators import validator_for

from mkdocs_journeys.cli import main
from mkdocs_journeys.kinds import KINDS
from mkdocs_journeys.load.definitions import handbook_files
from mkdocs_journeys.load.yaml_reader import read_file
from mkdocs_journeys.model import Node
from mkdocs_journeys.model.metrics import METRIC_KEY
from mkdocs_journeys.schema import handbook_schema
from mkdocs_journeys.source import Plain

from .sites import example_handbook


def plain_json(value: Any) -> Any:
    """Data as a YAML 1.2 editor sees it (``40`` a number, ``2026-Q3`` text), as JSON types."""
    if isinstance(value, Plain):
        return value.value
    if isinstance(value, dict):
        return {key: plain_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_json(item) for item in value]
    return value


def example_documents() -> list[dict[str, Any]]:
    documents = []
    for path in handbook_files(example_handbook()):
        result = read_file(path)
        assert result.problems == []
        documents.extend(plain_json(doc.data) for doc in result.documents)
    return documents


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return handbook_schema()


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def messages(validator: jsonschema.protocols.Validator, document: dict[str, Any]) -> list[str]:
    return [error.message for error in validator.iter_errors(document)]


def test_the_command_prints_the_schema_as_json(capsys: pytest.CaptureFixture[str], schema: dict[str, Any]) -> None:
    assert main(["schema"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and json.loads(out) == schema
    assert main(["schema"]) == 0 and capsys.readouterr().out == out  # the same bytes every time


def test_it_is_valid_against_the_meta_schema_it_declares(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    cls = validator_for(schema)
    assert cls is jsonschema.Draft202012Validator
    cls.check_schema(schema)
    # every $ref resolves
    refs = {ref for ref in _values(schema, "$ref")}
    assert refs and all(ref.removeprefix("#/$defs/") in schema["$defs"] for ref in refs)


def _values(node: Any, key: str) -> list[Any]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == key] + [x for v in node.values() for x in _values(v, key)]
    if isinstance(node, list):
        return [x for v in node for x in _values(v, key)]
    return []


def test_every_document_of_the_example_handbook_is_valid(validator: jsonschema.protocols.Validator) -> None:
    documents = example_documents()
    assert len(documents) == 12
    assert {doc["kind"] for doc in documents} == set(KINDS) - {"dataset"}  # datasets came with data.md
    for document in documents:
        assert messages(validator, document) == [], document.get("id")


def test_every_field_of_every_model_is_in_the_schema(schema: dict[str, Any]) -> None:
    defs = schema["$defs"]

    def check(model: type[Node]) -> None:
        name = model.__name__
        assert name in defs, name
        fields = {info.alias or field for field, info in model.model_fields.items()} - {METRIC_KEY}
        assert set(defs[name]["properties"]) == fields, name
        assert defs[name]["additionalProperties"] is False, name

    for model in (spec.model for spec in KINDS.values()):
        check(model)
    from mkdocs_journeys.model import Branch, HistoryPoint, MetricValue, Stage, Step, Touchpoint, Transition

    for part in (Branch, HistoryPoint, MetricValue, Stage, Step, Touchpoint, Transition):
        check(part)


JOURNEY: dict[str, Any] = {
    "kind": "journey", "title": "T", "owner": "sales",
    "metrics": {"nps": 40, "churn": {"target": "3%", "actual": 4.5, "history": [{"period": "2026-Q1", "value": 5}]}},
    "stages": [{"name": "Research", "touchpoints": [{"name": "Reads", "emotion": -1.5, "supported_by": ["p/s"]}]}],
}


def test_what_the_handbook_accepts_the_schema_accepts(validator: jsonschema.protocols.Validator) -> None:
    assert messages(validator, JOURNEY) == []  # no ids (derived), a target alone, a % as text
    process = {"kind": "process", "id": "p", "title": "P", "owner": "o",
               "steps": [{"name": "A", "next": "b"}, {"id": "b", "name": "B", "next": []},
                         {"name": "C", "branches": [{"when": "ok", "next": []}, {"when": "no", "next": "b"}]},
                         {"name": "D", "next": ["b", "c"], "sla": "4h"}]}
    assert messages(validator, process) == []
    metric = {"kind": "metric", "id": "m", "name": "M", "better": "none", "unit": "count", "min": 0}
    assert messages(validator, metric) == []
    assert messages(validator, {"kind": "department", "name": "Sales"}) == []
    assert messages(validator, {"kind": "persona", "name": "Saver", "channels": ["web"]}) == []


def _with(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    node: Any = changed
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return changed


@pytest.mark.parametrize(("path", "value"), [
    (("titel",), "typo"),  # an unknown field, at the top
    (("stages", 0, "touchpoints", 0, "chanel"), "web"),  # deep down
    (("metrics", "churn", "targt"), 3),  # in a metric value
    (("metrics", "churn", "history", 0, "note"), "x"),  # in a history entry
    (("kind",), "jorney"),  # an unknown kind
    (("id",), "Not_A_Slug"),
    (("owner",), "Sales"),
    (("stages",), []),  # at least one stage
    (("state",), "later"),
    (("stages", 0, "touchpoints", 0, "emotion"), "happy"),
    (("stages", 0, "touchpoints", 0, "moment_of_truth"), "yes"),
    (("stages", 0, "touchpoints", 0, "supported_by"), ["a/b/c"]),
    (("metrics", "Not a slug"), 3),
    (("tags",), "one"),
])
def test_the_schema_rejects_what_the_handbook_rejects(validator: jsonschema.protocols.Validator,
                                                      path: tuple[Any, ...], value: Any) -> None:
    assert messages(validator, _with(JOURNEY, path, value))


def test_required_fields(validator: jsonschema.protocols.Validator) -> None:
    for field in ("kind", "title", "owner", "stages"):
        document = {k: v for k, v in JOURNEY.items() if k != field}
        assert messages(validator, document), field
    assert messages(validator, {"kind": "department"})
    assert messages(validator, {"kind": "metric", "id": "m", "name": "M"})  # better is required
    assert messages(validator, {"kind": "process", "title": "P", "owner": "o", "steps": [{"id": "a"}]})

