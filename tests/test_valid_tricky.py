"""Tricky but valid files load, with every value as the author wrote it (no YAML 1.1 surprises)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from mkdocs_journeys.cli import main
from mkdocs_journeys.handbook import Handbook, build_handbook
from mkdocs_journeys.settings import Settings

from .sites import example_handbook

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


def load(folder: Path, files: dict[str, str | bytes], settings: Settings | None = None) -> Handbook:
    """Write the files, check them as a user would (exit 0), and the handbook they make."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    handbook = build_handbook(folder, settings)
    assert [f"{p.location.display(folder)}: {p.full_message()}" for p in handbook.problems] == []
    assert handbook.rejected == []
    if settings is None:
        assert main(["check", str(folder), "--no-findings"]) == 0
    return handbook


def test_the_spec_example_checks_clean(capsys: pytest.CaptureFixture[str]) -> None:
    handbook = build_handbook(example_handbook())
    assert handbook.problems == [] and handbook.rejected == []
    assert main(["check", str(example_handbook()), "--no-findings"]) == 0
    assert capsys.readouterr().out == "12 definitions in 6 files: no problems\n"


def test_yaml_1_1_words_numbers_and_dates_stay_as_written(tmp_path: Path) -> None:
    handbook = load(tmp_path, {"departments.yml": DEPARTMENT, "journey.yml": JOURNEY,
                               "persona.yml": "kind: persona\nid: 'on'\nname: Off\nchannels: [no]\n"})
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


def test_numbers_as_text_keep_every_digit(tmp_path: Path) -> None:
    handbook = load(tmp_path, {
        "2030.yml": """\
            kind: department
            name: 1.10
            lead: 0o17
            contact: .inf
            """,
        "0x10.yml": """\
            kind: persona
            name: 1_000
            segment: 30-40
            quote: 1e3
            goals: [1.0, 01, +1, -.5, .NaN]
            """,
        "j.yml": """\
            kind: journey
            title: 2030
            owner: 2030
            personas: [0x10]
            metrics:
              nps: {target: 40, actual: 31, period: 1.10, source: 2026}
            stages:
              - id: 2026-09-30
                name: 007
                touchpoints:
                  - {id: 1e3, name: 0.5, emotion: +1.5, moment_of_truth: True}
            transitions: [{from: 2026-09-30, to: 2026-09-30, label: 12:30}]
            """,
    })
    department = handbook.departments["2030"]
    assert (department.name, department.lead, department.contact) == ("1.10", "0o17", ".inf")
    persona = handbook.personas["0x10"]
    assert (persona.name, persona.segment, persona.quote) == ("1_000", "30-40", "1e3")
    assert persona.goals == ["1.0", "01", "+1", "-.5", ".NaN"]
    journey = handbook.journeys["j"]
    assert (journey.title, journey.owner, journey.personas) == ("2030", "2030", ["0x10"])
    nps = journey.metrics["nps"]
    assert (nps.period, nps.source, nps.status) == ("1.10", "2026", "missed")
    stage = journey.stages[0]
    assert (stage.id, stage.name, stage.touchpoints[0].id, stage.touchpoints[0].name) == (
        "2026-09-30", "007", "1e3", "0.5")
    assert (stage.touchpoints[0].emotion, stage.touchpoints[0].moment_of_truth) == (1.5, True)
    assert journey.transitions[0].label == "12:30"


def test_bom_crlf_and_several_documents_in_one_file(tmp_path: Path) -> None:
    text = "kind: department\r\nid: a\r\nname: A\r\n---\r\nkind: department\r\nid: b\r\nname: B\r\nparent: a\r\n"
    handbook = load(tmp_path, {
        "departments.yml": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "j.yaml": "kind: journey\r\ntitle: Caf\u00e9 \u2615\r\nowner: b\r\nstages: [{name: Only}]\r\n".encode(),
    })
    assert handbook.departments["b"].parent == "a"
    assert handbook.journeys["j"].title == "Caf\u00e9 \u2615"
    assert handbook.journeys["j"].location().line == 1
    assert handbook.departments["b"].location().line == 5


def test_old_mac_line_ends_and_a_bom_on_a_multi_document_file(tmp_path: Path) -> None:
    handbook = load(tmp_path, {
        "d.yml": b"\xef\xbb\xbf---\rkind: department\rid: a\rname: A\r...\r---\rkind: department\rid: b\rname: B\r",
    })
    assert sorted(handbook.departments) == ["a", "b"]
    assert handbook.departments["b"].location().line == 7


def test_empty_documents_comments_and_empty_files_are_ignored(tmp_path: Path) -> None:
    handbook = load(tmp_path, {
        "empty.yml": "",
        "comments.yaml": "# nothing here yet\n\n# still nothing\n",
        "separators.yml": "---\n---\n# a comment\n---\nkind: department\nid: a\nname: A\n---\n...\n",
        "nested/deeper/still/x.yml": "---\nkind: department\nname: X\n...\n",
    })
    assert sorted(handbook.departments) == ["a", "x"]  # one document left in separators.yml and x.yml
    assert len(handbook.files) == 4


def test_tabs_and_non_ascii_inside_text(tmp_path: Path) -> None:
    handbook = load(tmp_path, {
        "d.yml": "kind: department\nid: d\nname: \"Kundendienst\tM\u00fcnchen\"\nlead: Zo\u00eb\t\u00c5str\u00f6m\n",
        "j.yml": """\
            kind: journey
            title: "\u00c9t\u00e9 \U0001F31E \u2014 \u65c5"
            owner: d
            stages:
              - name: Liest die Preisseite \u2014 Preise in \u20ac
                touchpoints:
                  - name: Collect the month's charges
                  - name: Zo\u00eb\u2019s caf\u00e9 visit
              - name: "\u00a0Compares products online\u00a0"
            """,
    })
    assert handbook.departments["d"].name == "Kundendienst\tM\u00fcnchen"
    assert handbook.departments["d"].lead == "Zo\u00eb\t\u00c5str\u00f6m"
    journey = handbook.journeys["j"]
    assert journey.title == "\u00c9t\u00e9 \U0001F31E \u2014 \u65c5"
    assert [s.id for s in journey.stages] == ["liest-die-preisseite-preise-in", "compares-products-online"]
    assert [t.id for t in journey.stages[0].touchpoints] == ["collect-the-months-charges", "zoes-cafe-visit"]


def test_one_id_may_name_one_definition_of_each_kind(tmp_path: Path) -> None:
    handbook = load(tmp_path, {
        "all.yml": """\
            kind: department
            id: sales
            name: Sales
            ---
            kind: persona
            id: sales
            name: A persona called sales
            ---
            kind: process
            id: sales
            title: Sales
            owner: sales
            steps: [{id: sales, name: Sell, supports: [sales/sales]}]
            ---
            kind: journey
            id: sales
            title: Sales
            owner: sales
            personas: [sales]
            stages: [{id: buy, name: Buy, touchpoints: [{id: sales, name: Sales call, supported_by: [sales]}]}]
            ---
            kind: metric
            id: sales
            name: Sales made
            unit: count
            better: higher
            """,
    })
    assert set(handbook.departments) == set(handbook.personas) == set(handbook.processes) == {"sales"}
    assert set(handbook.journeys) == set(handbook.custom_metrics) == {"sales"}


def test_metric_values_in_every_written_form(tmp_path: Path) -> None:
    handbook = load(tmp_path, {
        "metrics.yml": """\
            kind: metric
            id: revenue
            name: Revenue
            unit: EUR
            better: higher
            min: 0
            max: 1e6
            ---
            kind: metric
            id: tickets
            name: Tickets
            unit: count
            better: lower
            ---
            kind: metric
            id: score
            name: Score
            better: none
            """,
        "departments.yml": "kind: department\nid: sales\nname: Sales\n",
        "j.yml": """\
            kind: journey
            title: Metrics
            owner: sales
            metrics:
              nps: -100
              csat: 4.5%
              ces: {target: 7, actual: 1}
              churn: {target: 3%, actual: "4.5"}
              conversion: {history: [{period: 2026-Q1, value: 18%}, {period: 2026-Q2, value: 21.5}]}
              retention: {target: 100, actual: 0%}
              duration: {target: 3d4h, actual: 1.5h}
              volume: {target: 0, actual: 1200}
              revenue: {target: 1e6, actual: 0.5}
              tickets: {target: 10, actual: "12"}
              score: {target: -1e9, actual: 1e9}
            stages:
              - name: Only
                metrics:
                  duration: {target: 45m, actual: 1w, history: [{period: 2026, value: "3600"}, {period: 1, value: 2 d}]}
            """,
    })
    metrics = handbook.journeys["j"].metrics
    assert metrics["csat"].target == 4.5 and metrics["churn"].actual == 4.5
    assert (metrics["conversion"].actual, metrics["conversion"].period) == (21.5, "2026-Q2")
    assert metrics["duration"].target == 3 * 86400 + 4 * 3600 and metrics["duration"].actual == 5400
    assert [metrics[m].status for m in ("ces", "churn", "retention", "duration", "volume", "tickets", "score")] == [
        "missed", "missed", "missed", "met", "no data", "missed", "no data"]
    stage = handbook.journeys["j"].stages[0].metrics["duration"]
    assert (stage.target, stage.actual) == (2700, 604800)
    assert [h.value for h in stage.history] == [3600, 2 * 86400]


def test_process_flows_in_every_written_form(tmp_path: Path) -> None:
    handbook = load(tmp_path, {
        "d.yml": "kind: department\nid: ops\nname: Ops\n",
        "j.yml": """\
            kind: journey
            title: J
            owner: ops
            stages: [{name: Asks, touchpoints: [{name: Asks for help, supported_by: [help, help/answer]}]}]
            """,
        "help.yml": """\
            kind: process
            title: Help
            owner: ops
            steps:
              - name: Triage
                decision: Can we answer now?
                branches:
                  - {when: yes, next: answer}
                  - {when: no, next: [escalate, triage]}
                  - {when: spam, next: []}
              - name: Escalate
                decision: Unanswered question without branches
                sla: 3d 4h
              - name: Answer
                next: [close, triage]
                supports: [j/asks-for-help]
              - id: close
                name: Close
                next: []
                sla: 3600
            """,
    })
    process = handbook.processes["help"]
    assert [s.id for s in process.steps] == ["triage", "escalate", "answer", "close"]
    assert process.successors(0) == [("answer", "yes"), ("escalate", "no"), ("triage", "no")]
    assert process.successors(1) == [("answer", None)]
    assert process.is_end(3) and process.steps[3].sla == 3600 and process.steps[1].sla_text == "3d 4h"
    assert [link.step for link in handbook.support_of("j", "asks-for-help")] == [None, "answer"]


def test_the_emotion_scale_is_a_setting(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "d.yml": "kind: department\nid: ops\nname: Ops\n",
        "j.yml": "kind: journey\ntitle: J\nowner: ops\nstages: [{name: A, touchpoints: [{name: B, emotion: 5}, "
                 "{name: C, emotion: 1.0}]}]\n",
    }
    handbook = load(tmp_path, files, Settings(emotion_scale=(1, 5)))
    assert [t.emotion for _, t in handbook.journeys["j"].touchpoints()] == [5, 1]
    assert build_handbook(tmp_path).problems[0].message == "emotion: 5 is outside the handbook's scale (-2 to 2)"


def test_quoted_keys_flow_style_and_explicit_standard_tags(tmp_path: Path) -> None:
    handbook = load(tmp_path, {
        "d.yml": '{"kind": department, \'id\': ops, name: !!str 2030, summary: !!null ~}\n',
        "j.yml": "{kind: journey, title: !!str yes, owner: ops, stages: [{name: A, touchpoints: "
                 "[{name: B, emotion: !!float 1, moment_of_truth: !!bool false}, {name: C, emotion: !!int -2}]}]}\n",
    })
    assert handbook.departments["ops"].name == "2030" and handbook.departments["ops"].summary is None
    journey = handbook.journeys["j"]
    assert journey.title == "yes"
    assert [t.emotion for _, t in journey.touchpoints()] == [1.0, -2]
