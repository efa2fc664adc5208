"""``diff`` on a change to a hundred journeys: the comment fits GitHub's limit, keeps what matters most
first, says what it left out, and is valid GitHub Flavored Markdown (rendered by cmark-gfm, GitHub's
own renderer)."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import cmarkgfm
import pytest
import yaml

from mkdocs_journeys.cli import main

from .sites import synthetic

GITHUB_COMMENT = 65_536




def _edit(path: Path, change: Any) -> None:
    documents = list(yaml.safe_load_all(path.read_text(encoding="utf-8")))
    change(documents[0])
    path.write_text(yaml.safe_dump_all(documents, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _everyday_change(journey: dict[str, Any]) -> None:
    """What a big pull request does to each journey: a reworded goal, a worse churn rate, a lower
    emotion, a touchpoint dropped and the first stage given another id."""
    journey["goal"] = journey["goal"] + " in one visit"
    churn = journey.get("metrics", {}).get("churn")
    if isinstance(churn, dict) and "actual" in churn:
        churn["actual"] = "25%"
    first = journey["stages"][0]
    tp = first["touchpoints"][0]
    tp["emotion"] = -2
    first["id"] = first["id"] + "-renamed"
    journey.setdefault("transitions", [])
    for transition in journey["transitions"]:
        for end in ("from", "to"):
            if transition.get(end) == first["id"].removesuffix("-renamed"):
                transition[end] = first["id"]
    last = journey["stages"][-1]
    if len(last["touchpoints"]) > 1:
        last["touchpoints"].pop()


@pytest.fixture(scope="module")
def handbooks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hundred")
    synthetic().write_handbook(root / "old", 100, seed=0)
    shutil.copytree(root / "old", root / "new")
    journeys = sorted((root / "new" / "journeys").glob("*.yml"))
    for path in journeys[2:]:
        _edit(path, _everyday_change)
    journeys[0].unlink()  # a journey removed
    _edit(journeys[1], lambda j: j["stages"][0]["touchpoints"][0].update(emotion=9))  # made invalid
    return root / "old", root / "new"


def _diff(capsys: pytest.CaptureFixture[str], old: Path, new: Path, *extra: str) -> str:
    code = main(["diff", str(old), str(new), *extra])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


class _Tables(HTMLParser):
    """Each table's rows as cell counts, and any raw HTML the renderer dropped."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[int]] = []
        self.headings: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append(0)
        elif tag in ("td", "th"):
            self.tables[-1][-1] += 1
        elif tag == "h3":
            self._in_heading = True
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h3":
            self._in_heading = False

    def handle_data(self, data: str) -> None:
        if self._in_heading:
            self.headings[-1] += data


def test_a_hundred_journeys_fit_one_comment(handbooks: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    old, new = handbooks
    whole = _diff(capsys, old, new, "--limit", "0")
    assert len(whole) > 2 * GITHUB_COMMENT  # the change is really too long for one comment
    out = _diff(capsys, old, new)
    assert len(out) <= 60_000 < GITHUB_COMMENT
    # what matters most is there: the removal, the definition made invalid, renamed stages, worse metrics
    assert re.search(r"- removed: \*\*.*\*\* \(`journey-00000`\)", out)
    assert "- made invalid: journey `journey-00001`" in out
    assert "stage renamed: `" in out and "now lead to the top of the page" in out
    metrics = out[out.index("### Metrics"):]
    assert re.search(r"\| Churn rate \| [^|]* \| [^|]* → 25% ▲ worse \|", metrics)
    # and what is not is said: counted on top, per section and at the end, with the way to see it all
    left = re.search(r"\*\*Too long for one comment: ([\d,]+) of ([\d,]+) items are left out\*\*", out)
    assert left and 0 < int(left[1].replace(",", "")) < int(left[2].replace(",", ""))
    assert "`--format text` prints the whole report" in out
    closing = out[out.index("### Left out"):]
    counts = [int(n.replace(",", "")) for n in re.findall(r"^- [A-Z][a-z ]+: ([\d,]+)$", closing, re.MULTILINE)]
    assert sum(counts) == int(left[1].replace(",", ""))


def test_the_cut_comment_is_valid_github_markdown(handbooks: tuple[Path, Path],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = _diff(capsys, *handbooks)
    html = cmarkgfm.github_flavored_markdown_to_html(out)
    assert "raw HTML omitted" not in html
    parsed = _Tables()
    parsed.feed(html)
    assert parsed.tables, "no table rendered"
    for rows in parsed.tables:  # every row has as many cells as the head: no handbook text split a cell
        assert len(set(rows)) == 1, rows
    assert parsed.headings[-1] == "Left out"
    assert {"Journeys", "Metrics", "Errors"} <= set(parsed.headings)


def test_a_short_limit_still_leads_with_the_errors(handbooks: tuple[Path, Path],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = _diff(capsys, *handbooks, "--limit", "8000")
    assert len(out) <= 8000
    assert "- made invalid: journey `journey-00001`" in out
    assert "### Left out" in out


def test_a_report_that_fits_is_not_cut(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    synthetic().write_handbook(tmp_path / "old", 3, seed=0)
    shutil.copytree(tmp_path / "old", tmp_path / "new")
    _edit(sorted((tmp_path / "new" / "journeys").glob("*.yml"))[0], _everyday_change)
    out = _diff(capsys, tmp_path / "old", tmp_path / "new")
    assert out == _diff(capsys, tmp_path / "old", tmp_path / "new", "--limit", "0")
    assert "Left out" not in out and "Too long" not in out


def test_a_negative_limit_is_bad_usage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["diff", str(tmp_path), str(tmp_path), "--limit", "-1"]) == 2
    assert "--limit" in capsys.readouterr().err
