"""Honest charts, read from what Chromium draws: the curve stays within its scale, alternatives share
an x, stage labels never overlap, a duration axis reads in days, text and table rules keep their
contrast in both palettes, and the current and future states share one chart."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from .browser import free_port, open_page, serve
from .chart_handbook import HANDBOOK
from .sites import build, make_site
from .test_browser import THEME

CURVE = "#emotion-curve"
COMPARISON = "#state-comparison-claim-future"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    root = make_site(tmp_path_factory.mktemp("charts"), HANDBOOK,
                     config={"theme": THEME, "site_url": f"http://127.0.0.1:{port}/"})
    result = build(root, strict=True)
    assert result.returncode == 0, result.log
    with serve(result.site, port) as url:
        yield url


def visit(browser: Any, url: str, chart: str = CURVE, width: int = 1400, dark: bool = False) -> Any:
    page, watch = open_page(browser)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    if dark:
        page.click("label[for='__palette_1']")
    page.wait_for_selector(f"{chart}[data-journeys-drawn]", state="attached", timeout=20000)
    page.wait_for_timeout(300)  # the labels are fitted once the chart is drawn
    page.__dict__["watch"] = watch
    return page


def close(page: Any) -> None:
    page.__dict__["watch"].clean()
    page.context.close()


# --- the curve stays within its scale --------------------------------------------------------------

def test_the_drawn_curve_never_passes_beyond_the_scale(browser: Any, site: str) -> None:
    page = visit(browser, f"{site}handbook/journeys/claim/")
    found = page.evaluate("""(sel) => {
        const el = document.querySelector(sel);
        const ya = el._fullLayout.yaxis;
        const low = el._fullLayout.yaxis.l2p(-2), high = el._fullLayout.yaxis.l2p(2);
        const ys = [];
        for (const path of el.querySelectorAll('.scatterlayer path.js-line')) {
            const numbers = (path.getAttribute('d') || '').match(/-?[0-9.]+(e-?[0-9]+)?/g) || [];
            for (let i = 1; i < numbers.length; i += 2) ys.push(Number(numbers[i]));
        }
        return {ys, low, high, offset: ya._offset};
    }""", CURVE)
    assert len(found["ys"]) >= 6  # plotly leaves out the middle of three points in a straight line
    # pixel y grows downwards: the scale's minimum (-2) is the largest y, its maximum (2) the smallest
    assert all(found["high"] - 0.5 <= y <= found["low"] + 0.5 for y in found["ys"]), found
    shapes = page.evaluate("(sel) => document.querySelector(sel).data.map(t => t.line && t.line.shape)", CURVE)
    assert set(shapes) == {"linear"}
    close(page)


def test_alternatives_share_one_x(browser: Any, site: str) -> None:
    page = visit(browser, f"{site}handbook/journeys/claim/")
    points = page.evaluate("""(sel) => {
        const out = {};
        for (const trace of document.querySelector(sel).data) {
            (trace.customdata || []).forEach((c, i) => { out[c[0]] = trace.x[i]; });
        }
        return out;
    }""", CURVE)
    assert points["#touchpoint-calls"] == points["#touchpoint-app"] == 0
    assert points["#touchpoint-number"] == 1  # the next column, not the third point
    assert points["#touchpoint-survey"] == 6
    # no line joins the two alternatives: the main line goes from the first to the next column
    main = page.evaluate("(sel) => document.querySelector(sel).data[0].x", CURVE)
    assert main == list(range(7))
    close(page)


# --- labels ------------------------------------------------------------------------------------------

def _overlaps(boxes: list[dict[str, float]]) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes) if i < j
            and a["left"] < b["right"] - 0.5 and b["left"] < a["right"] - 0.5
            and a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5]


LABEL_BOXES = """(sel) => {
    const el = document.querySelector(sel);
    const names = el.layout.annotations.map(a => a.name);
    return Array.from(el.querySelectorAll('.annotation')).filter(g =>
            names[Number(g.getAttribute('data-index'))] === 'journeys-stage')
        .map(g => { const r = g.querySelector('.annotation-text-g text').getBoundingClientRect();
                    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: g.textContent}; });
}"""

TICK_BOXES = """(sel) => Array.from(document.querySelectorAll(sel + ' .xtick text')).map(t => {
    const r = t.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })"""


@pytest.mark.parametrize("width", [400, 1400])
def test_stage_labels_never_overlap(browser: Any, site: str, width: int) -> None:
    for path, chart in (("claim/", CURVE), ("claim/", COMPARISON)):
        page = visit(browser, f"{site}handbook/journeys/{path}", chart, width)
        page.locator(chart).scroll_into_view_if_needed()
        boxes = page.evaluate(LABEL_BOXES, chart)
        assert len(boxes) == 6, boxes  # one per stage
        assert _overlaps(boxes) == [], boxes
        assert [b["left"] for b in boxes] == sorted(b["left"] for b in boxes)  # in journey order
        if chart == CURVE:
            ticks = page.evaluate(TICK_BOXES, chart)
            assert len(ticks) == 7 and _overlaps(ticks) == [], ticks
        close(page)


def test_a_shortened_stage_label_keeps_its_full_name_in_its_hover(browser: Any, site: str) -> None:
    page = visit(browser, f"{site}handbook/journeys/claim/", width=400)
    labels = page.evaluate("(sel) => document.querySelector(sel).layout.annotations"
                           ".filter(a => a.name === 'journeys-stage').map(a => [a.text, a.hovertext])", CURVE)
    assert any(text.endswith("…") for text, _ in labels), labels  # 400 px is too narrow for them all
    for text, full in labels:
        assert full.startswith(text.rstrip("…"))
    assert "Report the damage to the insurer" in [full for _, full in labels]
    close(page)


def test_touchpoint_labels_wrap_instead_of_being_cut(browser: Any, site: str) -> None:
    page = visit(browser, f"{site}handbook/journeys/claim/")
    ticks = page.evaluate("(sel) => document.querySelector(sel).layout.xaxis.ticktext", CURVE)
    assert ticks[1] == "Receives the claim<br>number by text<br>message"
    assert "…" not in "".join(ticks)
    assert ticks[0].split("<br>or ") == ["Reports the claim<br>by phone to the<br>claims line",
                                          "Reports the claim<br>in the app"]
    close(page)


# --- durations ---------------------------------------------------------------------------------------

def test_a_duration_history_reads_in_days(browser: Any, site: str) -> None:
    page = visit(browser, f"{site}handbook/journeys/claim/", "#history-duration")
    title = page.text_content("#history-duration .g-ytitle")
    assert title is not None and "(days)" in title
    ticks = [t.strip() for t in page.locator("#history-duration .ytick text").all_text_contents()]
    assert ticks and all(re.fullmatch(r"\d+", t) and 15 <= int(t) <= 35 for t in ticks), ticks
    data = page.evaluate("() => document.querySelector('#history-duration').data.map(t => t.y)")
    assert data == [[31, 26, 24], [19, 19]]
    table = page.text_content("#history-duration + details")
    assert table is not None and "31d" in table and "4w" not in table
    close(page)


# --- contrast ----------------------------------------------------------------------------------------

CONTRAST = """(sel) => {
    const rgba = (text) => {
        const n = (text.match(/[0-9.]+/g) || [NaN]).map(Number);
        return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1];
    };
    const over = (fg, bg) => fg.slice(0, 3).map((c, i) => c * fg[3] + bg[i] * (1 - fg[3]));
    const lum = (c) => {
        const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const bg = rgba(getComputedStyle(document.body).backgroundColor);
    const against = (colour) => ratio(over(rgba(colour), bg), bg);
    const el = document.querySelector(sel);
    const details = el.nextElementSibling;
    details.open = true;
    const td = details.querySelector('td');
    const text = (q) => Array.from(el.querySelectorAll(q)).map(t => against(getComputedStyle(t).fill));
    return {
        ticks: [...text('.xtick text'), ...text('.ytick text')],
        annotations: text('.annotation-text'),
        tableText: [against(getComputedStyle(td).color), against(getComputedStyle(details.querySelector('th')).color)],
        tableRule: against(getComputedStyle(td).borderTopColor),
        line: against(getComputedStyle(el.querySelector('.scatterlayer path.js-line')).stroke),
        arrows: Array.from(el.querySelectorAll('.annotation-arrow-g path')).map(p => getComputedStyle(p).stroke)
            .filter(s => s !== 'none').map(against),
        modebar: Array.from(el.querySelectorAll('.modebar-btn path')).slice(0, 1)
            .map(p => against(getComputedStyle(p).fill)),
        role: el.getAttribute('role'),
    };
}"""


@pytest.mark.parametrize("dark", [False, True])
def test_chart_text_and_tables_keep_their_contrast(browser: Any, site: str, dark: bool) -> None:
    page = visit(browser, f"{site}handbook/journeys/claim/", dark=dark)
    page.hover(CURVE)  # shows the mode bar
    found = page.evaluate(CONTRAST, CURVE)
    assert found["ticks"] and min(found["ticks"]) >= 4.5, found
    assert found["annotations"] and min(found["annotations"]) >= 4.5, found  # stages, Highest, Lowest
    assert min(found["tableText"]) >= 4.5, found
    assert found["tableRule"] >= 3, found  # the rules between the table's rows
    assert found["line"] >= 3, found
    assert len(found["arrows"]) == 2 and min(found["arrows"]) >= 3, found
    assert found["modebar"] and min(found["modebar"]) >= 3, found
    assert found["role"] != "img"  # the mode bar's buttons are inside
    close(page)


# --- current and future ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["claim/", "claim-future/"])
def test_current_and_future_share_one_chart(browser: Any, site: str, path: str) -> None:
    page = visit(browser, f"{site}handbook/journeys/{path}", COMPARISON)
    names = page.evaluate("(sel) => document.querySelector(sel).data.filter(t => t.showlegend !== false)"
                          ".map(t => t.name)", COMPARISON)
    assert names == ["Current: Making a claim", "Future: Making a claim (2027)"]
    legend = page.locator(f"{COMPARISON} .legendtext").all_text_contents()
    assert legend == names
    close(page)
