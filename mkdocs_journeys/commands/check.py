"""``check``: every problem of a handbook, formatted, with the exit code CI needs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..analysis import analyse
from ..data.measure import measured_handbook
from ..problems import Problem
from ..settings import Settings
from .hand_written_pages import docs_dir, page_problems, pages_to_check
from .job_summary import append_job_summary, job_summary
from .options import UsageError, resolve_source, settings_from_config
from .problem_formats import Format, render, summary


def run_check(source: Path, settings: Settings, *, fmt: Format = "text", strict: bool = False,
              findings: bool = True, step_summary: bool = False, pages: Path | None = None) -> tuple[list[str], int]:
    """The lines to print and the exit code: 1 on errors (or on findings with ``strict``).

    ``findings=False`` validates only: no analysis, so a valid handbook prints its summary alone.
    ``step_summary``: also append every problem to GitHub's job summary (when the runner names one).
    ``pages``: the site's docs folder, whose hand-written pages' entity links are checked too.
    """
    handbook, measurements = measured_handbook(source, settings)
    to_check = pages_to_check(handbook, pages) if pages else []
    # The findings alone are quicker to make (on two cores for a big handbook); a page's embeds show
    # the rest of the analysis.
    analysis = analyse(handbook, measurements, findings_only=not to_check) if findings else None
    errors = [*handbook.problems, *(page_problems(handbook, analysis, pages, to_check) if pages else [])]
    warnings: list[Problem] = [f.as_problem() for f in analysis.findings] if findings and analysis else []
    problems = sorted([*errors, *warnings], key=lambda p: p.sort_key)
    lines = render(problems, fmt)
    if fmt != "json":
        definitions = (len(handbook.journeys) + len(handbook.personas) + len(handbook.processes)
                       + len(handbook.departments) + len(handbook.custom_metrics) + len(handbook.datasets)
                       + len(handbook.rejected))
        lines.append(summary(len(errors), len(warnings), definitions, len(handbook.files)))
        if step_summary:
            in_order = sorted(problems, key=lambda p: p.severity != "error")
            append_job_summary(job_summary(in_order, lines[-1]))
    failed = bool(errors) or (strict and bool(warnings))
    return lines, 1 if failed else 0


def run(args: argparse.Namespace) -> int:
    source, settings = resolve_source(args.source, args.config)
    _, base, site = settings_from_config(args.config)
    if args.strict and args.no_findings:
        raise UsageError("--strict fails on findings, and --no-findings leaves them out: choose one")
    output, code = run_check(source, settings, fmt=args.format, strict=args.strict, findings=not args.no_findings,
                             step_summary=args.format == "github", pages=docs_dir(base, site))
    if output:  # one write: a big handbook prints tens of thousands of lines
        sys.stdout.write("\n".join(output) + "\n")
    return code
