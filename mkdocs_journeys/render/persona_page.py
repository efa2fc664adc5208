"""The persona page: who they are, the channels they use or avoid, and every journey they take."""

from __future__ import annotations

from ..escape import plain
from ..figures import chart_block, persona_journeys
from ..figures.chart import shown
from ..language import _
from ..model import Journey, Persona, Touchpoint
from ..wording import word
from .author_text import markdown_block
from .context import RenderContext
from .markdown import fields, heading, join_blocks, plain_list, status, table
from .review import persona_review
from .site import Page


def _taken(journey: Journey, persona_id: str) -> list[Touchpoint]:
    return [tp for _, tp in journey.touchpoints() if journey.takes(persona_id, tp)]


def persona_page(ctx: RenderContext, persona: Persona) -> Page:
    page = ctx.site.path("persona", persona.id)
    journeys = ctx.handbook.journeys_of(persona.id)
    rows = []
    for journey in journeys:
        statuses = ", ".join(f"{plain(m.definition.name)}: {status(m.status)}" for m in journey.metrics.values())
        rows.append([ctx.link(page, "journey", journey.id), ctx.dept(page, journey.owner),
                     word("current" if journey.state == "current" else "future"), statuses or _("no metrics")])
    figure = persona_journeys([(j, ctx.page_url(page, ctx.site.path("journey", j.id))) for j in journeys],
                              ctx.settings, persona.id)
    chart = None
    if figure is not None:  # the persona's own path through each journey, as the chart shows it
        alt_rows = [[j.title, shown(min(e)), shown(max(e))] for j in journeys
                    if (e := [tp.emotion for tp in _taken(j, persona.id) if tp.emotion is not None])]
        chart = chart_block("persona-journeys", figure, ctx.asset_url(page, "plotly.min.js"),
                            _("Emotions of {persona} across journeys").format(persona=persona.name),
                            ([_("Journey"), _("Lowest"), _("Highest")], alt_rows))
    sections = [
        ctx.scripts(page),
        f"# {plain(persona.name)}",
        f"> {plain(persona.quote)}" if persona.quote else None,
        fields([(_("Segment"), plain(persona.segment)),
                (_("Preferred channels"), ", ".join(plain(c) for c in persona.channels)),
                (_("Avoids"), ", ".join(plain(c) for c in persona.avoid_channels))]),
        markdown_block(persona.summary),
    ]
    for title, anchor, items in ((_("Goals"), "goals", persona.goals), (_("Needs"), "needs", persona.needs),
                                 (_("Frustrations"), "frustrations", persona.frustrations)):
        if items:
            sections += [heading(2, title, anchor), plain_list(items)]
    sections += [
        heading(2, _("Journeys"), "journeys"),
        table([_("Journey"), _("Accountable"), _("State"), _("Metrics")], rows)
        or _("No journey names this persona yet."),
        chart,
        persona_review(ctx, page, persona.id),
        ctx.source_note(persona.file),
    ]
    return Page(page, persona.name, join_blocks(sections), persona.file, "persona", persona.id, chart is not None)
