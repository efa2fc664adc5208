"""The report as a pull-request comment: a summary line, then each kind of change in its own section.

Text from the handbook is escaped as on the pages (render.text.plain): a `|` breaks no table and
`<script>` shows as typed.
"""

from __future__ import annotations

from ..render.text import plain
from .compare import KINDS, Kind, Report

PLURAL = {"journey": "journeys", "persona": "personas", "process": "processes", "department": "departments",
          "metric": "metrics"}
MAX_TEXT = 120


def _short(text: str | None) -> str:
    if text is None:
        return "—"
    text = " ".join(text.split())
    return plain(text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {PLURAL.get(word, word + 's')}"


class _Links:
    def __init__(self, site_url: str | None, output: str) -> None:
        self.base = f"{site_url.rstrip('/')}/{output.strip('/')}/" if site_url else None

    def entity(self, kind: Kind, entity_id: str, title: str, anchor: str | None = None) -> str:
        text = plain(title)
        if self.base is None or kind == "metric":
            return f"**{text}**"
        return f"[**{text}**]({self.base}{PLURAL[kind]}/{entity_id}/{'#' + anchor if anchor else ''})"


def summary(report: Report) -> str:
    if report.empty:
        return "No changes to the handbook."
    parts = []
    for kind in KINDS:
        changed = [e for e in report.changed if e.kind == kind]
        counts = [(len(report.added.get(kind, [])), "added"), (len(report.removed.get(kind, [])), "removed"),
                  (sum(1 for e in changed if e.renamed_from), "renamed"),
                  (sum(1 for e in changed if e.changes), "changed")]
        parts += [f"{_count(n, kind)} {verb}" for n, verb in counts if n]
    if report.moves:
        parts.append(f"{len(report.moves)} ownership move{'s' if len(report.moves) != 1 else ''}")
    parts += report.extremes
    if report.introduced or report.resolved:
        parts.append(f"findings: {len(report.introduced)} new, {len(report.resolved)} resolved")
    if report.invalid:
        parts.append(f"{len(report.invalid)} definition{'s' if len(report.invalid) != 1 else ''} invalid")
    if report.problems_after != report.problems_before:
        parts.append(f"errors: {report.problems_before} → {report.problems_after}")
    if not parts and report.reordered:
        parts.append("only the order of some parts changed")
    return "; ".join(parts) + "."


def render_markdown(report: Report, *, site_url: str | None = None, output: str = "handbook") -> str:
    links = _Links(site_url, output)
    lines = ["## Handbook changes", "", summary(report)]
    if report.empty:
        return lines[-1] + "\n"
    if report.invalid:
        lines += ["", "### Invalid after the change", "",
                  "Left out of the new handbook until fixed (`mkdocs-journeys check` lists every problem):", ""]
        lines += [f"- {kind} `{entity_id}`: {plain(message)}" for kind, entity_id, message in report.invalid]
    for kind in KINDS:
        added, removed = report.added.get(kind, []), report.removed.get(kind, [])
        changed = [e for e in report.changed if e.kind == kind]
        if not (added or removed or changed):
            continue
        lines += ["", f"### {PLURAL[kind].capitalize()}", ""]
        lines += [f"- **added** {links.entity(kind, i, t)} (`{i}`)" for i, t in added]
        lines += [f"- **removed** **{plain(t)}** (`{i}`)" for i, t in removed]
        for entity in changed:
            renamed = f" (renamed from `{entity.renamed_from}` to `{entity.id}`)" if entity.renamed_from else ""
            lines.append(f"- {links.entity(kind, entity.id, entity.title)}{renamed}")
            if entity.changes:
                lines += ["", "  | Where | Before | After |", "  |---|---|---|"]
                for c in entity.changes:
                    where = plain(c.where)
                    if c.anchor and links.base and kind != "metric":
                        where = f"[{where}]({links.base}{PLURAL[kind]}/{entity.id}/#{c.anchor})"
                    after = _short(c.after) + (f" {c.direction}" if c.direction else "")
                    lines.append(f"  | {where} | {_short(c.before)} | {after} |")
                lines.append("")
    if report.moves:
        lines += ["", "### Ownership moves", "", "| What | From | To |", "|---|---|---|"]
        def dept(department_id: str) -> str:
            return plain(report.department_names.get(department_id, department_id))

        for m in report.moves:
            lines.append(f"| {links.entity(m.kind, m.entity, m.title, m.anchor)}: {plain(m.part)} | "
                         f"{dept(m.before)} | {dept(m.after)} |")
        gains: dict[str, int] = {}
        for m in report.moves:
            gains[m.after] = gains.get(m.after, 0) + 1
            gains[m.before] = gains.get(m.before, 0) - 1
        balance = ", ".join(f"{dept(d)} {n:+d}" for d, n in sorted(gains.items()) if n)
        if balance:
            lines += ["", f"Net: {balance}."]
    if report.statuses:
        lines += ["", "### Metric status", ""]
        lines += [f"- {links.entity('journey', s.journey, s.title)}, {plain(s.where)}: {plain(s.metric)} "
                  f"{s.before} → **{s.after}**" for s in report.statuses]
    if report.extremes:
        lines += ["", "### Emotion curve", ""] + [f"- {plain(e)}" for e in report.extremes]
    if report.introduced or report.resolved:
        lines += ["", "### Findings", ""]
        lines += [f"- new `{f.code}` {plain(f.message)} ({plain(f.location)})" for f in report.introduced]
        lines += [f"- resolved `{f.code}` {plain(f.message)}" for f in report.resolved]
    if report.reordered:
        lines += ["", "### Order", ""] + [f"- {plain(r)}" for r in report.reordered]
    return "\n".join(lines) + "\n"
