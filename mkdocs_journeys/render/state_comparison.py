"""Current state against future state: a future journey that ``replaces`` a current one, compared.

Both pages (the current journey's and the future one's) show the two curves on one chart and what
changes: stages added, removed and renamed, owners, handoffs and the journey's metrics.

Stages are aligned by id first, then by name (ignoring case); matches that would cross each other
are dropped, so the order of both journeys holds. The stages left over between two matched ones are
paired in order (a stage renamed and given a new id), and what is still left is a stage added or
removed, in its own slot where it stands. Each slot is one stretch of the x axis; a journey's
touchpoints spread evenly over its stage's slot, alternatives at one x.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..escape import hover, plain
from ..figures import chart_block
from ..figures.comparison import Series, state_curves
from ..figures.emotion import Band, touchpoint_hover
from ..figures.paths import Mark
from ..language import _, number
from ..model import Journey, Stage, Touchpoint
from ..wording import word
from .context import RenderContext
from .markdown import bullet_list, heading, join_blocks, table

CURRENT_COLOUR, FUTURE_COLOUR = "#5c6bc0", "#ef6c00"  # 3:1 or more on white and on Material's slate


@dataclass(frozen=True)
class Slot:
    """One aligned stage: the current journey's, the future one's, or both."""

    current: Stage | None
    future: Stage | None

    @property
    def name(self) -> str:
        names = [s.name for s in (self.current, self.future) if s is not None]
        return names[0] if len(set(names)) == 1 else " → ".join(names)


@dataclass(frozen=True)
class Comparison:
    """What changes from the current journey to the future one."""

    current: Journey
    future: Journey
    slots: list[Slot]
    handoffs: tuple[int, int] | None  # how many before and after, when the analysis ran


def _match(current: list[Stage], future: list[Stage]) -> list[tuple[int, int]]:
    """Pairs of indexes (current, future) by id, then by name, in an order both journeys keep."""
    by_id = {s.id: j for j, s in enumerate(future)}
    by_name = {s.name.casefold(): j for j, s in enumerate(future)}
    pairs: list[tuple[int, int]] = []
    taken: set[int] = set()
    for i, stage in enumerate(current):
        j = by_id.get(stage.id)
        if j is None or j in taken:
            j = by_name.get(stage.name.casefold())
        if j is not None and j not in taken and (not pairs or j > pairs[-1][1]):
            pairs.append((i, j))
            taken.add(j)
    return pairs


def align(current: Journey, future: Journey) -> list[Slot]:
    """The slots of the shared x axis, in journey order (see the module's docstring)."""
    pairs = _match(current.stages, future.stages)
    slots: list[Slot] = []
    i = j = 0
    for mi, mj in [*pairs, (len(current.stages), len(future.stages))]:
        gone, new = current.stages[i:mi], future.stages[j:mj]
        for k in range(max(len(gone), len(new))):
            slots.append(Slot(gone[k] if k < len(gone) else None, new[k] if k < len(new) else None))
        if mi < len(current.stages):
            slots.append(Slot(current.stages[mi], future.stages[mj]))
        i, j = mi + 1, mj + 1
    return slots


def compare(ctx: RenderContext, current: Journey, future: Journey) -> Comparison:
    handoffs = None
    if ctx.analysis is not None:
        handoffs = (len(ctx.analysis.handoffs.get(current.id, [])), len(ctx.analysis.handoffs.get(future.id, [])))
    return Comparison(current, future, align(current, future), handoffs)


def pairs_for(ctx: RenderContext, journey: Journey) -> list[tuple[Journey, Journey]]:
    """(current, future) pairs this journey's page compares: what it replaces, or what replaces it."""
    journeys = ctx.handbook.journeys
    if journey.state == "future" and journey.replaces in journeys:
        return [(journeys[journey.replaces], journey)]
    return [(journey, other) for other in journeys.values()
            if other.state == "future" and other.replaces == journey.id]


# --- the chart ------------------------------------------------------------------------------------

def _series(ctx: RenderContext, page: str, comparison: Comparison, which: str) -> Series:
    journey = comparison.current if which == "current" else comparison.future
    here = ctx.site.path("journey", journey.id) == page
    columns: list[list[Mark]] = []
    for k, slot in enumerate(comparison.slots):
        stage = slot.current if which == "current" else slot.future
        stage_columns = [c for c in journey.columns() if c.stage is stage] if stage else []
        for n, column in enumerate(stage_columns):
            x = k - 0.5 + (n + 0.5) / len(stage_columns)
            columns.append([_mark(ctx, page, journey, column.stage, tp, x, here) for tp in column.touchpoints])
    label = (_("Current: {journey}") if which == "current" else _("Future: {journey}")).format(
        journey=hover(journey.title))
    colour = CURRENT_COLOUR if which == "current" else FUTURE_COLOUR
    return Series(label, columns, colour, "solid" if which == "current" else "dash")


def _mark(ctx: RenderContext, page: str, journey: Journey, stage: Stage, tp: Touchpoint, x: float,
          here: bool) -> Mark:
    anchor = f"touchpoint-{tp.id}"
    href = f"#{anchor}" if here else ctx.page_url(page, ctx.site.path("journey", journey.id), anchor)
    state = _("Current: {journey}") if journey.state == "current" else _("Future: {journey}")
    text = state.format(journey=hover(journey.title)) + "<br>" + touchpoint_hover(stage, tp, ctx.department_names)
    return Mark(round(x, 4), tp.emotion, href, text, 10, "diamond" if tp.alternative_to else "circle")


def comparison_chart(ctx: RenderContext, page: str, comparison: Comparison) -> str | None:
    bands = [Band(k - 0.5, k + 0.5, slot.name, k % 2 == 0) for k, slot in enumerate(comparison.slots)]
    series = [_series(ctx, page, comparison, "current"), _series(ctx, page, comparison, "future")]
    figure = state_curves(bands, series, ctx.settings)
    if figure is None:
        return None
    rows = []
    for slot in comparison.slots:
        for which, stage in (("current", slot.current), ("future", slot.future)):
            for tp in stage.touchpoints if stage else []:
                emotion = number(tp.emotion, f"{tp.emotion:g}") if tp.emotion is not None else _("not recorded")
                rows.append([slot.name, word(which), tp.name, emotion])
    return chart_block(f"state-comparison-{comparison.future.id}", figure, ctx.asset_url(page, "plotly.min.js"),
                       _("Emotion now and in the future: {journey}").format(journey=comparison.future.title),
                       ([_("Stage"), _("State"), _("Touchpoint"), _("Emotion")], rows))


# --- what changes ---------------------------------------------------------------------------------

def _stage_link(ctx: RenderContext, page: str, journey: Journey, stage: Stage) -> str:
    return ctx.link(page, "journey", journey.id, f"stage-{stage.id}", stage.name)


def stage_changes(ctx: RenderContext, page: str, c: Comparison) -> list[str]:
    items = []
    for slot in c.slots:
        if slot.current is None and slot.future is not None:
            items.append(_("Added: {stage}").format(stage=_stage_link(ctx, page, c.future, slot.future)))
        elif slot.future is None and slot.current is not None:
            items.append(_("Removed: {stage}").format(stage=_stage_link(ctx, page, c.current, slot.current)))
        elif slot.current is not None and slot.future is not None and slot.current.name != slot.future.name:
            items.append(_("Renamed: {old} → {new}").format(old=_stage_link(ctx, page, c.current, slot.current),
                                                           new=_stage_link(ctx, page, c.future, slot.future)))
    return items


def owner_changes(ctx: RenderContext, page: str, c: Comparison) -> list[str]:
    """Stage owners, and the owners of touchpoints found in both (by id, then by name), that differ."""
    items = []
    for slot in c.slots:
        if slot.current is None or slot.future is None:
            continue
        if slot.current.owner_id != slot.future.owner_id:
            items.append(f"{_stage_link(ctx, page, c.future, slot.future)}: "
                         f"{ctx.dept(page, slot.current.owner_id)} → {ctx.dept(page, slot.future.owner_id)}")
        later = {tp.id: tp for tp in slot.future.touchpoints}
        named = {tp.name.casefold(): tp for tp in slot.future.touchpoints}
        for tp in slot.current.touchpoints:
            new = later.get(tp.id) or named.get(tp.name.casefold())
            if new is not None and new.owner_id != tp.owner_id:
                link = ctx.link(page, "journey", c.future.id, f"touchpoint-{new.id}", new.name)
                items.append(f"{link}: {ctx.dept(page, tp.owner_id)} → {ctx.dept(page, new.owner_id)}")
    return items


def metric_rows(c: Comparison) -> list[list[str]]:
    """The journey's metrics, target and actual, before → after."""
    rows = []
    for metric_id in dict.fromkeys([*c.current.metrics, *c.future.metrics]):
        before, after = c.current.metrics.get(metric_id), c.future.metrics.get(metric_id)
        definition = (after or before).definition  # type: ignore[union-attr]
        cells = [plain(definition.name)]
        for field in ("target", "actual"):
            old = definition.format(getattr(before, field)) if before else ""
            new = definition.format(getattr(after, field)) if after else ""
            cells.append(f"{plain(old) or '—'} → {plain(new) or '—'}" if old != new else plain(old) or "—")
        rows.append(cells)
    return rows


def state_comparison(ctx: RenderContext, page: str, journey: Journey) -> str | None:
    """The section for a journey's page, or None when no future journey replaces it (or it replaces none)."""
    sections = []
    for current, future in pairs_for(ctx, journey):
        c = compare(ctx, current, future)
        other = future if journey is current else current
        lead = (_("{journey} is the future state of this journey.").format(journey=ctx.link(page, "journey", future.id))
                if journey is current else
                _("This journey is to replace {journey}.").format(journey=ctx.link(page, "journey", current.id)))
        changes = [heading(3, _("Stages"), f"changes-stages-{other.id}"),
                   bullet_list(stage_changes(ctx, page, c)) or _("The same stages.")]
        changes += [heading(3, _("Owners"), f"changes-owners-{other.id}"),
                    bullet_list(owner_changes(ctx, page, c)) or _("The same owners.")]
        if c.handoffs is not None:
            changes += [heading(3, _("Handoffs"), f"changes-handoffs-{other.id}"),
                        _("Handoffs between departments: {now} now → {future} in the future state.").format(
                            now=c.handoffs[0], future=c.handoffs[1])]
        rows = metric_rows(c)
        if rows:
            changes += [heading(3, _("Metrics"), f"changes-metrics-{other.id}"),
                        table([_("Metric"), _("Target (now → future)"), _("Actual (now → future)")], rows)]
        sections.append(join_blocks([lead, comparison_chart(ctx, page, c), *changes]))
    if not sections:
        return None
    return join_blocks([heading(2, _("Current and future state"), "state-comparison"), *sections])
