"""Markdown fields: rendered as Markdown, then cleaned to the allow-list that docs/pages.md lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_journeys.render.author_text import markdown_block, render_markdown

from .hostile import live_markup
from .sites import build, make_site


@pytest.mark.parametrize("written", [
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=\"window.__pwned=1\">",
    "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
    "[a](javascript:alert(1))",
    "[a](JaVaScRiPt:alert(1))",
    "[a](&#106;avascript:alert(1))",
    "<a href=\"&#x6A;avascript:alert(1)\">a</a>",
    "<a href=\"java&Tab;script:alert(1)\">a</a>",
    "<a href=\" javascript:alert(1)\">a</a>",
    "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![a](data:image/svg+xml;base64,PHN2Zy8+)",
    "<a href=\"vbscript:msgbox(1)\">a</a>",
    "<svg onload=\"window.__pwned=1\"><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
    "<math><mtext><img src=x onerror=alert(1)></mtext></math>",
    "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">b</button></form>",
    "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
    "<div style=\"background:url(https://evil.example/x)\" onclick=\"alert(1)\">d</div>",
    "<p>a</p><!-- <script>alert(1)</script> -->",
])
def test_nothing_that_runs_survives(written: str) -> None:
    html = render_markdown(f"Before {written} after")
    assert live_markup(html) == [], html
    for word in ("script", "iframe", "svg", "math", "form", "object", "embed", "style", "onload", "onerror",
                 "javascript", "data:", "vbscript", "<!--"):
        assert word not in html.lower().replace("&lt;", "<"), (word, html)
    assert "Before" in html and "after" in html


def test_what_survives_is_the_allow_list() -> None:
    html = render_markdown(
        "**bold** *em* `code` ~~x~~\n\n## Heading\n\n> quote\n\n1. one\n2. two\n\n"
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n```\nline one\n\nline three\n```\n\n"
        "[web](https://example.com/x?y=1) [mail](mailto:team@example.com) [page](../personas/x/) "
        "[anchor](#stage-a) ![local](img/diagram.png \"Diagram\") ![remote](https://evil.example/pixel.png) "
        "![protocol-relative](//evil.example/pixel.png)")
    assert "<strong>bold</strong>" in html and "<em>em</em>" in html and "<code>code</code>" in html
    assert "<h2>Heading</h2>" in html and "<blockquote>" in html and "<ol>" in html
    assert '<th align="left">a</th>' in html and '<td align="right">2</td>' in html
    for href in ("https://example.com/x?y=1", "mailto:team@example.com", "../personas/x/", "#stage-a"):
        assert f'href="{href.replace("&", "&amp;")}"' in html, href
    assert 'rel="noopener noreferrer"' in html
    assert '<img alt="local" src="img/diagram.png" title="Diagram">' in html
    # images load by themselves: never from another host
    assert "evil.example" not in html and '<img alt="remote">' in html and '<img alt="protocol-relative">' in html


def test_the_block_is_one_raw_html_block_for_any_markdown_tool() -> None:
    block = markdown_block("One\n\n```\na\n\n\nb\n```\n\n{{ config.site_name }} --8<-- \"mkdocs.yml\"")
    assert block.startswith('<div class="journeys-text">\n') and block.endswith("\n</div>")
    assert all(line.strip() for line in block.split("\n"))  # a blank line would end the block
    assert "<pre><code>a&#10;&#10;\nb" in block  # the code keeps its blank lines
    assert "{" not in block and "--8&lt;--" in block  # nothing for a templating or snippets plugin
    assert markdown_block(None) == markdown_block("  \n") == markdown_block("<script>x</script>") == ""


HANDBOOK = {
    "departments.yml": """
        kind: department
        id: ops
        name: Ops
        summary: "Runs **things**. <script>window.__pwned=1</script>"
        """,
    "personas/p.yml": """
        kind: persona
        id: p
        name: P
        summary: "[who](JaVaScRiPt:alert(1)) <img src=x onerror=alert(1)>"
        """,
    "journeys/j.yml": """
        kind: journey
        id: j
        title: J
        owner: ops
        personas: [p]
        summary: |
          The **journey**. <iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>

          [docs](https://example.com/docs) [bad](&#106;avascript:alert(1))
        stages:
          - id: s
            name: S
            description: "A *stage*. <a href='data:text/html,<script>alert(1)</script>'>x</a>"
            touchpoints:
              - {id: t, name: T, emotion: 1}
        """,
    "processes/pr.yml": """
        kind: process
        id: pr
        title: Pr
        owner: ops
        summary: "A **process**. <svg onload=alert(1)></svg>"
        steps:
          - id: a
            name: A
            summary: "A *step*. <object data='javascript:alert(1)'></object>"
        """,
}


def test_a_real_build_renders_the_fields_and_drops_the_rest(tmp_path: Path) -> None:
    result = build(make_site(tmp_path, HANDBOOK), strict=False)
    assert result.returncode == 0, result.log
    for url, shown in (("handbook/departments/ops/", "Runs <strong>things</strong>."),
                       ("handbook/personas/p/", '<a rel="noopener noreferrer">who</a>'),
                       ("handbook/journeys/j/", "The <strong>journey</strong>."),
                       ("handbook/journeys/j/",
                        '<a href="https://example.com/docs" rel="noopener noreferrer">docs</a>'),
                       ("handbook/journeys/j/", "A <em>stage</em>."),
                       ("handbook/processes/pr/", "A <strong>process</strong>."),
                       ("handbook/processes/pr/", "A <em>step</em>.")):
        article = result.article(url)
        assert shown in article, (url, shown)
        assert live_markup(article) == [], url
        assert not re.search(r"<(script|iframe|svg onload|object)", article.replace('class="journeys-diagram-svg"', ""))


def test_generate_writes_the_same_clean_html(tmp_path: Path) -> None:
    from mkdocs_journeys.cli import main

    source = make_site(tmp_path / "site", HANDBOOK) / "journeys"
    out = tmp_path / "out"
    assert main(["generate", str(source), str(out)]) in (0, 1)
    page = (out / "handbook" / "journeys" / "j.md").read_text(encoding="utf-8")
    assert '<div class="journeys-text">\n<p>The <strong>journey</strong>.' in page
    assert "iframe" not in page and "javascript" not in page.lower()


def test_the_documentation_lists_what_survives() -> None:
    from mkdocs_journeys.render.author_text import ATTRIBUTES, TAGS, URL_SCHEMES

    text = (Path(__file__).resolve().parent.parent / "docs" / "pages.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in text.splitlines() if line.startswith("| ")}
    listed_tags = set(re.findall(r"`([a-z0-9]+)`", rows["Tags"].replace("`h2` to `h6`", "`h2` `h3` `h4` `h5` `h6`")))
    assert listed_tags == TAGS
    for tag, names in ATTRIBUTES.items():
        assert all(f"`{name}`" in rows["Attributes"] for name in names) and f"`{tag}`" in rows["Attributes"]
    assert {s.rstrip(":") for s in re.findall(r"`([a-z]+):`", rows["Link addresses"])} == URL_SCHEMES
