"""The process diagrams of the repository's example handbook in a real Chromium, measured as drawn:
branch labels overlap nothing, texts fit their boxes, every step stands in its owner's lane, a
phone scrolls the diagram sideways, paper shrinks it, and the dark palette recolours it. Screenshots are written
beside the test's files for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mkdocs_journeys.figures.diagram import MIN_SCALE

from .browser import open_page, serve
from .sites import REPO

PROCESSES = sorted(path.stem for path in (REPO / "journeys" / "processes").glob("*.yml"))

MEASURE = """() => {
    const svg = document.querySelector('svg.journeys-diagram-svg');
    const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; };
    const lanes = {};
    svg.querySelectorAll('g.journeys-lane').forEach(g => { lanes[g.dataset.lane] = box(g.querySelector('rect')); });
    const steps = [...svg.querySelectorAll('a.journeys-step')].map(a => ({
        step: a.dataset.step, lane: a.dataset.lane, rect: box(a.querySelector('rect')),
        texts: [...a.querySelectorAll('text')].map(box)}));
    const labels = [...svg.querySelectorAll('g.journeys-edge-label')].map(g => ({
        rect: box(g.querySelector('rect')), text: box(g.querySelector('text')),
        bbox: (() => { const b = g.querySelector('text').getBBox(); return [b.x, b.y, b.width, b.height]; })(),
        bg: (() => { const b = g.querySelector('rect').getBBox(); return [b.x, b.y, b.width, b.height]; })()}));
    return {lanes, steps, labels};
}"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _within(inner: list[float], outer: list[float], slack: float = 0.5) -> bool:
    return (outer[0] - slack <= inner[0] and inner[0] + inner[2] <= outer[0] + outer[2] + slack
            and outer[1] - slack <= inner[1] and inner[1] + inner[3] <= outer[1] + outer[3] + slack)


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from .sites import build, make_site

    root = make_site(tmp_path_factory.mktemp("diagram") / "site", REPO / "journeys",
                     config={"theme": {"name": "material", "font": False, "features": ["navigation.instant"],
                                       "palette": [{"scheme": "default"}, {"scheme": "slate"}]}})
    result = build(root)
    assert result.returncode == 0, result.log
    with serve(result.site) as url:
        yield url


@pytest.mark.parametrize("process", PROCESSES)
def test_labels_overlap_nothing_and_steps_sit_in_their_lanes(browser: Any, handbook: str, process: str) -> None:
    page, watch = open_page(browser)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{handbook}handbook/processes/{process}/")
    page.wait_for_selector("svg.journeys-diagram-svg")
    drawn = page.evaluate(MEASURE)
    steps, labels, lanes = drawn["steps"], drawn["labels"], drawn["lanes"]
    assert steps and lanes
    for step in steps:
        assert _within(step["rect"], lanes[step["lane"]]), step["step"]  # in its owner's lane
        for text in step["texts"]:
            assert _within(text, step["rect"]), step["step"]  # its words fit its box
    for k, label in enumerate(labels):
        assert _within(label["bbox"], label["bg"]), label  # the real text fits its background
        assert not any(_overlap(label["rect"], other["rect"]) for other in labels[k + 1:])
        assert not any(_overlap(label["rect"], step["rect"]) for step in steps)
    # up to four lanes fit the 1,400 px page's text column; a wider diagram shrinks no further than
    # MIN_SCALE and scrolls sideways to the whole of its drawing
    fits, drawn_width, natural, reach = page.evaluate("""() => {
        const f = document.querySelector('#flow-diagram'), svg = f.querySelector('svg');
        return [f.scrollWidth <= f.clientWidth + 1, svg.getBoundingClientRect().width,
                svg.viewBox.baseVal.width, f.scrollWidth]; }""")
    assert fits or len(lanes) > 4, process
    assert drawn_width >= natural * MIN_SCALE - 1 and reach >= drawn_width - 1
    watch.clean()
    page.context.close()


def test_a_phone_scrolls_the_diagram_and_dark_mode_recolours_it(browser: Any, handbook: str, tmp_path: Path) -> None:
    page, watch = open_page(browser)
    page.set_viewport_size({"width": 400, "height": 800})
    page.goto(f"{handbook}handbook/processes/account-opening/")
    figure = page.locator("#flow-diagram")
    figure.scroll_into_view_if_needed()
    assert page.evaluate("() => { const f = document.querySelector('#flow-diagram');"
                         " return f.scrollWidth > f.clientWidth && f.clientWidth <= 400; }")
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")  # only the figure scrolls
    figure.screenshot(path=str(tmp_path / "diagram-400.png"))
    page.set_viewport_size({"width": 1400, "height": 900})
    figure.screenshot(path=str(tmp_path / "diagram-1400.png"))
    light = page.evaluate("() => getComputedStyle(document.querySelector('.journeys-edge-label rect')).fill")
    lane = page.evaluate("() => getComputedStyle(document.querySelector('.journeys-step rect')).stroke")
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = page.evaluate("() => getComputedStyle(document.querySelector('.journeys-edge-label rect')).fill")
    dark_lane = page.evaluate("() => getComputedStyle(document.querySelector('.journeys-step rect')).stroke")
    figure.screenshot(path=str(tmp_path / "diagram-dark.png"))
    assert light != dark and lane != dark_lane  # the label backgrounds and department colours follow the palette
    assert page.evaluate("() => getComputedStyle(document.querySelector('.journeys-step text')).fill") != \
        "rgb(0, 0, 0)"
    # on paper, the widest diagram shrinks to the page instead of running off it
    page.goto(f"{handbook}handbook/processes/trial-onboarding/")
    page.set_viewport_size({"width": 700, "height": 1000})
    page.emulate_media(media="print")
    assert page.evaluate("() => { const f = document.querySelector('#flow-diagram');"
                         " return f.querySelector('svg').getBoundingClientRect().width <= f.clientWidth + 1; }")
    watch.clean()
    page.context.close()
