"""In a real Chromium: a site whose every text field holds hostile markup runs nothing, opens no
dialog, asks no other host for anything and carries no ``javascript:`` link, on every page, while
every chart point is hovered, and across Material's instant navigation; and no chart offers a way
to send its data to another host."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest

from .browser import LOCAL_HOSTS, Watch, free_port, open_page, serve
from .hostile import hostile_handbook
from .sites import Build, build, example_handbook, make_site

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - reported by the fixture
    sync_playwright = None  # type: ignore[assignment]

THEME = {"name": "material", "font": False, "features": ["navigation.instant", "navigation.path"]}

# Every address in the DOM, the charts' own elements included, and whether it would run script.
BAD_LINKS = """() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
        for (const name of ['href', 'xlink:href', 'src', 'action', 'formaction', 'srcdoc', 'data']) {
            const value = el.getAttribute(name);
            const bare = value === null ? '' : value.replace(/[\\x00-\\x20]/g, '');
            if (value !== null && (name === 'srcdoc' || /^(javascript|vbscript|data):/i.test(bare))) {
                bad.push(`${el.tagName} ${name}=${value.slice(0, 60)}`);
            }
        }
        for (const attr of el.attributes) {
            if (attr.name.startsWith('on')) bad.push(`${el.tagName} ${attr.name}`);
        }
    }
    return bad;
}"""
SENTINEL = "() => [window.__pwned, window.parent.__pwned, document.title]"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Build, str]]:
    port = free_port()  # instant navigation needs `site_url`
    root = tmp_path_factory.mktemp("browser-all-hostile")
    filled = hostile_handbook(example_handbook(), root / "journeys")
    assert {"Journey.title:text", "Touchpoint.pain_points:text", "Journey.summary:markdown"} <= filled
    make_site(root, config={"theme": THEME, "site_url": f"http://127.0.0.1:{port}/"})
    result = build(root)
    assert result.returncode == 0, result.log
    with serve(result.site, port) as url:
        yield result, url


def generated_pages(result: Build) -> list[str]:
    paths = sorted(p.parent.relative_to(result.site).as_posix() + "/"
                   for p in (result.site / "handbook").rglob("index.html"))
    assert len(paths) >= 15
    return paths


def clean(watch: Watch) -> None:
    """Nothing ran and nothing left the site; a relative image the sanitiser kept may be missing."""
    watch.errors = [e for e in watch.errors if "status of 404" not in e]
    watch.clean()
    foreign = [r for r in watch.requests
               if not r.startswith(("data:", "blob:")) and urlparse(r).hostname not in LOCAL_HOSTS]
    assert foreign == []


def check_page(page: Any) -> None:
    pwned, parent, title = page.evaluate(SENTINEL)
    assert pwned is None and parent is None, (pwned, parent)
    assert "<" not in title and ">" not in title, title
    assert page.evaluate(BAD_LINKS) == []
    assert page.locator("iframe, object, embed").count() == 0
    scripts = page.eval_on_selector_all(
        "script", "els => els.map(s => s.textContent).filter(t => t.includes('__pwned'))")
    assert scripts == []


def draw_and_hover(page: Any) -> int:
    """Wait for every chart, then move the mouse onto every point of it; how many points."""
    charts = page.locator("[data-journeys-figure]")
    hovered = 0
    for i in range(charts.count()):
        chart = charts.nth(i)
        chart_id = chart.get_attribute("id")
        page.wait_for_selector(f"#{chart_id}[data-journeys-drawn]", state="attached", timeout=20000)
        points = page.locator(f"#{chart_id} .scatterlayer path.point")
        for k in range(points.count()):
            point = points.nth(k)
            point.scroll_into_view_if_needed()
            box = point.bounding_box()
            if box is None:
                continue
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_function(f"() => document.querySelector('#{chart_id} .hoverlayer').textContent.length > 0",
                                   timeout=5000)
            hovered += 1
            check_page(page)
        page.mouse.move(1, 1)
    return hovered


def test_every_page_and_every_hover_runs_nothing(browser: Any, hostile: tuple[Build, str]) -> None:
    result, url = hostile
    hovered = 0
    for path in generated_pages(result):
        page, watch = open_page(browser)
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        check_page(page)
        hovered += draw_and_hover(page)
        check_page(page)
        clean(watch)
        page.context.close()
    assert hovered >= 12  # the emotion curve, the history and persona charts, the glance


def test_instant_navigation_through_every_page_runs_nothing(browser: Any, hostile: tuple[Build, str]) -> None:
    result, url = hostile
    page, watch = open_page(browser)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate("() => { window.__sameDocument = true; }")
    for path in generated_pages(result):
        target = url + path
        # a click on the page's own link in the navigation, which instant navigation takes
        page.evaluate("(target) => { const a = Array.from(document.querySelectorAll('nav a[href]'))"
                      ".find(a => a.href === target); a.click(); }", target)
        page.wait_for_url(target, timeout=10000)
        # the new page is in place once its head is (instant navigation swaps it with the content)
        page.wait_for_function("(target) => { const c = document.querySelector('link[rel=canonical]');"
                               " return c && c.href === target; }", arg=target, timeout=10000)
        page.wait_for_load_state("networkidle")
        if page.locator("[data-journeys-figure]").count():
            draw_and_hover(page)
        check_page(page)
    assert page.evaluate("() => window.__sameDocument === true")  # every step was instant navigation
    clean(watch)
    page.context.close()


def test_no_chart_offers_to_send_its_data_elsewhere(browser: Any, hostile: tuple[Build, str]) -> None:
    _, url = hostile
    page, watch = open_page(browser)
    page.goto(url + "handbook/journeys/open-current-account/")
    page.wait_for_selector("#emotion-curve[data-journeys-drawn]", state="attached", timeout=20000)
    charts = page.eval_on_selector_all("[data-journeys-drawn]", "els => els.map(e => e.id)")
    assert len(charts) >= 2
    for chart_id in charts:
        context = page.evaluate(
            f"() => {{ const c = document.getElementById('{chart_id}')._context;"
            " return [c.showSendToCloud, c.plotlyServerURL, c.showLink, c.showEditInChartStudio]; }")
        assert context[0] is False and context[1] == "", context
        assert context[2] in (False, None) and context[3] in (False, None), context
        page.locator(f"#{chart_id}").scroll_into_view_if_needed()
        page.locator(f"#{chart_id}").hover()
        buttons = page.eval_on_selector_all(
            f"#{chart_id} .modebar-btn", "els => els.map(b => [b.getAttribute('data-title'), b.getAttribute('href')])")
        assert buttons, chart_id
        for title, href in buttons:
            assert not any(word in (title or "").lower() for word in ("share", "cloud", "studio", "edit")), title
            assert href is None or urlparse(href).hostname in (None, *LOCAL_HOSTS), href
        links = page.eval_on_selector_all(f"#{chart_id} a[href]", "els => els.map(a => a.href)")
        assert all(urlparse(h).hostname in LOCAL_HOSTS for h in links), links
        for k in range(len(buttons)):
            page.locator(f"#{chart_id}").hover()
            button = page.locator(f"#{chart_id} .modebar-btn").nth(k)
            if button.is_visible():
                button.click()
                page.wait_for_timeout(200)
        assert page.locator(".plotly-cloud-dialog-box").count() == 0
    assert watch.refused == []
    clean(watch)
    page.context.close()
