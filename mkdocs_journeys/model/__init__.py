"""The handbook's data model: one pydantic model per kind of definition."""

from __future__ import annotations

from .base import Node
from .dataset import Dataset
from .journey import DEFAULT_EMOTION_SCALE, Column, Journey, Stage, Touchpoint, Transition
from .metrics import BUILTIN_METRICS, UNIT_NAMES, HistoryPoint, MetricDefinition, MetricValue, Status, builtin_metrics
from .organisation import Department, Persona
from .process import Branch, Process, Step

Definition = Department | Persona | MetricDefinition | Journey | Process | Dataset

__all__ = [
    "BUILTIN_METRICS",
    "DEFAULT_EMOTION_SCALE",
    "UNIT_NAMES",
    "Branch",
    "Column",
    "Dataset",
    "Definition",
    "Department",
    "HistoryPoint",
    "Journey",
    "MetricDefinition",
    "MetricValue",
    "Node",
    "Persona",
    "Process",
    "Stage",
    "Status",
    "Step",
    "Touchpoint",
    "Transition",
    "builtin_metrics",
]
