"""A journey page's inputs digest errs one way only: after any edit, a page whose digest is unchanged
is unchanged. `mkdocs serve --dirty` leaves such a page as it was, so a digest that missed an input
would serve a stale page.

The edits are made the way an author makes them: one value in one file, anywhere in the handbook
(every value of every journey file is reachable), plus the edits that reach across journeys: a
title, a touchpoint's name, what a future state replaces, a measured value.
"""

from __future__ import annotations

import random
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_journeys.analysis import analyse
from mkdocs_journeys.data.measure import measured_handbook
from mkdocs_journeys.render import RenderContext, page_plans
from mkdocs_journeys.render.journey_page import journey_page

from .sites import REPO

inputs_module = sys.modules["mkdocs_journeys.render.journey_inputs"]
Pages = dict[str, tuple[bytes | None, str]]


def _journey_pages(source: Path) -> Pages:
    """Every journey page: its inputs digest and its Markdown."""
    handbook, measurements = measured_handbook(source)
    ctx = RenderContext.for_build(handbook, analyse(handbook, measurements))
    return {plan.path: (plan.inputs(), plan.write().markdown) for plan in page_plans(ctx) if plan.inputs}


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    else:
        yield path


def _edited(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    return f"{value} edited"


def _edit_leaf(file: Path, path: tuple[Any, ...], change: Callable[[Any], Any] = _edited) -> None:
    documents = list(yaml.safe_load_all(file.read_text(encoding="utf-8")))
    holder = documents
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = change(holder[path[-1]])
    file.write_text(yaml.safe_dump_all(documents, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _replace(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, (file, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _stale(before: Pages, after: Pages) -> list[str]:
    """The pages an edit changed although their digest says they did not."""
    return [path for path, (digest, markdown) in after.items()
            if path in before and digest is not None and digest == before[path][0] and markdown != before[path][1]]


def _edits(pristine: Path, root: Path, count: int, seed: int) -> Iterator[tuple[str, Callable[[], None]]]:
    """Named edits of the copy at ``root`` of the handbook at ``pristine``: ``count`` values picked
    at random in the journey files, then the edits that reach across journeys."""
    journeys = sorted((pristine / "journeys").glob("*.yml"))
    leaves = [(file.relative_to(pristine), path) for file in journeys
              for document_index, document in enumerate(yaml.safe_load_all(file.read_text(encoding="utf-8")))
              for path in _leaves(document, (document_index,))]
    picker = random.Random(seed)
    for file, path in picker.sample(leaves, count):
        yield f"{file.name}:{'/'.join(map(str, path))}", lambda file=file, path=path: _edit_leaf(root / file, path)
    current = root / "journeys/open-current-account.yml"
    future = root / "journeys/open-current-account-future.yml"
    yield "a journey's title", lambda: _replace(current, "title: ", "title: Retitled ")
    yield "a touchpoint's name", lambda: _replace(current, "name: ", "name: Renamed ")
    yield "what a future state replaces", lambda: _replace(future, "replaces: open-current-account",
                                                           "replaces: return-and-refund")
    yield "a measured value", lambda: _replace(root / "data/survey-results.csv", ",41,", ",14,")
    # the same number of seconds, written in other units: the page writes it as the author did
    yield "a duration's units", lambda: _replace(future, "duration: {target: 20m}", "duration: {target: 1200s}")


def _check_every_edit(tmp_path: Path, count: int, seed: int) -> tuple[list[str], int]:
    """The edits that left a page stale, and how many pages the digests let go unwritten. Each edit
    is made in the same folder as the first build (a file's path is among a page's inputs)."""
    pristine, handbook = tmp_path / "pristine", tmp_path / "handbook"
    shutil.copytree(REPO / "journeys", pristine)
    shutil.copytree(pristine, handbook)
    before = _journey_pages(handbook)
    assert all(digest is not None for digest, _ in before.values())
    stale, kept = [], 0
    for name, edit in _edits(pristine, handbook, count, seed):
        shutil.rmtree(handbook)
        shutil.copytree(pristine, handbook)
        edit()
        after = _journey_pages(handbook)
        stale += [f"{name}: {path}" for path in _stale(before, after)]
        kept += sum(1 for path, (digest, _) in after.items() if path in before and digest == before[path][0])
    return stale, kept


def test_a_page_whose_digest_is_unchanged_is_unchanged(tmp_path: Path) -> None:
    stale, kept = _check_every_edit(tmp_path, count=30, seed=15)
    assert stale == []
    assert kept > 100  # one edited journey leaves most of the others' pages as they were


def test_the_edits_catch_a_digest_that_misses_the_compared_journey(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: a digest that leaves out the journey a page compares with is caught."""
    monkeypatch.setattr(inputs_module, "_compared", lambda journey, journeys, replaced_by: [])
    stale, _ = _check_every_edit(tmp_path, count=0, seed=15)
    assert any(name.startswith("a touchpoint's name: handbook/journeys/open-current-account-future")
               for name in stale), stale


def test_an_invalid_metric_definition_edited_changes_the_digest(tmp_path: Path) -> None:
    """An invalid metric definition still lends the values of its metric its name and unit, from
    outside the journeys and outside the valid definitions: editing it reaches the journey page."""
    handbook = tmp_path / "handbook"
    shutil.copytree(REPO / "journeys", handbook)
    _replace(handbook / "metrics.yml", "better: lower", "beter: lower")
    before = _journey_pages(handbook)
    _replace(handbook / "metrics.yml", "name: Days waited for a first appointment", "name: Wait")
    _replace(handbook / "metrics.yml", "unit: days", "unit: weeks")
    after = _journey_pages(handbook)
    page = "handbook/journeys/outpatient-appointment.md"
    assert before[page][1] != after[page][1]  # the page shows the definition
    assert _stale(before, after) == []


class _Recording:
    """The analysis, noting which of its parts a page reads."""

    def __init__(self, analysis: Any, read: set[str]) -> None:
        self._analysis, self._read = analysis, read

    def __getattr__(self, name: str) -> Any:
        self._read.add(name)
        return getattr(self._analysis, name)


def test_a_journey_page_reads_only_what_its_digest_covers() -> None:
    """A journey page that came to read another part of the analysis (the list of every finding,
    say) or of the handbook (its problems) must have it covered by the digest first: this fails
    until it is."""
    handbook, measurements = measured_handbook(REPO / "journeys")
    analysis = analyse(handbook, measurements)
    read_of_analysis: set[str] = set()
    read_of_handbook: set[str] = set()
    ctx = RenderContext.for_build(handbook, _Recording(analysis, read_of_analysis))  # type: ignore[arg-type]
    ctx.handbook = _Recording(handbook, read_of_handbook)  # type: ignore[assignment]
    for journey in handbook.journeys.values():
        journey_page(ctx, journey)
    covered = {"handoffs", "coverage", "stage_coverage", "unsupported", "extremes", "findings_for", "measurements"}
    assert read_of_analysis and read_of_analysis <= covered, read_of_analysis - covered
    assert {"journeys", "processes", "settings"} <= read_of_handbook  # the recording sees what is read
    assert not read_of_handbook & (inputs_module.NOT_READ - {"journeys"})
