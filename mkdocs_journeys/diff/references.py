"""Where each definition is referred to: the owners, contributors and parents naming a department,
the journeys naming a persona, the touchpoints supported by a process, the steps supporting a
journey, the metric values of a metric.

Renaming an id means updating every reference to it, so a definition whose id changed is still
named in the same places: a rename's strongest evidence when the definition itself says little (a
department with only a name).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..handbook import Handbook
from .metrics import metric_values
from .parts import Flat

Referrers = dict[tuple[str, str], set[str]]

DEPARTMENT_FIELDS = ("owner", "contributors", "parent")


def referrers(handbook: Handbook, flats: Iterable[Flat]) -> Referrers:
    """(kind, id) → the places naming it, as ``kind:id/part/field`` (written references only)."""
    found: Referrers = defaultdict(set)
    for flat in flats:
        for part in flat.parts.values():
            place = f"{flat.kind}:{flat.id}/{part.key}"
            for field in DEPARTMENT_FIELDS:
                value = part.fields.get(field)
                for department in value if isinstance(value, list) else [value]:
                    if isinstance(department, str):
                        found[("department", department)].add(f"{place}/{field}")
            for persona in part.fields.get("personas", []):
                found[("persona", persona)].add(f"{place}/personas")
            for target in part.fields.get("supported_by", []):
                found[("process", target.split("/", 1)[0])].add(f"{place}/supported_by")
            for target in part.fields.get("supports", []):
                found[("journey", target.split("/", 1)[0])].add(f"{place}/supports")
    for journey in handbook.journeys.values():
        for key, values in metric_values(journey).items():
            for metric_id in values:
                found[("metric", metric_id)].add(f"journey:{journey.id}/{key}/metrics")
    return found
