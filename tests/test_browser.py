"""The handbook in a real headless Chromium: charts drawn from the right data, hover, click, instant
navigation, the palette toggle, resizing and print, the process diagram, broken charts, hostile text,
and nothing fetched from another host."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Error as PlaywrightError

from mkdocs_journeys.handbook import build_handbook

from .browser import Watch, free_port, open_page, serve
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
HOME = """
    # Home

    Read [the account journey](journey:open-current-account) or [the lost card](journey:replace-lost-card).

    [[journeys emotion open-current-account]]
    """
# A second journey beside the spec's example: touchpoints without an emotion leave gaps in the curve.
GAPS = """
    kind: journey
    id: replace-lost-card
    title: Replacing a lost card
    owner: customer-support
    personas: [busy-parent]
    stages:
      - id: report
        name: Report the loss
        touchpoints:
          - id: calls-hotline
            name: Calls the card hotline
            channel: phone
            emotion: -1
            feeling: Worried about the money
          - id: reads-faq
            name: Reads the FAQ first
            channel: web
          - id: blocks-card
            name: Blocks the card in the app
            channel: mobile-app
            emotion: 0.5
      - id: wait
        name: Wait for the new card
        owner: operations
        touchpoints:
          - id: waits
            name: Waits for the post
          - id: new-card-arrives
            name: Receives the new card
            channel: post
            emotion: 2
            thinking: That was quick.
    """
CURVE = "#emotion-curve[data-journeys-drawn]"

HOSTILE_NAME = "Evil <script>window.__pwned=1</script> \" onerror=\"alert(1)\" <img src=x onerror=\"window.__pwned=2\">"
HOSTILE = {
    "departments.yml": """
        kind: department
        id: ops
        name: Ops <script>window.__pwned=3</script>
        """,
    "personas/villain.yml": """
        kind: persona
        id: villain
        name: '<script>window.__pwned=4</script>" onerror="alert(4)'
        """,
    "journeys/hostile.yml": f"""
        kind: journey
        id: hostile
        title: '{HOSTILE_NAME}'
        owner: ops
        personas: [villain]
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
    "processes/evil.yml": """
        kind: process
        id: evil
        title: '<img src=x onerror=alert(6)>'
        owner: ops
        steps:
          - id: a
            name: '</text></svg><script>window.__pwned=7</script>'
            next: b
          - id: b
            name: '" onmouseover="alert(8)'
        """,
}


# --- fixtures: one browser and one build of each site per module ---------------------------------

@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Build, str]]:
    port = free_port()  # instant navigation needs `site_url`, so the address is known before the build
    root = make_site(tmp_path_factory.mktemp("browser-example"), example_handbook(), docs={"index.md": HOME},
                     config={"theme": THEME, "site_url": f"http://127.0.0.1:{port}/"})
    (root / "journeys" / "journeys" / "replace-lost-card.yml").write_text(_dedent(GAPS), encoding="utf-8")
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


def _dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


# --- what the YAML says, read without the package, to check the package against -------------------

def yaml_journeys(build: Build) -> dict[str, dict[str, Any]]:
    folder = build.root / "journeys" / "journeys"
    journeys = (yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yml")))
    return {journey["id"]: journey for journey in journeys}


def yaml_departments(build: Build) -> dict[str, str]:
    text = (build.root / "journeys" / "departments.yml").read_text(encoding="utf-8")
    return {d["id"]: d["name"] for d in yaml.safe_load_all(text) if d}


def yaml_touchpoints(journey: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(stage, touchpoint) pairs in the order the journey lists them."""
    return [(stage, tp) for stage in journey["stages"] for tp in stage.get("touchpoints", [])]


# --- helpers --------------------------------------------------------------------------------------

def visit(browser: Any, url: str, wait_for: str | None = CURVE) -> tuple[Any, Watch]:
    page, watch = open_page(browser)
    page.goto(url)
    if wait_for:
        page.wait_for_selector(wait_for, state="attached", timeout=20000)
    return page, watch


def point_position(page: Any, index: int, chart: str = "#emotion-curve") -> tuple[float, float]:
    """Where on the screen a point of a chart's first trace is drawn.

    Material renders the page again after a new anchor (the charts are drawn again): the chart is
    waited for until it is drawn and stays in the page while it is scrolled to.
    """
    for attempt in range(5):
        page.wait_for_selector(f"{chart}[data-journeys-drawn]", state="attached", timeout=20000)
        try:
            page.locator(chart).scroll_into_view_if_needed(timeout=5000)
            break
        except PlaywrightError:
            if attempt == 4:
                raise
            page.wait_for_timeout(200)
    return tuple(page.evaluate("""([selector, i]) => {
        const el = document.querySelector(selector);
        const xa = el._fullLayout.xaxis, ya = el._fullLayout.yaxis;
        const box = el.querySelector('.nsewdrag').getBoundingClientRect();
        return [box.left + xa.l2p(el.data[0].x[i]), box.top + ya.l2p(el.data[0].y[i])];
    }""", [chart, index]))  # type: ignore[return-value]


def hover_text(page: Any, index: int, expect: str, chart: str = "#emotion-curve") -> str:
    """Move the mouse onto a point and return the hover label once it shows ``expect``."""
    x, y = point_position(page, index, chart)
    page.mouse.move(x, y)
    page.wait_for_function("([sel, text]) => { const layer = document.querySelector(sel + ' .hoverlayer');"
                           " return layer && layer.textContent.includes(text); }", arg=[chart, expect], timeout=5000)
    return str(page.locator(f"{chart} .hoverlayer").text_content())


def colour_of(page: Any, css_variable: str) -> str:
    """A Material colour as the browser resolves it (what the chart script gives plotly)."""
    return str(page.evaluate("""(name) => {
        const probe = document.createElement('span');
        probe.hidden = true;
        probe.style.color = `var(${name})`;
        document.body.appendChild(probe);
        const colour = getComputedStyle(probe).color;
        probe.remove();
        return colour;
    }""", css_variable))


def channels(colour: str) -> list[float]:
    """Red, green and blue of an rgb()/rgba() colour."""
    return [float(n) for n in re.findall(r"[\d.]+", colour)[:3]]


def plotly_requests(watch: Watch) -> list[str]:
    return [r for r in watch.requests if r.split("?")[0].endswith("/plotly.min.js")]


# --- the tests ------------------------------------------------------------------------------------

def test_each_curve_is_drawn_from_the_yaml_emotions_in_order(browser: Any, example: tuple[Build, str]) -> None:
    site, url = example
    journeys = yaml_journeys(site)
    model = build_handbook(site.root / "journeys")
    assert set(journeys) == {"open-current-account", "replace-lost-card"}
    gaps = 0
    for journey_id, journey in journeys.items():
        expected = [tp.get("emotion") for _, tp in yaml_touchpoints(journey)]
        gaps += expected.count(None)
        page, watch = visit(browser, f"{url}handbook/journeys/{journey_id}/")
        trace = page.evaluate("() => { const d = document.querySelector('#emotion-curve').data[0];"
                              " return {y: d.y, hrefs: d.customdata.map(c => c[0])}; }")
        assert trace["y"] == expected  # touchpoints without an emotion are gaps (null), in place
        # ids as the handbook derives them (a touchpoint may leave its id to its name)
        assert trace["hrefs"] == [f"#touchpoint-{tp.id}" for _, tp in model.journeys[journey_id].touchpoints()]
        assert page.get_attribute("#emotion-curve", "data-journeys-scheme") == "default"
        assert page.locator("#emotion-curve svg.main-svg").count() >= 1
        hidden = page.evaluate("() => Array.from(document.querySelectorAll('#emotion-curve .xtick text'))"
                               ".filter(t => t.style.display === 'none').map(t => t.textContent)")
        assert hidden == []  # every touchpoint is labelled, the first one included
        watch.clean()
        page.context.close()
    assert gaps == 2


def test_hover_shows_the_touchpoint_details(browser: Any, example: tuple[Build, str]) -> None:
    site, url = example
    journeys = yaml_journeys(site)
    departments = yaml_departments(site)
    for journey_id in ("open-current-account", "replace-lost-card"):
        journey = journeys[journey_id]
        page, watch = visit(browser, f"{url}handbook/journeys/{journey_id}/")
        for index, (stage, tp) in enumerate(yaml_touchpoints(journey)):
            if tp.get("emotion") is None:
                continue  # a gap has no point to hover
            text = hover_text(page, index, tp["name"])
            owner = tp.get("owner") or stage.get("owner") or journey["owner"]
            expected = [tp["name"], stage["name"], departments[owner], *tp.get("pain_points", [])]
            expected += [tp[key] for key in ("channel", "doing", "thinking", "feeling") if key in tp]
            for part in expected:
                assert part in text, (tp["name"], part, text)
        watch.clean()
        page.context.close()


def test_a_click_on_a_point_lands_on_the_touchpoint(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    page, watch = visit(browser, f"{url}handbook/journeys/open-current-account/")
    in_view = """(id) => {
        const top = document.getElementById(id).getBoundingClientRect().top;
        return top > 40 && top < innerHeight - 40;  /* in view, below Material's sticky header */
    }"""
    for index, touchpoint in ((7, "welcome-email"), (4, "upload-id"), (4, "upload-id")):  # again: already there
        for attempt in range(3):  # a click while Material renders the page again for the last anchor is lost
            page.evaluate("() => window.scrollTo(0, 0)")
            x, y = point_position(page, index)
            page.mouse.click(x, y)
            try:
                page.wait_for_function(f"() => location.hash === '#touchpoint-{touchpoint}'", timeout=5000)
                page.wait_for_function(in_view, arg=f"touchpoint-{touchpoint}", timeout=5000)
                break
            except PlaywrightError:
                if attempt == 2:
                    raise
    watch.clean()
    page.context.close()


def test_a_chart_on_another_page_opens_the_touchpoint_by_instant_navigation(
        browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    chart = "#emotion-curve-open-current-account"
    page, watch = visit(browser, url, wait_for=f"{chart}[data-journeys-drawn]")
    page.evaluate("() => { window.__sameDocument = true; }")
    x, y = point_position(page, 5, chart)
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(r"handbook/journeys/open-current-account/#touchpoint-signs-contract$"),
                      timeout=10000)
    page.wait_for_selector(CURVE, state="attached", timeout=20000)
    assert page.evaluate("() => window.__sameDocument === true")  # no full page load
    assert len(plotly_requests(watch)) == 1
    watch.clean()
    page.context.close()


def test_charts_draw_after_instant_navigation(browser: Any, example: tuple[Build, str]) -> None:
    site, url = example
    journeys = yaml_journeys(site)
    page, watch = visit(browser, url, wait_for=None)
    page.evaluate("() => { window.__sameDocument = true; }")
    for journey_id in ("open-current-account", "replace-lost-card"):
        page.click(f"article a[href*='handbook/journeys/{journey_id}']")
        page.wait_for_url(f"**/handbook/journeys/{journey_id}/", timeout=10000)
        page.wait_for_selector(CURVE, state="attached", timeout=20000)
        touchpoints = yaml_touchpoints(journeys[journey_id])
        emotions = page.evaluate("() => document.querySelector('#emotion-curve').data[0].y")
        assert emotions == [tp.get("emotion") for _, tp in touchpoints]
        # still interactive: plotly.js's styles survive Material swapping the page's <head>
        assert touchpoints[-1][1]["name"] in hover_text(page, len(touchpoints) - 1, touchpoints[-1][1]["name"])
        page.mouse.move(5, 5)
        page.go_back()
        page.wait_for_url(url, timeout=10000)
        page.wait_for_selector("article a[href*='handbook/journeys/replace-lost-card']", timeout=10000)
    assert page.evaluate("() => window.__sameDocument === true")  # every step was instant navigation
    assert len(plotly_requests(watch)) == 1  # loaded once for the whole visit
    watch.clean()
    page.context.close()


def test_the_palette_toggle_rethemes_the_charts(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    page, watch = visit(browser, f"{url}handbook/journeys/open-current-account/")
    page.wait_for_selector("#history-conversion[data-journeys-drawn]", state="attached", timeout=20000)
    layout = "(sel) => { const l = document.querySelector(sel)._fullLayout; return {font: l.font.color, " \
             "paper: l.paper_bgcolor, plot: l.plot_bgcolor, hover: l.hoverlabel.bgcolor}; }"
    light = page.evaluate(layout, "#emotion-curve")
    assert light["font"] == colour_of(page, "--md-default-fg-color")
    assert light["paper"] == light["plot"] == "rgba(0,0,0,0)"  # the page shows through
    page.click("label[for='__palette_1']")
    for chart in ("#emotion-curve", "#history-conversion"):
        page.wait_for_selector(f"{chart}[data-journeys-scheme='slate']", state="attached", timeout=5000)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    dark = page.evaluate(layout, "#emotion-curve")
    assert dark["font"] == colour_of(page, "--md-default-fg-color") != light["font"]
    assert dark["hover"] == colour_of(page, "--md-default-bg-color") != light["hover"]
    assert dark["paper"] == "rgba(0,0,0,0)"
    tick = page.evaluate("() => getComputedStyle(document.querySelector('#emotion-curve .ytick text')).fill")
    assert channels(tick) == channels(dark["font"])  # drawn in the new colour
    page.click("label[for='__palette_0']")
    page.wait_for_selector("#emotion-curve[data-journeys-scheme='default']", state="attached", timeout=5000)
    assert page.evaluate(layout, "#emotion-curve")["font"] == light["font"]
    watch.clean()
    page.context.close()


def test_a_chart_opened_in_the_dark_scheme_is_dark(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    page, watch = visit(browser, f"{url}handbook/journeys/open-current-account/")
    page.click("label[for='__palette_1']")  # remembered by Material for the next page
    page.wait_for_selector("#emotion-curve[data-journeys-scheme='slate']", state="attached", timeout=5000)
    page.goto(f"{url}handbook/journeys/replace-lost-card/")
    page.wait_for_selector("#emotion-curve[data-journeys-scheme='slate']", state="attached", timeout=20000)
    font = page.evaluate("() => document.querySelector('#emotion-curve')._fullLayout.font.color")
    assert font == colour_of(page, "--md-default-fg-color")
    watch.clean()
    page.context.close()


def test_charts_follow_the_width_of_the_page(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    page, watch = visit(browser, f"{url}handbook/journeys/open-current-account/")
    width = "() => document.querySelector('#emotion-curve .main-svg').getBoundingClientRect().width"
    wide = page.evaluate(width)
    page.set_viewport_size({"width": 600, "height": 900})
    page.wait_for_function(f"() => ({width})() < {wide} - 50 && ({width})() <= "
                           "document.querySelector('#emotion-curve').clientWidth + 1", timeout=5000)
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
    site, url = example
    text = (site.root / "journeys" / "processes" / "account-onboarding.yml").read_text(encoding="utf-8")
    steps = [step["id"] for step in yaml.safe_load(text)["steps"]]
    page, watch = visit(browser, f"{url}handbook/processes/account-onboarding/", wait_for="svg.journeys-diagram-svg")
    nodes = page.eval_on_selector_all("svg.journeys-diagram-svg a.journeys-step",
                                      "els => els.map(a => [a.getAttribute('xlink:href'), a.querySelectorAll('rect')"
                                      ".length, a.getBoundingClientRect().width])")
    assert [href for href, _, _ in nodes] == [f"#step-{step}" for step in steps]
    assert all(rects == 1 and width > 50 for _, rects, width in nodes)  # one drawn box per step
    box = page.locator("svg.journeys-diagram-svg").bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 100
    assert not plotly_requests(watch)  # the diagram is SVG from the build: no plotly.js
    page.evaluate("() => { window.__sameDocument = true; }")
    page.click("svg.journeys-diagram-svg a.journeys-step[data-step='kyc-check']")
    page.wait_for_function("() => location.hash === '#step-kyc-check'", timeout=5000)
    page.wait_for_function("() => { const top = document.getElementById('step-kyc-check')"
                           ".getBoundingClientRect().top; return top > 40 && top < innerHeight - 40; }", timeout=5000)
    assert page.evaluate("() => window.__sameDocument === true")
    watch.clean()
    page.context.close()


def test_plotly_is_loaded_from_the_site_and_only_where_needed(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    seen = []
    for path in ("handbook/journeys/open-current-account/", "handbook/journeys/replace-lost-card/",
                 "handbook/personas/busy-parent/"):
        page, watch = visit(browser, url + path, wait_for=".journeys-chart[data-journeys-drawn]")
        plotly = plotly_requests(watch)
        assert len(plotly) == 1, plotly
        seen.append(plotly[0])
        watch.clean()
        page.context.close()
    assert seen == [f"{url}assets/journeys/plotly.min.js"] * 3  # one URL: the browser caches it
    for path in ("handbook/departments/compliance/", "handbook/processes/account-onboarding/"):
        page, watch = visit(browser, url + path, wait_for=None)
        page.wait_for_load_state("networkidle")
        assert page.locator("[data-journeys-figure]").count() == 0
        assert not plotly_requests(watch)
        assert page.evaluate("() => typeof window.Plotly") == "undefined"
        watch.clean()
        page.context.close()


def test_a_chart_that_cannot_be_drawn_says_so_and_keeps_its_table(browser: Any, example: tuple[Build, str]) -> None:
    _, url = example
    journey = f"{url}handbook/journeys/open-current-account/"
    # plotly.js does not load
    page, watch = open_page(browser)
    page.route("**/plotly.min.js", lambda route: route.abort())
    page.goto(journey)
    page.wait_for_selector("#emotion-curve[data-journeys-error]", state="attached", timeout=20000)
    assert "could not be drawn" in page.inner_text("#emotion-curve")
    assert page.is_visible("#emotion-curve .journeys-chart-error")
    assert page.evaluate("() => document.querySelector('#emotion-curve + details.journeys-chart-alt').open")
    assert page.is_visible("#emotion-curve + details.journeys-chart-alt table")
    assert [e for e in watch.errors if "Failed to load resource" not in e] == []  # the failed request only
    assert watch.refused == [] and watch.dialogs == []
    page.context.close()

    # one chart's data is broken: that one says so, the others draw
    def corrupt(route: Any) -> None:
        response = route.fetch()
        body = response.text().replace("data-journeys-figure='{", "data-journeys-figure='{broken", 1)
        route.fulfill(response=response, body=body)

    page, watch = open_page(browser)
    page.route(journey, corrupt)
    page.goto(journey)
    page.wait_for_selector("#history-conversion[data-journeys-drawn]", state="attached", timeout=20000)
    page.wait_for_selector("#emotion-curve[data-journeys-error]", state="attached", timeout=5000)
    assert "could not be drawn" in page.inner_text("#emotion-curve")
    watch.clean()
    page.context.close()


def test_hostile_names_show_as_text_and_run_nothing(browser: Any, hostile: str) -> None:
    page, watch = visit(browser, f"{hostile}handbook/journeys/hostile/")
    assert page.inner_text("article h1").strip() == HOSTILE_NAME
    text = hover_text(page, 0, "<script>alert(3)</script>")
    assert HOSTILE_NAME in text and '" onmouseover="alert(4)' in text
    page.mouse.move(5, 5)
    for path, title in (("handbook/personas/villain/", '<script>window.__pwned=4</script>" onerror="alert(4)'),
                        ("handbook/processes/evil/", "<img src=x onerror=alert(6)>"),
                        ("handbook/", None), ("handbook/departments/ops/", None)):
        page.goto(hostile + path)
        page.wait_for_load_state("networkidle")
        if title is not None:
            assert page.inner_text("article h1").strip() == title
    page.goto(hostile + "handbook/personas/villain/")
    page.wait_for_selector("#persona-journeys[data-journeys-drawn]", state="attached", timeout=20000)
    legend = page.locator("#persona-journeys .legendtext").first.text_content()
    assert legend == HOSTILE_NAME
    page.goto(hostile + "handbook/processes/evil/")
    labels = page.locator("svg.journeys-diagram-svg a.journeys-step text").all_text_contents()
    assert any("</text></svg><script>" in label for label in labels), labels
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("article script").count() == 0
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
        x, y = point_position(page, 7)
        page.mouse.click(x, y)  # no Material: the script follows the link itself
        page.wait_for_function("() => location.hash === '#touchpoint-welcome-email'", timeout=5000)
        watch.clean()
        page.context.close()


def test_a_feeling_shows_its_marker_in_its_own_tone(browser: Any, example: tuple[Build, str]) -> None:
    """The marker of a rated feeling is drawn by the style sheet in the badge's colour; an unrated
    one has none, and no marker is text a reader copies."""
    _, url = example
    page, watch = visit(browser, f"{url}handbook/departments/customer-support/", wait_for=None)
    badges = page.evaluate("""() => [...document.querySelectorAll('article .journeys-feel')].map((el) => {
        const mark = getComputedStyle(el, '::before');
        return {rated: el.hasAttribute('data-emotion'), text: el.textContent, mark: mark.content,
                width: parseFloat(mark.width) || 0, colour: mark.backgroundColor,
                tone: getComputedStyle(el).borderTopColor};
    })""")
    rated = [badge for badge in badges if badge["rated"]]
    unrated = [badge for badge in badges if not badge["rated"]]
    assert rated and unrated
    for badge in rated:
        assert (badge["mark"], badge["colour"]) == ('""', badge["tone"]) and badge["width"] > 4, badge
    assert all(badge["mark"] == "none" for badge in unrated)
    assert all(re.fullmatch(r"[−+]?\d+(\.\d+)? [a-z ]+|not recorded", badge["text"]) for badge in badges), badges
    watch.clean()
    page.context.close()


WIDE = "\n".join([
    "# Figures", "",
    "| Handbook file and what it holds | Grouping by activity | Ordered events per case | With it minus without "
    "| Ratio to the grouping | Ratio to the ordered events | Peak memory | Datasets read |",
    "|---|---|---|---|---|---|---|---|",
    "| Parquet (54 MiB), first run | 0.17 s | 2.12 s | 2.52 s | 14.5× | 1.2× | 337 MiB | 1 |", ""])


def test_a_wide_table_fits_the_printed_page(browser: Any, tmp_path: Path) -> None:
    """Paper does not scroll: every column of a wide table is on the page."""
    root = make_site(tmp_path, example_handbook(), docs={"index.md": WIDE}, config={"theme": THEME})
    result = build(root, strict=True)
    assert result.returncode == 0, result.log
    with serve(result.site) as url:
        page, watch = visit(browser, url, wait_for=None)
        page.set_viewport_size({"width": 700, "height": 900})
        page.emulate_media(media="print")
        edges = page.evaluate("""() => {
            const article = document.querySelector('article').getBoundingClientRect();
            const cells = [...document.querySelectorAll('article table th')].map((th) => th.getBoundingClientRect());
            return {article: [article.left, article.right], cells: cells.map((c) => [c.left, c.right])};
        }""")
        left, right = edges["article"]
        assert len(edges["cells"]) == 8
        assert all(left - 1 <= a and b <= right + 1 for a, b in edges["cells"]), edges
        watch.clean()
        page.context.close()
