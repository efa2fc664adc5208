"""Findings a handbook has switched off, by code or for named entities, always with a reason."""

from __future__ import annotations

from ..settings import Suppression
from .findings import Finding


def matching(finding: Finding, suppressions: list[Suppression]) -> Suppression | None:
    for suppression in suppressions:
        if suppression.code != finding.code:
            continue
        if not suppression.entities or any(finding.under(entity) for entity in suppression.entities):
            return suppression
    return None
