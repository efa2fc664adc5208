"""``check --format github``: errors before warnings, a count per code when there are more than the ten
annotations of a kind GitHub shows, and every problem in the job summary (``$GITHUB_STEP_SUMMARY``),
appended as GitHub expects and with the author's text inert."""

from __future__ import annotations

import re
from pathlib import Path

import cmarkgfm
import pytest

from mkdocs_journeys.cli import main

DEPARTMENT = "kind: department\nid: sales\nname: Sales\n"
# a finding (a metric with a target and no actual) in a.yml, errors in z.yml: file order would put the finding first
JOURNEY = ("kind: journey\nid: signup\ntitle: Signing up\nowner: sales\nmetrics: {nps: {target: 40}}\n"
           "stages: [{name: Research, touchpoints: [{name: Compares, channel: web, emotion: 1}]}]\n")


def _handbook(folder: Path, bad_fields: list[str]) -> Path:
    (folder / "departments.yml").write_text(DEPARTMENT, encoding="utf-8")
    (folder / "a.yml").write_text(JOURNEY, encoding="utf-8")
    (folder / "z.yml").write_text("kind: persona\nid: p\nname: P\n" + "".join(f"{f}: 1\n" for f in bad_fields),
                                  encoding="utf-8")
    return folder


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["check", *args]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    return out.splitlines()


def test_errors_come_before_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_handbook(tmp_path, ["colour"]))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    lines = _check(capsys, ".", "--format", "github")
    kinds = [line.split(" ", 1)[0] for line in lines[:-1]]
    assert kinds[0] == "::error" and "::warning" in kinds
    assert kinds == sorted(kinds, key=lambda k: k != "::error")
    assert not any(line.startswith("::notice") for line in lines)  # no more than GitHub shows
    text = _check(capsys, ".")  # the text format keeps file order
    assert "warning" in text[0] and "error" in text[-2]


def test_a_count_per_code_when_github_would_hide_some(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_handbook(tmp_path, [f"field{n}" for n in range(12)]))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    lines = _check(capsys, ".", "--format", "github")
    notices = [line for line in lines if line.startswith("::notice")]
    assert len(notices) == 1 and lines[0] == notices[0]
    assert re.match(r"::notice title=12 errors::unknown-field 12 \(GitHub shows the first 10 error annotations",
                    lines[0])
    assert sum(line.startswith("::error ") for line in lines) == 12  # still every annotation


def test_the_job_summary_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = ['"<script>alert(1)</script>"', '"@org/team #12 ![x](https://evil.example/i.png)"', '"a|b"']
    folder = tmp_path / "handbook"
    folder.mkdir()
    monkeypatch.chdir(_handbook(folder, [*hostile, *(f"field{n}" for n in range(12))]))
    summary_file = tmp_path / "summary.md"
    summary_file.write_text("## An earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    lines = _check(capsys, ".", "--format", "github")
    written = summary_file.read_text(encoding="utf-8")
    assert written.startswith("## An earlier step\n## Handbook check\n")  # appended, not replaced
    rows = [line for line in written.splitlines() if line.startswith("| ")][1:]  # without the head
    annotations = sum(line.startswith(("::error ", "::warning ")) for line in lines)
    assert len(rows) == annotations > 15
    assert rows[0].startswith("| ❌ error |") and rows[-1].startswith("| ⚠️ warning |")
    html = cmarkgfm.github_flavored_markdown_to_html(written)
    assert "<script" not in html and "<img" not in html and "raw HTML omitted" not in html
    assert "@org" not in html and "#12" not in html  # no mention, no issue reference: broken by a zero-width space
    assert html.count("<tr>") == annotations + 1  # one row each: no `|` of the author's split a cell
    assert all(len(re.findall(r"(?<!\\)\|", row)) == 5 for row in rows)  # the author's `|` escaped


def test_no_job_summary_outside_github_format(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_handbook(tmp_path / ".", ["colour"]))
    summary_file = tmp_path.parent / f"{tmp_path.name}-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    _check(capsys, ".")
    assert not summary_file.exists()
