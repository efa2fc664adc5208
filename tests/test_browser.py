"""The handbook in a real headless Chromium: charts drawn from the right data, hover, click, instant
navigation, the palette toggle, the process diagram, hostile text, and nothing fetched from another host."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mkdocs_journeys.handbook import build_handbook

from .browser import Watch, free_port, launch, open_page, serve, unavailable
from .sites import Build, build, example_handbook, make_site

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - reported by the fixture
    sync_playwright = None  # type: ignore[assignment]

THEME = {
    "name": "material", "font": False, "features": ["navigation.instant"],
    "palette": [
        {"scheme": "default", "toggle": {"icon": "material/brightness-7", "name": "Switch to dark mode"}},
        {"scheme": "slate", "toggle": {"icon": "material/brightness-4", "name": "Switch to light mode"}},
    ],
}
HOME = "# Home\n\nRead [the account journey](journey:open-current-account).\n"
CURVE = "#emotion-curve[data-journeys-drawn]"

HOSTILE_NAME = "Evil <script>window.__pwned=1</script> \" onerror=\"window.__pwned=2\" <img src=x onerror=alert(1)>"
HOSTILE = {
    "departments.yml": """
        kind: department
        id: ops
        name: Ops <script>window.__pwned=3</script>
        """,
    "journeys/hostile.yml": f"""
        kind: journey
        id: hostile
        title: '{HOSTILE_NAME}'
        owner: ops
        stages:
          - id: s
            name: '<img src=x onerror=alert(2)>'
            touchpoints:
              - id: t
                name: '{HOSTILE_NAME}'
                channel: web
                emotion: -1
                doing: '<script>alert(3)</script>'
                pain_points: ['" onmouseover="alert(4)']
              - {{id: u, name: Fine, emotion: 1}}
        """,
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if sync_playwright is None:
        unavailable("the playwright package is not installed")
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Build, str]]:
    port = free_port()  # instant navigation needs `site_url`, so the address is known before the build
    root = make_site(tmp_path_factory.mktemp("browser-example"), example_handbook(), docs={"index.md": HOME},
                     config={"theme": THEME, "site_url": f"http://127.0.0.1:{port}/"})
    result = build(root, strict=True)
    assert result.returncode == 0, result.log
    with serve(result.site, port) as url:
        yield result, url


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = make_site(tmp_path_factory.mktemp("browser-hostile"), HOSTILE, config={"theme": THEME})
    result = build(root, strict=True)
    assert result.returncode == 0, result.log
    with serve(result.site) as url:
        yield url


def visit(browser: Any, url: str, wait_for: str | None = CURVE) -> tuple[Any, Watch]:
    page, watch = open_page(browser)
    page.goto(url)
    if wait_for:
        page.wait_for_selector(wait_for, state="attached", timeout=20000)
    return page, watch


def point_position(page: Any, index: int) -> tuple[float, float]:
    """Where on the screen a point of the emotion curve is drawn."""
    return tuple(page.evaluate("""(i) => {
        const el = document.querySelector('#emotion-curve');
        const xa = el._fullLayout.xaxis, ya = el._fullLayout.yaxis;
        const box = el.querySelector('.nsewdrag').getBoundingClientRect();
        return [box.left + xa.l2p(el.data[0].x[i]), box.top + ya.l2p(el.data[0].y[i])];
    }""", index))  # type: ignore[return-value]


def test_each_curve_is_drawn_from_the_yaml_emotions_in_order(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    handbook = build_handbook(example_handbook())
    assert handbook.journeys
    for journey in handbook.journeys.values():
        page, watch = visit(browser, f"{url}handbook/journeys/{journey.id}/")
        trace = page.evaluate("() => { const d = document.querySelector('#emotion-curve').data[0];"
                              " return {y: d.y, hrefs: d.customdata.map(c => c[0])}; }")
        touchpoints = [tp for _, tp in journey.touchpoints()]
        assert trace["y"] == [tp.emotion for tp in touchpoints]
        assert trace["hrefs"] == [f"#touchpoint-{tp.id}" for tp in touchpoints]
        assert page.locator(".journeys-chart svg.main-svg").count() >= 1
        hidden = page.evaluate("() => Array.from(document.querySelectorAll('#emotion-curve .xtick text'))"
                               ".filter(t => t.style.display === 'none').map(t => t.textContent)")
        assert hidden == []  # every touchpoint is labelled, the first one included
        watch.clean()
        page.context.close()


def test_hover_shows_the_touchpoint_details(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    page, watch = visit(browser, f"{url}handbook/journeys/open-current-account/")
    x, y = point_position(page, 1)
    page.mouse.move(x, y)
    page.wait_for_selector("#emotion-curve .hoverlayer .hovertext", timeout=5000)
    text = page.locator("#emotion-curve .hoverlayer").text_content()
    for expected in ("Compares products online", "Research", "web", "Marketing", "Reads three comparison pages",
                     "Overwhelmed", "Fees are hard to compare"):
        assert expected in text, (expected, text)
    watch.clean()
    page.context.close()


def test_a_click_on_a_point_lands_on_the_touchpoint(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    page, watch = visit(browser, f"{url}handbook/journeys/open-current-account/")
    x, y = point_position(page, 7)
    page.mouse.click(x, y)
    page.wait_for_function("() => location.hash === '#touchpoint-welcome-email'", timeout=5000)
    top = page.evaluate("() => document.getElementById('touchpoint-welcome-email').getBoundingClientRect().top")
    assert 0 < top < 900, top  # in view, below Material's sticky header
    watch.clean()
    page.context.close()


def test_the_chart_draws_after_instant_navigation(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    page, watch = visit(browser, url, wait_for=None)
    page.evaluate("() => { window.__sameDocument = true; }")
    page.click("article a[href*='handbook/journeys/open-current-account']")
    page.wait_for_selector(CURVE, state="attached", timeout=20000)
    assert page.evaluate("() => window.__sameDocument === true")  # no full page load: instant navigation
    assert page.url.endswith("handbook/journeys/open-current-account/")
    watch.clean()
    page.context.close()


def test_the_palette_toggle_rethemes_the_chart(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    page, watch = visit(browser, f"{url}handbook/journeys/open-current-account/")
    before = page.evaluate("() => document.querySelector('#emotion-curve')._fullLayout.font.color")
    assert page.get_attribute("#emotion-curve", "data-journeys-scheme") == "default"
    page.click("label[for='__palette_1']")
    page.wait_for_selector("#emotion-curve[data-journeys-scheme='slate']", state="attached", timeout=5000)
    after = page.evaluate("() => document.querySelector('#emotion-curve')._fullLayout.font.color")
    assert after != before
    page.click("label[for='__palette_0']")
    page.wait_for_selector("#emotion-curve[data-journeys-scheme='default']", state="attached", timeout=5000)
    watch.clean()
    page.context.close()


def test_charts_fit_the_printed_page(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    page, watch = visit(browser, f"{url}handbook/journeys/open-current-account/")
    page.set_viewport_size({"width": 700, "height": 900})  # a printed page is narrower than the screen
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_function("""() => {
        const svg = document.querySelector('#emotion-curve .main-svg');
        return svg && svg.getBoundingClientRect().width <= document.querySelector('article').clientWidth + 1;
    }""", timeout=5000)
    assert page.locator("#emotion-curve .xtick text").count() == 8
    assert page.pdf(format="A4").startswith(b"%PDF")
    watch.clean()
    page.context.close()


def test_the_process_diagram_draws_and_links_to_its_steps(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    process = build_handbook(example_handbook()).processes["account-onboarding"]
    page, watch = visit(browser, f"{url}handbook/processes/account-onboarding/", wait_for="svg.journeys-diagram-svg")
    hrefs = page.eval_on_selector_all("svg.journeys-diagram-svg a.journeys-step", "els => els.map(a => "
                                      "a.getAttribute('xlink:href'))")
    assert hrefs == [f"#step-{step.id}" for step in process.steps]
    box = page.locator("svg.journeys-diagram-svg").bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 100
    page.click("svg.journeys-diagram-svg a.journeys-step[data-step='kyc-check']")
    page.wait_for_function("() => location.hash === '#step-kyc-check'", timeout=5000)
    watch.clean()
    page.context.close()


def test_plotly_is_loaded_once_from_the_site_and_only_where_needed(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    seen = []
    for path in ("handbook/journeys/open-current-account/", "handbook/personas/busy-parent/"):
        page, watch = visit(browser, url + path, wait_for=".journeys-chart[data-journeys-drawn]")
        plotly = [r for r in watch.requests if r.endswith("plotly.min.js")]
        assert len(plotly) == 1
        seen.append(plotly[0])
        watch.clean()
        page.context.close()
    assert seen[0] == seen[1] == f"{url}assets/journeys/plotly.min.js"  # one URL: the browser caches it
    page, watch = visit(browser, url + "handbook/departments/compliance/", wait_for=None)
    page.wait_for_load_state("networkidle")
    assert not [r for r in watch.requests if r.endswith("plotly.min.js")]
    watch.clean()
    page.context.close()


def test_hostile_names_show_as_text_and_run_nothing(browser: Any, hostile: str) -> None:
    page, watch = visit(browser, f"{hostile}handbook/journeys/hostile/")
    assert page.inner_text("article h1").strip() == HOSTILE_NAME
    x, y = point_position(page, 0)
    page.mouse.move(x, y)
    page.wait_for_selector("#emotion-curve .hoverlayer .hovertext", timeout=5000)
    assert "<script>alert(3)</script>" in page.locator("#emotion-curve .hoverlayer").text_content()
    page.mouse.move(5, 5)
    for path in ("handbook/", "handbook/departments/ops/"):
        page.goto(hostile + path)
        page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("img[src='x']").count() == 0
    watch.clean()
    page.context.close()


def test_the_generated_markdown_pages_draw_too(browser: Any, tmp_path: Path) -> None:
    """`generate` output published by another tool: the standalone script tags do the work."""
    from mkdocs_journeys.cli import main

    out = tmp_path / "docs"
    assert main(["generate", str(example_handbook()), str(out), "--no-directory-urls"]) == 0
    import markdown

    source = (out / "handbook/journeys/open-current-account.md").read_text(encoding="utf-8")
    body = markdown.markdown(source, extensions=["attr_list", "tables"])
    page_file = out / "handbook/journeys/open-current-account.html"
    page_file.write_text(f"<!doctype html><html><head><meta charset='utf-8'></head><body>{body}</body></html>",
                         encoding="utf-8")
    with serve(out) as url:
        page, watch = visit(browser, url + "handbook/journeys/open-current-account.html")
        assert page.evaluate("() => document.querySelector('#emotion-curve').data[0].y.length") == 8
        watch.clean()
        page.context.close()
