"""The same site built by Zensical (from PyPI) with ``generate docs`` and the Markdown extension, and by MkDocs
with the plugin: the same URLs, hand-written links and embeds resolved, and in Chromium the charts, instant
navigation, the palette and search."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .browser import free_port, open_page, serve
from .sites import Build, anchors, build, example_handbook, make_site

pytest.importorskip("zensical")

HOME = """
    # Home

    Read [the account journey](journey:open-current-account).

    [[journeys emotion open-current-account]]
    """
GUIDE = """
    # Guide

    Meet [](persona:busy-parent), see [](journey:open-current-account/sees-ad) in
    [](journey:open-current-account/research), [](process:account-onboarding/kyc-check) and
    [](department:retail-banking).

    Broken: [gone](journey:gone).

    [[journeys owners open-current-account]]
    """
THEME = {
    "name": "material", "font": False, "features": ["navigation.instant"],
    "palette": [
        {"scheme": "default", "toggle": {"icon": "material/brightness-7", "name": "Switch to dark mode"}},
        {"scheme": "slate", "toggle": {"icon": "material/brightness-4", "name": "Switch to light mode"}},
    ],
}
CURVE = "#emotion-curve svg.main-svg"


def pages(site: Path) -> set[str]:
    """Every page's URL path in a built site."""
    return {p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")} - {"./"}


def zensical_build(root: Path) -> Build:
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean"], cwd=root, capture_output=True,
                            text=True, timeout=600)
    return Build(root, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Build, Build, str]]:
    docs = {"index.md": HOME, "guide/links.md": GUIDE}
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/"
    mkdocs_root = make_site(tmp_path_factory.mktemp("mkdocs"), example_handbook(), docs=docs,
                            config={"theme": THEME, "site_url": site_url})
    mkdocs_site = build(mkdocs_root)
    assert mkdocs_site.returncode == 0, mkdocs_site.log
    root = make_site(tmp_path_factory.mktemp("zensical"), example_handbook(), docs=docs,
                     config={"theme": THEME, "site_url": site_url, "plugins": ["search"],
                             "markdown_extensions": ["attr_list", "tables",
                                                     {"mkdocs_journeys.markdown": {"source": "journeys"}}]})
    generated = subprocess.run([sys.executable, "-m", "mkdocs_journeys.cli", "generate", "docs"], cwd=root,
                               capture_output=True, text=True, timeout=300)
    assert generated.returncode == 0, generated.stderr
    zensical_site = zensical_build(root)
    assert zensical_site.returncode == 0, zensical_site.log
    with serve(zensical_site.site, port) as url:
        yield mkdocs_site, zensical_site, url


def test_the_same_urls_as_the_mkdocs_build(sites: tuple[Build, Build, str]) -> None:
    mkdocs_site, zensical_site, _ = sites
    assert pages(zensical_site.site) == pages(mkdocs_site.site)
    assert "handbook/journeys/open-current-account/" in pages(zensical_site.site)
    assert (zensical_site.site / "assets/journeys/plotly.min.js").is_file()


def test_hand_written_links_and_embeds_resolve_as_with_the_plugin(sites: tuple[Build, Build, str]) -> None:
    mkdocs_site, zensical_site, _ = sites
    for path in ("", "guide/links/"):
        ours = [h for h in anchors(zensical_site.article(path)).hrefs if "handbook/" in h]
        theirs = [h for h in anchors(mkdocs_site.article(path)).hrefs if "handbook/" in h]
        assert ours and ours == theirs, path
    guide = zensical_site.article("guide/links/")
    assert "journey:" not in guide and "persona:" not in guide and "[[journeys" not in guide
    assert '<a href="../../handbook/personas/busy-parent/">' in guide
    assert "#touchpoint-sees-ad" in guide and "#stage-research" in guide and "#step-kyc-check" in guide
    assert ">Sees a social media ad</a>" in guide  # an empty-text link shows the entity's name
    assert "<table>" in guide  # the owners embed
    assert re.search(r"journeys: guide/links\.md:\d+: unknown journey 'gone'", zensical_site.log)
    assert "Traceback" not in zensical_site.log


def visit(browser: Any, url: str) -> tuple[Any, Any]:
    page, watch = open_page(browser)
    page.goto(url)
    return page, watch


def test_charts_draw_on_generated_and_hand_written_pages(browser: Any, sites: tuple[Build, Build, str]) -> None:
    _, _, url = sites
    page, watch = visit(browser, f"{url}handbook/journeys/open-current-account/")
    page.wait_for_selector(CURVE, state="attached", timeout=20000)
    page.goto(url)
    page.wait_for_selector("#emotion-curve-open-current-account svg.main-svg", state="attached", timeout=20000)
    watch.clean()
    page.context.close()


def test_instant_navigation_and_the_palette(browser: Any, sites: tuple[Build, Build, str]) -> None:
    _, _, url = sites
    page, watch = visit(browser, url)
    page.wait_for_selector("article a[href*='handbook/journeys/open-current-account']")
    page.evaluate("() => { window.__sameDocument = true; }")
    page.click("article a[href*='handbook/journeys/open-current-account']")
    page.wait_for_url("**/handbook/journeys/open-current-account/", timeout=10000)
    page.wait_for_selector(CURVE, state="attached", timeout=20000)
    assert page.evaluate("() => window.__sameDocument === true")  # no full page load
    page.click("label[for='__palette_1']")
    page.wait_for_selector("#emotion-curve[data-journeys-scheme='slate']", state="attached", timeout=5000)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    watch.clean()
    page.context.close()


def test_search_finds_a_touchpoint(browser: Any, sites: tuple[Build, Build, str]) -> None:
    _, zensical_site, url = sites
    index = (zensical_site.site / "search.json").read_text(encoding="utf-8")
    assert "Checks in at the branch kiosk" in index
    page, watch = visit(browser, url)
    page.click(".md-search__button")
    page.locator("input[type='text'][aria-label='Search']").fill("kiosk")  # in the dialog's shadow root
    result = page.locator("h2:has(mark)").first  # a result's title, the match marked
    result.wait_for(state="visible", timeout=15000)
    assert result.inner_text() == "Checks in at the branch kiosk"
    watch.clean()
    page.context.close()
