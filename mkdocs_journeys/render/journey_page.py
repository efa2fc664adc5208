"""The journey page: what a product team walks through in a workshop.

Order: who and why, the emotion curve, metrics, the owner table (one row per stage), then each stage
and touchpoint with its own anchor, and last the review of the analysis (handoffs, coverage).
"""

from __future__ import annotations

from ..escape import plain
from ..figures import chart_block, emotion_curve, metric_history
from ..figures.chart import short, shown
from ..language import _
from ..model import Journey, Stage, Touchpoint
from .author_text import markdown_block
from .context import RenderContext
from .evidence import evidence_section, touchpoint_evidence
from .journey_data import funnel_section
from .journey_map import journey_map
from .markdown import bullet_list, fields, heading, join_blocks, plain_list, table
from .review import journey_review
from .site import Page
from .state_comparison import state_comparison


def _state(journey: Journey) -> str:
    label = _("Current state (as-is)") if journey.state == "current" else _("Future state (to-be)")
    return f'<span class="journeys-state journeys-state--{journey.state}">{label}</span>'


def emotion_chart(ctx: RenderContext, page: str, journey: Journey, href_base: str = "") -> str | None:
    """The emotion curve with its data table; ``href_base`` prefixes anchors when embedded elsewhere."""
    figure = emotion_curve(journey, ctx.settings, ctx.department_names, anchor_prefix=f"{href_base}#touchpoint-")
    if figure is None:
        return None
    rows = [[stage.name, tp.name, tp.channel or "", ctx.department_names.get(tp.owner_id, tp.owner_id),
             shown(tp.emotion) if tp.emotion is not None else _("not recorded"),
             _("yes") if tp.moment_of_truth else ""] for stage, tp in journey.touchpoints()]
    title = _("Emotion curve of {journey}").format(journey=journey.title)
    return chart_block(f"emotion-curve-{journey.id}" if href_base else "emotion-curve", figure,
                       ctx.asset_url(page, "plotly.min.js"), title,
                       ([_("Stage"), _("Touchpoint"), _("Channel"), _("Owner"), _("Emotion"), _("Moment of truth")],
                        rows))


def owner_table(ctx: RenderContext, page: str, journey: Journey, target: str | None = None) -> str:
    """One row per stage: who owns it, who contributes, its touchpoints, channels and processes."""
    here = target is None
    rows = []
    for stage in journey.stages:
        stage_link = (f"[{plain(stage.name)}](#stage-{stage.id})" if here
                      else ctx.link(page, "journey", journey.id, f"stage-{stage.id}", stage.name))
        touchpoints = ", ".join(
            f"[{plain(tp.name)}](#touchpoint-{tp.id})" if here
            else ctx.link(page, "journey", journey.id, f"touchpoint-{tp.id}", tp.name)
            for tp in stage.touchpoints)
        channels = ", ".join(dict.fromkeys(plain(tp.channel) for tp in stage.touchpoints if tp.channel))
        processes = dict.fromkeys(link.process for tp in stage.touchpoints
                                  for link in ctx.handbook.support_of(journey.id, tp.id))
        other_owners = dict.fromkeys(tp.owner_id for tp in stage.touchpoints if tp.owner_id != stage.owner_id)
        owner = ctx.dept(page, stage.owner_id)
        if other_owners:
            owner += _(" (touchpoints also: {departments})").format(departments=ctx.depts(page, list(other_owners)))
        rows.append([stage_link, owner, ctx.depts(page, stage.contributors), touchpoints, channels,
                     ", ".join(ctx.link(page, "process", p) for p in processes)])
    return table([_("Stage"), _("Owner"), _("Contributors"), _("Touchpoints"), _("Channels"),
                  _("Supporting processes")], rows)


def _touchpoint(ctx: RenderContext, page: str, journey: Journey, stage: Stage, tp: Touchpoint) -> str:
    support = ctx.handbook.support_of(journey.id, tp.id)
    supported = [
        ctx.link(page, "process", link.process, f"step-{link.step}" if link.step else None,
                 _step_label(ctx, link.process, link.step))
        for link in support
    ]
    emotion = None
    if tp.emotion is not None:
        emotion = f'<span class="journeys-emotion" data-emotion="{short(tp.emotion)}">{shown(tp.emotion)}</span>'
    facts = fields([
        (_("Moment of truth"), _("★ yes") if tp.moment_of_truth else None),
        (_("Channel"), plain(tp.channel)),
        (_("Owner"), ctx.dept(page, tp.owner_id)),
        (_("Emotion"), emotion),
        (_("Doing"), plain(tp.doing)),
        (_("Thinking"), plain(tp.thinking)),
        (_("Feeling"), plain(tp.feeling)),
        (_("Supported by"), ", ".join(supported) if supported else _("no process step")),
        (_("Evidence"), touchpoint_evidence(tp)),
    ])
    blocks = [heading(3, plain(tp.name), f"touchpoint-{tp.id}"), facts]
    for label, items in ((_("Pain points"), tp.pain_points), (_("Opportunities"), tp.opportunities),
                         (_("Backstage"), tp.backstage)):
        if items:
            blocks.append(f"**{label}:**\n\n{plain_list(items)}")
    if tp.metrics:
        blocks.append(ctx.metrics_table(page, tp.metrics, f"touchpoint-{tp.id}-metric-"))
    return join_blocks(blocks)


def _step_label(ctx: RenderContext, process_id: str, step_id: str | None) -> str:
    process = ctx.handbook.processes[process_id]
    step = process.step(step_id) if step_id else None
    return f"{process.title} › {step.name}" if step else process.title


def _stage(ctx: RenderContext, page: str, journey: Journey, number: int, stage: Stage) -> str:
    next_stages = []
    if number < len(journey.stages):
        following = journey.stages[number]
        next_stages.append(f"[{plain(following.name)}](#stage-{following.id})")
    for transition in journey.transitions:
        if transition.from_ == stage.id:
            target = next((s for s in journey.stages if s.id == transition.to), None)
            if target is not None:
                label = f" ({plain(transition.label)})" if transition.label else ""
                next_stages.append(f"[{plain(target.name)}](#stage-{target.id}){label}")
    blocks = [
        heading(2, f"{number}. {plain(stage.name)}", f"stage-{stage.id}"),
        fields([(_("Owner"), ctx.dept(page, stage.owner_id)),
                (_("Contributors"), ctx.depts(page, stage.contributors)),
                (_("Next"), _(" or ").join(next_stages) if next_stages else _("the journey ends here"))]),
        markdown_block(stage.description),
        ctx.metrics_table(page, stage.metrics, f"stage-{stage.id}-metric-") if stage.metrics else None,
    ]
    return join_blocks([*blocks, *(_touchpoint(ctx, page, journey, stage, tp) for tp in stage.touchpoints)])


def _map_section(ctx: RenderContext, page: str, journey: Journey) -> str | None:
    grid = journey_map(ctx, page, journey)
    return join_blocks([heading(2, _("Journey map"), "map"), grid]) if grid else None


def journey_page(ctx: RenderContext, journey: Journey) -> Page:
    page = ctx.site.path("journey", journey.id)
    personas = ctx.site.links(page, "persona", journey.personas)
    header = fields([
        (_("State"), _state(journey)),
        (_("Accountable"), ctx.dept(page, journey.owner)),
        (_("Personas"), personas),
        (_("Goal"), plain(journey.goal)),
        (_("Tags"), ", ".join(plain(t) for t in journey.tags)),
    ])
    curve = emotion_chart(ctx, page, journey)
    comparison = state_comparison(ctx, page, journey)
    funnel = funnel_section(ctx, page, journey)
    metrics = None
    if journey.metrics:
        histories = []
        for metric_id, value in journey.metrics.items():
            figure = metric_history(value)
            if figure is not None:
                rows = [[p.period, value.definition.format(p.value)] for p in value.history]
                histories.append(chart_block(
                    f"history-{metric_id}", figure, ctx.asset_url(page, "plotly.min.js"),
                    _("{metric} over time").format(metric=value.definition.name), ([_("Period"), _("Value")], rows)))
        metrics = join_blocks([heading(2, _("Metrics"), "metrics"), ctx.metrics_table(page, journey.metrics),
                               *histories])
    transitions = None
    if journey.transitions:
        items = []
        for t in journey.transitions:
            names = {s.id: s.name for s in journey.stages}
            label = f": {plain(t.label)}" if t.label else ""
            items.append(f"[{plain(names[t.from_])}](#stage-{t.from_}) → [{plain(names[t.to])}](#stage-{t.to}){label}")
        transitions = join_blocks([heading(2, _("Transitions"), "transitions"), bullet_list(items)])
    source = ctx.source_note(journey.file)
    markdown = join_blocks([
        ctx.scripts(page),
        f"# {plain(journey.title)}",
        header,
        markdown_block(journey.summary),
        _map_section(ctx, page, journey),
        join_blocks([heading(2, _("Emotion curve"), "emotion-curve-section"), curve]) if curve else None,
        funnel,
        comparison,
        metrics,
        evidence_section(ctx, journey),
        join_blocks([heading(2, _("Owners"), "owners"), owner_table(ctx, page, journey)]),
        *(_stage(ctx, page, journey, n, stage) for n, stage in enumerate(journey.stages, start=1)),
        transitions,
        journey_review(ctx, page, journey) if ctx.analysis else None,
        source,
    ])
    has_chart = (curve is not None or funnel is not None or comparison is not None
                 or any(v.history for v in journey.metrics.values()))
    return Page(page, journey.title, markdown, journey.file, "journey", journey.id, has_chart)

