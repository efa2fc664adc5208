"""Process maps: the internal steps behind the journey, and how they follow one another."""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..source import Plain
from .base import Node, OwnedNode
from .durations import format_duration, other_digits, parse_duration
from .fields import Id, Markdown, Name, Quantity, RefList, StepTargets, Text, describe_value, shown
from .journey import derive_id


def _step_targets(value: Any) -> Any:
    """``next`` is one step id, a list of them, or ``[]`` for an end."""
    if value is None or isinstance(value, list):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("step_targets", "expected a step id or a list of step ids, got {got}",
                                  {"got": describe_value(value)})
    return [value]


class Branch(Node):
    """A conditional next step: if `when`, then `next`."""

    when: Text = Field(description="The condition, e.g. `valid`.")
    next: StepTargets = Field(description="The step that follows, or `[]` for an end.")

    _targets = field_validator("next", mode="before")(_step_targets)


class Step(OwnedNode):
    """One step of a process map."""

    id: Id = Field(description="Unique in its process; defaults to the slug of `name`.")
    name: Name = Field(description="What is done.")
    owner: Id | None = Field(None, description="The department that does it; defaults to the process owner.")
    sla: Quantity | None = Field(None, description="How long it may take: a duration such as `4h` or `2d`.")
    decision: Text | None = Field(None, description="Marks a decision: the question asked.")
    branches: list[Branch] = Field(default_factory=list, description="Conditional next steps.")
    next: StepTargets | None = Field(None, description="Next step id(s), or `[]` for an end; default: the next listed.")
    supports: RefList = Field(description="Touchpoints (`journey/touchpoint`) this step serves.")
    summary: Markdown | None = Field(None, description="Detail on how the step is done (extension).")
    activity: Text | None = Field(
        None, description="The activity that marks this step in an event log; default: its `name`.")

    _derive_id = model_validator(mode="before")(derive_id)
    _targets = field_validator("next", mode="before")(_step_targets)

    @field_validator("sla", mode="before")
    @classmethod
    def _duration(cls, raw: Any) -> Any:
        if raw is None:
            return None
        written = raw
        if isinstance(raw, Plain):
            raw = raw.value
        if isinstance(raw, str) and other_digits(raw):
            raise PydanticCustomError("duration", "'{raw}' is not a duration: write numbers with the digits 0-9",
                                      {"raw": shown(raw)})
        seconds = parse_duration(raw) if isinstance(raw, str) else raw
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not 0 <= seconds < math.inf:
            raise PydanticCustomError("duration", "'{raw}' is not a duration: write e.g. 45m, 4h, 2d or 1w",
                                      {"raw": shown(written)})
        return float(seconds)

    @model_validator(mode="after")
    def _next_or_branches(self) -> Step:
        if self.next is not None and self.branches:
            raise PydanticCustomError("next_and_branches", "a step has `next` or `branches`, not both")
        return self

    @property
    def sla_text(self) -> str | None:
        return format_duration(self.sla) if self.sla is not None else None


class Process(Node):
    """An internal process map: who does what, in which order, behind the journey."""

    kind: Literal["process"] = Field("process", description="Always `process`.")
    id: Id = Field(description="The process's id (defaults to the file's stem when the file holds one document).")
    title: Name = Field(description="The process's title.")
    owner: Id = Field(description="The department accountable for the process.")
    summary: Markdown | None = Field(None, description="What the process is for.")
    steps: list[Step] = Field(min_length=1, description="The steps; the first is the start.")

    @model_validator(mode="after")
    def _inherit_owners(self) -> Process:
        for step in self.steps:
            if step.owner is None:
                step.owner, step._owner_inherited = self.owner, True
        return self

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def successors(self, index: int) -> list[tuple[str, str | None]]:
        """The steps that may follow step ``index``, each with its branch condition (or None)."""
        step = self.steps[index]
        if step.branches:
            return [(target, branch.when) for branch in step.branches for target in branch.next]
        if step.next is not None:
            return [(target, None) for target in step.next]
        if index + 1 < len(self.steps):
            return [(self.steps[index + 1].id, None)]
        return []

    def is_end(self, index: int) -> bool:
        return not self.successors(index)



