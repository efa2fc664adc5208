"""Spreadsheet rows, one per touchpoint, into a handbook fragment (see :mod:`.columns`).

Rows of one journey and stage may be apart: they are gathered in the order they first appear.
Every bad cell is reported with its file and row; nothing is written when one is.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from ..slugs import slugify
from .columns import LIST_SEPARATOR, Column, columns
from .fragment import BadInput, Fragment, Ids
from .spreadsheet_cells import unescape

Row = dict[str, Any]
_YES, _NO = {"yes", "y", "true", "1", "x"}, {"no", "n", "false", "0", ""}


def check_header(file: Path, header: list[str]) -> None:
    known = {c.name: c for c in columns()}
    problems = []
    for name in header:
        if name and name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            problems.append(f"{file}:1: unknown column '{name}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
    problems += [f"{file}:1: the column '{c.name}' is missing" for c in known.values() if c.required
                 and c.name not in header]
    if problems:
        raise BadInput("\n".join(problems))


def _cell(column: Column, raw: Any, where: str, scale: tuple[float, float], problems: list[str]) -> Any:
    """The value of one cell, or None when it is empty."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    value = unescape(str(raw).strip()) if not isinstance(raw, int | float) or isinstance(raw, bool) else raw
    if column.kind == "number":
        try:
            number = float(value)
        except ValueError:
            problems.append(f"{where}: {column.name}: '{value}' is not a number")
            return None
        low, high = scale
        if not low <= number <= high:
            problems.append(f"{where}: {column.name}: {value} is outside the handbook's scale ({low:g} to {high:g})")
            return None
        return int(number) if number == int(number) else number
    if column.kind == "flag":
        word = str(value).strip().lower()
        if word not in _YES | _NO:
            problems.append(f"{where}: {column.name}: '{value}' is not yes or no")
        return word in _YES or None
    text = str(value)
    if column.kind in ("list", "id-list"):
        items = [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]
        return items or None
    if column.name.endswith("_id") and slugify(text) != text:
        problems.append(f"{where}: {column.name}: '{text}' is not an id (lowercase letters, digits and hyphens"
                        + (f": '{slugify(text)}'?)" if slugify(text) else ")"))
        return None
    if column.choices and text not in column.choices:
        problems.append(f"{where}: {column.name}: '{text}' is not one of {', '.join(column.choices)}")
        return None
    return text


def to_fragment(file: Path, rows: list[tuple[int, Row]], scale: tuple[float, float]) -> Fragment:
    fragment, journey_ids = Fragment(), Ids()
    journeys: dict[str, dict[str, Any]] = {}
    stage_ids: dict[str, Ids] = {}
    problems: list[str] = []
    cols = columns()
    for number, row in rows:
        where = f"{file}:{number}"
        if all(v is None or str(v).strip() == "" for v in row.values()):
            continue
        values = {c.name: _cell(c, row.get(c.name), where, scale, problems) for c in cols}
        missing = [c.name for c in cols if c.required and values[c.name] is None]
        if missing:
            problems.append(f"{where}: the row has no {' and no '.join(missing)}")
            continue
        key = values["journey_id"] or slugify(values["journey"]) or values["journey"]
        journey = journeys.get(key)
        if journey is None:
            journey = journeys[key] = {"kind": "journey", "id": values["journey_id"] or journey_ids.make(
                values["journey"], "journey"), "title": values["journey"], "owner": None, "personas": [],
                "stages": []}
            journey_ids.taken.add(journey["id"])
            stage_ids[key] = Ids()
        ids = stage_ids[key]
        _add(fragment, journey, ids, values, where, problems)
    if problems:
        raise BadInput("\n".join(problems))
    if not journeys:
        raise BadInput(f"{file}:2: the spreadsheet has no touchpoint rows")
    for journey in journeys.values():
        journey["owner"] = journey["owner"] or fragment.department(None)
        if not journey["personas"]:
            del journey["personas"]
        fragment.journeys.append(journey)
    return finish(fragment)


def _add(fragment: Fragment, journey: dict[str, Any], ids: Ids, values: Row, where: str,
         problems: list[str]) -> None:
    """One row's stage (found or made) and touchpoint."""
    if values["journey_owner"] and not journey["owner"]:
        journey["owner"] = fragment.department(values["journey_owner"])
    for persona in values["journey_personas"] or []:
        if (persona_id := fragment.persona(persona)) not in journey["personas"]:
            journey["personas"].append(persona_id)
    stage_key = values["stage_id"] or slugify(values["stage"])
    stage = next((s for s in journey["stages"] if s["_key"] == stage_key), None)
    if stage is None:
        stage = {"_key": stage_key, "id": values["stage_id"] or ids.make(values["stage"], "stage"),
                 "name": values["stage"]}
        ids.taken.add(stage["id"])
        journey["stages"].append(stage)
    if values["stage_owner"] and "owner" not in stage:
        stage["owner"] = fragment.department(values["stage_owner"])
    tp_id = values["touchpoint_id"] or ids.make(values["touchpoint"], "touchpoint")
    if values["touchpoint_id"]:
        if tp_id in ids.taken:
            problems.append(f"{where}: touchpoint_id: '{tp_id}' is already used in the journey '{journey['title']}'")
        ids.taken.add(tp_id)
    touchpoint: dict[str, Any] = {"id": tp_id, "name": values["touchpoint"]}
    for column in columns():
        value = values[column.name]
        if column.level != "touchpoint" or column.field in ("id", "name") or value is None:
            continue
        if column.field == "owner":
            value = fragment.department(value)
        elif column.field == "personas":
            value = [fragment.persona(p) for p in value]
            journey["personas"] += [p for p in value if p not in journey["personas"]]
        elif column.field == "supported_by":
            for reference in value:
                fragment.process_step(reference, journey["owner"] or fragment.department(None))
        elif column.kind == "id":
            value = slugify(value) or value
        touchpoint[column.field] = value
    stage.setdefault("touchpoints", []).append(touchpoint)


def finish(fragment: Fragment) -> Fragment:
    """Drop the bookkeeping keys before writing."""
    for journey in fragment.journeys:
        for stage in journey["stages"]:
            stage.pop("_key", None)
    return fragment
