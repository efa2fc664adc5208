"""What each department owns or contributes to, across every journey and process map.

The department pages ("what we own") and the diff's ownership moves both read this one index.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from .handbook import Handbook
from .model import Journey, Process, Stage, Step, Touchpoint

Role = Literal["owner", "contributor"]


@dataclass
class Holdings:
    """One department's own items (not its sub-departments')."""

    journeys: list[Journey] = field(default_factory=list)
    stages: list[tuple[Journey, Stage, Role]] = field(default_factory=list)
    touchpoints: list[tuple[Journey, Stage, Touchpoint]] = field(default_factory=list)
    processes: list[Process] = field(default_factory=list)
    steps: list[tuple[Process, Step]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.journeys or self.stages or self.touchpoints or self.processes or self.steps)

    def journey_ids(self) -> list[str]:
        """Every journey this department has a part in, in handbook order, once each."""
        seen: dict[str, None] = {}
        for journey in self.journeys:
            seen[journey.id] = None
        for journey, *_ in self.stages:
            seen[journey.id] = None
        for journey, *_ in self.touchpoints:
            seen[journey.id] = None
        return list(seen)


def holdings(handbook: Handbook) -> dict[str, Holdings]:
    """Each department's own holdings, in handbook order (journeys, then their stages in order)."""
    index: dict[str, Holdings] = defaultdict(Holdings)
    for journey in handbook.journeys.values():
        index[journey.owner].journeys.append(journey)
        for stage in journey.stages:
            index[stage.owner_id].stages.append((journey, stage, "owner"))
            for contributor in stage.contributors:
                if contributor != stage.owner_id:
                    index[contributor].stages.append((journey, stage, "contributor"))
            for touchpoint in stage.touchpoints:
                index[touchpoint.owner_id].touchpoints.append((journey, stage, touchpoint))
    for process in handbook.processes.values():
        index[process.owner].processes.append(process)
        for step in process.steps:
            index[step.owner_id].steps.append((process, step))
    return {dept: index[dept] for dept in handbook.departments if dept in index} | {
        dept: Holdings() for dept in handbook.departments if dept not in index
    }
