"""``import mermaid``: journey diagrams as people write them, into a fragment that passes ``check``;
and ``export mermaid`` back."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .interchange_helpers import REPO_HANDBOOK, passes_check, run

REAL_DIAGRAM = """\
---
title: Front-matter title
config:
  journey:
    taskFontSize: 14
---
journey
  accTitle: Fixing the boiler
  accDescr {
    What a tenant goes through
    when the heating fails.
  }
  title Fix the<br>boiler
  %% the first section
  section Report
    Notices the cold radiator :  1 :  Tenant
    Calls the service desk:2:Tenant, Landlord
  section Visit
    Engineer arrives: 4: Tenant
  section Report
    Gets a follow-up#58; all fine? : 5
"""


def _documents(text: str) -> list[dict[str, object]]:
    return [d for d in yaml.safe_load_all(text) if d]


def test_a_real_diagram_becomes_a_fragment_that_passes_check(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "boiler.mmd").write_text(REAL_DIAGRAM, encoding="utf-8")
    code, out, err = run(capsys, "import", "mermaid", str(tmp_path / "boiler.mmd"))
    assert (code, err) == (0, "")
    passes_check(capsys, out, tmp_path / "handbook")
    docs = _documents(out)
    kinds = [d["kind"] for d in docs]
    assert kinds == ["department", "persona", "persona", "journey"]
    assert docs[0]["name"] == "Owner to be named (placeholder)"
    journey = docs[-1]
    assert journey["title"] == "Fix the boiler"
    assert journey["summary"] == "What a tenant goes through\nwhen the heating fails."
    assert journey["personas"] == ["tenant", "landlord"]
    stages = journey["stages"]
    assert [(s["id"], s["name"]) for s in stages] == [("report", "Report"), ("visit", "Visit"), ("report-2", "Report")]
    touchpoints = [tp for s in stages for tp in s["touchpoints"]]
    assert [(tp["name"], tp["emotion"]) for tp in touchpoints] == [
        ("Notices the cold radiator", -2), ("Calls the service desk", -1), ("Engineer arrives", 1),
        ("Gets a follow-up: all fine?", 2)]
    assert touchpoints[1]["personas"] == ["tenant", "landlord"] and "personas" not in touchpoints[3]


def test_scores_map_linearly_onto_the_configured_scale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: s\nplugins:\n  - journeys:\n      emotion_scale: [0, 10]\n",
                                         encoding="utf-8")
    (tmp_path / "a.mmd").write_text("journey\n  section S\n    a: 1\n    b: 3\n    c: 4\n    d: 5\n", encoding="utf-8")
    config = ("--config", str(tmp_path / "mkdocs.yml"))
    code, out, _ = run(capsys, "import", "mermaid", str(tmp_path / "a.mmd"), *config)
    assert code == 0
    emotions = [tp["emotion"] for tp in _documents(out)[-1]["stages"][0]["touchpoints"]]  # type: ignore[index]
    assert emotions == [0, 5, 7.5, 10]
    passes_check(capsys, out, tmp_path / "handbook", *config)


def test_every_journey_block_of_a_markdown_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "maps.md"
    page.write_text("# Maps\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n```mermaid\njourney\n  title One\n"
                    "  section A\n    x: 3: Me\n```\n\nText.\n\n~~~mermaid\njourney\n  title Two\n  section B\n"
                    "    y: 5: You\n~~~\n", encoding="utf-8")
    code, out, err = run(capsys, "import", "mermaid", str(page))
    assert (code, err) == (0, "")
    assert [d["title"] for d in _documents(out) if d["kind"] == "journey"] == ["One", "Two"]
    passes_check(capsys, out, tmp_path / "handbook")


@pytest.mark.parametrize(("task", "line"), [("x: 6: Me", 4), ("x: 0", 4), ("x: 2.5: Me", 4), ("x: high", 4),
                                            ("just words", 4)])
def test_an_invalid_score_is_reported_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    task: str, line: int) -> None:
    file = tmp_path / "bad.mmd"
    file.write_text(f"journey\n  title T\n  section S\n    {task}\n", encoding="utf-8")
    code, out, err = run(capsys, "import", "mermaid", str(file))
    assert code == 1 and out == ""
    assert err.startswith(f"{file}:{line}: error: ") and "Traceback" not in err


def test_a_bad_score_in_a_markdown_page_names_the_page_s_line(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.md"
    page.write_text("# T\n\nText\n\n```mermaid\njourney\n  section A\n    x: 9: me\n```\n", encoding="utf-8")
    code, _, err = run(capsys, "import", "mermaid", str(page))
    assert (code, err) == (1, f"{page}:8: error: the score of 'x' must be a whole number from 1 to 5, got '9'\n")


def test_a_file_without_a_journey_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "f.mmd").write_text("flowchart LR\n  a --> b\n", encoding="utf-8")
    code, _, err = run(capsys, "import", "mermaid", str(tmp_path / "f.mmd"))
    assert code == 1 and ": error: " in err
    assert run(capsys, "import", "mermaid", str(tmp_path / "missing.mmd"))[0] == 2


def test_export_mermaid_imports_back_to_the_same_journey(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mkdocs_journeys.handbook import build_handbook
    from mkdocs_journeys.interchange.fragment import score_from_emotion

    handbook = build_handbook(REPO_HANDBOOK)
    for journey in handbook.journeys.values():
        code, diagram, err = run(capsys, "export", "mermaid", str(REPO_HANDBOOK), journey.id)
        assert (code, err) == (0, "")
        assert diagram.startswith("journey\n")
        (tmp_path / f"{journey.id}.mmd").write_text(diagram, encoding="utf-8")
        code, out, err = run(capsys, "import", "mermaid", str(tmp_path / f"{journey.id}.mmd"))
        assert (code, err) == (0, "")
        back = _documents(out)[-1]
        assert back["title"] == " ".join(journey.title.split())
        assert [s["name"] for s in back["stages"]] == [s.name for s in journey.stages]  # type: ignore[union-attr]
        assert [[(tp["name"], tp["emotion"]) for tp in s.get("touchpoints", [])]
                for s in back["stages"]] == [  # type: ignore[union-attr]
            [(tp.name, score_from_emotion(tp.emotion, (-2, 2)) - 3 if tp.emotion is not None else 0)
             for tp in s.touchpoints] for s in journey.stages]


def test_names_mermaid_would_misread_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "d.yml").write_text("kind: department\nid: d\nname: D\n", encoding="utf-8")
    (tmp_path / "p.yml").write_text("kind: persona\nid: p\nname: 'Ann, #1; the: fan'\n", encoding="utf-8")
    (tmp_path / "j.yml").write_text(
        "kind: journey\nid: j\ntitle: 'Pay #2; now: ok'\nowner: d\npersonas: [p]\nstages:\n"
        "  - name: 'Step: one #a; b'\n    touchpoints:\n      - {id: t, name: 'Time: 10:30 #3; go', emotion: -2}\n",
        encoding="utf-8")
    code, diagram, _ = run(capsys, "export", "mermaid", str(tmp_path), "j")
    assert code == 0
    body = diagram.splitlines()
    assert body[1] == "    title Pay #35;2#59; now: ok"
    assert body[2] == "    section Step#58; one #35;a#59; b"
    assert body[3] == "      Time#58; 10#58;30 #35;3#59; go: 1: Ann#44; #35;1#59; the#58; fan"
    (tmp_path / "d.mmd").write_text(diagram, encoding="utf-8")
    code, out, _ = run(capsys, "import", "mermaid", str(tmp_path / "d.mmd"))
    docs = _documents(out)
    assert docs[1]["name"] == "Ann, #1; the: fan"
    assert docs[-1]["title"] == "Pay #2; now: ok"
    assert docs[-1]["stages"][0]["name"] == "Step: one #a; b"  # type: ignore[index]
    assert docs[-1]["stages"][0]["touchpoints"][0]["name"] == "Time: 10:30 #3; go"  # type: ignore[index]
    code, _, err = run(capsys, "export", "mermaid", str(tmp_path), "jj")
    assert code == 2 and "unknown journey 'jj' (did you mean 'j'?)" in err
