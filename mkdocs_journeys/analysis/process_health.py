"""Process map health: steps nobody reaches, loops with no way out, decisions that decide nothing."""

from __future__ import annotations

import networkx as nx

from ..finding_codes import FindingCode
from ..model import Process, Step
from ..source import Location
from .findings import Finding


def step_graph(process: Process) -> nx.DiGraph:
    graph = nx.DiGraph()
    ids = {step.id for step in process.steps}
    graph.add_nodes_from(step.id for step in process.steps)
    for index, step in enumerate(process.steps):
        for target, _ in process.successors(index):
            if target in ids:
                graph.add_edge(step.id, target)
    return graph


def process_findings(process: Process) -> list[Finding]:
    graph = step_graph(process)
    start = process.steps[0].id
    reachable = {start} | nx.descendants(graph, start)
    ends = [step.id for i, step in enumerate(process.steps) if process.is_end(i)]
    can_finish = set(ends).union(*(nx.ancestors(graph, end) for end in ends)) if ends else set()
    findings = []
    for step in process.steps:

        def finding(code: FindingCode, message: str, hint: str, location: Location, step: Step = step) -> Finding:
            return Finding(code=code, message=message, hint=hint, location=location,
                           subject=f"process:{process.id}/{step.id}", departments=(step.owner_id,),
                           scopes=(f"process:{process.id}",))

        if step.id not in reachable:
            findings.append(finding(
                FindingCode.UNREACHABLE_STEP, f"step '{step.name}' cannot be reached from the first step "
                f"'{process.steps[0].name}'", "point a `next` or a branch at it, or remove it", step.location()))
        elif step.id not in can_finish:
            findings.append(finding(
                FindingCode.NO_WAY_OUT, f"from step '{step.name}' no end of the process can be reached",
                "give the loop an exit: a branch to a later step or `next: []`", step.location()))
        if step.decision is not None and len(step.branches) < 2:
            count = "no branch" if not step.branches else "only one branch"
            findings.append(finding(
                FindingCode.DECISION_WITHOUT_BRANCHES, f"the decision '{step.decision}' has {count}",
                "list each outcome under `branches`, each with its `when` and `next`",
                step.location("decision", key=True)))
    return findings
