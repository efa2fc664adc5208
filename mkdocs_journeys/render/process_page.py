"""The process page: the steps in order with owners, SLAs and decisions, and the touchpoints they serve."""

from __future__ import annotations

from ..escape import plain
from ..figures import process_diagram
from ..language import _
from ..model import Process, Step
from .author_text import markdown_block
from .context import RenderContext
from .markdown import fields, heading, join_blocks
from .process_data import diagram_counts, figures_of, measured_section
from .review import process_review
from .site import Page


def _touchpoint_links(ctx: RenderContext, page: str, process: Process, step_id: str | None) -> list[str]:
    links = []
    for link in ctx.handbook.supported_by_process(process.id, step_id):
        found = ctx.handbook.find_touchpoint(link.journey, link.touchpoint)
        name = f"{found[0].title} › {found[2].name}" if found else f"{link.journey}/{link.touchpoint}"
        links.append(ctx.link(page, "journey", link.journey, f"touchpoint-{link.touchpoint}", name))
    return links


def _step(ctx: RenderContext, page: str, process: Process, index: int, step: Step) -> str:
    names = {s.id: s.name for s in process.steps}
    following = []
    if step.branches:
        for branch in step.branches:
            targets = _(" or ").join(f"[{plain(names.get(t, t))}](#step-{t})" for t in branch.next) or _("the end")
            following.append(_("if {condition}, then {steps}").format(condition=plain(branch.when), steps=targets))
    else:
        following = [f"[{plain(names.get(t, t))}](#step-{t})" for t, _ in process.successors(index)]
    supports = _touchpoint_links(ctx, page, process, step.id)
    return join_blocks([
        heading(2, f"{index + 1}. {plain(step.name)}", f"step-{step.id}"),
        fields([
            (_("Owner"), ctx.dept(page, step.owner_id)),
            (_("SLA"), plain(step.sla_text)),
            (_("Decision"), plain(step.decision)),
            (_("Next"), "; ".join(following) if following else _("the process ends here")),
            (_("Supports"), ", ".join(supports)),
        ]),
        markdown_block(step.summary),
    ])


def process_page(ctx: RenderContext, process: Process) -> Page:
    page = ctx.site.path("process", process.id)
    whole = _touchpoint_links(ctx, page, process, None)
    owners = list(dict.fromkeys(s.owner_id for s in process.steps))
    measured = figures_of(ctx, process)
    counts, undesigned = diagram_counts(process, measured) if measured is not None else (None, None)
    markdown = join_blocks([
        f"# {plain(process.title)}",
        fields([(_("Accountable"), ctx.dept(page, process.owner)),
                (_("Departments involved"), ctx.depts(page, owners)),
                (_("Supports as a whole"), ", ".join(whole))]),
        markdown_block(process.summary),
        heading(2, _("Flow"), "flow"),
        process_diagram(process, ctx.department_names, counts, undesigned),
        measured_section(ctx, process),
        *(_step(ctx, page, process, i, step) for i, step in enumerate(process.steps)),
        process_review(ctx, page, process.id),
        ctx.source_note(process.file),
    ])
    return Page(page, process.title, markdown, process.file, "process", process.id)
