"""``diff`` of the fields that say which path a customer takes: alternatives, the personas who take a
touchpoint, and the current journey a future one replaces."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_diff import Data, _in_tmp_path, base, diff, journey, rows, run, touchpoint, write

__all__ = ["_in_tmp_path"]  # chdir into tmp_path, as the diff tests do


def _future(files: dict[str, list[Data]], replaces: str | None) -> None:
    future: Data = {"kind": "journey", "id": "signup-2027", "title": "Signing up (2027)", "owner": "marketing",
                    "state": "future", "stages": [{"id": "research", "name": "Research"}]}
    if replaces:
        future["replaces"] = replaces
    files["journeys/signup-2027.yml"] = [future]


def test_an_alternative_and_its_personas_are_reported_where_they_are(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        touchpoint(files, "call")["alternative_to"] = "compare"
        touchpoint(files, "call")["personas"] = ["saver"]

    report = diff(tmp_path, capsys, edit)
    cells = rows(report)
    assert ["touchpoint 'Calls the hotline' › alternative_to", "—", "compare"] in cells
    assert ["touchpoint 'Calls the hotline' › personas", "—", "+ saver"] in cells


def test_a_touchpoint_that_no_longer_names_its_personas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def before(files: dict[str, list[Data]]) -> None:
        touchpoint(files, "compare")["personas"] = ["saver", "parent"]

    old = tmp_path / "old-personas"
    new = tmp_path / "new-personas"
    files = base()
    before(files)
    write(old, files)
    write(new, base())
    code, out, err = run(capsys, old.name, new.name, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    changes = [c for entity in report["changed"] for c in entity["changes"] if c["field"] == "personas"]
    assert [(c["part"], c["removed"], c["added"]) for c in changes] == [
        ("touchpoint 'Compares prices online'", ["saver", "parent"], [])]


def test_a_future_journey_naming_the_journey_it_replaces(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        _future(files, "signup")
        journey(files)["title"] = "Signing up"  # unchanged: only the future journey is new

    report = diff(tmp_path, capsys, edit)
    assert "Signing up &#40;2027&#41;" in report or "Signing up (2027)" in report
    assert "1 journey added" in report.splitlines()[2]
