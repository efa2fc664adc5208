"""The department page, "what we own": every stage, touchpoint, step and metric it answers for, how
its touchpoints feel to customers, and what the teams below it own."""

from __future__ import annotations

from collections import defaultdict

from ..escape import plain
from ..model import Department, Journey, MetricValue, Stage
from ..ownership import Holdings, Role
from . import feelings
from .author_text import markdown_block
from .context import RenderContext
from .department_data import measured_lines
from .feelings import Held
from .markdown import fields, heading, join_blocks, status, table
from .review import department_review
from .site import Page


def _by_journey(ctx: RenderContext, page: str, own: Holdings) -> str | None:
    """Per journey: the stages it owns or contributes to, then its touchpoints and how they feel."""
    stages: dict[str, list[tuple[Stage, Role]]] = defaultdict(list)
    touchpoints: dict[str, list[Held]] = defaultdict(list)
    for journey, stage, role in own.stages:
        stages[journey.id].append((stage, role))
    for journey, stage, tp in own.touchpoints:
        touchpoints[journey.id].append((journey, stage, tp))
    blocks = []
    for journey_id in own.journey_ids():
        if journey_id not in stages and journey_id not in touchpoints:
            continue
        block = [heading(3, ctx.link(page, "journey", journey_id))]
        if journey_id in stages:
            block.append("**Stages:** " + ", ".join(
                f"{ctx.link(page, 'journey', journey_id, f'stage-{stage.id}', stage.name)} ({role})"
                for stage, role in stages[journey_id]))
        if journey_id in touchpoints:
            block += [feelings.summary(ctx, page, touchpoints[journey_id]),
                      feelings.touchpoint_table(ctx, page, touchpoints[journey_id])]
        blocks.append("\n\n".join(block))
    return "\n\n".join(blocks) if blocks else None


def _teams(ctx: RenderContext, page: str, department: Department, holdings: dict[str, Holdings]) -> str | None:
    """What every team below this department owns (their teams too), each linked to its own page."""
    hb = ctx.handbook
    counts = []
    blocks = []
    for sub in hb.descendants(department.id):
        held = holdings.get(sub.id, Holdings())
        counts.append([ctx.dept(page, sub.id), str(len(held.journeys)),
                       str(sum(1 for *_, r in held.stages if r == "owner")), str(len(held.touchpoints)),
                       str(len(held.processes)), str(len(held.steps))])
        part_of = f" (part of {ctx.dept(page, sub.parent)})" if sub.parent and sub.parent != department.id else ""
        block = [heading(3, ctx.dept(page, sub.id) + part_of, f"team-{sub.id}")]
        by_journey: dict[str, list[Held]] = defaultdict(list)
        for journey, stage, tp in held.touchpoints:
            by_journey[journey.id].append((journey, stage, tp))
        rows = feelings.team_rows(ctx, page, by_journey)
        if rows:
            block.append(table(["Journey", "What it owns", "How it feels"], rows))
        runs = [ctx.link(page, "process", p.id) for p in held.processes]
        runs += [ctx.link(page, "process", process.id, f"step-{step.id}", step.name) for process, step in held.steps]
        if runs:
            block.append("**Processes and steps:** " + ", ".join(runs))
        if held.empty:
            block.append("Owns nothing itself.")
        blocks.append("\n\n".join(block))
    if not counts:
        return None
    return join_blocks([heading(2, "Owned by our teams", "rollup"),
                        table(["Department", "Journeys", "Stages", "Touchpoints", "Processes", "Steps"], counts),
                        *blocks])


def _metrics(ctx: RenderContext, page: str, own: Holdings) -> str | None:
    rows = []

    def add(journey: Journey, where: str, anchor: str | None, metrics: dict[str, MetricValue]) -> None:
        for value in metrics.values():
            d = value.definition
            link = ctx.link(page, "journey", journey.id, anchor, where)
            rows.append([plain(d.name), link, plain(d.format(value.target)) or "—",
                         plain(d.format(value.actual)) or "—", status(value.status)])

    for journey in own.journeys:
        add(journey, journey.title, "metrics", journey.metrics)
    for journey, stage, role in own.stages:
        if role == "owner":
            add(journey, f"{journey.title} › {stage.name}", f"stage-{stage.id}", stage.metrics)
    for journey, _, tp in own.touchpoints:
        add(journey, f"{journey.title} › {tp.name}", f"touchpoint-{tp.id}", tp.metrics)
    return table(["Metric", "Where", "Target", "Actual", "Status"], rows) or None


def _processes(ctx: RenderContext, page: str, own: Holdings) -> str | None:
    lines = [f"- {ctx.link(page, 'process', p.id)} (accountable)" for p in own.processes]
    for process, step in own.steps:
        lines.append(f"- Step {ctx.link(page, 'process', process.id, f'step-{step.id}', step.name)} "
                     f"in {ctx.link(page, 'process', process.id)}")
    return "\n".join(lines) or None


def _none_here(ctx: RenderContext, department: Department, holdings: dict[str, Holdings]) -> str:
    teams = any(holdings.get(sub.id, Holdings()).touchpoints for sub in ctx.handbook.descendants(department.id))
    return "None directly: see [what our teams own](#rollup)." if teams else "None."


def department_page(ctx: RenderContext, department: Department, holdings: dict[str, Holdings]) -> Page:
    page = ctx.site.path("department", department.id)
    hb = ctx.handbook
    own = holdings.get(department.id, Holdings())
    children = hb.children(department.id)
    journeys_rows = []
    for journey in own.journeys:
        statuses = ", ".join(f"{plain(m.definition.name)}: {status(m.status)}" for m in journey.metrics.values())
        journeys_rows.append([ctx.link(page, "journey", journey.id), ctx.site.links(page, "persona", journey.personas),
                              journey.state, statuses or "no metrics"])
    markdown = join_blocks([
        f"# {plain(department.name)}",
        fields([("Lead", plain(department.lead)), ("Contact", plain(department.contact)),
                ("Part of", ctx.dept(page, department.parent) if department.parent else None),
                ("Sub-departments", ", ".join(ctx.dept(page, c.id) for c in children))]),
        markdown_block(department.summary),
        heading(2, "Journeys we are accountable for", "journeys"),
        table(["Journey", "Personas", "State", "Metrics"], journeys_rows) or "None.",
        heading(2, "Stages and touchpoints: how they feel to customers", "stages"),
        _by_journey(ctx, page, own) or _none_here(ctx, department, holdings),
        heading(2, "Processes and steps we run", "processes"),
        _processes(ctx, page, own) or "None.",
        measured_lines(ctx, page, own),
        heading(2, "Metrics we answer for", "metrics"),
        _metrics(ctx, page, own) or "None.",
        _teams(ctx, page, department, holdings),
        department_review(ctx, page, department.id),
        ctx.source_note(department.file),
    ])
    return Page(page, department.name, markdown, department.file, "department", department.id)
