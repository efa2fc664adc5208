"""A department's measured figures: how its steps keep their SLA and how its processes conform,
one line each with a link to the figures on the process page."""

from __future__ import annotations

from ..escape import plain
from ..ownership import Holdings
from .context import RenderContext
from .markdown import bullet_list, heading, join_blocks
from .measured_text import count, median_p90, share


def measured_lines(ctx: RenderContext, page: str, own: Holdings) -> str | None:
    """The "Measured" section of a department page, or None when no dataset measures what it owns."""
    measurements = ctx.analysis.measurements if ctx.analysis is not None else None
    if measurements is None:
        return None
    steps = []
    for process, step in own.steps:
        figures = measurements.processes.get(process.id)
        measured = figures.steps.get(step.id) if figures is not None else None
        if measured is None:
            continue
        link = ctx.link(page, "process", process.id, f"step-{step.id}", step.name)
        where = f"{link} in {ctx.link(page, 'process', process.id)}"
        if measured.events == 0:
            steps.append(f"{where}: never executed in the data")
            continue
        median, _ = median_p90(measured.wait)
        breach = measured.breach_share
        if breach is not None:
            late = round(breach * measured.wait.total)
            steps.append(f"{where}: breaches its SLA of {plain(step.sla_text)} in {share(breach)} of arrivals "
                         f"({count(late)} of {count(measured.wait.total)}; median wait {median})")
        else:
            wait = f", median wait {median}" if measured.wait.total else ""
            steps.append(f"{where}: no SLA; {count(measured.cases)} cases{wait}")
    processes = []
    for process in own.processes:
        figures = measurements.processes.get(process.id)
        if figures is None or figures.conformance is None:
            continue
        processes.append(f"{ctx.link(page, 'process', process.id, 'measured')}: {share(figures.conformance)} of "
                         f"cases follow the map ({count(figures.conforming_cases)} of {count(figures.cases)})")
    if not steps and not processes:
        return None
    return join_blocks([
        heading(2, "Measured", "measured"),
        "**Your steps:**\n\n" + bullet_list(steps) if steps else None,
        "**Conformance of the processes you are accountable for:**\n\n" + bullet_list(processes)
        if processes else None,
    ]).rstrip("\n")
