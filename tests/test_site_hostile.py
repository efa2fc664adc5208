"""A real build, with Material and with the plain ``mkdocs`` theme, of a handbook whose every text field
holds hostile markup: nothing that could run reaches ``<title>``, the navigation, the table of contents,
the pages or the search index, and the headings still show exactly what was written."""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from .hostile import decodes_to_markup, hostile_handbook, live_markup, plain_payload, title_of
from .sites import Build, build, example_handbook, make_site

THEMES = {
    "material": {"name": "material", "font": False, "features": ["navigation.instant", "navigation.path"]},
    "mkdocs": {"name": "mkdocs", "highlightjs": False},
}


@pytest.fixture(scope="module", params=sorted(THEMES))
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Build]]:
    theme = request.param
    root = tmp_path_factory.mktemp(f"hostile-{theme}")
    hostile_handbook(example_handbook(), root / "journeys")
    make_site(root, config={"theme": THEMES[theme]})
    result = build(root)
    assert result.returncode == 0, result.log
    yield theme, result


def pages(result: Build) -> list[Path]:
    found = sorted(result.site.rglob("*.html"))
    assert len(found) > 10
    return found


def test_no_page_holds_markup_that_could_run(site: tuple[str, Build]) -> None:
    _, result = site
    for page in pages(result):
        html = page.read_text(encoding="utf-8")
        assert live_markup(html) == [], page


def test_titles_stay_text_however_often_a_theme_decodes_them(site: tuple[str, Build]) -> None:
    _, result = site
    title = title_of(result.html("handbook/journeys/open-current-account/"))
    assert not decodes_to_markup(title), title
    # what the reader sees in the tab: the same text, with look-alikes for < and >
    shown = "Journey.title ＜/title＞＜/text＞＜/svg＞＜script＞window.__pwned='Journey.title'"
    assert shown in html_lib.unescape(title)
    for page in pages(result):
        assert not decodes_to_markup(title_of(page.read_text(encoding="utf-8"))), page


def test_headings_show_exactly_what_was_written(site: tuple[str, Build]) -> None:
    _, result = site
    html = result.html("handbook/journeys/open-current-account/")
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert h1 is not None
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", h1.group(1))).strip()
    assert text.rstrip("¶").strip() == plain_payload("Journey.title")


def test_navigation_and_table_of_contents_hold_no_markup(site: tuple[str, Build]) -> None:
    theme, result = site
    html = result.html("handbook/journeys/open-current-account/")
    pattern = r'<a href="([^"]*)"[^>]*class="[^"]*(?:md-nav__link|nav-link|dropdown-item)[^"]*"[^>]*>(.*?)</a>'
    links = [(href, text) for href, text in re.findall(pattern, html, re.S) if live_markup(text) == []]
    assert len(links) == len(re.findall(pattern, html, re.S))
    # the text of each link, without the theme's own markup (icons, spans)
    pages = [_text(text) for href, text in links if not href.startswith("#")]
    contents = [_text(text) for href, text in links if href.startswith("#")]
    assert any("Journey.title" in t for t in pages), theme  # the page itself is listed
    assert any("Stage.name" in t for t in contents), theme  # and its table of contents
    for text in pages:  # page titles: no markup even when decoded (themes decode them)
        assert not decodes_to_markup(text), text
    for text in contents:  # headings: escaped once, as on the page
        assert "<" not in text, text
    assert any("<script>" in html_lib.unescape(text) for text in contents)  # shown as written


def _text(html: str) -> str:
    return re.sub(r"<(/?)(span|i|svg|path|code|div)\b[^>]*>", "", html)


def test_the_search_index_holds_no_markup(site: tuple[str, Build]) -> None:
    theme, result = site
    docs = json.loads((result.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    hostile = [d for d in docs if "__pwned" in d["title"] + d["text"]]
    assert hostile
    for doc in docs:
        assert live_markup(doc["title"]) == [], doc["title"]
        if theme == "material":  # Material shows titles and text as HTML; the mkdocs theme escapes them
            assert live_markup(doc["text"]) == [], doc["text"][:200]
