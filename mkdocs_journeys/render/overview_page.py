"""The overview a director scans, and one index page per kind of definition."""

from __future__ import annotations

from collections.abc import Callable

from ..escape import plain
from ..figures import chart_block, handbook_glance
from ..kinds import KINDS
from ..kinds import PageKind as Kind
from ..language import _, number
from ..source import display_path
from ..wording import word
from .context import RenderContext
from .markdown import heading, join_blocks, status, table
from .review import handbook_health
from .site import Page


def _journeys(ctx: RenderContext, page: str) -> str:
    rows = []
    for journey in ctx.handbook.journeys.values():
        statuses = ", ".join(f"{plain(m.definition.name)}: {status(m.status)}" for m in journey.metrics.values())
        rows.append([ctx.link(page, "journey", journey.id), ctx.dept(page, journey.owner),
                     ctx.site.links(page, "persona", journey.personas), word(journey.state),
                     statuses or _("no metrics")])
    return (table([_("Journey"), _("Accountable"), _("Personas"), _("State"), _("Metrics")], rows)
            or _("No journeys yet."))


def _personas(ctx: RenderContext, page: str) -> str:
    rows = [[ctx.link(page, "persona", p.id), plain(p.segment),
             ", ".join(ctx.link(page, "journey", j.id) for j in ctx.handbook.journeys_of(p.id))]
            for p in ctx.handbook.personas.values()]
    return table([_("Persona"), _("Segment"), _("Journeys")], rows) or _("No personas yet.")


def _processes(ctx: RenderContext, page: str) -> str:
    rows = [[ctx.link(page, "process", p.id), ctx.dept(page, p.owner), number(len(p.steps), str(len(p.steps)))]
            for p in ctx.handbook.processes.values()]
    return table([_("Process"), _("Accountable"), _("Steps")], rows) or _("No process maps yet.")


def _departments(ctx: RenderContext, page: str) -> str:
    rows = [[ctx.link(page, "department", d.id), ctx.dept(page, d.parent) if d.parent else "", plain(d.lead),
             plain(d.contact)] for d in ctx.handbook.departments.values()]
    return table([_("Department"), _("Part of"), _("Lead"), _("Contact")], rows) or _("No departments yet.")


SECTIONS: dict[Kind, Callable[[RenderContext, str], str]] = {
    "journey": _journeys, "persona": _personas, "process": _processes, "department": _departments,
}


def _left_out(ctx: RenderContext) -> str | None:
    """Every definition left out of an invalid handbook, and why: nothing disappears silently."""
    if not ctx.handbook.rejected:
        return None
    rows = []
    for rejected in ctx.handbook.rejected:
        reasons = "<br>".join(plain(f"{p.location.display()}: {p.full_message()}") for p in rejected.problems[:5])
        if len(rejected.problems) > 5:
            reasons += "<br>" + _("… and {count} more").format(count=len(rejected.problems) - 5)
        rows.append([plain(rejected.kind), plain(rejected.id or "(no id)"),
                     plain(display_path(rejected.location.file)), reasons])
    return join_blocks([
        heading(2, _("Left out of this build"), "left-out"),
        '<p class="journeys-left-out">'
        + _("These definitions have errors and are not in the handbook. Run {command} for the full list.").format(
            command="<code>mkdocs-journeys check</code>") + "</p>",
        table([_("Kind"), _("Id"), _("File"), _("Why")], rows),
    ])


def overview_page(ctx: RenderContext) -> Page:
    page = ctx.site.overview_path
    hb = ctx.handbook
    touchpoints = sum(len(s.touchpoints) for j in hb.journeys.values() for s in j.stages)
    counts = " · ".join(text.format(count=f"**{number(n, str(n))}**") for text, n in (
        (_("{count} journeys"), len(hb.journeys)), (_("{count} personas"), len(hb.personas)),
        (_("{count} process maps"), len(hb.processes)), (_("{count} departments"), len(hb.departments)),
        (_("{count} touchpoints"), touchpoints)))
    figure = handbook_glance([(j, ctx.page_url(page, ctx.site.path("journey", j.id))) for j in hb.journeys.values()],
                             hb.settings)
    chart = None
    if figure is not None:
        rows = [[j.title, number(min(e), str(min(e))), number(max(e), str(max(e)))] for j in hb.journeys.values()
                if (e := [tp.emotion for _, tp in j.touchpoints() if tp.emotion is not None])]
        chart = chart_block("handbook-glance", figure, ctx.asset_url(page, "plotly.min.js"),
                            _("Emotion range of every journey"), ([_("Journey"), _("Lowest"), _("Highest")], rows))
    title = hb.settings.nav_title if "nav_title" in hb.settings.model_fields_set else _("Handbook")
    blocks: list[str | None] = [ctx.scripts(page), f"# {plain(title)}", counts, _left_out(ctx), chart]
    for kind, render in SECTIONS.items():
        blocks += [heading(2, _(KINDS[kind].title), KINDS[kind].plural), render(ctx, page)]
    blocks.append(handbook_health(ctx, page))
    return Page(page, title, join_blocks(blocks), None, "overview", None, chart is not None)


def index_page(ctx: RenderContext, kind: Kind) -> Page:
    page = ctx.site.index_path(kind)
    title = _(KINDS[kind].title)
    markdown = join_blocks([f"# {title}", SECTIONS[kind](ctx, page)])
    return Page(page, title, markdown, None, "index")
