"""A department's measured figures: how its steps keep their SLA and how its processes conform,
one line each with a link to the figures on the process page."""

from __future__ import annotations

from ..escape import plain
from ..language import _
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
        where = _("{step} in {process}").format(step=link, process=ctx.link(page, "process", process.id))
        if measured.events == 0:
            steps.append(_("{step}: never executed in the data").format(step=where))
            continue
        median = median_p90(measured.wait)[0]
        breach = measured.breach_share
        if breach is not None:
            late = round(breach * measured.wait.total)
            steps.append(_("{step}: breaches its SLA of {sla} in {share} of arrivals ({late} of {arrivals}; "
                           "median wait {median})").format(step=where, sla=plain(step.sla_text), share=share(breach),
                                                          late=count(late), arrivals=count(measured.wait.total),
                                                          median=median))
        else:
            wait = _(", median wait {median}").format(median=median) if measured.wait.total else ""
            steps.append(_("{step}: no SLA; {cases} cases{wait}").format(step=where, cases=count(measured.cases),
                                                                       wait=wait))
    processes = []
    for process in own.processes:
        figures = measurements.processes.get(process.id)
        if figures is None or figures.conformance is None:
            continue
        processes.append(_("{process}: {share} of cases follow the map ({conforming} of {cases})").format(
            process=ctx.link(page, "process", process.id, "measured"), share=share(figures.conformance),
            conforming=count(figures.conforming_cases), cases=count(figures.cases)))
    if not steps and not processes:
        return None
    return join_blocks([
        heading(2, _("Measured"), "measured"),
        _("**Your steps:**") + "\n\n" + bullet_list(steps) if steps else None,
        _("**Conformance of the processes you are accountable for:**") + "\n\n" + bullet_list(processes)
        if processes else None,
    ]).rstrip("\n")
