"""The plugin writes its pages' bodies as finished HTML: the same pages as the Markdown route.

Each handbook is built twice with MkDocs + Material: by the plugin, and as the plain Markdown that
``generate`` writes (no plugin). Every generated page must show the same text, link to the same
places (resolved to site paths), carry the same heading ids and the same table of contents.
"""

from __future__ import annotations

import posixpath
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_journeys.cli import main
from mkdocs_journeys.render.page_html import RowMemo, page_html

from .conftest import Builder
from .hostile import hostile_handbook
from .sites import Build, example_handbook, make_site, text_of

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


class _Page(HTMLParser):
    """Links (``<a href>``), heading ids, and the entries of the table of contents."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.heading_ids: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")
            if re.fullmatch(r"h[1-6]", tag):
                self.heading_ids.append(values["id"] or "")


def _resolved(url_path: str, href: str) -> str:
    """A link as the site path it leads to (``handbook/departments/x/#anchor``)."""
    if href.startswith(("http:", "https:", "mailto:")):
        return href
    if href.startswith("#"):
        return url_path + href
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(url_path + "x"), path))
    target += "/" if path.endswith("/") else ""
    return target + (f"#{anchor}" if anchor else "")


def _toc(html: str) -> list[tuple[str, str]]:
    """Material's table of contents: (link, text) of each entry."""
    start = html.find('<nav class="md-nav md-nav--secondary"')
    if start < 0:
        return []
    depth, end = 0, start
    for match in re.finditer(r"<(/?)nav\b", html[start:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            end = start + match.end()
            break
    nav = html[start:end]
    return [(href, text_of(label)) for href, label in
            re.findall(r'<a href="([^"]*)" class="md-nav__link">(.*?)</a>', nav, re.S)]


def _generated_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).parent.as_posix() + "/" for p in (site / "handbook").rglob("index.html"))


def _compare(plugin: Build, plain: Build) -> int:
    ids: dict[str, set[str]] = {}

    def ids_of(path: str) -> set[str]:
        if path not in ids:
            parsed = _Page()
            parsed.feed(plugin.html(path))
            ids[path] = parsed.ids
        return ids[path]

    pages = _generated_pages(plugin.site)
    assert pages == _generated_pages(plain.site)
    for url_path in pages:
        ours, theirs = plugin.article(url_path), plain.article(url_path)
        assert text_of(ours) == text_of(theirs), url_path
        mine, other = _Page(), _Page()
        mine.feed(ours)
        other.feed(theirs)
        assert [_resolved(url_path, h) for h in mine.links] == [_resolved(url_path, h) for h in other.links], url_path
        assert mine.heading_ids == other.heading_ids, url_path
        assert mine.ids == other.ids, url_path
        for href in mine.links:  # every link leads to a page that was built, and to an anchor on it
            target = _resolved(url_path, href)
            if target.startswith(("http", "mailto")):
                continue
            path, _, anchor = target.partition("#")
            built = plugin.site / path / "index.html" if path.endswith("/") or not path else plugin.site / path
            assert built.is_file(), (url_path, href)
            assert not anchor or anchor in ids_of(path), (url_path, href)
        assert _toc(plugin.html(url_path)) == _toc(plain.html(url_path)), url_path
    return len(pages)


def _plain_site(handbook: Path, root: Path) -> Path:
    """The same handbook written by ``generate`` and built by MkDocs without the plugin."""
    (root / "docs").mkdir(parents=True)
    assert main(["generate", str(handbook), str(root / "docs")]) in (0, 1)
    (root / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    config: dict[str, Any] = {"site_name": "Test handbook",
                              "theme": {"name": "material", "font": False, "features": ["navigation.instant"]},
                              "plugins": ["search"], "markdown_extensions": ["attr_list"]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


def _both(tmp_path: Path, handbook: Path, build_site: Builder) -> tuple[Build, Build]:
    plugin = build_site(make_site(tmp_path / "plugin", handbook))
    plain = build_site(_plain_site(tmp_path / "plugin/journeys", tmp_path / "plain"))
    assert plugin.returncode == 0 and plain.returncode == 0, plugin.log + plain.log
    return plugin, plain


def test_example_handbook_pages_match_the_markdown_route(tmp_path: Path, build_site: Builder) -> None:
    plugin, plain = _both(tmp_path, example_handbook(), build_site)
    assert _compare(plugin, plain) >= 16


def test_synthetic_handbook_pages_match_the_markdown_route(tmp_path: Path, build_site: Builder) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from synthetic import write_handbook
    finally:
        sys.path.remove(str(BENCHMARKS))
    write_handbook(tmp_path / "source", 6)
    plugin, plain = _both(tmp_path, tmp_path / "source", build_site)
    assert _compare(plugin, plain) > 20
    # the big tables and fact lists no longer reach Python-Markdown
    article = plugin.article("handbook/journeys/journey-00000/")
    assert "<table><thead>" in article


def test_hostile_handbook_pages_match_the_markdown_route(tmp_path: Path, build_site: Builder) -> None:
    hostile_handbook(example_handbook(), tmp_path / "source")
    plugin = build_site(make_site(tmp_path / "plugin", tmp_path / "source"))
    plain = build_site(_plain_site(tmp_path / "plugin/journeys", tmp_path / "plain"))
    assert _compare(plugin, plain) >= 1


def test_a_link_to_a_missing_page_is_left_to_mkdocs() -> None:
    markdown = "# T\n\n**Owner:** [Sales](../departments/sales.md)  \n**Goal:** x\n\n| A |\n|---|\n| [B](b.md) |\n"
    result = page_html(markdown, "handbook/journeys/j.md", lambda path: None)
    assert "[Sales](../departments/sales.md)" in result.markdown  # MkDocs sees it, and reports it
    assert not result.blocks
    found = page_html(markdown, "handbook/journeys/j.md", lambda path: f"../{path[:-3]}/")
    assert found.markdown.count("<!--journeys-html:") == 1
    assert '<a href="../handbook/departments/sales/">Sales</a>' in found.blocks[0]


@pytest.mark.parametrize("block", [
    "Text with *emphasis*", "a `code` span", "para\n---", "> a quote", "1. one", "* star", "    code",
    "**Unclosed", "<span>x</span> <https://example.org>", "back\\slash", "{: .class}",
])
def test_markdown_outside_the_dialect_stays_markdown(block: str) -> None:
    result = page_html(f"# T\n\n{block}\n", "p.md", lambda path: path)
    assert block in result.markdown and not result.blocks


def test_the_html_of_a_paragraph_is_the_one_of_python_markdown() -> None:
    import markdown as python_markdown

    text = ('**State:** <span class="x">a &amp; b</span> &#124; c & d  \n**Next:** [Research](#stage-research) '
            "→ [Choice](#stage-choice) (2 of 3)\n\n- [One](#one)\n- two ★\n\n| A | B |\n|---|---|\n| x |  |")
    ours = page_html(text, "p.md", lambda path: path).blocks[0]
    theirs = python_markdown.markdown(text, extensions=["tables"])
    assert re.sub(r"\s+", "", ours) == re.sub(r"\s+", "", theirs)


def test_rows_converted_before_are_taken_as_they_were() -> None:
    """`mkdocs serve` keeps each page's converted table rows: converting the page again gives the
    same HTML and links as a conversion from nothing, resolving only the rows that changed."""
    rows = [f"| [Journey {n}](../journeys/j{n}.md#stage-{n}) | {n} |" for n in range(50)]
    before = "# T\n\n| Journey | N |\n|---|---|\n" + "\n".join(rows) + "\n"
    after = before.replace("[Journey 7]", "[Journey seven]").replace("| 9 |", "| nine |")
    resolved: list[str] = []

    def resolve(path: str) -> str:
        resolved.append(path)
        return f"../{path[:-3]}/"

    memo = RowMemo()
    memo.start("the same pages")
    page = "handbook/departments/d.md"
    first = page_html(before, page, resolve, memo)
    assert len(resolved) == 50
    resolved.clear()
    again = page_html(after, page, resolve, memo)
    assert resolved == ["handbook/journeys/j7.md", "handbook/journeys/j9.md"]  # the two rows edited
    fresh = page_html(after, page, lambda path: f"../{path[:-3]}/")
    assert (again.markdown, again.blocks, again.anchored_links, again.ids) == \
           (fresh.markdown, fresh.blocks, fresh.anchored_links, fresh.ids)
    assert again.blocks != first.blocks and "Journey seven" in again.blocks[0] and "nine" in again.blocks[0]
    # another page, or another set of pages, resolves links anew
    resolved.clear()
    page_html(after, "handbook/departments/other.md", resolve, memo)
    assert len(resolved) == 50
    resolved.clear()
    memo.start("pages added")
    page_html(after, page, resolve, memo)
    assert len(resolved) == 50
