"""The measured figures in a real Chromium: the journey funnel is drawn by plotly from the page's
figure data, the process diagram shows each arrow's count in words that fit their background and
touch nothing, and both pages read at 1,400 and 400 px, light and dark. Screenshots are written
beside the test's files for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .browser import open_page, serve
from .measured_handbook import HANDBOOK, write_data
from .sites import build, make_site
from .test_browser_diagram import MEASURE, _overlap, _within

THEME = {"theme": {"name": "material", "font": False, "features": ["navigation.instant"],
                   "palette": [{"scheme": "default"}, {"scheme": "slate"}]}}


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = make_site(tmp_path_factory.mktemp("measured") / "site", HANDBOOK, config=THEME)
    write_data(root / "journeys")
    result = build(root)
    assert result.returncode == 0, result.log
    with serve(result.site) as url:
        yield url


def test_the_funnel_is_drawn_from_the_figure_data(browser: Any, handbook: str) -> None:
    page, watch = open_page(browser)
    page.goto(f"{handbook}handbook/journeys/claim-refund/")
    page.wait_for_selector("#journey-funnel .main-svg")
    drawn = page.evaluate("""() => {
        const el = document.querySelector('#journey-funnel');
        const figure = JSON.parse(el.getAttribute('data-journeys-figure'));
        return {type: el._fullData[0].type, x: el._fullData[0].x, figure: figure.data[0].x,
                bars: el.querySelectorAll('g.point').length,
                texts: [...el.querySelectorAll('g.point text, text.bartext')].map(t => t.textContent)}; }""")
    assert drawn["type"] == "funnel" and drawn["x"] == drawn["figure"] == [4, 4, 3, 3, 2, 2]
    assert drawn["bars"] == 6
    assert any(text.startswith("4") for text in drawn["texts"]) and any(t.startswith("2") for t in drawn["texts"])
    watch.clean()
    page.context.close()


def test_the_diagram_shows_the_counts(browser: Any, handbook: str) -> None:
    page, watch = open_page(browser)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{handbook}handbook/processes/refund/")
    page.wait_for_selector("svg.journeys-diagram-svg")
    shown = page.evaluate("() => [...document.querySelectorAll('g.journeys-edge-label--count text')]"
                          ".map(t => t.textContent)")
    assert sorted(shown) == sorted(["4", "4", "yes · 3", "no · 2", "unclear · 0", "3"])
    drawn = page.evaluate(MEASURE)
    for k, label in enumerate(drawn["labels"]):
        assert _within(label["bbox"], label["bg"]), label  # the real text fits its background
        assert not any(_overlap(label["rect"], other["rect"]) for other in drawn["labels"][k + 1:])
        assert not any(_overlap(label["rect"], step["rect"]) for step in drawn["steps"])
    apart = page.locator(".journeys-undesigned")
    assert apart.is_visible() and "not on the map · 1" in apart.inner_text()
    style = page.evaluate("() => getComputedStyle(document.querySelector('.journeys-undesigned')).borderTopStyle")
    assert style == "dashed"
    watch.clean()
    page.context.close()


@pytest.mark.parametrize("width", [1400, 400])
def test_screenshots_light_and_dark(browser: Any, handbook: str, tmp_path: Path, width: int) -> None:
    page, watch = open_page(browser)
    page.set_viewport_size({"width": width, "height": 900})
    for name, path, ready in (("process", "handbook/processes/refund/", "svg.journeys-diagram-svg"),
                              ("journey", "handbook/journeys/claim-refund/", "#journey-funnel .main-svg")):
        page.goto(f"{handbook}{path}")
        page.wait_for_selector(ready)
        # only a figure scrolls sideways, never the page
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth + 1"), (name, width)
        page.screenshot(path=str(tmp_path / f"{name}-{width}-light.png"), full_page=True)
        colour = page.evaluate("() => getComputedStyle(document.querySelector('.journeys-undesigned, "
                               ".journeys-map-cases')).color")
        page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
        page.wait_for_timeout(300)
        assert page.evaluate("() => getComputedStyle(document.querySelector('.journeys-undesigned, "
                             ".journeys-map-cases')).color") != colour  # it follows the palette
        page.screenshot(path=str(tmp_path / f"{name}-{width}-dark.png"), full_page=True)
        page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'default')")
    watch.clean()
    page.context.close()
