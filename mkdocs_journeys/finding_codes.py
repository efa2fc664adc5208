"""Every finding the analysis can report: a stable code and what it means.

Codes are part of the interface: handbooks switch them off by name (``ignore``), CI logs and
pull-request diffs quote them, and anchors on the pages are built from them. They live at the
bottom of the package because settings (``ignore``) check them as well as the analysis.
"""

from __future__ import annotations

from enum import Enum

from .language import N_


class FindingCode(str, Enum):
    """A kind of finding; its value is the code authors and CI logs see."""

    meaning: str
    label: str  # what a page calls it, in plain words (the code stays what ``ignore`` takes)

    def __new__(cls, code: str, meaning: str, label: str | None = None) -> FindingCode:
        member = str.__new__(cls, code)
        member._value_ = code
        member.meaning = meaning
        member.label = label or code.replace("-", " ").capitalize()
        return member

    def __str__(self) -> str:
        return str(self.value)

    RISKY_HANDOFF = ("risky-handoff",
                     "A handoff between departments leads into a drop in emotion or onto a moment of truth.",
                     N_("Risky handoff"))
    UNSUPPORTED_TOUCHPOINT = ("unsupported-touchpoint", "No process or process step supports the touchpoint.",
                              N_("Unsupported touchpoint"))
    UNREACHABLE_STEP = ("unreachable-step", "A process step cannot be reached from the process's first step.",
                        N_("Unreachable step"))
    NO_WAY_OUT = ("no-way-out", "From this step no end of the process can be reached: a loop without an exit.",
                  N_("No way out"))
    DECISION_WITHOUT_BRANCHES = ("decision-without-branches", "A decision step has fewer than two branches.",
                                 N_("Decision without branches"))
    SINGLE_CHANNEL_STAGE = ("single-channel-stage",
                            "Every touchpoint of the stage uses the same channel: customers have no alternative.",
                            N_("Only one channel"))
    AVOIDED_CHANNEL_STAGE = ("avoided-channel-stage",
                             "A persona of the journey avoids every channel the stage offers it.",
                             N_("No channel this persona uses"))
    EMOTION_DROP = ("emotion-drop",
                    "Emotion falls by two points or more between touchpoints met one after the other.",
                    N_("Emotion drop"))
    LOWEST_POINT = ("lowest-point", "The journey's lowest point, when it lies below neutral.",
                    N_("Lowest point"))
    MISSING_EMOTION = ("missing-emotion", "A touchpoint has no emotion: the curve has a gap there.",
                       N_("Emotion not recorded"))
    MISSED_TARGET = ("missed-target", "A metric's actual misses its target.",
                     N_("Missed target"))
    METRIC_WITHOUT_ACTUAL = ("metric-without-actual",
                             "A metric has a target but no actual measured yet (not raised for future-state journeys).",
                             N_("Not measured yet"))
    METRIC_WITHOUT_TARGET = ("metric-without-target", "A metric is measured but has no target to judge it by.",
                             N_("No target"))
    JOURNEY_WITHOUT_METRICS = ("journey-without-metrics",
                               "Neither the journey nor any of its stages or touchpoints has a metric.",
                               N_("Journey without metrics"))
    SLA_BREACHED = ("sla-breached", "More cases than the `data.sla_breach_share` setting wait longer for a step than "
                    "its SLA (from an event log).", N_("SLA breached"))
    UNDESIGNED_TRANSITION = ("undesigned-transition", "Cases go from one step to another in a way the process map "
                             "does not draw (from an event log).", N_("Not on the map"))
    STEP_NEVER_EXECUTED = ("step-never-executed", "An event log of the process has no event for this step.",
                           N_("Step never executed"))
    LOW_CONFORMANCE = ("low-conformance", "Fewer cases than the `data.conformance_min` setting follow the process "
                       "map in every transition.", N_("Process not followed"))
    UNMATCHED_ACTIVITY = ("unmatched-activity", "An activity of an event log matches no step or touchpoint (by its "
                          "`activity`, else its name).", N_("Activity not on the map"))
    DROP_OFF = ("drop-off", "More of the cases reaching a touchpoint than the `data.dropoff_max` setting end there.",
                N_("Customers drop out"))
    STALE_METRIC = ("stale-metric", "A metric's latest measured period ended longer ago than the "
                    "`data.stale_after_days` setting.", N_("Out-of-date figure"))
    EMOTION_CONTRADICTED = ("emotion-contradicted", "A touchpoint's emotion and its measured satisfaction or effort "
                            "(CSAT, CES) point opposite ways.", N_("Emotion contradicted by data"))
    NOT_REVIEWED = ("not-reviewed", "A journey's `reviewed` date is older than the `data.review_within_days` "
                    "setting (or missing, with `data.review_required`).", N_("Due for review"))


# The codes as authors write them, with their meanings, in the order the documentation lists them.
CODES: dict[str, str] = {code.value: code.meaning for code in FindingCode}
