"""The map's columns: alternatives share one, in journey order, and who takes which touchpoint."""

from __future__ import annotations

from pathlib import Path

from mkdocs_journeys.handbook import build_handbook
from mkdocs_journeys.model import Journey

HANDBOOK = """\
kind: department
id: claims
name: Claims
---
kind: persona
id: driver
name: Driver
---
kind: persona
id: deaf-driver
name: Deaf driver
---
kind: journey
id: claim
title: Claim
owner: claims
personas: [driver, deaf-driver]
stages:
  - id: report
    name: Report
    touchpoints:
      - {id: by-phone, name: By phone, personas: [driver]}
      - {id: in-app, name: In the app, alternative_to: by-phone}
      - {id: by-letter, name: By letter, alternative_to: by-phone, personas: [deaf-driver]}
      - {id: confirmation, name: Gets a confirmation}
  - id: empty
    name: Nothing happens here
  - id: repair
    name: Repair
    touchpoints:
      - {id: picks-up, name: Picks up the car}
"""


def _journey(tmp_path: Path) -> Journey:
    (tmp_path / "hb.yml").write_text(HANDBOOK, encoding="utf-8")
    handbook = build_handbook(tmp_path)
    assert handbook.problems == []
    return handbook.journeys["claim"]


def test_alternatives_share_a_column_in_journey_order(tmp_path: Path) -> None:
    columns = _journey(tmp_path).columns()
    assert [(c.stage.id, [t.id for t in c.touchpoints]) for c in columns] == [
        ("report", ["by-phone", "in-app", "by-letter"]),
        ("report", ["confirmation"]),
        ("repair", ["picks-up"]),
    ]


def test_who_takes_a_touchpoint(tmp_path: Path) -> None:
    journey = _journey(tmp_path)
    touchpoints = {tp.id: tp for _, tp in journey.touchpoints()}
    assert journey.takes("driver", touchpoints["by-phone"])
    assert not journey.takes("deaf-driver", touchpoints["by-phone"])
    assert journey.takes("deaf-driver", touchpoints["in-app"])  # names nobody: everyone
    assert journey.takes("deaf-driver", touchpoints["by-letter"])
    assert not journey.takes("driver", touchpoints["by-letter"])
    assert not journey.takes("stranger", touchpoints["confirmation"])  # not a persona of the journey
