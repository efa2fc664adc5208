"""A process page's "Measured" section: what an event log says about the map, all as text tables.

The tables are the text alternative of the diagram's counts. Names from the data (activities that
match no step) are untrusted like any author text and escaped the same way.
"""

from __future__ import annotations

from ..data.event_figures import ProcessFigures, TransitionFigures
from ..escape import plain
from ..language import _, ngettext
from ..model import Process
from .context import RenderContext
from .markdown import bullet_list, fields, heading, join_blocks, table
from .measured_text import count, median_p90, share

TOP_VARIANTS = 5


def figures_of(ctx: RenderContext, process: Process) -> ProcessFigures | None:
    measurements = ctx.analysis.measurements if ctx.analysis is not None else None
    return measurements.processes.get(process.id) if measurements is not None else None


def step_name(process: Process, node: str) -> str:
    """A step's name, or the activity as the data wrote it when it matches no step."""
    step = process.step(node)
    return step.name if step is not None else node


def dataset_line(ctx: RenderContext, dataset_id: str) -> str:
    dataset = ctx.handbook.datasets.get(dataset_id)
    source = f" ({plain(dataset.source)})" if dataset is not None and dataset.source else ""
    return _("the dataset {dataset}").format(dataset=f"<code>{plain(dataset_id)}</code>{source}")


def diagram_counts(process: Process, figures: ProcessFigures) -> tuple[dict[tuple[str, str], int],
                                                                         list[tuple[str, str, int]]]:
    """What the diagram draws: designed transitions' counts, and the undesigned ones by name."""
    designed = {(t.source, t.target): t.count for t in figures.transitions if t.designed}
    undesigned = [(step_name(process, t.source), step_name(process, t.target), t.count)
                  for t in figures.transitions if not t.designed]
    return designed, undesigned


def _conformance(figures: ProcessFigures) -> str:
    if figures.conformance is None:
        return "—"
    return _("{share} ({conforming} of {cases} cases follow the map in every transition)").format(
        share=share(figures.conformance), conforming=count(figures.conforming_cases), cases=count(figures.cases))


def _steps(process: Process, figures: ProcessFigures) -> str:
    rows = []
    for step in process.steps:
        measured = figures.steps.get(step.id)
        if measured is None or measured.events == 0:
            rows.append([f"[{plain(step.name)}](#step-{step.id})", count(0), _("never executed"), "", "",
                         plain(step.sla_text) or "—", ""])
            continue
        median, p90 = median_p90(measured.wait)
        breach = measured.breach_share
        past = "—" if breach is None else _("{share} of {arrivals} arrivals").format(
            share=share(breach), arrivals=count(measured.wait.total))
        rows.append([f"[{plain(step.name)}](#step-{step.id})", count(measured.events), count(measured.cases),
                     count(measured.rework_cases), f"{median} / {p90}" if measured.wait.total else "—",
                     plain(step.sla_text) or "—", past])
    return table([_("Step"), _("Events"), _("Cases"), _("Rework cases"), _("Wait: median / p90"), _("SLA"),
                  _("Past the SLA")], rows)


def _transition_row(process: Process, t: TransitionFigures) -> list[str]:
    median, p90 = median_p90(t.duration)
    mark = _("✓ designed") if t.designed else _("✗ not on the map")
    return [plain(step_name(process, t.source)), plain(step_name(process, t.target)), count(t.count),
            f"{median} / {p90}", mark]


def _variants(process: Process, figures: ProcessFigures) -> str:
    rows = []
    for n, (variant, cases) in enumerate(figures.variants[:TOP_VARIANTS], start=1):
        sequence = " → ".join(plain(step_name(process, node)) for node in variant)
        rows.append([str(n), sequence, count(cases), share(cases / figures.cases if figures.cases else None)])
    more = figures.variant_count - len(rows)
    note = _("{count} variants in all").format(count=count(figures.variant_count)) + (
        _("; the {count} most frequent:").format(count=len(rows)) if more > 0 else ":")
    return join_blocks([note, table(["#", _("Sequence"), _("Cases"), _("Share")], rows)]).rstrip("\n")


def measured_section(ctx: RenderContext, process: Process) -> str | None:
    """The section, or None when no dataset runs the process."""
    figures = figures_of(ctx, process)
    if figures is None:
        return None
    median, p90 = median_p90(figures.case_duration)
    never = [f"[{plain(step_name(process, a))}](#step-{a}) → [{plain(step_name(process, b))}](#step-{b})"
             for a, b in figures.never_observed]
    unmatched = [f"{plain(activity)}: "
                 + ngettext("{count} event", "{count} events", events).format(count=count(events))
                 for activity, events in figures.unmatched.items()]
    return join_blocks([
        heading(2, _("Measured"), "measured"),
        _("From {dataset}. Durations are shown to the minute or coarser.").format(
            dataset=dataset_line(ctx, figures.dataset)),
        fields([(_("Cases"), count(figures.cases)), (_("Events"), count(figures.events)),
                (_("Conformance"), _conformance(figures)),
                (_("Case duration"), _("median {median}, 90th percentile {p90}").format(median=median, p90=p90))]),
        heading(3, _("Steps"), "measured-steps"),
        _("Wait: the time from the case's previous event to the step."),
        _steps(process, figures),
        heading(3, _("Transitions observed"), "measured-transitions"),
        table([_("From"), _("To"), _("Times"), _("Time: median / p90"), _("On the map")],
              [_transition_row(process, t) for t in figures.transitions]) or _("None."),
        heading(3, _("Designed transitions never observed"), "measured-never"),
        bullet_list(never) or _("None: every designed transition was taken."),
        heading(3, _("Activities matching no step"), "measured-unmatched"),
        bullet_list(unmatched) or _("None: every activity matches a step."),
        heading(3, _("Top variants"), "measured-variants"),
        _variants(process, figures),
    ])
