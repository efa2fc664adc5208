"""The department page, "what we own": every stage, touchpoint, step and metric it answers for, how
its touchpoints feel to customers, and what the teams below it own."""

from __future__ import annotations

from collections import defaultdict

from ..escape import plain
from ..language import _
from ..model import Department, Journey, MetricValue, Stage
from ..ownership import Holdings, Role
from ..wording import word
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
            block.append(_("**Stages:**") + " " + ", ".join(
                f"{ctx.link(page, 'journey', journey_id, f'stage-{stage.id}', stage.name)} ({word(role)})"
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
        part_of = (_(" (part of {department})").format(department=ctx.dept(page, sub.parent))
                   if sub.parent and sub.parent != department.id else "")
        block = [heading(3, ctx.dept(page, sub.id) + part_of, f"team-{sub.id}")]
        by_journey: dict[str, list[Held]] = defaultdict(list)
        for journey, stage, tp in held.touchpoints:
            by_journey[journey.id].append((journey, stage, tp))
        rows = feelings.team_rows(ctx, page, by_journey)
        if rows:
            block.append(table([_("Journey"), _("What it owns"), _("How it feels")], rows))
        runs = [ctx.link(page, "process", p.id) for p in held.processes]
        runs += [ctx.link(page, "process", process.id, f"step-{step.id}", step.name) for process, step in held.steps]
        if runs:
            block.append(_("**Processes and steps:**") + " " + ", ".join(runs))
        if held.empty:
            block.append(_("Owns nothing itself."))
        blocks.append("\n\n".join(block))
    if not counts:
        return None
    return join_blocks([heading(2, _("Owned by our teams"), "rollup"),
                        table([_("Department"), _("Journeys"), _("Stages"), _("Touchpoints"), _("Processes"),
                               _("Steps")], counts),
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
    for journey, _stage, tp in own.touchpoints:
        add(journey, f"{journey.title} › {tp.name}", f"touchpoint-{tp.id}", tp.metrics)
    return table([_("Metric"), _("Where"), _("Target"), _("Actual"), _("Status")], rows) or None


def _processes(ctx: RenderContext, page: str, own: Holdings) -> str | None:
    lines = [f"- {ctx.link(page, 'process', p.id)} " + _("(accountable)") for p in own.processes]
    for process, step in own.steps:
        lines.append("- " + _("Step {step} in {process}").format(
            step=ctx.link(page, "process", process.id, f"step-{step.id}", step.name),
            process=ctx.link(page, "process", process.id)))
    return "\n".join(lines) or None


def _none_here(ctx: RenderContext, department: Department, holdings: dict[str, Holdings]) -> str:
    teams = any(holdings.get(sub.id, Holdings()).touchpoints for sub in ctx.handbook.descendants(department.id))
    return _("None directly: see [what our teams own](#rollup).") if teams else _("None.")


def department_page(ctx: RenderContext, department: Department, holdings: dict[str, Holdings]) -> Page:
    page = ctx.site.path("department", department.id)
    hb = ctx.handbook
    own = holdings.get(department.id, Holdings())
    children = hb.children(department.id)
    journeys_rows = []
    for journey in own.journeys:
        statuses = ", ".join(f"{plain(m.definition.name)}: {status(m.status)}" for m in journey.metrics.values())
        journeys_rows.append([ctx.link(page, "journey", journey.id), ctx.site.links(page, "persona", journey.personas),
                              word(journey.state), statuses or _("no metrics")])
    markdown = join_blocks([
        f"# {plain(department.name)}",
        fields([(_("Lead"), plain(department.lead)), (_("Contact"), plain(department.contact)),
                (_("Part of"), ctx.dept(page, department.parent) if department.parent else None),
                (_("Sub-departments"), ", ".join(ctx.dept(page, c.id) for c in children))]),
        markdown_block(department.summary),
        heading(2, _("Journeys we are accountable for"), "journeys"),
        table([_("Journey"), _("Personas"), _("State"), _("Metrics")], journeys_rows) or _("None."),
        heading(2, _("Stages and touchpoints: how they feel to customers"), "stages"),
        _by_journey(ctx, page, own) or _none_here(ctx, department, holdings),
        heading(2, _("Processes and steps we run"), "processes"),
        _processes(ctx, page, own) or _("None."),
        measured_lines(ctx, page, own),
        heading(2, _("Metrics we answer for"), "metrics"),
        _metrics(ctx, page, own) or _("None."),
        _teams(ctx, page, department, holdings),
        department_review(ctx, page, department.id),
        ctx.source_note(department.file),
    ])
    return Page(page, department.name, markdown, department.file, "department", department.id)
