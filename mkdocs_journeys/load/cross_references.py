"""Whole-handbook checks: unique ids, references that resolve, and a department tree without cycles.

These need every definition at once, so they run after each document validated on its own. A
reference to a definition that exists but is itself invalid is not reported again: the author has
one problem to fix, not two.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx

from ..model import BUILTIN_METRICS, Dataset, Department, Journey, Node, Persona, Process, Stage, Touchpoint
from ..problems import Problem, Suggester, did_you_mean
from ..source import display_path
from .definitions import Loaded, Rejected

Problems = dict[int, list[Problem]]  # by id() of the Loaded definition they make invalid


class _Checker:
    def __init__(self, definitions: Sequence[Loaded], rejected: Sequence[Rejected]) -> None:
        self.problems: Problems = defaultdict(list)
        # Ids that exist but were left out for their own problems: referring to them is fine.
        self.invalid: dict[str, set[str]] = defaultdict(set)
        self.by_kind: dict[str, dict[str, Loaded]] = defaultdict(dict)
        for loaded in definitions:
            if loaded.salvaged:
                self.invalid[loaded.kind].add(loaded.model.id)
            existing = self.by_kind[loaded.kind].get(loaded.model.id)
            if existing is None:
                self.by_kind[loaded.kind][loaded.model.id] = loaded
            else:
                self._duplicate(loaded, existing)
        for rejection in rejected:
            if rejection.id:
                self.invalid[rejection.kind].add(rejection.id)
        # Did-you-mean pools and id lookups, built once each: a big handbook may have a thousand broken
        # references into one process or journey.
        self._pools: dict[tuple[str, str], Suggester] = {}
        self._steps: dict[str, set[str]] = {}
        self._journey_ids: dict[str, tuple[set[str], set[str]]] = {}
        self._process_id = ""  # the process being checked

    def _duplicate(self, loaded: Loaded, first: Loaded) -> None:
        where = first.model.location("id")
        self.add(loaded, loaded.model, ("id",), f"duplicate {loaded.kind} id '{loaded.model.id}': also defined at "
                 f"{display_path(where.file)}:{where.line}", "duplicate-id")

    def add(self, owner: Loaded, node: Node, path: tuple[Any, ...], message: str, code: str,
            hint: str | None = None, *, key: bool = False) -> None:
        self.problems[id(owner)].append(
            Problem(node.location(*path, key=key), message, code, hint=hint))

    def pool(self, kind: str, scope: str, candidates: Iterable[str]) -> Suggester:
        """The did-you-mean pool of ``kind`` within ``scope``, built on first use."""
        found = self._pools.get((kind, scope))
        if found is None:
            found = self._pools[(kind, scope)] = Suggester(candidates)
        return found

    def ids(self, kind: str) -> Suggester:
        return self.pool(kind, "", [*self.by_kind[kind], *self.invalid[kind]])

    def ref(self, owner: Loaded, node: Node, path: tuple[Any, ...], kind: str, value: str | None) -> None:
        """Check that ``value`` names a ``kind`` definition."""
        if value is None or value in self.by_kind[kind] or value in self.invalid[kind]:
            return
        self.add(owner, node, path, f"unknown {kind} '{value}'", "unknown-reference",
                 did_you_mean(value, self.ids(kind)))

    def refs(self, owner: Loaded, node: Node, field: str, kind: str, values: Iterable[str]) -> None:
        for i, value in enumerate(values):
            self.ref(owner, node, (field, i), kind, value)
        self.no_repeats(owner, node, field, values)

    def no_repeats(self, owner: Loaded, node: Node, field: str, values: Iterable[str]) -> None:
        seen: set[str] = set()
        for i, value in enumerate(values):
            if value in seen:
                self.add(owner, node, (field, i), f"{field}: '{value}' is listed twice", "repeated-id")
            seen.add(value)

    def run(self) -> Problems:
        for loaded in self.by_kind["metric"].values():
            if loaded.model.id in BUILTIN_METRICS:
                self.add(loaded, loaded.model, ("id",), f"'{loaded.model.id}' is a built-in metric: choose "
                         "another id for a custom metric", "duplicate-id")
        for loaded in self.by_kind["department"].values():
            assert isinstance(loaded.model, Department)
            self.ref(loaded, loaded.model, ("parent",), "department", loaded.model.parent)
        self._department_cycles()
        for loaded in self.by_kind["persona"].values():
            assert isinstance(loaded.model, Persona)
            self.no_repeats(loaded, loaded.model, "channels", loaded.model.channels)
            self.no_repeats(loaded, loaded.model, "avoid_channels", loaded.model.avoid_channels)
        for loaded in self.by_kind["journey"].values():
            assert isinstance(loaded.model, Journey)
            self._journey(loaded, loaded.model)
        for loaded in self.by_kind["process"].values():
            assert isinstance(loaded.model, Process)
            self._process(loaded, loaded.model)
        for loaded in self.by_kind["dataset"].values():
            assert isinstance(loaded.model, Dataset)
            self.ref(loaded, loaded.model, ("process",), "process", loaded.model.process)
            self.ref(loaded, loaded.model, ("journey",), "journey", loaded.model.journey)
        return self.problems

    def _department_cycles(self) -> None:
        graph: nx.DiGraph[str] = nx.DiGraph()
        for dept_id, loaded in self.by_kind["department"].items():
            assert isinstance(loaded.model, Department)
            if loaded.model.parent:
                graph.add_edge(dept_id, loaded.model.parent)
        for cycle in sorted(nx.simple_cycles(graph), key=lambda c: sorted(c)):
            for dept_id in cycle:
                start = cycle.index(dept_id)  # each department's message starts from itself: stable output
                ring = " → ".join([*cycle[start:], *cycle[:start], dept_id])
                loaded = self.by_kind["department"][dept_id]
                self.add(loaded, loaded.model, ("parent",), f"department parents form a cycle: {ring}",
                         "parent-cycle", "a department cannot be its own ancestor")

    def _journey(self, loaded: Loaded, journey: Journey) -> None:
        self.ref(loaded, journey, ("owner",), "department", journey.owner)
        self.refs(loaded, journey, "personas", "persona", journey.personas)
        names: dict[str, tuple[Node, str]] = {}
        for stage in journey.stages:
            self._unique_in_journey(loaded, names, stage, "stage")
            if not stage.owner_inherited:
                self.ref(loaded, stage, ("owner",), "department", stage.owner)
            self.refs(loaded, stage, "contributors", "department", stage.contributors)
            for touchpoint in stage.touchpoints:
                self._unique_in_journey(loaded, names, touchpoint, "touchpoint")
                if not touchpoint.owner_inherited:
                    self.ref(loaded, touchpoint, ("owner",), "department", touchpoint.owner)
                for i, target in enumerate(touchpoint.supported_by):
                    self._step_ref(loaded, touchpoint, ("supported_by", i), target)
                self.no_repeats(loaded, touchpoint, "supported_by", touchpoint.supported_by)
                self._touchpoint_personas(loaded, journey, touchpoint)
            self._alternatives(loaded, stage)
        self._replaces(loaded, journey)
        stage_ids = {s.id for s in journey.stages}
        for transition in journey.transitions:
            for field, value in (("from", transition.from_), ("to", transition.to)):
                if value not in stage_ids:
                    self.add(loaded, transition, (field,), f"unknown stage '{value}' in this journey",
                             "unknown-reference", did_you_mean(value, self.pool("stage", journey.id, stage_ids)))

    def _touchpoint_personas(self, loaded: Loaded, journey: Journey, touchpoint: Touchpoint) -> None:
        """A touchpoint's personas are some of the journey's own: a persona outside it never meets it."""
        for i, persona in enumerate(touchpoint.personas):
            if persona not in journey.personas:
                known = persona in self.by_kind["persona"] or persona in self.invalid["persona"]
                self.add(loaded, touchpoint, ("personas", i),
                         f"'{persona}' is not one of this journey's personas" if known else f"unknown persona "
                         f"'{persona}'", "unknown-reference",
                         "add it to the journey's `personas`" if known else
                         did_you_mean(persona, self.ids("persona")))
        self.no_repeats(loaded, touchpoint, "personas", touchpoint.personas)

    def _alternatives(self, loaded: Loaded, stage: Stage) -> None:
        """``alternative_to`` names an earlier touchpoint of the same stage."""
        earlier: list[str] = []
        for touchpoint in stage.touchpoints:
            target = touchpoint.alternative_to
            if target is not None and target not in earlier:
                later = any(t.id == target for t in stage.touchpoints)
                if target == touchpoint.id:
                    message, hint = "a touchpoint cannot be an alternative to itself", None
                elif later:
                    message, hint = (f"'{target}' comes later in the stage: list the first of the alternatives "
                                     "first, and point the others at it"), None
                else:
                    message = f"the stage '{stage.id}' has no earlier touchpoint '{target}'"
                    hint = did_you_mean(target, earlier) if earlier else "alternatives belong to the same stage"
                self.add(loaded, touchpoint, ("alternative_to",), message, "unknown-reference", hint)
            earlier.append(touchpoint.id)

    def _replaces(self, loaded: Loaded, journey: Journey) -> None:
        """A future-state journey replaces a current one."""
        if journey.replaces is None:
            return
        if journey.state != "future":
            self.add(loaded, journey, ("replaces",), "only a future-state journey replaces another",
                     "invalid-reference", "add `state: future`, or remove `replaces`")
            return
        if journey.replaces == journey.id:
            self.add(loaded, journey, ("replaces",), "a journey cannot replace itself", "invalid-reference")
            return
        self.ref(loaded, journey, ("replaces",), "journey", journey.replaces)
        target = self.by_kind["journey"].get(journey.replaces)
        if target is not None and isinstance(target.model, Journey) and target.model.state == "future":
            self.add(loaded, journey, ("replaces",), f"'{journey.replaces}' is a future-state journey too: "
                     "`replaces` names the current journey", "invalid-reference")

    def _unique_in_journey(self, loaded: Loaded, names: dict[str, tuple[Node, str]], node: Any, what: str) -> None:
        previous = names.get(node.id)
        if previous is not None:
            first = previous[0].location("id")
            self.add(loaded, node, ("id",), f"the id '{node.id}' of this {what} is already used by a {previous[1]} "
                     f"of this journey (line {first.line})", "duplicate-id",
                     "stage and touchpoint ids share one namespace per journey: give one an explicit `id`")
        else:
            names[node.id] = (node, what)

    def _step_ref(self, owner: Loaded, node: Node, path: tuple[Any, ...], target: str) -> None:
        process_id, _, step_id = target.partition("/")
        if process_id not in self.by_kind["process"]:
            self.ref(owner, node, path, "process", process_id)
            return
        process = self.by_kind["process"][process_id].model
        assert isinstance(process, Process)
        steps = self._steps.get(process_id)
        if steps is None:
            steps = self._steps[process_id] = {s.id for s in process.steps}
        if step_id and step_id not in steps:
            hint = did_you_mean(step_id, self.pool("step", process_id, steps))
            self.add(owner, node, path, f"process '{process_id}' has no step '{step_id}'", "unknown-reference",
                     _hint_with_prefix(process_id, hint))

    def _touchpoint_ref(self, owner: Loaded, node: Node, path: tuple[Any, ...], target: str) -> None:
        journey_id, _, touchpoint_id = target.partition("/")
        if not touchpoint_id:
            self.add(owner, node, path, f"'{target}' is not a touchpoint reference: write JOURNEY/TOUCHPOINT",
                     "invalid-reference")
            return
        if journey_id not in self.by_kind["journey"]:
            self.ref(owner, node, path, "journey", journey_id)
            return
        journey = self.by_kind["journey"][journey_id].model
        assert isinstance(journey, Journey)
        known = self._journey_ids.get(journey_id)
        if known is None:
            known = self._journey_ids[journey_id] = ({t.id for _, t in journey.touchpoints()},
                                                     {s.id for s in journey.stages})
        touchpoint_ids, stage_ids = known
        if touchpoint_id in touchpoint_ids:
            return
        if touchpoint_id in stage_ids:
            self.add(owner, node, path, f"'{target}' is a stage: a step supports touchpoints", "invalid-reference")
            return
        self.add(owner, node, path, f"journey '{journey_id}' has no touchpoint '{touchpoint_id}'",
                 "unknown-reference", _hint_with_prefix(journey_id, did_you_mean(
                     touchpoint_id, self.pool("touchpoint", journey_id, touchpoint_ids))))

    def _process(self, loaded: Loaded, process: Process) -> None:
        self.ref(loaded, process, ("owner",), "department", process.owner)
        step_ids: dict[str, Node] = {}
        self._process_id = process.id
        for step in process.steps:
            if step.id in step_ids:
                first = step_ids[step.id].location("id")
                self.add(loaded, step, ("id",), f"the step id '{step.id}' is already used in this process "
                         f"(line {first.line})", "duplicate-id", "give one of the steps an explicit `id`")
            step_ids.setdefault(step.id, step)
        for step in process.steps:
            if not step.owner_inherited:
                self.ref(loaded, step, ("owner",), "department", step.owner)
            for i, target in enumerate(step.next or []):
                self._local_step(loaded, step, ("next", i) if isinstance(step.written("next"), list) else ("next",),
                                 target, step_ids)
            if step.next:
                self.no_repeats(loaded, step, "next", step.next)
            for b, branch in enumerate(step.branches):
                for target in branch.next:
                    self._local_step(loaded, step, ("branches", b, "next"), target, step_ids)
            for i, target in enumerate(step.supports):
                self._touchpoint_ref(loaded, step, ("supports", i), target)
            self.no_repeats(loaded, step, "supports", step.supports)

    def _local_step(self, loaded: Loaded, step: Node, path: tuple[Any, ...], target: str,
                    step_ids: dict[str, Node]) -> None:
        if target not in step_ids:
            self.add(loaded, step, path, f"unknown step '{target}' in this process", "unknown-reference",
                     did_you_mean(target, self.pool("local step", self._process_id, step_ids)))


def _hint_with_prefix(prefix: str, hint: str | None) -> str | None:
    if hint is None:
        return None
    return hint.replace("'", f"'{prefix}/", 1)


def check(definitions: Sequence[Loaded], rejected: Sequence[Rejected]) -> Problems:
    """The problems of each definition (by ``id()`` of its :class:`Loaded`) that make it invalid."""
    return _Checker(definitions, rejected).run()
