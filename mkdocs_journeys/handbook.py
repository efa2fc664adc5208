"""The handbook: every valid definition, what was left out and why, and the links between them.

Everything the renderers and the analysis look up more than once (support links in both
directions, a persona's journeys, the department tree) is indexed here once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .kinds import KINDS
from .load import cross_references
from .load.definitions import Loaded, Rejected, load
from .load.file_cache import ReadCache
from .model import Dataset, Department, Journey, MetricDefinition, Persona, Process, Stage, Touchpoint, builtin_metrics
from .problems import Problem, sorted_problems
from .settings import Settings


@dataclass(frozen=True, order=True)
class SupportLink:
    """A process (or one of its steps) supporting a touchpoint, stated from either side."""

    journey: str
    touchpoint: str
    process: str
    step: str | None


@dataclass
class Handbook:
    source: Path
    settings: Settings = field(default_factory=Settings)
    journeys: dict[str, Journey] = field(default_factory=dict)
    personas: dict[str, Persona] = field(default_factory=dict)
    processes: dict[str, Process] = field(default_factory=dict)
    departments: dict[str, Department] = field(default_factory=dict)
    custom_metrics: dict[str, MetricDefinition] = field(default_factory=dict)
    datasets: dict[str, Dataset] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def metrics(self) -> dict[str, MetricDefinition]:
        return {**builtin_metrics(), **self.custom_metrics}

    def metric(self, metric_id: str) -> MetricDefinition:
        return self.custom_metrics.get(metric_id) or builtin_metrics()[metric_id]

    # -- support links -------------------------------------------------------------------------

    @cached_property
    def support_links(self) -> list[SupportLink]:
        links: set[SupportLink] = set()
        for journey in self.journeys.values():
            for _, touchpoint in journey.touchpoints():
                for target in touchpoint.supported_by:
                    process_id, _, step_id = target.partition("/")
                    if process_id in self.processes:
                        links.add(SupportLink(journey.id, touchpoint.id, process_id, step_id or None))
        for process in self.processes.values():
            for step in process.steps:
                for target in step.supports:
                    journey_id, _, touchpoint_id = target.partition("/")
                    if journey_id in self.journeys:
                        links.add(SupportLink(journey_id, touchpoint_id, process.id, step.id))
        return sorted(links, key=lambda link: (link.journey, link.touchpoint, link.process, link.step or ""))

    @cached_property
    def _links_by_touchpoint(self) -> dict[tuple[str, str], list[SupportLink]]:
        index: dict[tuple[str, str], list[SupportLink]] = defaultdict(list)
        for link in self.support_links:
            index[(link.journey, link.touchpoint)].append(link)
        return index

    @cached_property
    def _links_by_process(self) -> dict[str, list[SupportLink]]:
        index: dict[str, list[SupportLink]] = defaultdict(list)
        for link in self.support_links:
            index[link.process].append(link)
        return index

    def support_of(self, journey_id: str, touchpoint_id: str) -> list[SupportLink]:
        """The processes and steps behind a touchpoint."""
        return self._links_by_touchpoint.get((journey_id, touchpoint_id), [])

    def supported_by_process(self, process_id: str, step_id: str | None = None) -> list[SupportLink]:
        """The touchpoints a process (``step_id`` None: the process as a whole) or a step supports."""
        links = self._links_by_process.get(process_id, [])
        return [link for link in links if link.step == step_id]

    # -- people and departments ----------------------------------------------------------------

    @cached_property
    def _journeys_by_persona(self) -> dict[str, list[Journey]]:
        index: dict[str, list[Journey]] = defaultdict(list)
        for journey in self.journeys.values():
            for persona_id in journey.personas:
                index[persona_id].append(journey)
        return index

    def journeys_of(self, persona_id: str) -> list[Journey]:
        return self._journeys_by_persona.get(persona_id, [])

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for department in self.departments.values():
            if department.parent in self.departments:
                index[department.parent].append(department.id)
        return index

    def children(self, department_id: str) -> list[Department]:
        return [self.departments[d] for d in self._children.get(department_id, [])]

    def descendants(self, department_id: str) -> list[Department]:
        """Sub-departments at every depth, nearest first."""
        import networkx as nx

        tree = nx.DiGraph([(parent, child) for parent, children in self._children.items() for child in children])
        if department_id not in tree:
            return []
        return [self.departments[child] for _, child in nx.bfs_edges(tree, department_id)]

    def ancestors(self, department_id: str) -> list[Department]:
        """Parents up to the root, nearest first."""
        found: list[Department] = []
        current = self.departments.get(department_id)
        while current is not None and current.parent in self.departments and len(found) < len(self.departments):
            current = self.departments[current.parent]
            found.append(current)
        return found

    @cached_property
    def _touchpoints(self) -> dict[tuple[str, str], tuple[Journey, Stage, Touchpoint]]:
        return {(journey.id, touchpoint.id): (journey, stage, touchpoint)
                for journey in self.journeys.values() for stage, touchpoint in journey.touchpoints()}

    def find_touchpoint(self, journey_id: str, touchpoint_id: str) -> tuple[Journey, Stage, Touchpoint] | None:
        return self._touchpoints.get((journey_id, touchpoint_id))


# Ids the site's URL scheme takes for itself: ``journeys/index`` would replace the index page of
# the journeys (``journeys.md`` and ``journeys/index.md`` are both served at ``journeys/``).
RESERVED_IDS = frozenset({"index"})


def _reserved_id(loaded: Loaded) -> Problem | None:
    model = loaded.model
    if loaded.salvaged or model.id not in RESERVED_IDS or not KINDS[loaded.kind].has_pages:
        return None
    data = loaded.document.data
    named_by_file = not (isinstance(data, dict) and "id" in data)
    where = loaded.document.locate(("id",))  # the `id`, else (named by its file) the document
    return Problem(where, f"the id '{model.id}' is reserved: the page of this {loaded.kind} would replace the "
                   f"index page of the {KINDS[loaded.kind].plural}", "reserved-id",
                   hint="rename the file or give the document an `id`" if named_by_file else "choose another id")


def build_handbook(source: Path, settings: Settings | None = None, cache: ReadCache | None = None) -> Handbook:
    """Load, validate and index the handbook in ``source``, keeping every valid definition (``cache``:
    the files parsed by an earlier build, see :class:`~.load.file_cache.ReadCache`)."""
    settings = settings or Settings()
    result = load(source, settings, cache)
    problems = list(result.problems)
    rejected = list(result.rejected)
    for loaded in result.definitions:
        reserved = _reserved_id(loaded)
        if reserved is not None:  # left out, as an invalid definition: references to it are fine
            loaded.salvaged = True
            problems.append(reserved)
            rejected.append(Rejected(loaded.kind, loaded.model.id, loaded.model.location(), [reserved]))
    cross = cross_references.check(result.definitions, rejected)
    handbook = Handbook(source=source, settings=settings, files=result.files)
    kept: list[Loaded] = []
    for loaded in result.definitions:
        own = cross.get(id(loaded), [])
        problems.extend(own)
        if loaded.salvaged:
            continue  # already listed as rejected
        if own:
            rejected.append(Rejected(loaded.kind, loaded.model.id, loaded.model.location(), own))
        else:
            kept.append(loaded)
    for loaded in kept:
        getattr(handbook, KINDS[loaded.kind].collection)[loaded.model.id] = loaded.model
    handbook.problems = sorted_problems(problems)
    handbook.rejected = sorted(rejected, key=lambda r: (r.location.file.as_posix(), r.location.line or 0))
    return handbook
