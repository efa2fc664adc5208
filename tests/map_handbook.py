"""A small handbook for the journey map: a claim reported by phone *or* in the app (each by its own
persona), a handoff to the assessors that drops the customer's mood, an empty stage, a loop back
and a supporting process step."""

from __future__ import annotations

CLAIM = {
    "departments.yml": """
        kind: department
        id: claims
        name: Claims
        ---
        kind: department
        id: contact-centre
        name: Contact Centre
        ---
        kind: department
        id: digital
        name: Digital Channels
        ---
        kind: department
        id: garages
        name: Partner Garages
        """,
    "personas.yml": """
        kind: persona
        id: careful-caller
        name: Cal, the careful caller
        ---
        kind: persona
        id: app-native
        name: Ada, the app native
        """,
    "journeys/report-claim.yml": """
        kind: journey
        id: report-claim
        title: Reporting a car claim
        owner: claims
        personas: [careful-caller, app-native]
        stages:
          - id: report
            name: Report the damage
            touchpoints:
              - id: calls-hotline
                name: Calls the claims hotline
                channel: phone
                owner: contact-centre
                personas: [careful-caller]
                emotion: -1
                doing: Waits on hold, then describes the accident
                feeling: Anxious
                pain_points: [Twenty minutes on hold]
              - id: uses-app
                name: Reports the claim in the app
                alternative_to: calls-hotline
                channel: mobile-app
                owner: digital
                personas: [app-native]
                emotion: 1
                doing: Uploads photos of the damage
              - id: gets-reference
                name: Receives a claim reference
                channel: email
                owner: claims
                emotion: 0.5
          - id: assess
            name: Assessment
            metrics:
              csat: {target: 80%, actual: 64%}
            touchpoints:
              - id: meets-assessor
                name: Meets the assessor
                channel: in-person
                owner: garages
                emotion: -2
                moment_of_truth: true
                thinking: Will they believe me?
                pain_points: [Nobody says when the assessor comes, Has to take a day off]
                opportunities: [Book the visit in the app]
                backstage: [Assessor reads the claim file]
          - id: follow-up
            name: Follow-up
          - id: repair
            name: Repair
            touchpoints:
              - id: picks-up-car
                name: Picks up the repaired car
                channel: in-person
                owner: garages
                emotion: 2
        transitions:
          - {from: repair, to: assess, label: The repair is not right}
        """,
    "processes/claims-handling.yml": """
        kind: process
        id: claims-handling
        title: Claims handling
        owner: claims
        steps:
          - id: triage
            name: Triage the claim
            supports: [report-claim/calls-hotline, report-claim/uses-app]
          - id: send-assessor
            name: Send an assessor
            owner: garages
            supports: [report-claim/meets-assessor]
        """,
}
