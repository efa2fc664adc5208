"""How what a department owns feels to customers: each touchpoint's emotion and pain points, and a
journey's average and lowest point, for the department pages and their teams' roll-up."""

from __future__ import annotations

from collections.abc import Sequence

from ..escape import plain
from ..model import Journey, Stage, Touchpoint
from .context import RenderContext
from .markdown import emotion_badge, table

Held = tuple[Journey, Stage, Touchpoint]


def touchpoint_link(ctx: RenderContext, page: str, journey: Journey, tp: Touchpoint) -> str:
    return ctx.link(page, "journey", journey.id, f"touchpoint-{tp.id}", tp.name)


def summary(ctx: RenderContext, page: str, held: Sequence[Held]) -> str:
    """"Average −0.3 neutral over 3 touchpoints; lowest −2 very negative at [...]" (one journey's)."""
    rated = [(journey, tp) for journey, _, tp in held if tp.emotion is not None]
    count = _count(len(held), "touchpoint")
    if not rated:
        return f"How it feels: no emotion recorded for these {count}."
    scale = ctx.settings
    average = sum(tp.emotion or 0.0 for _, tp in rated) / len(rated)
    journey, lowest = min(rated, key=lambda pair: pair[1].emotion or 0.0)
    recorded = "" if len(rated) == len(held) else f" ({len(rated)} with an emotion)"
    return (f"**How it feels:** average {emotion_badge(round(average, 1), scale)} over {count}{recorded}; "
            f"lowest {emotion_badge(lowest.emotion, scale)} at {touchpoint_link(ctx, page, journey, lowest)}.")


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
    return table(["Stage", "Touchpoint", "How it feels", "Pain points"], rows)


def team_rows(ctx: RenderContext, page: str, by_journey: dict[str, list[Held]]) -> list[list[str]]:
    """A team's touchpoints summed up per journey: a row each, not a row per touchpoint, so that a
    parent department's page stays the size of its teams, not of the whole handbook."""
    rows = []
    for journey_id, held in by_journey.items():
        rated = [(journey, tp) for journey, _, tp in held if tp.emotion is not None]
        feels = "no emotion recorded"
        if rated:
            mean = round(sum(tp.emotion or 0.0 for _, tp in rated) / len(rated), 1)
            journey, low = min(rated, key=lambda pair: pair[1].emotion or 0.0)
            feels = (f"average {emotion_badge(mean, ctx.settings)}<br>lowest {emotion_badge(low.emotion, ctx.settings)}"
                     f" {touchpoint_link(ctx, page, journey, low)}")
        pains = sum(len(tp.pain_points) for *_, tp in held)
        counts = f"{_count(len(held), 'touchpoint')}, {_count(pains, 'pain point')}"
        rows.append([ctx.link(page, "journey", journey_id), counts, feels])
    return rows



def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"
