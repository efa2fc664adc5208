"""How what a department owns feels to customers: each touchpoint's emotion and pain points, and a
journey's average and lowest point, for the department pages and their teams' roll-up."""

from __future__ import annotations

from collections.abc import Sequence

from ..escape import plain
from ..language import _, ngettext
from ..model import Journey, Stage, Touchpoint
from .context import RenderContext
from .markdown import emotion_badge, table

Held = tuple[Journey, Stage, Touchpoint]


def touchpoint_link(ctx: RenderContext, page: str, journey: Journey, tp: Touchpoint) -> str:
    return ctx.link(page, "journey", journey.id, f"touchpoint-{tp.id}", tp.name)


def summary(ctx: RenderContext, page: str, held: Sequence[Held]) -> str:
    """"Average −0.3 neutral over 3 touchpoints; lowest −2 very negative at [...]" (one journey's)."""
    rated = [(journey, tp) for journey, _, tp in held if tp.emotion is not None]
    count = _touchpoints(len(held))
    if not rated:
        return _("How it feels: no emotion recorded for these {touchpoints}.").format(touchpoints=count)
    scale = ctx.settings
    average = sum(tp.emotion or 0.0 for _, tp in rated) / len(rated)
    journey, lowest = min(rated, key=lambda pair: pair[1].emotion or 0.0)
    recorded = "" if len(rated) == len(held) else _(" ({count} with an emotion)").format(count=len(rated))
    text = _("**How it feels:** average {average} over {touchpoints}{recorded}; lowest {lowest} at {touchpoint}.")
    return text.format(
        average=emotion_badge(round(average, 1), scale), touchpoints=count, recorded=recorded,
        lowest=emotion_badge(lowest.emotion, scale), touchpoint=touchpoint_link(ctx, page, journey, lowest))


def touchpoint_table(ctx: RenderContext, page: str, held: Sequence[Held]) -> str:
    """One row per touchpoint, in stage order: its stage, how it feels and its pain points."""
    rows = []
    for journey, stage, tp in held:
        name = touchpoint_link(ctx, page, journey, tp)
        if tp.channel:
            name += f' <span class="journeys-feel__channel">· {plain(tp.channel)}</span>'
        pains = "<br>".join(f"⚠ {plain(pain)}" for pain in tp.pain_points) or "—"
        # the stage's name only: a link would claim the stage, which its owner may be another department
        rows.append([plain(stage.name), name,
                     emotion_badge(tp.emotion, ctx.settings), pains])
    return table([_("Stage"), _("Touchpoint"), _("How it feels"), _("Pain points")], rows)


def team_rows(ctx: RenderContext, page: str, by_journey: dict[str, list[Held]]) -> list[list[str]]:
    """A team's touchpoints summed up per journey: a row each, not a row per touchpoint, so that a
    parent department's page stays the size of its teams, not of the whole handbook."""
    rows = []
    for journey_id, held in by_journey.items():
        rated = [(journey, tp) for journey, _, tp in held if tp.emotion is not None]
        feels = _("no emotion recorded")
        if rated:
            mean = round(sum(tp.emotion or 0.0 for _, tp in rated) / len(rated), 1)
            journey, low = min(rated, key=lambda pair: pair[1].emotion or 0.0)
            feels = _("average {average}<br>lowest {lowest} {touchpoint}").format(
                average=emotion_badge(mean, ctx.settings), lowest=emotion_badge(low.emotion, ctx.settings),
                touchpoint=touchpoint_link(ctx, page, journey, low))
        pains = sum(len(tp.pain_points) for *_, tp in held)
        counts = f"{_touchpoints(len(held))}, " + ngettext("{count} pain point", "{count} pain points", pains).format(
            count=pains)
        rows.append([ctx.link(page, "journey", journey_id), counts, feels])
    return rows



def _touchpoints(n: int) -> str:
    return ngettext("{count} touchpoint", "{count} touchpoints", n).format(count=n)
