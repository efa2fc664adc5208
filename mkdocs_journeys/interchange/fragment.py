"""A complete handbook fragment built from imported journeys: the journeys plus the personas and
departments they name, so that the YAML passes ``check`` on its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..slugs import slugify

PLACEHOLDER_OWNER = "owner-to-be-named"
PLACEHOLDER_NAME = "Owner to be named (placeholder)"


class BadInput(Exception):
    """Bad input, with the place it was found: ``file:line: message``."""


@dataclass
class Ids:
    """Unique ids from names: the slug, then ``-2``, ``-3`` … when it is taken."""

    taken: set[str] = field(default_factory=set)

    def make(self, name: str, fallback: str) -> str:
        base = slugify(name) or fallback
        candidate, n = base, 2
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        self.taken.add(candidate)
        return candidate


@dataclass
class Fragment:
    """What an import writes: departments first, then personas, then journeys (and stand-in processes)."""

    departments: dict[str, dict[str, Any]] = field(default_factory=dict)
    personas: dict[str, dict[str, Any]] = field(default_factory=dict)
    processes: dict[str, dict[str, Any]] = field(default_factory=dict)
    journeys: list[dict[str, Any]] = field(default_factory=list)

    def department(self, written: str | None) -> str:
        """The id of a department named in the input (by id or name); the placeholder when none."""
        if not written or not written.strip():
            self.departments.setdefault(PLACEHOLDER_OWNER, {"kind": "department", "id": PLACEHOLDER_OWNER,
                                                            "name": PLACEHOLDER_NAME})
            return PLACEHOLDER_OWNER
        dep_id = slugify(written) or PLACEHOLDER_OWNER
        self.departments.setdefault(dep_id, {"kind": "department", "id": dep_id, "name": written.strip()})
        return dep_id

    def persona(self, written: str) -> str:
        persona_id = slugify(written) or "persona"
        self.personas.setdefault(persona_id, {"kind": "persona", "id": persona_id, "name": written.strip()})
        return persona_id

    def process_step(self, reference: str, owner: str) -> None:
        """A stand-in for a process a spreadsheet names but the fragment does not hold."""
        process_id, _, step_id = reference.partition("/")
        process = self.processes.setdefault(process_id, {
            "kind": "process", "id": process_id, "title": f"{process_id} (placeholder: map this process)",
            "owner": owner, "steps": []})
        if step_id and all(step["id"] != step_id for step in process["steps"]):
            process["steps"].append({"id": step_id, "name": step_id})
        if not process["steps"]:
            process["steps"].append({"id": "to-be-mapped", "name": "To be mapped"})

    def yaml(self) -> str:
        documents = [*self.departments.values(), *self.personas.values(), *self.processes.values(), *self.journeys]
        return yaml.safe_dump_all(documents, sort_keys=False, allow_unicode=True, explicit_start=True, width=110)


def emotion_from_score(score: int, scale: tuple[float, float]) -> float | int:
    """A Mermaid score (1–5) onto the handbook's scale, linearly: 1 is the lowest, 5 the highest."""
    low, high = scale
    value = low + (score - 1) * (high - low) / 4
    return int(value) if value == int(value) else round(value, 4)


def score_from_emotion(emotion: float, scale: tuple[float, float]) -> int:
    """The inverse of :func:`emotion_from_score`, rounded to the nearest score."""
    low, high = scale
    if high == low:
        return 3
    return max(1, min(5, round(1 + (emotion - low) * 4 / (high - low))))
