"""Definitions taken apart for comparison: the definition itself and its stages, touchpoints or steps,
each with the fields a reader sees, keyed by id so that order and position do not count.

Owners are kept as written (an inherited owner is no field of the part) and, separately, as the
effective owner given by :func:`.ownership.effective_owners`, for the ownership moves. Metric
values are left to :mod:`.metrics`.
A touchpoint gets a ``stage`` field: moving it to another stage is a change of that field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel

from ..handbook import Handbook
from ..kinds import KINDS as SPECS
from ..kinds import EntityKind as Kind
from ..model import Journey, Process
from .renames import Shape, leaves

NAME_FIELDS = ("title", "name")


@dataclass(frozen=True)
class Part:
    """The definition itself (``kind`` empty) or one stage, touchpoint or step of it."""

    kind: str
    id: str
    name: str
    fields: dict[str, Any]
    owner: str | None = None  # effective owner, for journeys, processes and their parts
    was: str | None = None  # an old part's id before :func:`normalise` put it in the new ids

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}" if self.kind else ""

    @property
    def anchor(self) -> str | None:
        """The part's anchor on its page (an old part's: on the published page)."""
        return f"{self.kind}-{self.was or self.id}" if self.kind else None

    def label(self, entity_kind: Kind) -> str:
        return f"{self.kind} '{self.name}'" if self.kind else f"the {entity_kind}"

    def shape(self) -> Shape:
        return Shape(self.name, frozenset(leaves({k: v for k, v in self.fields.items() if k not in NAME_FIELDS})))


@dataclass
class Flat:
    """A definition as parts (in document order) and the orders that mean something to a reader."""

    kind: Kind
    id: str
    title: str
    parts: dict[str, Part]
    orders: dict[str, list[str]] = field(default_factory=dict)  # "stages", "touchpoints:STAGE", "steps"

    def of_kind(self, kind: str) -> dict[str, Part]:
        return {p.id: p for p in self.parts.values() if p.kind == kind}


def definitions(handbook: Handbook) -> dict[Kind, dict[str, Any]]:
    return {kind: getattr(handbook, spec.collection) for kind, spec in SPECS.items()}  # type: ignore[misc]


def _fields(model: BaseModel, exclude: set[str], inherited: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = model.model_dump(mode="json", by_alias=True, exclude_none=True,
                                            exclude={"id", "kind", *exclude})
    if inherited:
        data.pop("owner", None)
    return data


def title_of(model: Any) -> str:
    return str(getattr(model, "title", None) or getattr(model, "name", None) or model.id)


def flatten(kind: Kind, model: Any, owners: Mapping[str, str] | None = None) -> Flat:
    """``owners``: part key → effective owner, for a journey or process."""
    flat = Flat(kind, model.id, title_of(model), {})

    def add(part: Part) -> None:
        flat.parts[part.key] = replace(part, owner=(owners or {}).get(part.key))

    if isinstance(model, Journey):
        add(Part("", model.id, model.title, _fields(model, {"metrics", "stages"})))
        flat.orders["stages"] = [s.id for s in model.stages]
        for stage in model.stages:
            add(Part("stage", stage.id, stage.name, _fields(stage, {"metrics", "touchpoints"}, stage.owner_inherited)))
            flat.orders[f"touchpoints:{stage.id}"] = [t.id for t in stage.touchpoints]
            for tp in stage.touchpoints:
                fields = {"stage": stage.id, **_fields(tp, {"metrics"}, tp.owner_inherited)}
                add(Part("touchpoint", tp.id, tp.name, fields))
    elif isinstance(model, Process):
        add(Part("", model.id, model.title, _fields(model, {"steps"})))
        flat.orders["steps"] = [s.id for s in model.steps]
        for step in model.steps:
            add(Part("step", step.id, step.name, _fields(step, set(), step.owner_inherited)))
    else:
        add(Part("", model.id, title_of(model), _fields(model, set())))
    return flat


def shape(model: Any, referred_from: Iterable[str] = ()) -> Shape:
    """A whole definition's shape, for recognising it under another id: its content, and the places
    that refer to it (see :mod:`.references`)."""
    data = model.model_dump(mode="json", by_alias=True, exclude_none=True, exclude={"id", "kind", *NAME_FIELDS})
    return Shape(title_of(model), frozenset([*leaves(data), *(f"<-{place}" for place in referred_from)]))


@dataclass
class Renames:
    """Old ids → new ids: of definitions per kind, and of parts per (kind, old definition id)."""

    entities: dict[str, dict[str, str]] = field(default_factory=dict)
    parts: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    def entity(self, kind: str, old_id: str) -> str:
        return self.entities.get(kind, {}).get(old_id, old_id)

    def part(self, kind: str, old_entity: str, old_part: str) -> str:
        return self.parts.get((kind, old_entity), {}).get(old_part, old_part)

    def reference(self, kind: str, value: str) -> str:
        """``id`` or ``id/part`` of a definition of ``kind``, in the new ids."""
        entity, slash, part = value.partition("/")
        new = self.entity(kind, entity)
        return f"{new}/{self.part(kind, entity, part)}" if slash else new


def normalise(kind: Kind, old_id: str, part: Part, renames: Renames) -> Part:
    """An old part in the new handbook's ids: a rename elsewhere is no change of a reference here."""
    def dept(value: Any) -> Any:
        return renames.entity("department", value) if isinstance(value, str) else value

    def own(value: Any) -> Any:  # a stage or step of this same definition
        return renames.part(kind, old_id, value) if isinstance(value, str) else value

    def each(values: Any, mapper: Any) -> Any:
        return [mapper(v) for v in values] if isinstance(values, list) else values

    fields = dict(part.fields)
    for name in ("owner", "parent"):
        if name in fields:
            fields[name] = dept(fields[name])
    if "contributors" in fields:
        fields["contributors"] = each(fields["contributors"], dept)
    if kind == "journey":
        if "personas" in fields:
            fields["personas"] = each(fields["personas"], lambda v: renames.entity("persona", v))
        if "transitions" in fields:
            fields["transitions"] = [{**t, "from": own(t.get("from")), "to": own(t.get("to"))}
                                     for t in fields["transitions"]]
        if "stage" in fields:
            fields["stage"] = own(fields["stage"])
        if "supported_by" in fields:
            fields["supported_by"] = each(fields["supported_by"], lambda v: renames.reference("process", v))
    if kind == "process":
        if "supports" in fields:
            fields["supports"] = each(fields["supports"], lambda v: renames.reference("journey", v))
        if "next" in fields:
            fields["next"] = each(fields["next"], own)
        if "branches" in fields:
            fields["branches"] = [{**b, "next": each(b.get("next"), own)} for b in fields["branches"]]
    owner = dept(part.owner) if part.owner is not None else None
    new_id = renames.part(kind, old_id, part.id) if part.kind else renames.entity(kind, part.id)
    return replace(part, id=new_id, fields=fields, owner=owner, was=part.id)
