"""``diff`` on handbooks whose every text is hostile: the pull-request comment shows the text, and the
text adds nothing to the comment — no heading, image, link, mention, issue reference, raw HTML tag
or table row. The JSON report carries the same values exactly.

The Markdown is converted to HTML with GitHub's own renderer (cmark-gfm, raw HTML let through so that
any would be seen) and the HTML read as a tree and as text.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import cmarkgfm
import pytest
import yaml
from cmarkgfm.cmark import Options

from .test_diff import base, journey, run, touchpoint, write

SITE = "https://cx.example.org/docs/"
HOSTILE = ("x\n\n# Heading | cell | ![img](https://evil.example/i.png) <img src=https://evil.example/p.png> "
           "@octocat @org/team #123 GH-7 [link](https://evil.example) <https://evil.example/b> "
           "https://evil.example/a www.evil.example mail@evil.example <script>alert(1)</script> `tick` :smile:\n"
           "| injected | row |\n---\n")
HOSTILE_ID = "bad`id\n# x | y @octocat"
ALLOWED_TAGS = {"h2", "h3", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "strong", "a", "code"}
SECTIONS = {"Handbook changes", "Journeys", "Personas", "Processes", "Departments", "Metrics", "Ownership moves",
            "Emotion curve", "Findings", "Errors", "Order", "Reviewers", "Left out"}


def hostile(tag: str) -> str:
    return f"{tag} {HOSTILE}"


def handbooks(tmp_path: Path) -> tuple[Path, Path]:
    """Two handbooks whose changes reach every section of the report, every value hostile."""
    old_files = base()
    old_files["metrics.yml"] = [{"kind": "metric", "id": "fcr", "name": hostile("metric"), "unit": "%",
                               "better": "higher"}]
    journey(old_files)["metrics"]["fcr"] = {"target": "80%", "actual": "72%"}
    journey(old_files)["title"] = hostile("old title")
    journey(old_files)["tags"] = [hostile("tag one"), hostile("tag two")]
    touchpoint(old_files, "sign")["name"] = hostile("touchpoint")
    old_files["departments.yml"][2]["name"] = hostile("department")
    old_files["personas/parent.yml"][0]["name"] = hostile("removed persona")
    old = write(tmp_path / "old", old_files)

    files = yaml.safe_load(yaml.safe_dump(old_files))  # a deep copy
    journey(files)["title"] = hostile("new title")
    journey(files)["goal"] = hostile("goal")
    journey(files)["tags"].reverse()
    journey(files)["personas"] = ["saver", "owl"]
    journey(files)["stages"][1]["owner"] = "support"  # moves from Sales to the hostile department
    journey(files)["stages"][0]["name"] = hostile("stage")
    journey(files)["metrics"]["fcr"]["actual"] = "85%"
    touchpoint(files, "sign")["emotion"] = -2  # a new lowest point
    touchpoint(files, "welcome")["supported_by"] = []  # a finding quoting the touchpoint's name
    del files["personas/parent.yml"]
    files["personas/owl.yml"] = [{"kind": "persona", "id": "owl", "name": hostile("added persona")}]
    files["personas/@octocat #123 | ![a](b)\n# file.yml"] = [
        {"kind": "persona", "id": HOSTILE_ID, "name": hostile("invalid persona"), f"{HOSTILE}key": 1}]
    return old, write(tmp_path / "new", files)


class Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.headings: list[str] = []
        self.rows: list[int] = []  # the cells of each table row
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)
        if tag == "tr":
            self.rows.append(0)
        elif tag in ("td", "th"):
            self.rows[-1] += 1
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open and self._open[-1] in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings[-1] += data


def gfm(comment: str) -> str:
    """The comment as GitHub renders it, but with raw HTML kept: a tag that got through would show."""
    return cmarkgfm.github_flavored_markdown_to_html(comment, options=Options.CMARK_OPT_UNSAFE)


def read(comment: str) -> Reader:
    reader = Reader()
    reader.feed(gfm(comment))
    return reader


@pytest.fixture()
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # paths in the report are relative to the current folder
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump({"site_name": "x", "site_url": SITE}), encoding="utf-8")
    return path


def test_hostile_text_adds_nothing_to_the_comment(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  config: Path) -> None:
    handbooks(tmp_path)
    code, out, err = run(capsys, "old", "new", "--config", str(config))
    assert code == 0, err
    report: dict[str, Any] = json.loads(run(capsys, "old", "new", "--config", str(config), "--format", "json")[1])
    for section in ("changed", "moves", "metrics", "extremes", "findings_introduced", "invalid", "order",
                    "errors_after"):
        assert report[section], section  # every part of the comment is reached
    html = read(out)

    assert {tag for tag, _ in html.tags} <= ALLOWED_TAGS  # no <img>, <script>, <h1>, <hr>...
    assert set(html.headings) <= SECTIONS
    assert [h for h, _ in html.tags].count("h2") == 1
    links = [attrs.get("href") or "" for tag, attrs in html.tags if tag == "a"]
    assert links and all(link.startswith(SITE) for link in links)

    # the table rows are the report's: one per field change, ownership move and metric, each of 3 or 5 cells
    field_rows = sum(len(c["changes"]) for c in report["changed"])
    body_rows = [cells for cells in html.rows if cells]
    headers = sum(1 for c in report["changed"] if c["changes"]) + 2  # and the ownership moves' and metrics' tables
    assert len(body_rows) == field_rows + len(report["moves"]) + len(report["metrics"]) + headers
    assert set(body_rows) <= {3, 5}

    text = "".join(html.text)
    assert "<script>alert(1)</script>" in text and "![img](https://evil.example/i.png)" in text.replace("\u200b", "")
    assert not re.search(r"(?<![\w])@[A-Za-z0-9]", text)  # no mention
    assert not re.search(r"#\d|GH-\d", text)  # no reference to an issue
    assert "://" not in text and "www." not in text  # no address a host would link
    assert not re.search(r":[a-z]+:", text)  # no emoji code
    assert "evil.example" in text  # the text is still there, shown as typed


def test_the_summary_line_and_code_spans_hold_no_markup(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        config: Path) -> None:
    handbooks(tmp_path)
    out = run(capsys, "old", "new", "--config", str(config))[1]
    summary = out.splitlines()[2]
    assert summary.startswith("1 journey changed") and "lowest point of '" in summary
    assert not re.search(r"(?<!\\)[<`|*_\[]", summary)  # every markup character escaped
    assert {tag for tag, _ in read(summary).tags} == {"p"}  # rendered: one paragraph, nothing in it
    for span in re.findall(r"<code>([^<]*)</code>", gfm(out)):  # every code span: an id, a code or our command
        assert re.fullmatch(r"[a-z0-9-]+|mkdocs-journeys check", span), span


def test_json_keeps_the_values_exact(tmp_path: Path, capsys: pytest.CaptureFixture[str], config: Path) -> None:
    handbooks(tmp_path)
    code, out, _ = run(capsys, "old", "new", "--config", str(config), "--format", "json")
    assert code == 0
    report = json.loads(out)
    (signup,) = [c for c in report["changed"] if c["entity"]["id"] == "signup"]
    assert signup["entity"]["title"] == hostile("new title")
    title = next(c for c in signup["changes"] if c["field"] == "title")
    assert (title["before"], title["after"]) == (hostile("old title"), hostile("new title"))
    assert f"lowest point of '{hostile('new title')}' worse" in report["summary"]
    assert [i[1] for i in report["invalid"]] == [HOSTILE_ID]
    assert any(e["file"] == "new/personas/@octocat #123 | ![a](b)\n# file.yml" for e in report["errors_after"])
    assert "&#" not in out and "\u200b" not in out
