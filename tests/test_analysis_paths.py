"""The analysis follows paths: alternatives share a column, each persona walks its own path, and loops
compare the touchpoints really adjacent on them. Each must-not-fire case beside its must-fire one."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_journeys.analysis.flow import column_pairs, persona_pairs, persona_path
from mkdocs_journeys.analysis.paths import path_words
from mkdocs_journeys.cli import main
from mkdocs_journeys.handbook import build_handbook
from mkdocs_journeys.model import Journey
from mkdocs_journeys.settings import Settings

from .test_analysis import analysed, codes, journey, write

PERSONAS = """
kind: persona
id: priya
name: Priya, the busy parent
channels: [mobile-app]
---
kind: persona
id: dana
name: Dana, who is deaf
channels: [chat, email, mobile-app]
avoid_channels: [phone]
---
kind: persona
id: olu
name: Olu, who prefers to talk
channels: [phone]
"""


def loaded(root: Path, text: str) -> Journey:
    handbook = build_handbook(write(root, {"j.yml": text, "personas.yml": PERSONAS}), Settings())
    assert handbook.problems == [], handbook.problems
    return handbook.journeys["j"]


def ids(pairs: list[tuple[object, ...]]) -> list[tuple[str, str]]:
    return [(p[1].id, p[3].id) for p in pairs]  # type: ignore[attr-defined]


# -- the order of a journey with alternatives -------------------------------------------------------

REPORT = journey("""
- id: report
  name: Report
  touchpoints:
    - {id: phones, name: Reports the claim by phone, channel: phone, emotion: 1}
    - {id: app, name: Reports the claim in the app, channel: mobile-app, emotion: -1, alternative_to: phones}
    - {id: number, name: Receives the claim number, channel: email, emotion: 0}
- id: assess
  name: Assess
  owner: ops
  touchpoints:
    - {id: assessor, name: Meets the assessor, channel: branch, emotion: 0}
""")


def test_column_pairs_join_every_alternative_to_the_next_column_and_never_to_each_other(tmp_path: Path) -> None:
    pairs = column_pairs(loaded(tmp_path, REPORT))
    assert ids(pairs) == [("phones", "number"), ("app", "number"), ("number", "assessor")]
    assert all(p.via is None for p in pairs)


def test_a_persona_looks_through_the_columns_it_skips(tmp_path: Path) -> None:
    text = journey("""
    - id: s
      name: S
      touchpoints:
        - {id: a, name: A, emotion: 2}
        - {id: b, name: B, emotion: 1, personas: [olu]}
        - {id: c, name: C, emotion: -1}
    """, extra="personas: [priya, olu]\n")
    j = loaded(tmp_path, text)
    assert ids(persona_pairs(j, "olu")) == [("a", "b"), ("b", "c")]
    assert ids(persona_pairs(j, "priya")) == [("a", "c")]
    assert [[tp.id for tp in column.touchpoints] for column in persona_path(j, "priya")] == [["a"], ["c"]]
    assert [column.stage.id for column in persona_path(j, "olu")] == ["s", "s", "s"]
    assert persona_pairs(j, "dana") == []  # not one of the journey's personas


# -- emotion drops ----------------------------------------------------------------------------------

ALTERNATIVES = """
- id: s
  name: S
  touchpoints:
    - {id: a, name: A, emotion: 2}
    - {id: b, name: B, emotion: -1%s}
"""


def test_no_emotion_drop_between_two_alternatives(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, {"j.yml": journey(ALTERNATIVES % ", alternative_to: a")})
    assert codes(analysis, "emotion-drop") == []


def test_an_emotion_drop_between_two_touchpoints_in_sequence(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, {"j.yml": journey(ALTERNATIVES % "")})
    assert [f.message for f in codes(analysis, "emotion-drop")] == ["emotion falls by 3 from 'A' (+2) to 'B' (-1)"]


PERSONA_ALTERNATIVES = journey("""
- id: report
  name: Report
  touchpoints:
    - {id: app, name: Reports in the app, channel: mobile-app, emotion: 2, personas: [priya]}
    - {id: phones, name: Reports by phone, channel: phone, emotion: 0, alternative_to: app, personas: [olu]}
- id: wait
  name: Wait
  owner: support
  touchpoints:
    - {id: waits, name: Waits for the assessor, channel: email, emotion: -1}
""", extra="personas: [priya, olu]\n")


def test_a_drop_from_one_personas_alternative_is_reported_on_that_path(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, {"j.yml": PERSONA_ALTERNATIVES, "personas.yml": PERSONAS})
    drops = codes(analysis, "emotion-drop")
    assert [f.message for f in drops] == [
        "emotion falls by 3 from 'Reports in the app' (+2) to 'Waits for the assessor' (-1) "
        "(on the path of Priya, the busy parent)"]
    # phones (0) -> waits (-1) is Olu's and falls by 1 only; the key and anchor read as without paths
    assert drops[0].key == ("emotion-drop", "journey:j/waits", "from-app")
    assert drops[0].anchor == "finding-emotion-drop-j-waits-from-app"
    assert drops[0] in analysis.findings_for("persona:priya")
    assert drops[0] not in analysis.findings_for("persona:olu")


def test_a_drop_everyone_walks_names_no_persona(tmp_path: Path) -> None:
    text = journey("""
    - id: s
      name: S
      touchpoints:
        - {id: a, name: A, emotion: 2}
        - {id: b, name: B, emotion: 0, personas: [olu]}
        - {id: c, name: C, emotion: 0, alternative_to: b, personas: [priya, dana]}
    """, extra="personas: [priya, olu, dana]\n")
    analysis = analysed(tmp_path, {"j.yml": text, "personas.yml": PERSONAS})
    assert [f.message for f in codes(analysis, "emotion-drop")] == [
        "emotion falls by 2 from 'A' (+2) to 'B' (+0) (on the path of Olu, who prefers to talk)",
        "emotion falls by 2 from 'A' (+2) to 'C' (+0) (on the paths of Priya, the busy parent; and "
        "Dana, who is deaf)"]


def test_persona_names_in_a_message_stay_apart() -> None:
    names = {"a": "Ann", "b": "Bo", "c": "Cy", "p": "Priya, the busy parent"}
    assert path_words((), names) == ""
    assert path_words(("a", "b", "c"), names) == " (on the paths of Ann, Bo and Cy)"
    assert path_words(("a", "p"), names) == " (on the paths of Ann; and Priya, the busy parent)"


def test_a_persona_who_skips_a_column_feels_the_drop_across_it(tmp_path: Path) -> None:
    text = journey("""
    - id: s
      name: S
      touchpoints:
        - {id: a, name: A, emotion: 2}
        - {id: b, name: B, emotion: 1, personas: [olu]}
        - {id: c, name: C, emotion: 0}
    """, extra="personas: [priya, olu]\n")
    analysis = analysed(tmp_path, {"j.yml": text, "personas.yml": PERSONAS})
    assert [f.message for f in codes(analysis, "emotion-drop")] == [
        "emotion falls by 2 from 'A' (+2) to 'C' (+0) (on the path of Priya, the busy parent)"]


def test_no_drop_between_touchpoints_no_persona_meets_one_after_the_other(tmp_path: Path) -> None:
    text = journey("""
    - id: s
      name: S
      touchpoints:
        - {id: a, name: A, emotion: 2, personas: [priya]}
        - {id: b, name: B, emotion: -2, personas: [olu]}
    """, extra="personas: [priya, olu]\n")
    analysis = analysed(tmp_path, {"j.yml": text, "personas.yml": PERSONAS})
    assert codes(analysis, "emotion-drop") == []
    assert analysis.handoffs["j"] == []
    # the curve's lowest point is the touchpoint's, whoever takes it
    assert [f.subject for f in codes(analysis, "lowest-point")] == ["journey:j/b"]


def test_lowest_and_highest_points_count_every_alternative(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, {"j.yml": journey(ALTERNATIVES % ", alternative_to: a")})
    assert analysis.extremes["j"].lowest == ("b",) and analysis.extremes["j"].highest == ("a",)
    assert [f.subject for f in codes(analysis, "lowest-point")] == ["journey:j/b"]


# -- handoffs ---------------------------------------------------------------------------------------

OWNED = """
- id: s
  name: S
  touchpoints:
    - {id: a, name: A, emotion: 1}
    - {id: b, name: B, emotion: -1, owner: support%s}
    - {id: c, name: C, emotion: 1, owner: ops}
"""


def test_no_handoff_between_two_alternatives(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, {"j.yml": journey(OWNED % ", alternative_to: a")})
    handoffs = analysis.handoffs["j"]
    assert [(h.from_touchpoint, h.to_touchpoint) for h in handoffs] == [("a", "c"), ("b", "c")]
    assert codes(analysis, "risky-handoff") == []


def test_a_handoff_between_two_touchpoints_in_sequence(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, {"j.yml": journey(OWNED % "")})
    assert [(h.from_touchpoint, h.to_touchpoint) for h in analysis.handoffs["j"]] == [("a", "b"), ("b", "c")]
    assert [f.message for f in codes(analysis, "risky-handoff")] == [
        "'A' (Sales) hands the customer to 'B' (Support) and emotion drops by 2"]


def test_a_handoff_on_one_personas_path_names_the_persona(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, {"j.yml": PERSONA_ALTERNATIVES, "personas.yml": PERSONAS})
    handoffs = analysis.handoffs["j"]
    assert [(h.from_touchpoint, h.to_touchpoint, h.personas) for h in handoffs] == [
        ("app", "waits", ("priya",)), ("phones", "waits", ("olu",))]
    assert [f.message for f in codes(analysis, "risky-handoff")] == [
        "'Reports in the app' (Sales) hands the customer to 'Waits for the assessor' (Support) and emotion "
        "drops by 3 (on the path of Priya, the busy parent)",
        "'Reports by phone' (Sales) hands the customer to 'Waits for the assessor' (Support) and emotion "
        "drops by 1 (on the path of Olu, who prefers to talk)"]
    assert analysis.handoff_counts == {("sales", "support"): 2}


# -- channels ---------------------------------------------------------------------------------------

def channel_journey(report: str, personas: str = "[dana, priya]") -> str:
    return journey(f"""
    - id: report
      name: Report
      touchpoints:
    {report}
    - id: wait
      name: Wait
      touchpoints:
        - {{id: waits, name: Waits, channel: email}}
        - {{id: hears, name: Hears back, channel: chat}}
    """, extra=f"personas: {personas}\n")


def test_a_stage_reached_by_phone_or_in_the_app_is_not_single_channel(tmp_path: Path) -> None:
    text = channel_journey("""
        - {id: phones, name: Phones, channel: phone}
        - {id: app, name: Uses the app, channel: mobile-app, alternative_to: phones}""")
    analysis = analysed(tmp_path, {"j.yml": text, "personas.yml": PERSONAS})
    assert codes(analysis, "single-channel-stage") == []
    assert codes(analysis, "avoided-channel-stage") == []  # Dana can use the app


def test_a_stage_whose_alternatives_are_all_phone_is_single_channel(tmp_path: Path) -> None:
    text = channel_journey("""
        - {id: phones, name: Phones, channel: phone}
        - {id: callback, name: Asks for a callback, channel: phone, alternative_to: phones}""")
    analysis = analysed(tmp_path, {"j.yml": text, "personas.yml": PERSONAS})
    assert [f.subject for f in codes(analysis, "single-channel-stage")] == ["journey:j/report"]
    assert [f.message for f in codes(analysis, "avoided-channel-stage")] == [
        "Dana, who is deaf avoids every channel of stage 'Report' (phone)"]


def test_a_persona_avoids_a_stage_when_it_avoids_every_channel_of_what_it_takes(tmp_path: Path) -> None:
    text = channel_journey("""
        - {id: phones, name: Phones, channel: phone, personas: [dana]}
        - {id: app, name: Uses the app, channel: mobile-app, alternative_to: phones, personas: [priya]}""")
    analysis = analysed(tmp_path, {"j.yml": text, "personas.yml": PERSONAS})
    avoided = codes(analysis, "avoided-channel-stage")
    assert [f.message for f in avoided] == ["Dana, who is deaf avoids every channel stage 'Report' offers them (phone)"]
    assert avoided[0].under("persona:dana") and avoided[0].key[2] == "dana"


def test_a_phone_touchpoint_a_persona_does_not_take_is_not_avoided(tmp_path: Path) -> None:
    text = channel_journey("""
        - {id: phones, name: Phones, channel: phone, personas: [priya]}
        - {id: chat, name: Chats, channel: chat, alternative_to: phones, personas: [dana]}""")
    analysis = analysed(tmp_path, {"j.yml": text, "personas.yml": PERSONAS})
    assert codes(analysis, "avoided-channel-stage") == []


def test_a_phone_only_stage_off_a_personas_path_is_not_avoided(tmp_path: Path) -> None:
    text = channel_journey("""
        - {id: phones, name: Phones, channel: phone, personas: [priya]}""")
    analysis = analysed(tmp_path, {"j.yml": text, "personas.yml": PERSONAS})
    assert codes(analysis, "avoided-channel-stage") == []
    assert [f.subject for f in codes(analysis, "single-channel-stage")] == ["journey:j/report"]


def test_a_persona_is_judged_on_what_it_takes_even_when_another_touchpoint_has_no_channel(tmp_path: Path) -> None:
    text = channel_journey("""
        - {id: phones, name: Phones, channel: phone, personas: [dana]}
        - {id: visits, name: Visits, alternative_to: phones, personas: [priya]}""")
    analysis = analysed(tmp_path, {"j.yml": text, "personas.yml": PERSONAS})
    assert [f.key[2] for f in codes(analysis, "avoided-channel-stage")] == ["dana"]
    assert codes(analysis, "single-channel-stage") == []  # the stage's channels are not all known


# -- coverage ---------------------------------------------------------------------------------------

def test_coverage_counts_every_alternative(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, {"j.yml": journey(ALTERNATIVES % ", alternative_to: a")})
    assert analysis.coverage["j"].describe() == "0 of 2 touchpoints (0%)"
    assert analysis.unsupported["j"] == ["a", "b"]


# -- loops ------------------------------------------------------------------------------------------

def claim(picks_up: int, pays: str, *, label: str = ", label: The repair was not finished") -> str:
    return journey(f"""
    - id: assess
      name: Assess
      owner: ops
      touchpoints:
        - {{id: assessor, name: Meets the assessor, emotion: -1}}
        - {{id: estimate, name: Gets the estimate, emotion: 0}}
    - id: repair
      name: Repair
      owner: ops
      touchpoints:
        - {{id: picks-up, name: Picks up the repaired car, emotion: {picks_up}}}
        - {{id: pays, name: Pays the excess{pays}}}
    """, extra=f"transitions:\n  - {{from: repair, to: assess{label}}}\n")


def test_a_loop_compares_the_last_touchpoint_it_leaves_with_the_first_it_reaches(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, {"j.yml": claim(2, ", emotion: 0.5")})
    # picks-up (+2) -> assessor (-1) would fall by 3, but nobody goes from one to the other: each
    # step on the way (+2 -> +0.5 -> -1) falls by 1.5
    assert codes(analysis, "emotion-drop") == []
    j = build_handbook(tmp_path, Settings()).journeys["j"]
    loop = [p for p in column_pairs(j) if p.via is not None]
    assert ids(loop) == [("pays", "assessor")]
    assert loop[0].via is not None and loop[0].via.label == "The repair was not finished"


def test_a_drop_along_a_loop_names_both_touchpoints_and_the_transition(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, {"j.yml": claim(0, ", emotion: 2")})
    assert [f.message for f in codes(analysis, "emotion-drop")] == [
        "emotion falls by 3 from 'Pays the excess' (+2) to 'Meets the assessor' (-1) "
        "along the transition 'The repair was not finished'"]
    unlabelled = analysed(tmp_path / "b", {"j.yml": claim(0, ", emotion: 2", label="")})
    assert [f.message for f in codes(unlabelled, "emotion-drop")] == [
        "emotion falls by 3 from 'Pays the excess' (+2) to 'Meets the assessor' (-1) "
        "along the transition from 'Repair' to 'Assess'"]


def test_a_loop_looks_through_an_unrated_last_touchpoint(tmp_path: Path) -> None:
    analysis = analysed(tmp_path, {"j.yml": claim(2, "")})
    assert [f.message for f in codes(analysis, "emotion-drop")] == [
        "emotion falls by 3 from 'Picks up the repaired car' (+2) to 'Meets the assessor' (-1) "
        "along the transition 'The repair was not finished'"]


def test_a_handoff_along_a_loop_says_so(tmp_path: Path) -> None:
    text = journey("""
    - id: a
      name: A
      touchpoints: [{id: a1, name: A1, emotion: 1}]
    - id: b
      name: B
      owner: support
      touchpoints: [{id: b1, name: B1, emotion: 2}]
    """, extra="transitions:\n  - {from: b, to: a, label: Comes back}\n")
    analysis = analysed(tmp_path, {"j.yml": text})
    assert [(h.from_touchpoint, h.to_touchpoint, h.via) for h in analysis.handoffs["j"]] == [
        ("a1", "b1", None), ("b1", "a1", "the transition 'Comes back'")]
    assert [f.message for f in codes(analysis, "risky-handoff")] == [
        "'B1' (Support) hands the customer to 'A1' (Sales) along the transition 'Comes back' and emotion drops by 1"]


def test_a_loop_joins_the_last_column_to_the_first_column_across_empty_stages(tmp_path: Path) -> None:
    text = journey("""
    - id: empty
      name: Nothing happens here
    - id: a
      name: A
      touchpoints:
        - {id: a1, name: A1}
        - {id: a2, name: A2, alternative_to: a1}
        - {id: a3, name: A3}
    - id: c
      name: C
      touchpoints:
        - {id: c1, name: C1}
        - {id: c2, name: C2, alternative_to: c1}
    """, extra="transitions:\n  - {from: c, to: empty}\n  - {from: a, to: a}\n")
    pairs = column_pairs(loaded(tmp_path, text))
    assert [(a, b, p.via is not None) for (a, b), p in zip(ids(pairs), pairs, strict=True)] == [
        ("a1", "a3", False), ("a2", "a3", False),
        ("a3", "c1", False), ("a3", "c2", False), ("a3", "a1", True), ("a3", "a2", True),
        ("c1", "a1", True), ("c1", "a2", True), ("c2", "a1", True), ("c2", "a2", True)]


def test_a_stage_looping_onto_its_only_column_pairs_no_alternatives(tmp_path: Path) -> None:
    text = journey("""
    - id: s
      name: S
      touchpoints:
        - {id: a, name: A, emotion: 2}
        - {id: b, name: B, emotion: -2, alternative_to: a}
    """, extra="transitions:\n  - {from: s, to: s}\n")
    assert column_pairs(loaded(tmp_path, text)) == []
    assert codes(analysed(tmp_path / "b", {"j.yml": text}), "emotion-drop") == []


# -- check ------------------------------------------------------------------------------------------

def test_check_prints_the_findings_of_each_path(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "journeys", {"j.yml": PERSONA_ALTERNATIVES, "personas.yml": PERSONAS})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "journeys"]) == 0
    lines = capsys.readouterr().out.splitlines()
    findings = [line for line in lines if "[emotion-drop]" in line or "[risky-handoff]" in line]
    assert findings == [
        "journeys/j.yml:17:9: warning: 'Reports by phone' (Sales) hands the customer to 'Waits for the assessor' "
        "(Support) and emotion drops by 1 (on the path of Olu, who prefers to talk) (agree how Sales briefs "
        "Support and tells the customer what happens next) [risky-handoff]",
        "journeys/j.yml:17:9: warning: 'Reports in the app' (Sales) hands the customer to 'Waits for the "
        "assessor' (Support) and emotion drops by 3 (on the path of Priya, the busy parent) (agree how Sales "
        "briefs Support and tells the customer what happens next) [risky-handoff]",
        "journeys/j.yml:17:76: warning: emotion falls by 3 from 'Reports in the app' (+2) to 'Waits for the "
        "assessor' (-1) (on the path of Priya, the busy parent) (look at what happens between these two "
        "moments: that is where the customer is lost) [emotion-drop]"]
    # the two alternatives neither hand over to each other nor drop from one to the other
    assert not [line for line in lines if "hands the customer to 'Reports by phone'" in line]
