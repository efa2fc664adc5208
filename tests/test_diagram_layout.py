"""The process diagram's layered layout, checked geometrically on real and made-up processes: no edge
runs through a box it does not join, no branch label touches another or a box, every step stands in
its owner's lane, and the same process always gives the same picture."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

import pytest
import yaml

from mkdocs_journeys.figures.diagram import process_diagram
from mkdocs_journeys.figures.diagram_graph import crossings, layered
from mkdocs_journeys.figures.diagram_layout import Layout, layout
from mkdocs_journeys.model import Process

from .sites import REPO, example_handbook

Rect = tuple[float, float, float, float]  # x, y, w, h


def _step(sid: str, owner: str, **more: Any) -> dict[str, Any]:
    return {"id": sid, "name": f"Step {sid}", "owner": owner, **more}


SYNTHETIC: dict[str, list[dict[str, Any]]] = {
    # a decision whose branches skip layers, loop back and end, across three departments
    "branches-and-skips": [
        _step("a", "ops", sla="4h"),
        _step("b", "risk", decision="Is it fine?", branches=[
            {"when": "yes, straight to the end", "next": "f"}, {"when": "needs work", "next": "c"},
            {"when": "start over", "next": "a"}]),
        _step("c", "ops", next=["d", "e"]),
        _step("d", "support"),
        _step("e", "risk", next=["b", "f"]),
        _step("f", "ops", next=[]),
    ],
    # a long chain with an edge from the first step to the last, and a step looping on itself
    "long-skip-and-self-loop": [
        _step("s1", "ops", next=["s2", "s6"]),
        _step("s2", "ops"),
        _step("s3", "ops", branches=[{"when": "again", "next": "s3"}, {"when": "on", "next": "s4"}]),
        _step("s4", "it"), _step("s5", "ops"), _step("s6", "it", next=[]),
    ],
    # a step nothing leads to, and many branches into one lane
    "fan-out-and-orphan": [
        _step("root", "ops", decision="Which way?", branches=[
            {"when": f"case number {n}", "next": f"t{n}"} for n in range(4)]),
        *(_step(f"t{n}", "legal", next=[]) for n in range(4)),
        _step("orphan", "ops", next=["t0"]),
    ],
}


def _processes() -> list[Process]:
    found = []
    for folder in (example_handbook() / "processes", REPO / "journeys" / "processes"):
        for path in sorted(folder.glob("*.yml")):
            found.append(Process.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))))
    for pid, steps in SYNTHETIC.items():
        found.append(Process.model_validate({"id": pid, "title": pid, "owner": "ops", "steps": steps}))
    return found


PROCESSES = _processes()


def _overlap(a: Rect, b: Rect, margin: float = 0.0) -> bool:
    return (a[0] < b[0] + b[2] + margin and b[0] < a[0] + a[2] + margin
            and a[1] < b[1] + b[3] + margin and b[1] < a[1] + a[3] + margin)


def _inside(point: tuple[float, float], rect: Rect, inset: float = 0.5) -> bool:
    x, y = point
    return rect[0] + inset < x < rect[0] + rect[2] - inset and rect[1] + inset < y < rect[1] + rect[3] - inset


def _dense(points: list[tuple[float, float]], step: float = 1.0) -> list[tuple[float, float]]:
    out = [points[0]]
    for (xa, ya), (xb, yb) in pairwise(points):
        n = max(1, int(max(abs(xb - xa), abs(yb - ya)) / step))
        out += [(xa + (xb - xa) * k / n, ya + (yb - ya) * k / n) for k in range(1, n + 1)]
    return out


def _boxes(geometry: Layout) -> dict[str, Rect]:
    return {sid: (b.x, b.y, b.w, b.h) for sid, b in geometry.boxes.items()}


def test_the_processes_cover_loops_branches_skips_and_several_lanes() -> None:
    graphs = [layered(p) for p in PROCESSES]
    assert len(PROCESSES) >= 12
    assert sum(any(e.back for e in g.edges) for g in graphs) >= 5
    assert any(any(e.source == e.target for e in g.edges) for g in graphs)  # a self loop
    assert any(len(chain) >= 3 for g in graphs for chain in g.chains.values())  # an edge across several layers
    assert all(len(g.lanes) >= 2 for g in graphs)


@pytest.mark.parametrize("process", PROCESSES, ids=lambda p: p.id)
def test_no_edge_runs_through_a_box_it_does_not_join(process: Process) -> None:
    geometry = layout(process)
    boxes = _boxes(geometry)
    for route in geometry.routes:
        for sid, rect in boxes.items():
            if sid in (route.edge.source, route.edge.target):
                continue
            assert not any(_inside(p, rect) for p in _dense(route.points())), (route.edge, sid)
        # nor through its own ends: it leaves and enters them at their border
        for sid in {route.edge.source, route.edge.target}:
            assert not any(_inside(p, boxes[sid], inset=1.0) for p in _dense(route.points())), (route.edge, sid)


@pytest.mark.parametrize("process", PROCESSES, ids=lambda p: p.id)
def test_branch_labels_collide_with_no_label_and_no_box(process: Process) -> None:
    geometry = layout(process)
    labels = [(label.x, label.y, label.w, label.h) for label in geometry.labels]
    expected = sum(1 for i, _ in enumerate(process.steps) for _, when in process.successors(i) if when)
    assert len(labels) == expected  # every branch condition is shown
    for k, a in enumerate(labels):
        assert all(not _overlap(a, b, margin=2) for b in labels[k + 1:]), a
        assert all(not _overlap(a, box, margin=2) for box in _boxes(geometry).values()), a
        assert a[0] >= 0 and a[0] + a[2] <= geometry.width and a[1] >= 0 and a[1] + a[3] <= geometry.height


@pytest.mark.parametrize("process", PROCESSES, ids=lambda p: p.id)
def test_each_step_stands_in_its_owners_lane(process: Process) -> None:
    geometry = layout(process)
    assert [lane.department for lane in geometry.lanes] == list(dict.fromkeys(s.owner_id for s in process.steps))
    by_department = {lane.department: lane for lane in geometry.lanes}
    for step in process.steps:
        box, lane = geometry.boxes[step.id], by_department[step.owner_id]
        assert lane.x < box.x and box.x + box.w < lane.x + lane.w, step.id
        assert geometry.header < box.y and box.y + box.h < geometry.height
    for a, b in pairwise(geometry.lanes):
        assert a.x + a.w == pytest.approx(b.x)  # side by side, left to right
    for k, (s1, r1) in enumerate(_boxes(geometry).items()):
        assert all(not _overlap(r1, r2, margin=4) for s2, r2 in list(_boxes(geometry).items())[k + 1:]), s1


def test_layers_run_down_the_page_and_loops_go_back_up() -> None:
    process = next(p for p in PROCESSES if p.id == "account-onboarding")
    geometry = layout(process)
    y = {sid: box.y for sid, box in geometry.boxes.items()}
    assert y["receive-application"] < y["kyc-check"] < y["request-documents"]
    loop = next(r for r in geometry.routes if r.edge.back)
    assert (loop.edge.source, loop.edge.target) == ("request-documents", "kyc-check")
    points = loop.points()
    assert points[-1][1] == pytest.approx(y["kyc-check"])  # it comes into its target from above
    assert layered(process).ranks and crossings(layered(process)) == 0


@pytest.mark.parametrize("process", PROCESSES, ids=lambda p: p.id)
def test_the_same_process_always_draws_the_same_svg(process: Process) -> None:
    names = {"ops": "Operations"}
    again = Process.model_validate(process.model_dump(exclude_none=True))
    assert process_diagram(process, names) == process_diagram(process, names) == process_diagram(again, names)


def test_the_svg_shows_questions_slas_lanes_and_links_every_step() -> None:
    process = next(p for p in PROCESSES if p.id == "fault-handling")
    svg = process_diagram(process, {"network-operations": "Network <Operations>"})
    for step in process.steps:
        assert f'xlink:href="#step-{step.id}"' in svg
        if step.sla_text:
            assert f">SLA {step.sla_text}</text>" in svg
    assert "Can it be fixed remotely?" in svg and ">no, a visit is needed</text>" in svg
    assert "Network &lt;Operations&gt;" in svg and "<Operations>" not in svg
    assert svg.count('class="journeys-lane ') == 3
    assert not re.search(r"\bhref=", svg.replace("xlink:href=", ""))
