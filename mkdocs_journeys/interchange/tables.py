"""A handbook as tables: its touchpoints (in the import's columns, so an export imports back),
the ownership matrix (departments × stages) and its metrics with their status."""

from __future__ import annotations

from typing import Any

from ..handbook import Handbook
from ..model import Journey, Stage, Touchpoint
from .columns import LIST_SEPARATOR, column_names, columns
from .spreadsheet_cells import Table

RESPONSIBLE, CONTRIBUTING = "responsible", "contributing"
METRIC_HEADER = ["journey_id", "stage_id", "touchpoint_id", "metric", "metric_name", "unit", "target", "actual",
                 "period", "status"]


def _support(handbook: Handbook, journey: Journey, touchpoint: Touchpoint) -> list[str]:
    """What supports a touchpoint, stated on either side, as ``process/step`` references."""
    references = list(touchpoint.supported_by)
    for link in handbook.support_of(journey.id, touchpoint.id):
        reference = f"{link.process}/{link.step}" if link.step else link.process
        if reference not in references:
            references.append(reference)
    return references


def _value(journey: Journey, stage: Stage, touchpoint: Touchpoint, level: str, field: str) -> Any:
    if level == "journey":
        return getattr(journey, field)
    if level == "stage":
        return getattr(stage, field)
    return getattr(touchpoint, field)


def touchpoints_table(handbook: Handbook) -> Table:
    rows = []
    cols = columns()
    for journey in handbook.journeys.values():
        for stage, touchpoint in journey.touchpoints():
            row: list[Any] = []
            for column in cols:
                value = (_support(handbook, journey, touchpoint) if column.field == "supported_by"
                         and column.level == "touchpoint" else _value(journey, stage, touchpoint, column.level,
                                                                      column.field))
                if isinstance(value, list):
                    value = f"{LIST_SEPARATOR} ".join(str(v) for v in value) or None
                elif isinstance(value, bool):
                    value = "yes" if value else None
                elif isinstance(value, float) and value == int(value):
                    value = int(value)
                row.append(value)
            rows.append(row)
    return column_names(), rows


def ownership_table(handbook: Handbook) -> Table:
    """One row per department, one column per stage (``journey/stage``): responsible or contributing."""
    stages = [(journey, stage) for journey in handbook.journeys.values() for stage in journey.stages]
    header = ["department_id", "department", *(f"{j.id}/{s.id}" for j, s in stages)]
    rows = []
    for department in handbook.departments.values():
        cells: list[Any] = []
        for _, stage in stages:
            if stage.owner_id == department.id:
                cells.append(RESPONSIBLE)
            elif department.id in stage.contributors or any(tp.owner_id == department.id for tp in stage.touchpoints):
                cells.append(CONTRIBUTING)
            else:
                cells.append(None)
        rows.append([department.id, department.name, *cells])
    return header, rows


def metrics_table(handbook: Handbook) -> Table:
    rows = []
    for journey in handbook.journeys.values():
        for at in journey.metric_values():
            value, definition = at.value, handbook.metric(at.metric_id)
            touchpoint = at.node.id if isinstance(at.node, Touchpoint) else None
            rows.append([journey.id, at.stage.id if at.stage else None, touchpoint, at.metric_id, definition.name,
                         definition.unit, _number(value.target), _number(value.actual), value.period, value.status])
    return METRIC_HEADER, rows


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value) == int(value) else float(value)


TABLES = {"touchpoints": touchpoints_table, "ownership": ownership_table, "metrics": metrics_table}


def known_headers(handbook: Handbook) -> list[list[str]]:
    """The first rows an export writes, to know a file a previous export wrote."""
    return [column_names(), METRIC_HEADER, ownership_table(handbook)[0]]
