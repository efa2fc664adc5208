"""A small handbook that exercises the charts: alternatives, emotions at the ends of the scale (where a
spline would swing past them), many short stages, a duration metric written in days with its history,
persona paths, and a future journey that replaces the current one."""

from __future__ import annotations

CURRENT = """
    kind: journey
    id: claim
    title: Making a claim
    owner: claims
    personas: [driver, fleet-manager]
    metrics:
      nps: {target: 30, actual: 12}
      duration:
        target: 19d
        history:
          - {period: 2026-Q1, value: 31d}
          - {period: 2026-Q2, value: 26d}
          - {period: 2026-Q3, value: 24d}
    stages:
      - id: report
        name: Report the damage to the insurer
        owner: contact-centre
        touchpoints:
          - id: calls
            name: Reports the claim by phone to the claims line
            channel: phone
            emotion: -2
          - id: app
            name: Reports the claim in the app
            channel: mobile-app
            alternative_to: calls
            owner: digital
            emotion: 1
            personas: [driver]
          - id: number
            name: Receives the claim number by text message
            channel: sms
            emotion: 2
      - id: assess
        name: Assessment of the vehicle
        touchpoints:
          - {id: assessor, name: Meets the assessor, emotion: -2}
      - id: wait
        name: Waiting for repairs
        touchpoints:
          - {id: chases, name: Chases the garage, emotion: -2}
      - id: repair
        name: Repair at the approved garage
        owner: garages
        touchpoints:
          - {id: picks-up, name: Picks up the repaired car, emotion: 2}
      - id: pay
        name: Settlement and payment
        touchpoints:
          - {id: paid, name: Is paid the excess back, emotion: -2}
      - id: close
        name: Closing the claim file
        touchpoints:
          - {id: survey, name: Answers the survey, emotion: 2, personas: [fleet-manager]}
    """

FUTURE = """
    kind: journey
    id: claim-future
    title: Making a claim (2027)
    state: future
    replaces: claim
    owner: claims
    personas: [driver]
    metrics:
      nps: {target: 45}
      duration: {target: 10d}
    stages:
      - id: report
        name: Report the damage to the insurer
        owner: digital
        touchpoints:
          - {id: app, name: Reports the claim in the app, channel: mobile-app, emotion: 1}
      - id: assess
        name: Video assessment
        touchpoints:
          - {id: video, name: Shows the damage on a video call, emotion: 1}
      - id: repair
        name: Repair at the approved garage
        owner: garages
        touchpoints:
          - {id: picks-up, name: Picks up the repaired car, emotion: 2}
    """

HANDBOOK = {
    "departments.yml": """
        kind: department
        id: claims
        name: Claims
        ---
        kind: department
        id: contact-centre
        name: Contact centre
        ---
        kind: department
        id: digital
        name: Digital
        ---
        kind: department
        id: garages
        name: Garage network
        """,
    "personas/driver.yml": """
        kind: persona
        id: driver
        name: Dana, the driver
        """,
    "personas/fleet-manager.yml": """
        kind: persona
        id: fleet-manager
        name: Femi, the fleet manager
        """,
    "journeys/claim.yml": CURRENT,
    "journeys/claim-future.yml": FUTURE,
}
