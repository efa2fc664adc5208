"""The analysis as people read it: a journey's review, a department's handoffs, handbook health."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..escape import attr, plain
from ..language import N_, _, ngettext, number, percent
from ..model import Journey, MetricValue
from ..wording import finding_title, is_author_advice
from .context import RenderContext
from .markdown import advice, heading, join_blocks, table

if TYPE_CHECKING:
    from ..analysis import Finding, Handoff
    from ..analysis.coverage import Coverage


def findings_list(ctx: RenderContext, page: str, findings: Sequence[Finding]) -> str:
    """Each finding with its stable anchor: a plain title, what it concerns (linked), the message,
    advice for readers as it is and advice for authors behind "How to fix", the code as small print."""
    if not findings:
        return _("No findings.")
    return "\n".join(f"- {finding_item(ctx, page, finding)}" for finding in findings)


def finding_item(ctx: RenderContext, page: str, finding: Finding) -> str:
    where = subject_link(ctx, page, finding.subject)
    message = finding.message[:1].upper() + finding.message[1:]
    parts = [f'<span id="{attr(finding.anchor)}" class="journeys-anchor"></span>'
             f'<strong class="journeys-finding__title">{plain(finding_title(finding.code))}</strong>'
             + (f" · {where}" if where else ""),
             f"— {plain(_sentence(message))}"]
    if finding.hint and not is_author_advice(finding.hint):
        parts.append(f'<em class="journeys-finding__advice">{advice(_sentence(finding.hint))}</em>')
    parts.append(finding_code(finding.code))
    if finding.hint and is_author_advice(finding.hint):
        parts.append('<details class="journeys-fix"><summary>' + _("How to fix") + "</summary>"
                     + f"{advice(_sentence(finding.hint))}</details>")
    return " ".join(parts)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def finding_code(code: str) -> str:
    """The code as small print: what ``ignore`` takes, and what ``check`` and CI logs quote."""
    title = attr(_("The code to switch it off with ignore"))
    return (f'<small class="journeys-finding__code" title="{title}">'
            f"<code>{plain(str(code))}</code></small>")


def subject_link(ctx: RenderContext, page: str, subject: str) -> str | None:
    """A link to what a finding concerns: the stage, touchpoint or step's anchor, or the page."""
    kind, _, path = subject.partition(":")
    entity, _, part = path.partition("/")
    if kind == "journey" and entity in ctx.handbook.journeys:
        journey = ctx.handbook.journeys[entity]
        stage = next((s for s in journey.stages if s.id == part), None)
        if stage is not None:
            return ctx.link(page, "journey", entity, f"stage-{part}", stage.name)
        found = ctx.handbook.find_touchpoint(entity, part) if part else None
        if found is not None:
            return ctx.link(page, "journey", entity, f"touchpoint-{part}", found[2].name)
        return ctx.link(page, "journey", entity)
    if kind == "process" and entity in ctx.handbook.processes:
        step = ctx.handbook.processes[entity].step(part) if part else None
        if step is not None:
            return ctx.link(page, "process", entity, f"step-{part}", step.name)
        return ctx.link(page, "process", entity)
    return None


def handoff_table(ctx: RenderContext, page: str, handoffs: Sequence[Handoff], *, here: bool) -> str:
    def point(journey_id: str, tp_id: str) -> str:
        found = ctx.handbook.find_touchpoint(journey_id, tp_id)
        name = found[2].name if found else tp_id
        if here:
            return f"[{plain(name)}](#touchpoint-{tp_id})"
        return ctx.link(page, "journey", journey_id, f"touchpoint-{tp_id}", name)

    rows = []
    for h in handoffs:
        change = "" if h.emotion_change is None else _signed(h.emotion_change)
        risk = "⚠ " + plain("; ".join(_reason(reason) for reason in h.reasons)) if h.risky else ""
        row = [point(h.journey, h.from_touchpoint), ctx.dept(page, h.from_department),
               point(h.journey, h.to_touchpoint),
               ctx.dept(page, h.to_department), change, risk]
        if not here:
            row.insert(0, ctx.link(page, "journey", h.journey))
        rows.append(row)
    headers = [_("From touchpoint"), _("From"), _("To touchpoint"), _("To"), _("Emotion change"), _("Risk")]
    return table(([_("Journey")] if not here else []) + headers, rows)


def journey_review(ctx: RenderContext, page: str, journey: Journey) -> str | None:
    analysis = ctx.analysis
    if analysis is None:
        return None
    handoffs = analysis.handoffs.get(journey.id, [])
    coverage = analysis.coverage.get(journey.id)
    stage_rows = []
    for stage in journey.stages:
        cov = analysis.stage_coverage.get((journey.id, stage.id))
        if cov is not None and cov.total:
            stage_rows.append([f"[{plain(stage.name)}](#stage-{stage.id})", _coverage(cov)])
    unsupported = analysis.unsupported.get(journey.id, [])
    names = {tp.id: tp.name for _, tp in journey.touchpoints()}
    blocks = [
        heading(2, _("Review"), "review"),
        heading(3, _("Handoffs"), "handoffs"),
        (handoff_table(ctx, page, handoffs, here=True) if handoffs
         else _("No handoffs: one department owns every touchpoint.")),
        heading(3, _("Process coverage"), "coverage"),
        _("Supported by a process: {coverage}.").format(coverage=_coverage(coverage)) if coverage else None,
        table([_("Stage"), _("Coverage")], stage_rows) if stage_rows else None,
        (_("Touchpoints no process supports: ")
         + ", ".join(f"[{plain(names.get(t, t))}](#touchpoint-{t})" for t in unsupported)) if unsupported else None,
        heading(3, _("Findings"), "findings"),
        findings_list(ctx, page, analysis.findings_for(f"journey:{journey.id}")),
    ]
    return join_blocks(blocks)


def department_review(ctx: RenderContext, page: str, department_id: str) -> str | None:
    """Handoffs counted per counterpart (the risky ones listed), and findings counted per journey.

    Every handoff and finding is listed on its journey's page; repeating all of them here would make
    a big department's page grow with the whole handbook and bury the few that need action.
    """
    analysis = ctx.analysis
    if analysis is None:
        return None
    incoming = [h for hs in analysis.handoffs.values() for h in hs
                if h.to_department == department_id and h.from_department != department_id]
    outgoing = [h for hs in analysis.handoffs.values() for h in hs
                if h.from_department == department_id and h.to_department != department_id]
    blocks: list[str | None] = [heading(2, _("Handoffs"), "handoffs")]
    for title, anchor, handoffs, other in ((_("Handed to us"), "handoffs-in", incoming, "from_department"),
                                           (_("Handed on by us"), "handoffs-out", outgoing, "to_department")):
        blocks.append(heading(3, title, anchor))
        if not handoffs:
            blocks.append(_("None."))
            continue
        counts: dict[str, list[int]] = {}
        for h in handoffs:
            counts.setdefault(getattr(h, other), [0, 0])
            counts[getattr(h, other)][0] += 1
            counts[getattr(h, other)][1] += h.risky
        blocks.append(table([_("Department"), _("Handoffs"), _("Risky")],
                            [[ctx.dept(page, d), str(n), str(r)] for d, (n, r) in sorted(counts.items())]))
        risky = [h for h in handoffs if h.risky]
        if risky:
            blocks.append(handoff_table(ctx, page, risky, here=False))
    findings = analysis.findings_for_department(department_id)
    per_journey: dict[str, dict[str, list[Finding]]] = {}
    elsewhere: list[Finding] = []
    for finding in findings:
        if finding.journey is not None:
            per_journey.setdefault(finding.journey, {}).setdefault(finding.code, []).append(finding)
        else:
            elsewhere.append(finding)
    rows = [[ctx.link(page, "journey", j, "findings"),
             "<br>".join(_finding_count(ctx, page, j, found) for _, found in sorted(codes.items()))]
            for j, codes in sorted(per_journey.items())]
    blocks += [heading(2, _("Findings in what we own"), "findings"),
               ngettext("{count} finding; each is listed with its suggestion on the page it concerns.",
                        "{count} findings; each is listed with its suggestion on the page it concerns.",
                        len(findings)).format(count=len(findings)) if findings else _("No findings."),
               table([_("Journey"), _("Findings")], rows) if rows else None,
               findings_list(ctx, page, elsewhere) if elsewhere else None]
    return join_blocks(blocks)


def _finding_count(ctx: RenderContext, page: str, journey_id: str, found: list[Finding]) -> str:
    """"Risky handoff ×2", linked to the first of them on the journey's page."""
    first = found[0]
    link = ctx.link(page, "journey", journey_id, first.anchor, finding_title(first.code))
    return f"{link} ×{len(found)} {finding_code(first.code)}"


def process_review(ctx: RenderContext, page: str, process_id: str) -> str | None:
    """The process map's health findings and the steps no customer sees."""
    analysis = ctx.analysis
    if analysis is None:
        return None
    process = ctx.handbook.processes[process_id]
    internal = [f"[{plain(s.name)}](#step-{s.id})" for s in process.steps
                if s.id in analysis.internal_steps.get(process_id, [])]
    return join_blocks([
        heading(2, _("Review"), "review"),
        _("Internal-only work (steps that support no touchpoint): {steps}.").format(steps=", ".join(internal))
        if internal else None,
        findings_list(ctx, page, analysis.findings_for(f"process:{process_id}")),
    ])


def persona_review(ctx: RenderContext, page: str, persona_id: str) -> str | None:
    """Where this persona cannot get through: stages offered only on channels they avoid."""
    analysis = ctx.analysis
    if analysis is None:
        return None
    findings = analysis.findings_for(f"persona:{persona_id}")
    if not findings:
        return None
    return join_blocks([heading(2, _("Where this persona gets stuck"), "findings"), findings_list(ctx, page, findings)])


def handbook_health(ctx: RenderContext, page: str) -> str | None:
    analysis = ctx.analysis
    if analysis is None:
        return None
    supported = sum(c.supported for c in analysis.coverage.values())
    total = sum(c.total for c in analysis.coverage.values())
    percent = f" ({_percent(round(100 * supported / total))})" if total else ""
    missed = sum(1 for j in ctx.handbook.journeys.values() for _, m in _all_metrics(j) if m.status == "missed")
    counts = analysis.count_by_code()
    pairs = sorted(analysis.handoff_counts.items(), key=lambda kv: (-kv[1], kv[0]))
    blocks = [
        heading(2, _("Handbook health"), "health"),
        _("**Process coverage:** {supported} of {total} touchpoints{percent} are supported by a process.").format(
            supported=supported, total=total, percent=percent) + "  \n"
        + _("**Missed targets:** {missed}.").format(missed=missed) + "  \n"
        + _("**Findings:** {count}.").format(count=sum(counts.values())),
        table([_("Finding"), _("Count")], [[f"{plain(finding_title(code))} {finding_code(code)}", str(n)]
                                     for code, n in sorted(counts.items())]),
        heading(3, _("Handoffs between departments"), "handoff-counts"),
        table([_("From"), _("To"), _("Handoffs")],
              [[ctx.dept(page, a), ctx.dept(page, b), str(n)] for (a, b), n in pairs])
        or _("No handoffs."),
    ]
    if analysis.suppressed:
        rows = [[f"{plain(finding_title(f.code))} {finding_code(f.code)}",
                 subject_link(ctx, page, f.subject) or plain(f.subject), plain(f.message), plain(reason)]
                for f, reason in analysis.suppressed]
        blocks += [heading(3, _("Findings switched off"), "suppressed"),
                   table([_("Finding"), _("Concerns"), _("Message"), _("Reason")], rows)]
    return join_blocks(blocks)


# The analysis' other reason for a risky handoff, marked for the catalogues.
_REASONS = (N_("lands on a moment of truth"),)


def _reason(reason: str) -> str:
    """Why a handoff is risky, as the analysis says it ("emotion drops by 2"), in the page's language."""
    drop = reason.removeprefix("emotion drops by ")
    if drop != reason:
        return _("emotion drops by {points}").format(points=number(float(drop), drop))
    return _(reason)  # "lands on a moment of truth"


def _percent(value: int) -> str:
    return percent(value, f"{value}%")


def _signed(value: float) -> str:
    """``+1.5``, ``−2``: an emotion change with its sign (a true minus, as the emotion badges write
    it), in the language's digits."""
    english = f"{value:+g}"
    return ("\u2212" if english[0] == "-" else english[0]) + number(abs(value), english[1:])


def _coverage(coverage: Coverage) -> str:
    """``3 of 4 touchpoints (75%)``."""
    if not coverage.total:
        return _("no touchpoints")
    return ngettext("{supported} of {total} touchpoint ({percent})", "{supported} of {total} touchpoints ({percent})",
                    coverage.total).format(supported=coverage.supported, total=coverage.total,
                                           percent=_percent(coverage.percent or 0))


def _all_metrics(journey: Journey) -> Iterator[tuple[str, MetricValue]]:
    yield from journey.metrics.items()
    for stage in journey.stages:
        yield from stage.metrics.items()
        for tp in stage.touchpoints:
            yield from tp.metrics.items()
