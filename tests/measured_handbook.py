"""A handbook with an event log for a refund process, a journey event log and observations: the
facts of each worked out by hand in the comments, for the tests of the pages that show them."""

from __future__ import annotations

from pathlib import Path

from .data_engines import write_csv

HOSTILE = "<img src=x onerror=alert(1)>"

HANDBOOK = {
    "departments.yml": """\
        kind: department
        id: service
        name: Customer service
        ---
        kind: department
        id: finance
        name: Finance
    """,
    "process.yml": """\
        kind: process
        id: refund
        title: Refund handling
        owner: service
        steps:
          - {id: request, name: Request refund, owner: service}
          - {id: check, name: Check receipt, owner: finance, sla: 1h}
          - id: decide
            name: Decide
            owner: finance
            decision: Refund?
            branches:
              - {when: yes, next: pay}
              - {when: no, next: close}
              - {when: unclear, next: check}
          - {id: pay, name: Pay refund, owner: finance, sla: 2h, next: [close]}
          - {id: close, name: Close case, owner: service, next: []}
    """,
    "journey.yml": """\
        kind: journey
        id: claim-refund
        title: Claim a refund
        owner: service
        reviewed: 2026-06-01
        reviewed_by: Dana <b>Lee</b>
        metrics:
          nps: {target: 40}
          ces: {target: 5}
        stages:
          - id: find
            name: Find the form
            touchpoints:
              - {id: open, name: Open the form, activity: form-open, evidence: observed,
                 research: 2026-Q2 diary study}
          - id: submit
            name: Submit
            touchpoints:
              - {id: send, name: Submit request, activity: submitted, evidence: assumed}
          - id: hear
            name: Hear back
            touchpoints:
              - {id: mail, name: Decision mail, activity: decision-mail}
    """,
    "datasets.yml": """\
        kind: dataset
        id: refund-log
        type: events
        file: data/refund.csv
        process: refund
        source: Refund system export
        ---
        kind: dataset
        id: refund-journey
        type: events
        file: data/journey.csv
        journey: claim-refund
        ---
        kind: dataset
        id: nps-survey
        type: observations
        file: data/nps.csv
    """,
}

XES = ("case:concept:name", "concept:name", "time:timestamp")
# r1 and r5 follow the map through payment; r2 is refused, its check 2h after the request (its
# request at 09:00+02:00 is 07:00 UTC); r3 skips the check (undesigned) and waits 4h for payment;
# r4 checks twice (rework, undesigned) and ends with an activity no step has, hostile HTML.
PROCESS_EVENTS = [
    ("r1", "Request refund", "2026-03-02T10:00:00Z"), ("r1", "Check receipt", "2026-03-02T10:30:00Z"),
    ("r1", "Decide", "2026-03-02T10:40:00Z"), ("r1", "Pay refund", "2026-03-02T11:40:00Z"),
    ("r1", "Close case", "2026-03-02T12:00:00Z"),
    ("r2", "Request refund", "2026-03-02T09:00:00+02:00"), ("r2", "Check receipt", "2026-03-02T09:00:00Z"),
    ("r2", "Decide", "2026-03-02T09:15:00Z"), ("r2", "Close case", "2026-03-02T09:20:00Z"),
    ("r3", "Request refund", "2026-03-02T08:00:00Z"), ("r3", "Decide", "2026-03-02T08:05:00Z"),
    ("r3", "Pay refund", "2026-03-02T12:05:00Z"), ("r3", "Close case", "2026-03-02T12:10:00Z"),
    ("r4", "Request refund", "2026-03-02T08:00:00Z"), ("r4", "Check receipt", "2026-03-02T08:20:00Z"),
    ("r4", "Check receipt", "2026-03-02T08:50:00Z"), ("r4", "Decide", "2026-03-02T09:00:00Z"),
    ("r4", "Close case", "2026-03-02T09:05:00Z"), ("r4", HOSTILE, "2026-03-02T09:10:00Z"),
    ("r5", "Request refund", "2026-03-02T13:00:00Z"), ("r5", "Check receipt", "2026-03-02T13:30:00Z"),
    ("r5", "Decide", "2026-03-02T13:40:00Z"), ("r5", "Pay refund", "2026-03-02T14:40:00Z"),
    ("r5", "Close case", "2026-03-02T15:00:00Z"),
]
# j1 and j4 go all the way; j2 stops after submitting, j3 after opening the form.
JOURNEY_EVENTS = [
    ("j1", "form-open", "2026-03-02T10:00:00Z"), ("j1", "submitted", "2026-03-02T10:20:00Z"),
    ("j1", "decision-mail", "2026-03-02T12:20:00Z"),
    ("j2", "form-open", "2026-03-02T10:00:00Z"), ("j2", "submitted", "2026-03-02T12:40:00+02:00"),
    ("j3", "form-open", "2026-03-02T11:00:00Z"),
    ("j4", "form-open", "2026-03-02T11:00:00Z"), ("j4", "submitted", "2026-03-02T11:10:00Z"),
    ("j4", "decision-mail", "2026-03-02T13:10:00Z"),
]
NPS = [("claim-refund", "nps", "2026-Q1", "30"), ("claim-refund", "nps", "2026-Q2", "35")]


def write_data(source: Path) -> None:
    write_csv(source / "data/refund.csv", XES, PROCESS_EVENTS)
    write_csv(source / "data/journey.csv", ("case", "activity", "timestamp"), JOURNEY_EVENTS)
    write_csv(source / "data/nps.csv", ("at", "metric", "period", "value"), NPS)
