"""Metrics: targets missed, metrics that cannot be judged, journeys nobody measures."""

from __future__ import annotations

from collections.abc import Iterator

from ..finding_codes import FindingCode
from ..model import Journey, MetricValue, Stage
from ..model.base import Node
from .findings import Finding


def _measured(journey: Journey) -> Iterator[tuple[Node, str, str, tuple[str, ...], str, MetricValue]]:
    """Each metric value with what carries it: node, subject, owner, scopes, a label for messages."""
    scope = f"journey:{journey.id}"
    for node, _, value, stage in journey.metric_values():
        if isinstance(node, Journey):
            yield node, scope, node.owner, (), "the journey", value
        elif isinstance(node, Stage):
            yield node, f"{scope}/{node.id}", node.owner_id, (scope,), f"stage '{node.name}'", value
        else:
            assert stage is not None
            yield (node, f"{scope}/{node.id}", node.owner_id, (scope, f"{scope}/{stage.id}"),
                   f"touchpoint '{node.name}'", value)


def metric_findings(journey: Journey) -> list[Finding]:
    findings = []
    for node, subject, owner, scopes, label, value in _measured(journey):
        metric = value.definition

        def finding(code: FindingCode, message: str, hint: str, node: Node = node, subject: str = subject,
                    owner: str = owner, scopes: tuple[str, ...] = scopes, metric_id: str = value.metric_id) -> Finding:
            return Finding(code=code, message=message, hint=hint, location=node.location("metrics", metric_id,
                           key=True), subject=subject, departments=(owner,), scopes=scopes, discriminator=metric_id)

        if value.status == "missed":
            period = f" ({value.period})" if value.period else ""
            findings.append(finding(
                FindingCode.MISSED_TARGET,
                f"{metric.name} of {label} is {metric.format(value.actual)} against a target of "
                f"{metric.format(value.target)}{period}", "name the action and the owner that will close the gap"))
        elif value.actual is None and journey.state != "future":  # a to-be journey has targets, no actuals yet
            findings.append(finding(
                FindingCode.METRIC_WITHOUT_ACTUAL, f"{metric.name} of {label} has a target but no actual yet",
                "add the measured `actual` (with its `period` and `source`)"))
        elif value.target is None:
            findings.append(finding(
                FindingCode.METRIC_WITHOUT_TARGET,
                f"{metric.name} of {label} is measured ({metric.format(value.actual)}) "
                "but has no target", "agree a `target` so the handbook can say whether it is met"))
    if not any(True for _ in _measured(journey)):
        findings.append(Finding(
            code=FindingCode.JOURNEY_WITHOUT_METRICS, location=journey.location("title", key=True),
            message=f"the journey '{journey.title}' has no metrics: nobody can tell whether it works",
            hint="add at least one outcome metric (e.g. `nps`, `csat`, `conversion`) with a target",
            subject=f"journey:{journey.id}", departments=(journey.owner,),
        ))
    return findings
