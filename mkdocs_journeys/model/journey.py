"""Journeys: stages in order, the touchpoints in each, and the paths between stages."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, Literal, NamedTuple

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..slugs import slugify
from .base import Node, OwnedNode
from .fields import Flag, Id, IdList, Markdown, Name, Number, RefList, Text, TextList
from .metrics import Metrics, MetricValue

DEFAULT_EMOTION_SCALE = (-2.0, 2.0)


def derive_id(data: Any) -> Any:
    """Stages, touchpoints and steps without an id take the slug of their name."""
    if isinstance(data, dict) and "id" not in data and isinstance(data.get("name"), str):
        slug = slugify(data["name"])
        if not slug and not data["name"].strip():
            return data  # a blank name is reported as such, not as a name without an id
        if not slug:
            raise PydanticCustomError(
                "empty_slug", "the name '{name}' gives no usable id: add an `id`", {"name": data["name"]}
            )
        return {**data, "id": slug}
    return data


def emotion_scale(info: ValidationInfo) -> tuple[float, float]:
    context = info.context
    if isinstance(context, Mapping) and "emotion_scale" in context:
        low, high = context["emotion_scale"]
        return (float(low), float(high))
    return DEFAULT_EMOTION_SCALE


class Touchpoint(OwnedNode):
    """A moment the customer meets the organisation."""

    id: Id = Field(description="Unique among the journey's stages and touchpoints; defaults to the slug of `name`.")
    name: Name = Field(description="What happens, from the customer's side: `Compares products online`.")
    channel: Id | None = Field(None, description="`web`, `mobile-app`, `email`, `phone`, `chat`, `branch`, ...")
    owner: Id | None = Field(None, description="The department accountable; defaults to the stage's owner.")
    emotion: Number | None = Field(None, description="How the customer feels, on the handbook's emotion scale.")
    doing: Text | None = Field(None, description="What the customer does.")
    thinking: Text | None = Field(None, description="What the customer thinks.")
    feeling: Text | None = Field(None, description="What the customer feels.")
    pain_points: TextList = Field(description="What goes wrong for the customer here.")
    opportunities: TextList = Field(description="Ideas to improve this moment.")
    backstage: TextList = Field(description="Work behind the scenes the customer does not see.")
    moment_of_truth: Flag = Field(False, description="A high-value moment that makes or breaks the journey.")
    supported_by: RefList = Field(description="Processes (`process`) or steps (`process/step`) behind it.")
    metrics: Metrics = Field(description="Metric values measured at this touchpoint.")
    alternative_to: Id | None = Field(
        None, description="An earlier touchpoint of the same stage that this one replaces for some customers "
        "(reports a claim by phone *or* in the app): the customer takes one of them. Alternatives share one "
        "column on the map and one position on the curve.")
    personas: IdList = Field(description="The journey's personas who take this touchpoint; empty: all of them.")
    activity: Text | None = Field(
        None, description="The activity that marks this touchpoint in an event log; default: its `name`.")
    evidence: Literal["observed", "assumed", "proposed"] | None = Field(
        None, description="What the content rests on: `observed` (seen in research or data), `assumed` (the team's "
        "belief, to be checked) or `proposed` (a design not yet live).")
    research: Text | None = Field(None, description="The research it comes from, e.g. `2026-Q2 diary study`.")

    _derive_id = model_validator(mode="before")(derive_id)

    @field_validator("emotion")
    @classmethod
    def _on_scale(cls, value: float | None, info: ValidationInfo) -> float | None:
        low, high = emotion_scale(info)
        if value is not None and not low <= value <= high:
            raise PydanticCustomError(
                "emotion_range", "{value} is outside the handbook's scale ({low} to {high})",
                {"value": _short(value), "low": _short(low), "high": _short(high)},
            )
        return value


class Stage(OwnedNode):
    """A phase of the journey, owned by one department."""

    id: Id = Field(description="Unique among the journey's stages and touchpoints; defaults to the slug of `name`.")
    name: Name = Field(description="The stage's name: `Research`, `Purchase`, ...")
    owner: Id | None = Field(None, description="The department accountable; defaults to the journey's owner.")
    contributors: IdList = Field(description="Other departments involved.")
    description: Markdown | None = Field(None, description="What happens in this stage.")
    metrics: Metrics = Field(description="Metric values for this stage.")
    touchpoints: list[Touchpoint] = Field(default_factory=list, description="The stage's touchpoints, in order.")

    _derive_id = model_validator(mode="before")(derive_id)


class Transition(Node):
    """A path between stages beyond list order, such as a loop back."""

    from_: Id = Field(alias="from", description="The stage the customer leaves.")
    to: Id = Field(description="The stage the customer goes to.")
    label: Text | None = Field(None, description="Why, e.g. `Comes back for a second product`.")


class Journey(Node):
    """A customer journey: what one kind of customer goes through to reach a goal."""

    kind: Literal["journey"] = Field("journey", description="Always `journey`.")
    id: Id = Field(description="The journey's id (defaults to the file's stem when the file holds one document).")
    title: Name = Field(description="The journey's title.")
    owner: Id = Field(description="The department accountable for the whole journey.")
    personas: IdList = Field(description="The personas who take this journey.")
    goal: Text | None = Field(None, description="The customer's goal.")
    summary: Markdown | None = Field(None, description="What the journey covers.")
    state: Literal["current", "future"] = Field("current", description="`current` (as-is) or `future` (to-be).")
    replaces: Id | None = Field(
        None, description="For a future-state journey: the current journey it replaces. Both pages compare "
        "the two.")
    reviewed: Text | None = Field(None, description="When the map was last reviewed against reality (`YYYY-MM-DD`).")
    reviewed_by: Text | None = Field(None, description="Who reviewed it.")
    tags: TextList = Field(description="Free labels for grouping.")
    metrics: Metrics = Field(description="Metric values for the whole journey.")
    stages: list[Stage] = Field(min_length=1, description="The stages, in journey order (at least one).")
    transitions: list[Transition] = Field(default_factory=list, description="Extra paths between stages.")

    @field_validator("reviewed")
    @classmethod
    def _a_date(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise PydanticCustomError("review_date", "'{value}' is not a date: write YYYY-MM-DD",
                                          {"value": value}) from None
            if len(value) != 10:
                raise PydanticCustomError("review_date", "'{value}' is not a date: write YYYY-MM-DD", {"value": value})
        return value

    @model_validator(mode="after")
    def _inherit_owners(self) -> Journey:
        for stage in self.stages:
            if stage.owner is None:
                stage.owner, stage._owner_inherited = self.owner, True
            for touchpoint in stage.touchpoints:
                if touchpoint.owner is None:
                    touchpoint.owner, touchpoint._owner_inherited = stage.owner, True
        return self

    def emotion_range(self) -> tuple[float, float] | None:
        """The lowest and highest emotion of the journey's touchpoints; None when none has one."""
        rated = [tp.emotion for _, tp in self.touchpoints() if tp.emotion is not None]
        return (min(rated), max(rated)) if rated else None

    def metric_values(self) -> Iterator[MetricAt]:
        """Every metric value of the journey, its stages and its touchpoints, in that order per stage."""
        for metric_id, value in self.metrics.items():
            yield MetricAt(self, metric_id, value, None)
        for stage in self.stages:
            for metric_id, value in stage.metrics.items():
                yield MetricAt(stage, metric_id, value, stage)
            for tp in stage.touchpoints:
                for metric_id, value in tp.metrics.items():
                    yield MetricAt(tp, metric_id, value, stage)

    def columns(self) -> list[Column]:
        """The map's columns in journey order: a touchpoint, with the alternatives to it beside it.

        An ``alternative_to`` that names no earlier touchpoint of the same stage (an error ``check``
        reports) leaves the touchpoint in a column of its own.
        """
        columns: list[Column] = []
        for stage in self.stages:
            column_of: dict[str, int] = {}
            for touchpoint in stage.touchpoints:
                target = column_of.get(touchpoint.alternative_to or "")
                if target is None:
                    column_of[touchpoint.id] = len(columns)
                    columns.append(Column(stage, [touchpoint]))
                else:
                    column_of[touchpoint.id] = target
                    columns[target].touchpoints.append(touchpoint)
        return columns

    def takes(self, persona_id: str, touchpoint: Touchpoint) -> bool:
        """Whether the persona meets the touchpoint: it takes the journey, and the touchpoint names it
        or names nobody."""
        return persona_id in self.personas and (not touchpoint.personas or persona_id in touchpoint.personas)

    def touchpoints(self) -> Iterator[tuple[Stage, Touchpoint]]:
        """Every touchpoint in journey order, with its stage."""
        for stage in self.stages:
            for touchpoint in stage.touchpoints:
                yield stage, touchpoint


class Column(NamedTuple):
    """One column of the journey map: a stage's touchpoint and its alternatives (the customer meets one)."""

    stage: Stage
    touchpoints: list[Touchpoint]


class MetricAt(NamedTuple):
    """A metric value and what carries it: the journey, a stage or a touchpoint (``stage``: the stage
    that holds it, None for the journey's own)."""

    node: Journey | Stage | Touchpoint
    metric_id: str
    value: MetricValue
    stage: Stage | None


def _short(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
