"""Reviewers from ownership: ``diff`` names the departments whose parts a change touches and whom to
ask, from the ``reviewers`` each department names (or its parent's)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_journeys.cli import main

from .test_diff import Data, base, diff, journey, touchpoint, write


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _with_reviewers(files: dict[str, list[Data]]) -> None:
    departments = {d["id"]: d for d in files["departments.yml"]}
    departments["marketing"]["reviewers"] = ["@acme/marketing", "lee@example.org"]
    departments["sales"]["reviewers"] = ["@acme/sales"]
    departments["support"]["parent"] = "sales"  # names none: its parent's are asked


def test_the_owners_of_what_changed_and_whom_to_ask(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write(tmp_path / "old", _reviewed(base()))
    files = _reviewed(base())
    touchpoint(files, "sign")["emotion"] = -2  # stage 'Buying': sales
    touchpoint(files, "call")["channel"] = "chat"  # support's own touchpoint
    journey(files)["metrics"]["nps"]["actual"] = 45  # the journey's metric: marketing
    new = write(tmp_path / "new", files)
    assert main(["diff", "old", "new"]) == 0
    out = capsys.readouterr().out
    section = out[out.index("### Reviewers"):]
    assert ("- **Customer Support**: `@acme/sales` — Signing up › touchpoint 'Calls the hotline'") in section
    assert ("- **Marketing**: `@acme/marketing`, `lee@example.org` — Signing up › the journey") in section
    assert "- **Sales**: `@acme/sales` — Signing up › touchpoint 'Signs the contract'" in section
    assert main(["diff", str(old), str(new), "--format", "json"]) == 0
    reviews = json.loads(capsys.readouterr().out)["reviews"]
    assert [r["department"] for r in reviews] == ["marketing", "sales", "support"]
    assert reviews[2] == {"department": "support", "reviewers": ["@acme/sales"],
                          "touched": ["Signing up › touchpoint 'Calls the hotline'"]}


def _reviewed(files: dict[str, list[Data]]) -> dict[str, list[Data]]:
    _with_reviewers(files)
    return files


def test_a_department_without_reviewers_is_named_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = diff(tmp_path, capsys, lambda files: touchpoint(files, "sign").update(emotion=-2))
    assert "- **Sales**: no reviewers named — Signing up › touchpoint 'Signs the contract'" in out


def test_an_unchanged_part_asks_nobody(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        journey(files)["tags"] = ["onboarding", "retail"]  # order only

    assert "### Reviewers" not in diff(tmp_path, capsys, edit)


def test_a_reviewer_must_be_a_user_a_team_or_an_address(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = base()
    files["departments.yml"][0]["reviewers"] = ["acme marketing", "@acme/marketing"]
    write(tmp_path / "h", files)
    assert main(["check", str(tmp_path / "h"), "--no-findings"]) == 1
    out = capsys.readouterr().out
    assert "departments.yml:" in out
    assert "'acme marketing' is not a reviewer: write @user, @org/team or an e-mail address" in out
    assert out.count("is not a reviewer") == 1
