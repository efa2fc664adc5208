"""The whole resolved handbook as JSON for BI tools: owners filled in, support links from both
sides, metric statuses, and a stable ``ref`` on every object (the handbook's link syntax,
``journey:<id>/<touchpoint>``), so that tables joined across exports keep lining up."""

from __future__ import annotations

import json
from typing import Any

from ..handbook import Handbook
from .spreadsheet_cells import GENERATOR


def _dump(model: Any) -> dict[str, Any]:
    data: dict[str, Any] = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    return data


def _metrics(owner: Any, ref: str) -> list[dict[str, Any]]:
    return [{"ref": f"{ref}#{metric_id}", "metric": metric_id, **_dump(value), "status": value.status}
            for metric_id, value in owner.metrics.items()]


def handbook_json(handbook: Handbook) -> dict[str, Any]:
    journeys = []
    for journey in handbook.journeys.values():
        ref = f"journey:{journey.id}"
        data = {"ref": ref, **_dump(journey), "metrics": _metrics(journey, ref), "stages": []}
        for stage in journey.stages:
            stage_data = {"ref": f"{ref}/{stage.id}", **_dump(stage), "metrics": _metrics(stage, f"{ref}/{stage.id}"),
                          "touchpoints": []}
            for touchpoint in stage.touchpoints:
                tp_ref = f"{ref}/{touchpoint.id}"
                links = handbook.support_of(journey.id, touchpoint.id)
                stage_data["touchpoints"].append({
                    "ref": tp_ref, **_dump(touchpoint), "metrics": _metrics(touchpoint, tp_ref),
                    "supported_by": sorted({f"process:{link.process}" + (f"/{link.step}" if link.step else "")
                                            for link in links})})
            data["stages"].append(stage_data)
        journeys.append(data)
    processes = []
    for process in handbook.processes.values():
        ref = f"process:{process.id}"
        processes.append({"ref": ref, **_dump(process),
                          "steps": [{"ref": f"{ref}/{step.id}", **_dump(step)} for step in process.steps]})
    return {
        "generator": GENERATOR,
        "emotion_scale": list(handbook.settings.emotion_scale),
        "departments": [{"ref": f"department:{d.id}", **_dump(d)} for d in handbook.departments.values()],
        "personas": [{"ref": f"persona:{p.id}", **_dump(p)} for p in handbook.personas.values()],
        "journeys": journeys,
        "processes": processes,
        "metrics": [{"ref": f"metric:{m.id}", **_dump(m)} for m in handbook.metrics.values()],
    }


def json_text(handbook: Handbook) -> str:
    return json.dumps(handbook_json(handbook), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
