"""The department page, "what we own": every stage, touchpoint, step and metric it answers for."""

from __future__ import annotations

from collections import defaultdict

from ..escape import plain
from ..model import Department, Journey, MetricValue, Stage, Touchpoint
from ..ownership import Holdings, Role
from .author_text import markdown_block
from .context import RenderContext
from .markdown import fields, heading, join_blocks, status, table
from .review import department_review
from .site import Page


def _by_journey(ctx: RenderContext, page: str, own: Holdings) -> str | None:
    """Stages and touchpoints grouped by journey, each linked to its anchor."""
    stages: dict[str, list[tuple[Stage, Role]]] = defaultdict(list)
    touchpoints: dict[str, list[tuple[Stage, Touchpoint]]] = defaultdict(list)
    for journey, stage, role in own.stages:
        stages[journey.id].append((stage, role))
    for journey, stage, tp in own.touchpoints:
        touchpoints[journey.id].append((stage, tp))
    blocks = []
    for journey_id in own.journey_ids():
        if journey_id not in stages and journey_id not in touchpoints:
            continue
        items = []
        for stage, role in stages.get(journey_id, []):
            items.append(f"- Stage {ctx.link(page, 'journey', journey_id, f'stage-{stage.id}', stage.name)} ({role})")
        for stage, tp in touchpoints.get(journey_id, []):
            items.append(f"- Touchpoint {ctx.link(page, 'journey', journey_id, f'touchpoint-{tp.id}', tp.name)}"
                         f" (in {plain(stage.name)}{', channel ' + plain(tp.channel) if tp.channel else ''})")
        blocks.append(heading(3, ctx.link(page, "journey", journey_id)) + "\n\n" + "\n".join(items))
    return "\n\n".join(blocks) if blocks else None


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
    rollup_rows = []
    for sub in hb.descendants(department.id):
        held = holdings.get(sub.id, Holdings())
        rollup_rows.append([ctx.dept(page, sub.id), str(len(held.journeys)),
                            str(sum(1 for *_, r in held.stages if r == "owner")), str(len(held.touchpoints)),
                            str(len(held.processes)), str(len(held.steps))])
    markdown = join_blocks([
        f"# {plain(department.name)}",
        fields([("Lead", plain(department.lead)), ("Contact", plain(department.contact)),
                ("Part of", ctx.dept(page, department.parent) if department.parent else None),
                ("Sub-departments", ", ".join(ctx.dept(page, c.id) for c in children))]),
        markdown_block(department.summary),
        heading(2, "Journeys we are accountable for", "journeys"),
        table(["Journey", "Personas", "State", "Metrics"], journeys_rows) or "None.",
        heading(2, "Stages and touchpoints", "stages"),
        _by_journey(ctx, page, own) or "None.",
        heading(2, "Processes and steps we run", "processes"),
        _processes(ctx, page, own) or "None.",
        heading(2, "Metrics we answer for", "metrics"),
        _metrics(ctx, page, own) or "None.",
        *([heading(2, "Owned by our sub-departments", "rollup"),
           table(["Department", "Journeys", "Stages", "Touchpoints", "Processes", "Steps"], rollup_rows)]
          if rollup_rows else []),
        department_review(ctx, page, department.id),
        ctx.source_note(department.file),
    ])
    return Page(page, department.name, markdown, department.file, "department", department.id)
