"""The analysis, finding by finding, on small handbooks written for each, including where it must stay silent."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from mkdocs_journeys.analysis import Analysis, Finding, analyse
from mkdocs_journeys.commands.check import run_check
from mkdocs_journeys.handbook import build_handbook
from mkdocs_journeys.settings import Settings

DEPARTMENTS = """
kind: department
id: sales
name: Sales
---
kind: department
id: support
name: Support
---
kind: department
id: ops
name: Operations
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in {"departments.yml": DEPARTMENTS, **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def analysed(root: Path, files: dict[str, str], **settings: Any) -> Analysis:
    handbook = build_handbook(write(root, files), Settings(**settings))
    assert handbook.problems == [], handbook.problems
    return analyse(handbook)


def codes(analysis: Analysis, code: str) -> list[Finding]:
    return [f for f in analysis.findings if f.code == code]


def journey(stages: str, *, extra: str = "", metrics: str = "metrics: {nps: {target: 40, actual: 45}}") -> str:
    return f"kind: journey\nid: j\ntitle: J\nowner: sales\n{metrics}\n{extra}stages:\n" + textwrap.indent(
        textwrap.dedent(stages).strip("\n"), "  ") + "\n"


# -- handoffs ---------------------------------------------------------------------------------------

HANDOFFS = journey("""
- id: buy
  name: Buy
  touchpoints:
    - {id: pays, name: Pays, emotion: 1, channel: web}
    - {id: receipt, name: Gets a receipt, emotion: 1, channel: email}
- id: help
  name: Help
  owner: support
  touchpoints:
    - {id: calls, name: Calls, emotion: -1, channel: phone}
    - {id: chats, name: Chats, emotion: -1.5, channel: chat, owner: ops}
    - {id: solved, name: Solved, emotion: 0, channel: chat, owner: sales, moment_of_truth: true}
""")


def test_handoffs_between_departments_with_the_risky_ones(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, {"j.yml": HANDOFFS})
    handoffs = analysis.handoffs["j"]
    assert [(h.from_touchpoint, h.from_department, h.to_touchpoint, h.to_department) for h in handoffs] == [
        ("receipt", "sales", "calls", "support"), ("calls", "support", "chats", "ops"),
        ("chats", "ops", "solved", "sales")]
    # pays -> receipt stays inside Sales: no handoff
    assert [h.emotion_change for h in handoffs] == [-2, -0.5, 1.5]
    assert [h.reasons for h in handoffs] == [("emotion drops by 2",), (), ("lands on a moment of truth",)]
    assert analysis.handoff_counts == {("sales", "support"): 1, ("support", "ops"): 1, ("ops", "sales"): 1}
    risky = codes(analysis, "risky-handoff")
    assert [(f.subject, f.departments) for f in risky] == [
        ("journey:j/calls", ("sales", "support")), ("journey:j/solved", ("ops", "sales"))]
    assert risky[0].message == ("'Gets a receipt' (Sales) hands the customer to 'Calls' (Support) "
                                "and emotion drops by 2")
    assert (risky[0].location.line, risky[0].location.column) == (16, 9)


def test_handoffs_follow_transitions_and_skip_empty_stages(tmp_path: Path) -> None:
    text = journey("""
    - id: a
      name: A
      touchpoints: [{id: a1, name: A1}]
    - id: empty
      name: Nothing happens here
      owner: ops
    - id: c
      name: C
      owner: support
      touchpoints: [{id: c1, name: C1}]
    """, extra="transitions:\n  - {from: c, to: a}\n")
    analysis = analysed(tmp_path, {"j.yml": text})
    pairs = [(h.from_touchpoint, h.to_touchpoint) for h in analysis.handoffs["j"]]
    assert pairs == [("a1", "c1"), ("c1", "a1")]
    assert all(h.emotion_change is None and not h.risky for h in analysis.handoffs["j"])


# -- process coverage -------------------------------------------------------------------------------

COVERED = {
    "j.yml": journey("""
    - id: s1
      name: S1
      touchpoints:
        - {id: t1, name: T1, supported_by: [p]}
        - {id: t2, name: T2}
    - id: s2
      name: S2
      touchpoints:
        - {id: t3, name: T3, moment_of_truth: true}
        - {id: t4, name: T4}
    """),
    "p.yml": """
    kind: process
    id: p
    title: P
    owner: ops
    steps:
      - {id: a, name: A}
    """,
    "q.yml": """
    kind: process
    id: q
    title: Q
    owner: ops
    steps:
      - {id: intake, name: Intake}
      - {id: serve, name: Serve, supports: [j/t4]}
      - {id: archive, name: Archive}
    """,
}


def test_coverage_per_journey_and_stage_and_the_unsupported_touchpoints(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, COVERED)
    assert analysis.coverage["j"].describe() == "2 of 4 touchpoints (50%)"
    assert analysis.stage_coverage[("j", "s1")].describe() == "1 of 2 touchpoints (50%)"
    assert analysis.stage_coverage[("j", "s2")].percent == 50
    assert analysis.unsupported["j"] == ["t2", "t3"]
    messages = [f.message for f in codes(analysis, "unsupported-touchpoint")]
    assert messages == ["no process supports 'T2'", "no process supports 'T3' — a moment of truth"]
    # steps facing no customer; a process linked as a whole stands behind all its steps
    assert analysis.internal_steps == {"q": ["intake", "archive"]}


# -- process map health -----------------------------------------------------------------------------

def process(steps: str) -> str:
    return "kind: process\nid: p\ntitle: P\nowner: ops\nsteps:\n" + textwrap.indent(
        textwrap.dedent(steps).strip("\n"), "  ") + "\n"


def test_unreachable_steps_and_loops_without_exit(tmp_path: Path) -> None:
    text = process("""
    - {id: start, name: Start, next: work}
    - {id: orphan, name: Orphan, next: work}
    - {id: work, name: Work, next: check}
    - {id: check, name: Check, next: work}
    """)
    analysis = analysed(tmp_path, {"p.yml": text})
    assert [f.subject for f in codes(analysis, "unreachable-step")] == ["process:p/orphan"]
    assert [f.subject for f in codes(analysis, "no-way-out")] == ["process:p/start", "process:p/work",
                                                                    "process:p/check"]
    assert codes(analysis, "no-way-out")[0].location.line == 6


def test_a_loop_with_an_exit_is_healthy(tmp_path: Path) -> None:
    text = process("""
    - {id: start, name: Start}
    - id: check
      name: Check
      decision: Complete?
      branches:
        - {when: "yes", next: done}
        - {when: "no", next: start}
    - {id: done, name: Done, next: []}
    """)
    analysis = analysed(tmp_path, {"p.yml": text})
    assert analysis.findings == []


def test_decisions_need_two_branches(tmp_path: Path) -> None:
    text = process("""
    - id: ask
      name: Ask
      decision: Approved?
      branches:
        - {when: "yes", next: done}
    - {id: asked, name: Asked, decision: Again?}
    - {id: done, name: Done}
    """)
    analysis = analysed(tmp_path, {"p.yml": text})
    found = codes(analysis, "decision-without-branches")
    assert [f.message for f in found] == ["the decision 'Approved?' has only one branch",
                                          "the decision 'Again?' has no branch"]
    assert (found[0].location.line, found[0].location.column) == (8, 5)


# -- channels and accessibility ---------------------------------------------------------------------

PERSONA = """
kind: persona
id: dana
name: Dana, who is deaf
channels: [chat, email]
avoid_channels: [phone]
"""


def test_single_channel_stage_and_a_persona_who_cannot_use_it(tmp_path: Path) -> None:
    text = journey("""
    - id: phone-only
      name: Phone only
      touchpoints:
        - {id: call, name: Calls, channel: phone}
        - {id: callback, name: Gets a callback, channel: phone}
    - id: mixed
      name: Mixed
      touchpoints:
        - {id: call2, name: Calls again, channel: phone}
        - {id: mail, name: Writes, channel: email}
    - id: unknown
      name: Unknown
      touchpoints:
        - {id: visit, name: Visits}
    """, extra="personas: [dana]\n")
    analysis = analysed(tmp_path, {"j.yml": text, "dana.yml": PERSONA})
    single = codes(analysis, "single-channel-stage")
    assert [f.subject for f in single] == ["journey:j/phone-only"]
    assert single[0].message == "stage 'Phone only' can only be reached through phone"
    avoided = codes(analysis, "avoided-channel-stage")
    assert [f.message for f in avoided] == ["Dana, who is deaf avoids every channel of stage 'Phone only' (phone)"]
    assert avoided[0].hint == "offer this stage through a channel Dana, who is deaf uses: chat, email"
    assert avoided[0].under("persona:dana") and avoided[0].location.line == 8


# -- emotion ----------------------------------------------------------------------------------------

def test_steep_drops_the_lowest_point_and_gaps(tmp_path: Path) -> None:
    text = journey("""
    - id: s
      name: S
      touchpoints:
        - {id: a, name: A, emotion: 2}
        - {id: b, name: B}
        - {id: c, name: C, emotion: 0}
        - {id: d, name: D, emotion: -1.5}
        - {id: e, name: E, emotion: -1.5}
    """)
    analysis = analysed(tmp_path, {"j.yml": text})
    drops = codes(analysis, "emotion-drop")
    # a -> c across the gap falls by 2; c -> d by 1.5 stays below the threshold
    assert [f.message for f in drops] == ["emotion falls by 2 from 'A' (+2) to 'C' (+0)"]
    assert [f.subject for f in codes(analysis, "lowest-point")] == ["journey:j/d", "journey:j/e"]
    assert [f.subject for f in codes(analysis, "missing-emotion")] == ["journey:j/b"]
    assert analysis.extremes["j"].highest == ("a",)


def test_a_journey_never_below_neutral_has_no_lowest_point_finding(tmp_path: Path) -> None:
    text = journey("""
    - id: s
      name: S
      touchpoints: [{id: a, name: A, emotion: 0}, {id: b, name: B, emotion: 1}]
    """)
    analysis = analysed(tmp_path, {"j.yml": text})
    assert {f.code for f in analysis.findings} == {"unsupported-touchpoint"}
    assert analysis.extremes["j"].lowest == ("a",)


def test_a_journey_without_any_emotion_is_one_finding(tmp_path: Path) -> None:
    text = journey("""
    - id: s
      name: S
      touchpoints: [{id: a, name: A}, {id: b, name: B}]
    """)
    found = codes(analysed(tmp_path, {"j.yml": text}), "missing-emotion")
    assert [(f.subject, f.message) for f in found] == [
        ("journey:j", "no touchpoint of the journey has an emotion, so it has no emotion curve")]


# -- metrics ----------------------------------------------------------------------------------------

def test_missed_targets_and_metrics_that_cannot_be_judged(tmp_path: Path) -> None:
    text = journey("""
    - id: s
      name: S
      metrics:
        csat: {target: 80%, actual: 85%}
        churn: {target: 2%, actual: 3.5%, period: 2026-Q3}
      touchpoints:
        - id: t
          name: T
          emotion: 1
          metrics:
            ces: 2
            conversion: {actual: 12%}
    """, metrics="metrics:\n  nps: {target: 40, actual: 31}")
    analysis = analysed(tmp_path, {"j.yml": text})
    assert [f.message for f in codes(analysis, "missed-target")] == [
        "Net Promoter Score of the journey is 31 against a target of 40",
        "Churn rate of stage 'S' is 3.5% against a target of 2% (2026-Q3)"]
    assert [f.subject for f in codes(analysis, "metric-without-actual")] == ["journey:j/t"]
    assert [f.discriminator for f in codes(analysis, "metric-without-target")] == ["conversion"]
    assert codes(analysis, "journey-without-metrics") == []
    # csat is met: no finding mentions it
    assert not [f for f in analysis.findings if f.discriminator == "csat"]


def test_a_journey_with_no_metrics_anywhere(tmp_path: Path) -> None:
    text = journey("- {id: s, name: S, touchpoints: [{id: t, name: T, emotion: 1}]}", metrics="")
    assert [f.subject for f in codes(analysed(tmp_path, {"j.yml": text}), "journey-without-metrics")] == ["journey:j"]
    with_touchpoint_metric = journey(
        "- {id: s, name: S, touchpoints: [{id: t, name: T, emotion: 1, metrics: {csat: {target: 1, actual: 2}}}]}",
        metrics="")
    assert codes(analysed(tmp_path / "b", {"j.yml": with_touchpoint_metric}), "journey-without-metrics") == []


# -- anchors, suppression, check --------------------------------------------------------------------

def test_anchors_are_stable_and_unique(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, {"j.yml": HANDOFFS})
    anchors = [f.anchor for f in analysis.findings]
    assert len(set(anchors)) == len(anchors)
    assert "finding-risky-handoff-j-calls-from-receipt" in anchors
    assert [f.anchor for f in analysed(tmp_path / "again", {"j.yml": HANDOFFS}).findings] == anchors


def test_findings_switched_off_by_code_or_entity_keep_their_reason(tmp_path: Path) -> None:
    ignore = [{"code": "risky-handoff", "entities": ["journey:j/help"], "reason": "Known: project Atlas"},
              {"code": "unsupported-touchpoint", "reason": "Processes not mapped yet"}]
    analysis = analysed(tmp_path, {"j.yml": HANDOFFS}, ignore=ignore)
    assert codes(analysis, "unsupported-touchpoint") == []
    assert codes(analysis, "risky-handoff") == []
    reasons = {(f.code, reason) for f, reason in analysis.suppressed}
    assert reasons == {("risky-handoff", "Known: project Atlas"),
                       ("unsupported-touchpoint", "Processes not mapped yet")}
    # an entity elsewhere leaves the finding on
    other = analysed(tmp_path / "b", {"j.yml": HANDOFFS},
                     ignore=[{"code": "risky-handoff", "entities": ["journey:j/solved"], "reason": "r"}])
    assert [f.subject for f in codes(other, "risky-handoff")] == ["journey:j/calls"]
    by_department = analysed(tmp_path / "c", {"j.yml": HANDOFFS},
                             ignore=[{"code": "risky-handoff", "entities": ["department:ops"], "reason": "r"}])
    assert [f.subject for f in codes(by_department, "risky-handoff")] == ["journey:j/calls"]


def test_an_unknown_code_in_ignore_is_an_error_with_a_suggestion() -> None:
    with pytest.raises(ValidationError, match="unknown finding code 'risky-handof': did you mean 'risky-handoff'"):
        Settings(ignore=[{"code": "risky-handof", "reason": "typo"}])
    with pytest.raises(ValidationError, match="is not an entity"):
        Settings(ignore=[{"code": "risky-handoff", "entities": ["j"], "reason": "r"}])
    with pytest.raises(ValidationError, match="reason"):
        Settings(ignore=[{"code": "risky-handoff"}])


def test_check_prints_findings_as_warnings_and_fails_only_when_strict(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"journeys/j.yml": HANDOFFS})
    monkeypatch.chdir(tmp_path)
    lines, code = run_check(Path("."), Settings())
    assert code == 0
    assert ("journeys/j.yml:16:9: warning: 'Gets a receipt' (Sales) hands the customer to 'Calls' (Support) and "
            "emotion drops by 2 (agree how Sales briefs Support and tells the customer what happens next) "
            "[risky-handoff]") in lines
    assert lines[-1].endswith(f"{len(lines) - 1} warnings")
    _, strict = run_check(Path("."), Settings(), strict=True)
    assert strict == 1
    github, _ = run_check(Path("."), Settings(), fmt="github")
    assert any(line.startswith("::warning file=journeys/j.yml,line=16,col=9,title=risky-handoff::") for line in github)
