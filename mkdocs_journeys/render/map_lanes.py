"""The journey map's organisation rows: one swimlane per department, the handoffs between them, and
below the line of visibility the backstage work, the supporting process steps and the metrics.

A handoff is marked where the customer moves from one map column to the next and the touchpoint's
owner changes (between touchpoints one customer can meet in turn); the analysis' risky-handoff
findings mark it as risky, in words, with a link to the finding.
"""

from __future__ import annotations

from ..escape import attr
from ..finding_codes import FindingCode
from ..language import _
from ..model import MetricValue, Touchpoint
from .map_grid import MapGrid, compatible, steps, text
from .markdown import status


def _risky(grid: MapGrid) -> dict[tuple[str, str], str]:
    """(from touchpoint, to touchpoint) of each risky handoff, with its finding's anchor; the
    giver is "" when the finding does not name it."""
    analysis = grid.ctx.analysis
    if analysis is None:
        return {}
    found: dict[tuple[str, str], str] = {}
    prefix = f"journey:{grid.journey.id}/"
    for finding in analysis.findings_for(f"journey:{grid.journey.id}"):
        if finding.code != FindingCode.RISKY_HANDOFF or not finding.subject.startswith(prefix):
            continue
        giver = finding.discriminator.removeprefix("from-") if finding.discriminator.startswith("from-") else ""
        found[(giver, finding.subject.removeprefix(prefix))] = finding.anchor
    return found


def _handoffs(grid: MapGrid) -> dict[str, list[tuple[Touchpoint, str | None]]]:
    """For each touchpoint, the touchpoints in the column before it that hand the customer over,
    each with the anchor of its risky-handoff finding (None: not risky)."""
    risky = _risky(grid)
    into: dict[str, list[tuple[Touchpoint, str | None]]] = {}
    for before, after in steps(grid.columns):
        for b in after.touchpoints:
            for a in before.touchpoints:
                if a.owner_id != b.owner_id and compatible(a, b):
                    finding = risky.get((a.id, b.id), risky.get(("", b.id)))
                    into.setdefault(b.id, []).append((a, finding))
    return into


def _badge(grid: MapGrid, giver: Touchpoint, finding: str | None) -> str:
    name = text(grid.ctx.department_names.get(giver.owner_id, giver.owner_id))
    hover = attr(_("handed over by {department}").format(department=giver.name))
    if finding is None:
        return (f'<span class="journeys-map-handoff" title="{hover}">'
                + _("→ handoff from {department}").format(department=name) + "</span>")
    href = grid.journey_href(finding) if finding else grid.touchpoint_href(giver)
    return (f'<a class="journeys-map-handoff journeys-map-handoff--risky" href="{href}" title="{hover}">'
            + _("⚠ risky handoff from {department}").format(department=name) + "</a>")


def swimlanes(grid: MapGrid) -> None:
    """A row per department that owns a touchpoint, in the order the customer first meets them."""
    owners = list(dict.fromkeys(tp.owner_id for column in grid.columns for tp in column.touchpoints))
    if not owners:
        return
    handoffs = _handoffs(grid)
    grid.row("departments", '<span class="journeys-map-lane-name">' + _("Departments") + "</span>",
             [(0, grid.width, '<span class="journeys-map-note">' + _("Who serves the customer at each touchpoint")
               + "</span>")],
             "heading")
    for owner in owners:
        cells = []
        for column in grid.columns:
            parts = []
            for tp in column.touchpoints:
                if tp.owner_id != owner:
                    continue
                badges = "".join(_badge(grid, giver, finding) for giver, finding in handoffs.get(tp.id, []))
                parts.append(f'<div class="journeys-map-item journeys-map-owned" data-journeys-touchpoint='
                             f'"{attr(tp.id)}">{grid.linked(tp, text(tp.name))}{badges}</div>')
            cells.append((column.index, 1, "".join(parts)))
        label = f'<span class="journeys-map-department" data-journeys-department="{attr(owner)}">' \
                f"{grid.department(owner)}</span>"
        grid.row(f"department-{owner}", label, cells, "department")


def _support(grid: MapGrid, tp: Touchpoint) -> str | None:
    ctx = grid.ctx
    links = []
    for link in ctx.handbook.support_of(grid.journey.id, tp.id):
        process = ctx.handbook.processes.get(link.process)
        if process is None:
            continue
        step = process.step(link.step) if link.step else None
        label = f"{process.title} › {step.name}" if step else process.title
        url = ctx.page_url(grid.page, ctx.site.path("process", process.id), f"step-{step.id}" if step else None)
        links.append(f'<a class="journeys-map-bullet" href="{attr(url)}">{text(label)}</a>')
    return "".join(links) or None


def _metric(grid: MapGrid, anchor: str, value: MetricValue, where: str = "") -> str:
    definition = value.definition
    figures = [_("actual {value}").format(value=definition.format(value.actual)) if value.actual is not None else "",
               _("target {value}").format(value=definition.format(value.target)) if value.target is not None else ""]
    shown = " · ".join(f for f in figures if f)
    place = f' <span class="journeys-map-note">({text(where)})</span>' if where else ""
    return (f'<div class="journeys-map-metric"><a href="{grid.journey_href(anchor)}">{text(definition.name)}</a>'
            f"{place} {status(value.status)}"
            + (f'<span class="journeys-map-bullet">{text(shown)}</span>' if shown else "") + "</div>")


def _metrics(grid: MapGrid) -> None:
    """Per stage: its own metrics and its touchpoints', each with actual, target and status."""
    cells = []
    for n, column in enumerate(grid.columns):
        if n and grid.columns[n - 1].stage.id == column.stage.id:
            continue
        stage = column.stage
        span = sum(1 for c in grid.columns if c.stage.id == stage.id)
        parts = [_metric(grid, f"stage-{stage.id}-metric-{mid}", v) for mid, v in stage.metrics.items()]
        parts += [_metric(grid, f"touchpoint-{tp.id}-metric-{mid}", v, tp.name)
                  for tp in stage.touchpoints for mid, v in tp.metrics.items()]
        cells.append((column.index, span, "".join(parts)))
    if any(html for _, _, html in cells):
        grid.row("metrics", '<span class="journeys-map-lane-name">' + _("Metrics") + "</span>", cells, "metrics")


def backstage_rows(grid: MapGrid) -> None:
    """The line of visibility, then what the customer does not see; left out when nothing is there."""
    has_backstage = any(tp.backstage for c in grid.columns for tp in c.touchpoints)
    has_support = any(grid.ctx.handbook.support_of(grid.journey.id, tp.id)
                      for c in grid.columns for tp in c.touchpoints)
    has_metrics = any(s.metrics or any(tp.metrics for tp in s.touchpoints) for s in grid.journey.stages)
    if not (has_backstage or has_support or has_metrics):
        return
    grid.row("visibility", '<span class="journeys-map-lane-name">' + _("Line of visibility") + "</span>",
             [(0, grid.width, '<span class="journeys-map-note">' + _("Below: what the customer does not see")
               + "</span>")],
             "visibility")
    grid.lane("backstage", '<span class="journeys-map-lane-name">' + _("Backstage") + "</span>",
              lambda tp: grid.linked_list(tp, tp.backstage))
    grid.lane("support", '<span class="journeys-map-lane-name">' + _("Supporting processes") + "</span>",
              lambda tp: _support(grid, tp))
    _metrics(grid)
