"""``diff --format text``: the whole report for terminals, chat and e-mail — no Markdown tables, no
character references, and handbook text that cannot steer a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_journeys.cli import main

from .test_diff import Data, base, journey, touchpoint, write


def _text(tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: object) -> str:
    old = write(tmp_path / "old", base())
    files = base()
    edit(files)  # type: ignore[operator]
    new = write(tmp_path / "new", files)
    code = main(["diff", str(old), str(new), "--format", "text"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_text_has_no_markup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        journey(files)["title"] = "Signing up <b>now</b> & *today* @team #12"
        journey(files)["metrics"]["churn"]["actual"] = "5%"
        touchpoint(files, "sign")["emotion"] = -2
        del journey(files)["stages"][0]["touchpoints"][1]  # a touchpoint removed

    out = _text(tmp_path, capsys, edit)
    assert out.startswith("Handbook changes\n================\n\n1 journey changed;")
    assert "&#" not in out and "\u200b" not in out and "**" not in out
    assert not any(line.startswith("|") for line in out.splitlines())
    assert "- Signing up <b>now</b> & *today* @team #12 (signup)" in out  # as typed
    assert "    title: Signing up → Signing up <b>now</b> & *today* @team #12" in out
    assert "    touchpoint 'Calls the hotline': removed" in out
    assert "    touchpoint 'Signs the contract' › emotion: 0 → -2 ▼" in out
    assert ("- Signing up <b>now</b> & *today* @team #12 › the journey: metric Churn rate; target 3%; "
            "actual 4.5% → 5% ▲ worse; status missed") in out
    assert "\nMetrics\n-------\n" in out


def test_text_shows_control_characters_as_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        journey(files)["title"] = "Signing up \x1b[31mred\u202e"

    out = _text(tmp_path, capsys, edit)
    assert "\x1b" not in out and "\u202e" not in out
    assert "Signing up \\x1b[31mred\\u202e" in out


def test_identical_handbooks_in_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _text(tmp_path, capsys, lambda files: None) == "No changes to the handbook.\n"
