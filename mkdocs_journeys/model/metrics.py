"""Metrics: definitions (built in and custom), written values, and whether a target is met.

A value's meaning depends on its metric (``4.5%``, ``3d 4h``, whole counts, ranges), so values are
parsed against the metric registry passed in the validation context; without one, the built-in
metrics apply.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from ..language import ENGLISH, N_, _, active, number, percent
from ..source import Plain
from .base import Node
from .durations import Duration, format_duration, number_text, other_digits, parse_duration, plain_number
from .fields import Id, Markdown, Name, Number, Quantity, Text, shown

Better = Literal["higher", "lower", "none"]
Status = Literal["met", "missed", "no data"]

METRIC_KEY = "__metric__"  # injected by the owner of a ``metrics`` mapping: values need their key


class MetricDefinition(Node):
    """A metric a handbook measures: what it is called, its unit, and which direction is better."""

    kind: Literal["metric"] = Field("metric", description="Always `metric`.")
    id: Id = Field(description="The metric's id, used as the key under `metrics:`. Must not be a built-in id.")
    name: Name = Field(description="Shown in metric tables.")
    summary: Markdown | None = Field(None, description="What the metric measures and how (extension).")
    unit: Text | None = Field(
        None, description='`%`, `points`, `count`, `duration` or any short label; left out, values are plain numbers.'
    )
    better: Better = Field(description="`higher`, `lower` or `none`: the direction in which a value is better.")
    min: Number | None = Field(None, description="The lowest valid value (checked).")
    max: Number | None = Field(None, description="The highest valid value (checked).")

    @field_validator("max")
    @classmethod
    def _min_below_max(cls, value: float | None, info: ValidationInfo) -> float | None:
        low = info.data.get("min")  # reported at `max`, even when another field is wrong too
        if value is not None and low is not None and low > value:
            raise PydanticCustomError("range", "{max} is less than min ({min})",
                                      {"min": number_text(low), "max": number_text(value)})
        return value

    @property
    def bounds(self) -> tuple[float | None, float | None]:
        if self.unit == "%" and self.min is None and self.max is None:
            return (0.0, 100.0)
        return (self.min, self.max)

    def format(self, value: float | None) -> str:
        """A value as people read it: ``4.5%``, ``1,200``, a duration in the units it was written in
        (``19d``, ``3d 4h``)."""
        if value is None:
            return ""
        if self.unit == "duration":
            return format_duration(value)
        if self.unit == "%":  # the page's language: 71,5 % in German
            return percent(value, f"{number_text(value)}%")
        if self.unit == "count":
            return number(int(value), f"{int(value):,}")
        if self.unit and self.unit != "points":
            return f"{number(value, number_text(value))} {self.unit}"
        return number(value, number_text(value))

    def parse(self, raw: Any) -> float:
        """A written value as a number in the metric's unit; raises a pydantic error if invalid."""
        value = self._parse_unchecked(raw)
        if math.isnan(value) or math.isinf(value):
            raise PydanticCustomError("metric_value", "expected a finite number, got '{raw}'", {"raw": shown(raw)})
        if self.unit == "count" and value != int(value):
            raise PydanticCustomError("metric_value", "{name} is a count: '{raw}' is not a whole number",
                                      {"name": self.name, "raw": str(raw)})
        lo, hi = self.bounds
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise PydanticCustomError(
                "metric_range", "{value} is outside the range of {name} ({range})",
                {"value": self.format(value), "name": self.name, "range": self.describe_range()},
            )
        return value

    def describe_range(self) -> str:
        lo, hi = self.bounds
        if lo is not None and hi is not None:
            return f"{self.format(lo)} to {self.format(hi)}"
        if lo is not None:
            return f">= {self.format(lo)}"
        if hi is not None:
            return f"<= {self.format(hi)}"
        return "any"

    def _parse_unchecked(self, raw: Any) -> float:
        if isinstance(raw, Plain):
            raw = raw.value
        if isinstance(raw, bool) or raw is None or not isinstance(raw, (int, float, str)):
            got = "a boolean" if isinstance(raw, bool) else "nothing" if raw is None else "a list or mapping"
            raise PydanticCustomError("metric_value", "expected a value for {name}, got {got}",
                                      {"name": self.name, "got": got})
        if isinstance(raw, (int, float)):
            return float(raw)
        text = raw.strip()
        if other_digits(text):
            raise PydanticCustomError("metric_value", "'{raw}' is not a number: write numbers with the digits 0-9",
                                      {"raw": shown(raw)})
        if self.unit == "duration":
            seconds = parse_duration(text)
            if seconds is None:
                raise PydanticCustomError(
                    "metric_value", "'{raw}' is not a duration: write e.g. 45m, 2h, 3d 4h, 1.5h or 1w",
                    {"raw": raw})
            return seconds
        if text.endswith("%"):
            if self.unit != "%":
                raise PydanticCustomError(
                    "metric_value", "'{raw}' has a % sign, but the unit of {name} is {unit}",
                    {"raw": raw, "name": self.name, "unit": self.unit or "a plain number"})
            text = text[:-1].strip()
        try:
            return float(plain_number(text))
        except ValueError:
            raise PydanticCustomError("metric_value", "'{raw}' is not a number", {"raw": raw}) from None


def _builtin(id: str, name: str, unit: str, better: Better, lo: float | None, hi: float | None) -> MetricDefinition:
    return MetricDefinition(id=id, name=name, unit=unit, better=better, min=lo, max=hi)


BUILTIN_METRICS: dict[str, MetricDefinition] = {
    m.id: m
    for m in (
        _builtin("nps", N_("Net Promoter Score"), "points", "higher", -100, 100),
        _builtin("csat", N_("Customer satisfaction"), "%", "higher", 0, 100),
        _builtin("ces", N_("Customer effort score"), "points", "higher", 1, 7),
        _builtin("churn", N_("Churn rate"), "%", "lower", 0, 100),
        _builtin("conversion", N_("Conversion rate"), "%", "higher", 0, 100),
        _builtin("retention", N_("Retention rate"), "%", "higher", 0, 100),
        _builtin("duration", N_("Time to complete"), "duration", "lower", 0, None),
        _builtin("volume", N_("Customers reaching this point"), "count", "none", 0, None),
    )
}
# The package's own words for a unit a metric may name (the unit itself stays what the format reads).
UNIT_NAMES = {"points": N_("points")}


def builtin_metrics() -> dict[str, MetricDefinition]:
    """The built-in metrics named in the active language: the package wrote those names, so the
    pages translate them like their other words (ids and units stay as they are)."""
    language = active()
    return BUILTIN_METRICS if language == ENGLISH else _builtins_in(language)


@functools.lru_cache(maxsize=8)
def _builtins_in(language: str) -> dict[str, MetricDefinition]:
    return {key: metric.model_copy(update={"name": _(metric.name)}) for key, metric in BUILTIN_METRICS.items()}


def registry(info: ValidationInfo) -> Mapping[str, MetricDefinition]:
    context = info.context
    if isinstance(context, Mapping) and "metrics" in context:
        metrics: Mapping[str, MetricDefinition] = context["metrics"]
        return metrics
    return BUILTIN_METRICS


def _metric_of(info: ValidationInfo) -> MetricDefinition | None:
    metric_id = info.data.get("metric_id")
    return registry(info).get(metric_id) if metric_id else None


class HistoryPoint(Node):
    """One measured value of a metric, for its history chart."""

    metric_id: SkipJsonSchema[str] = Field(alias=METRIC_KEY, exclude=True)
    period: Text = Field(description="The period measured, e.g. `2026-Q2`.")
    value: Quantity = Field(description="The value measured in that period.")

    @field_validator("value", mode="wrap")
    @classmethod
    def _parse(cls, raw: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
        metric = _metric_of(info)
        return _as_written(metric.parse(raw) if metric else 0.0, handler)


class MetricValue(Node):
    """A metric's target and actual for a journey, stage or touchpoint."""

    metric_id: SkipJsonSchema[str] = Field(alias=METRIC_KEY, exclude=True)
    target: Quantity | None = Field(None, description="The value aimed for.")
    actual: Quantity | None = Field(None, description="The value measured; defaults to the last `history` value.")
    period: Text | None = Field(None, description="The period of `actual`, e.g. `2026-Q3`.")
    source: Text | None = Field(None, description="Where the actual comes from, e.g. a report.")
    history: list[HistoryPoint] = Field(default_factory=list, description="Earlier values, oldest first.")

    @field_validator("metric_id")
    @classmethod
    def _known(cls, metric_id: str, info: ValidationInfo) -> str:
        if metric_id not in registry(info):
            raise PydanticCustomError("unknown_metric", "unknown metric '{id}'", {"id": metric_id})
        return metric_id

    @field_validator("target", "actual", mode="wrap")
    @classmethod
    def _parse(cls, raw: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
        if raw is None:
            return None
        metric = _metric_of(info)
        return _as_written(metric.parse(raw), handler) if metric else None

    @model_validator(mode="after")
    def _complete(self, info: ValidationInfo) -> MetricValue:
        if self.target is None and self.actual is None and not self.history:
            raise PydanticCustomError("metric_empty", "give at least one of target, actual or history")
        if self.actual is None and self.history:
            last = self.history[-1]
            self.actual = last.value
            if self.period is None:
                self.period = last.period
        self._definition = registry(info)[self.metric_id]
        return self

    _definition: MetricDefinition | None = None

    @property
    def definition(self) -> MetricDefinition:
        known: MetricDefinition | None = self.__pydantic_private__["_definition"]  # type: ignore[index]
        return known or BUILTIN_METRICS.get(self.metric_id) or _unknown(self.metric_id)

    @property
    def status(self) -> Status:
        better = self.definition.better
        if self.actual is None or self.target is None or better == "none":
            return "no data"
        if better == "higher":
            return "met" if self.actual >= self.target else "missed"
        return "met" if self.actual <= self.target else "missed"


def _as_written(value: float, handler: ValidatorFunctionWrapHandler) -> Any:
    """The field's own check, keeping a :class:`Duration` (which remembers its units) as it is."""
    checked = handler(value)
    return value if isinstance(value, Duration) else checked


def _unknown(metric_id: str) -> MetricDefinition:
    return MetricDefinition(id=metric_id, name=metric_id, better="none")


def _prepare(raw: Any) -> Any:
    """Give each value its metric id, and read the shorthand ``nps: 40`` as a target."""
    if not isinstance(raw, dict):
        return raw
    prepared: dict[Any, Any] = {}
    for key, value in raw.items():
        if isinstance(value, dict):
            item = {METRIC_KEY: key, **value}
            history = value.get("history")
            if isinstance(history, list):
                item["history"] = [{METRIC_KEY: key, **h} if isinstance(h, dict) else h for h in history]
            prepared[key] = item
        else:
            prepared[key] = {METRIC_KEY: key, "target": value}
    return prepared


Metrics = Annotated[dict[Id, MetricValue], BeforeValidator(_prepare), Field(default_factory=dict)]
"""Metric values keyed by metric id: ``nps: 40`` or ``nps: {target: 40, actual: 31}``."""


__all__ = ["BUILTIN_METRICS", "METRIC_KEY", "HistoryPoint", "MetricDefinition", "MetricValue", "Metrics",
           "format_duration", "parse_duration", "registry"]
