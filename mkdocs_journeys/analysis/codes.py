"""Every finding the analysis can report: a stable code and what it means.

Codes are part of the interface: handbooks switch them off by name (``ignore``), CI logs and
pull-request diffs quote them, and anchors on the pages are built from them.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "risky-handoff": "A handoff between departments leads into a drop in emotion or onto a moment of truth.",
    "unsupported-touchpoint": "No process or process step supports the touchpoint.",
    "unreachable-step": "A process step cannot be reached from the process's first step.",
    "no-way-out": "From this step no end of the process can be reached: a loop without an exit.",
    "decision-without-branches": "A decision step has fewer than two branches.",
    "single-channel-stage": "Every touchpoint of the stage uses the same channel: customers have no alternative.",
    "avoided-channel-stage": "A persona of the journey avoids every channel a stage offers.",
    "emotion-drop": "Emotion falls by two points or more between consecutive touchpoints.",
    "lowest-point": "The journey's lowest point, when it lies below neutral.",
    "missing-emotion": "A touchpoint has no emotion: the curve has a gap there.",
    "missed-target": "A metric's actual misses its target.",
    "metric-without-actual": "A metric has a target but no actual measured yet (not raised for future-state journeys).",
    "metric-without-target": "A metric is measured but has no target to judge it by.",
    "journey-without-metrics": "Neither the journey nor any of its stages or touchpoints has a metric.",
}
