"""Careless or hostile input that once crashed or stalled: huge numbers in a build, big pools of
broken references, one stage with many tied lowest points; and the one walk over a journey's metrics."""

from __future__ import annotations

import difflib
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from mkdocs_journeys.analysis.analyse import analyse
from mkdocs_journeys.analysis.emotion import extremes
from mkdocs_journeys.finding_codes import FindingCode
from mkdocs_journeys.handbook import build_handbook
from mkdocs_journeys.load.yaml_reader import read_text
from mkdocs_journeys.problems import Suggester, suggest
from mkdocs_journeys.slugs import is_slug

from .conftest import Builder, SiteFactory
from .sites import REPO


def _load_quadratic() -> ModuleType:
    """benchmarks/quadratic.py, which is a script folder, not a package: it writes the two inputs."""
    spec = importlib.util.spec_from_file_location("quadratic", REPO / "benchmarks" / "quadratic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


quadratic = _load_quadratic()

DEPARTMENTS = "kind: department\nid: sales\nname: Sales\n"
BIG = "9" * 5000


def test_a_build_keeps_huge_numbers_where_text_is_expected(site: SiteFactory, build_site: Builder) -> None:
    """A title of 5,000 digits is text (shown whole); the emotion of 400 digits is an error in the log."""
    root = site({"departments.yml": DEPARTMENTS, "journey.yml": f"""
        kind: journey
        id: big
        title: {BIG}
        owner: sales
        stages:
          - name: Only
            touchpoints:
              - {{name: Calls, emotion: 1}}
        """, "broken.yml": f"""
        kind: journey
        id: broken
        title: Broken
        owner: sales
        stages: [{{name: Only, touchpoints: [{{name: Calls, emotion: {'9' * 400}}}]}}]
        """})
    built = build_site(root)
    assert built.returncode == 0, built.log
    assert BIG in built.html("handbook/journeys/big/")
    assert "broken.yml:5:60: emotion: expected a finite number" in built.log, built.log
    assert "Traceback" not in built.log


@pytest.mark.parametrize("text", ["a\n", "a\r", "abc\n", "\na", "a-b\n"])
def test_an_id_with_a_line_break_is_not_a_slug(text: str) -> None:
    assert not is_slug(text) and is_slug(text.strip())


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, b, a).ratio()


def test_a_big_pool_suggests_what_a_full_comparison_suggests() -> None:
    steps = [f"step-{i:05d}" for i in range(3000)] + ["approve-the-refund", "send-the-parcel", "call-back"]
    pool = Suggester(steps)
    for wrong in ("stpe-00012", "step-0012", "step-000123", "aprove-the-refund", "send-parcel", "call-bak",
                  "step-02999", "nothing-alike-at-all", "refund"):
        full = difflib.get_close_matches(wrong, sorted(steps), n=1, cutoff=0.6)
        found = pool.suggest(wrong)
        assert (found is None) == (not full), wrong
        if found is not None:  # as close as the best (of several equally close, either will do)
            assert ratio(wrong, found) == ratio(wrong, full[0]), (wrong, found, full)
    assert suggest("call-bak", ["call-back", "x"]) == "call-back"


class _CountingMatcher(difflib.SequenceMatcher):  # type: ignore[type-arg]
    """difflib's matcher, counting the candidates it is asked to compare (one ``set_seq1`` each)."""

    compared = 0

    def set_seq1(self, a: object) -> None:
        type(self).compared += 1
        super().set_seq1(a)  # type: ignore[arg-type]


def test_many_broken_step_references_compare_each_with_a_few_steps(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each did-you-mean compared the misspelt id with every step: 1,000 broken references into a
    process of 3,000 steps took two minutes. The work is counted, not timed: comparisons per broken
    reference must not grow with the process (before: one per step, 900 here)."""
    quadratic.broken_steps(tmp_path, 300)
    monkeypatch.setattr(difflib, "SequenceMatcher", _CountingMatcher)
    _CountingMatcher.compared = 0
    handbook = build_handbook(tmp_path)
    hints = [p.hint for p in handbook.problems if p.code == "unknown-reference"]
    assert len(hints) == 300 and hints[0] == "did you mean 'step-00000'?"
    assert _CountingMatcher.compared <= 64 * 300, _CountingMatcher.compared


def test_many_tied_lowest_points_are_found_in_one_walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each tied lowest point was looked up by walking the journey's touchpoints again: 100,000 of
    them took four minutes. Counted, not timed: the analysis visits each touchpoint a bounded number
    of times (before: once per tied point for each, two million visits here)."""
    from mkdocs_journeys.model import Journey

    quadratic.tied_lowest(tmp_path, 2000)
    handbook = build_handbook(tmp_path)
    visits = 0
    walk = Journey.touchpoints

    def counted(self: Journey) -> Iterator[tuple[Any, Any]]:
        nonlocal visits
        for item in walk(self):
            visits += 1
            yield item

    monkeypatch.setattr(Journey, "touchpoints", counted)
    findings = analyse(handbook).findings
    assert len([f for f in findings if f.code == FindingCode.LOWEST_POINT]) == 2000
    assert visits <= 20 * 2000, visits


def test_emotion_range_and_extremes(tmp_path: Path) -> None:
    (tmp_path / "departments.yml").write_text(DEPARTMENTS)
    (tmp_path / "j.yml").write_text("""kind: journey
title: J
owner: sales
stages:
  - name: A
    touchpoints: [{name: One, emotion: -1}, {name: Two}, {name: Three, emotion: 2}]
  - name: B
    touchpoints: [{name: Four, emotion: -1}, {name: Five, emotion: 2}]
""")
    journey = build_handbook(tmp_path).journeys["j"]
    assert journey.emotion_range() == (-1, 2)
    ext = extremes(journey)
    assert ext.lowest == ("one", "four") and ext.highest == ("three", "five")
    drops = [f for f in analyse(build_handbook(tmp_path)).findings if f.code == FindingCode.EMOTION_DROP]
    assert [f.subject for f in drops] == ["journey:j/four"]  # three (2) → four (-1), across the stage


def test_metric_values_walks_journey_stages_and_touchpoints_in_order(tmp_path: Path) -> None:
    (tmp_path / "departments.yml").write_text(DEPARTMENTS)
    (tmp_path / "j.yml").write_text("""kind: journey
title: J
owner: sales
metrics: {nps: 10}
stages:
  - name: A
    metrics: {csat: 80}
    touchpoints: [{name: One, metrics: {ces: 5, churn: 3}}]
  - name: B
    metrics: {volume: 100}
""")
    journey = build_handbook(tmp_path).journeys["j"]
    walked = [(type(node).__name__, metric_id, stage.id if stage else None, value.target)
              for node, metric_id, value, stage in journey.metric_values()]
    assert walked == [("Journey", "nps", None, 10), ("Stage", "csat", "a", 80), ("Touchpoint", "ces", "a", 5),
                      ("Touchpoint", "churn", "a", 3), ("Stage", "volume", "b", 100)]


def test_sub_departments_nearest_first(tmp_path: Path) -> None:
    (tmp_path / "d.yml").write_text("""kind: department
id: top
name: Top
---
kind: department
id: mid
name: Mid
parent: top
---
kind: department
id: leaf
name: Leaf
parent: mid
---
kind: department
id: side
name: Side
parent: top
---
kind: department
id: ring-a
name: A
parent: ring-b
---
kind: department
id: ring-b
name: B
parent: ring-a
""")
    handbook = build_handbook(tmp_path)
    assert [d.id for d in handbook.descendants("top")] == ["mid", "side", "leaf"]
    assert handbook.descendants("ring-a") == []  # a cycle is an error: neither is in the handbook


def test_one_broken_document_keeps_the_others_with_their_positions() -> None:
    text = "kind: a\nx: 1\n---\nkind: b\ny: [1, 2\n---\n\n# c\nkind: c\nz: 3\n"
    result = read_text(text, Path("f.yml"))
    assert [d.data for d in result.documents] == [{"kind": "a", "x": "1"}, {"kind": "c", "z": "3"}]
    last = result.documents[1]
    assert last.pos == (6, 1)  # its `---` line
    assert last.data.key_pos["z"] == (10, 1)
    assert [d.documents_in_file for d in result.documents] == [3, 3]


def test_the_benchmark_script_runs_at_tiny_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    assert quadratic.main(["--touchpoints", "20", "--broken", "5"]) == 0
    out = capsys.readouterr().out
    assert out.count("×4 input") == 2
