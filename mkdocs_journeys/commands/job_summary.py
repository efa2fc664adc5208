"""The job summary of ``check --format github``: every problem in one Markdown table, appended to the
file GitHub Actions names in ``$GITHUB_STEP_SUMMARY``. Annotations show only ten of a kind per step;
the summary shows them all, errors first, with the author's text made inert as in a diff comment.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..problems import Problem

STEP_SUMMARY = "GITHUB_STEP_SUMMARY"
LIMIT = 1_000_000  # GitHub takes 1 MiB of summary per step


def job_summary(problems: Sequence[Problem], summary_line: str, root: Path | None = None) -> str:
    """``## Handbook check``, the summary line, and a row per problem (as many as GitHub takes)."""
    from ..diff import inert  # here: the diff package loads the renderers, which a check rarely needs

    lines = ["## Handbook check", "", summary_line, ""]  # ours: counts and words
    if not problems:
        return "\n".join(lines)
    lines += ["| | Where | Problem | Code |", "|---|---|---|---|"]
    size = sum(len(line) + 1 for line in lines)
    for n, p in enumerate(problems):
        mark = "❌ error" if p.severity == "error" else "⚠️ warning"
        row = (f"| {mark} | {inert.text(p.location.display(root))} | {inert.text(p.full_message())} "
               f"| {inert.code(p.code)} |")
        if size + len(row) > LIMIT - 300:
            lines += ["", f"{len(problems) - n} more problems are left out: GitHub takes 1 MiB of summary per step. "
                      "`mkdocs-journeys check` lists every one."]
            break
        lines.append(row)
        size += len(row) + 1
    return "\n".join(lines) + "\n"


def append_job_summary(text: str) -> None:
    """Append to the step's summary file, as GitHub expects (other steps may have written to it)."""
    target = os.environ.get(STEP_SUMMARY)
    if not target:
        return
    with open(target, "a", encoding="utf-8", newline="\n") as summary_file:
        summary_file.write(text + "\n")
