"""Tricky but valid files load, with every value as the author wrote it (no YAML 1.1 surprises)."""

from __future__ import annotations

from pathlib import Path

from mkdocs_journeys.handbook import build_handbook

DEPARTMENT = "kind: department\nid: '007'\nname: No\n"

JOURNEY = """\
kind: journey
id: 2026-01
title: Yes
owner: 007
personas: [on]
goal: off
tags: [yes, no, on, off, 1e3, 0x10, null-ish, 2026-01-01]
metrics:
  nps:
    target: 40
    history:
      - {period: 2026-01, value: 10}
      - {period: 2026, value: 12.5}
      - {period: 2026-01-31, value: 20}
stages:
  - id: 1
    name: 3.14
    touchpoints:
      - id: 12e3
        name: true
        channel: no
        emotion: -0
        doing: ~ is not null here? it is text
"""


def test_yaml_1_1_words_numbers_and_dates_stay_as_written(tmp_path: Path) -> None:
    (tmp_path / "departments.yml").write_text(DEPARTMENT, encoding="utf-8")
    (tmp_path / "journey.yml").write_text(JOURNEY, encoding="utf-8")
    (tmp_path / "persona.yml").write_text("kind: persona\nid: 'on'\nname: Off\nchannels: [no]\n", encoding="utf-8")
    handbook = build_handbook(tmp_path)
    assert handbook.problems == []
    journey = handbook.journeys["2026-01"]
    assert (journey.title, journey.owner, journey.personas, journey.goal) == ("Yes", "007", ["on"], "off")
    assert journey.tags == ["yes", "no", "on", "off", "1e3", "0x10", "null-ish", "2026-01-01"]
    assert [p.period for p in journey.metrics["nps"].history] == ["2026-01", "2026", "2026-01-31"]
    assert journey.metrics["nps"].actual == 20
    stage = journey.stages[0]
    assert (stage.id, stage.name) == ("1", "3.14")
    tp = stage.touchpoints[0]
    assert (tp.id, tp.name, tp.channel, tp.emotion) == ("12e3", "true", "no", 0)
    assert handbook.departments["007"].name == "No"
    assert handbook.personas["on"].channels == ["no"]


def test_bom_crlf_and_several_documents_in_one_file(tmp_path: Path) -> None:
    text = "kind: department\r\nid: a\r\nname: A\r\n---\r\nkind: department\r\nid: b\r\nname: B\r\nparent: a\r\n"
    (tmp_path / "departments.yml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "j.yaml").write_bytes("kind: journey\r\ntitle: Caf\u00e9 \u2615\r\nowner: b\r\n"
                                      "stages: [{name: Only}]\r\n".encode())
    handbook = build_handbook(tmp_path)
    assert handbook.problems == []
    assert handbook.departments["b"].parent == "a"
    assert handbook.journeys["j"].title == "Caf\u00e9 \u2615"
    assert handbook.journeys["j"].location().line == 1
    assert handbook.departments["b"].location().line == 5
