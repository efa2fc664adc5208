"""The overview's chart of every journey's emotion range, read in Chromium where space is short: on a
phone, in a language whose words are long."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .browser import free_port, open_page, serve
from .sites import build, example_handbook, make_site
from .test_browser import THEME

GLANCE = "#handbook-glance"
BOXES = """(sel) => {
    const chart = document.querySelector(sel).getBoundingClientRect();
    const title = document.querySelector(sel + ' .xtitle').getBoundingClientRect();
    return {chart: [chart.left, chart.right], title: [title.left, title.right], text:
            document.querySelector(sel + ' .xtitle').textContent};
}"""


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    root = make_site(tmp_path_factory.mktemp("glance"), example_handbook(),
                     config={"theme": {**THEME, "language": "de"}, "site_url": f"http://127.0.0.1:{port}/"})
    result = build(root, strict=False)
    assert result.returncode == 0, result.log
    with serve(result.site, port) as url:
        yield url


@pytest.mark.parametrize("width", [400, 1400])
def test_the_axis_title_stays_inside_the_chart(browser: Any, german: str, width: int) -> None:
    page, watch = open_page(browser)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{german}handbook/")
    page.wait_for_selector(f"{GLANCE}[data-journeys-drawn]", state="attached", timeout=20000)
    page.locator(GLANCE).scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    boxes = page.evaluate(BOXES, GLANCE)
    assert "Durchschnitt" in boxes["text"]  # the German title, all of it drawn
    assert boxes["chart"][0] <= boxes["title"][0] and boxes["title"][1] <= boxes["chart"][1], boxes
    watch.clean()
    page.context.close()
