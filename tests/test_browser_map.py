"""The journey map in a real Chromium, judged from where things are drawn (bounding boxes), not from
the markup: stages in one row, lanes under their stages, curve points in their columns and within
the scale, touchpoints in their owners' swimlanes, alternatives in one column, nothing overlapping
on a phone, labels kept in view, contrast in both palettes, print, and the SVG and PNG downloads."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from mkdocs_journeys.handbook import build_handbook
from mkdocs_journeys.model import Journey

from .browser import free_port, open_page, serve
from .map_handbook import CLAIM
from .sites import build, example_handbook, make_site

THEME = {"name": "material", "font": False, "features": ["navigation.instant"],
         "palette": [{"scheme": "default"}, {"scheme": "slate"}]}
PAGES = {"claim": "handbook/journeys/report-claim/", "example": "handbook/journeys/open-current-account/"}

# Boxes relative to the grid, so that scrolling the grid does not move them.
GEOMETRY = """(map) => {
  const grid = map.querySelector('.journeys-map-grid');
  const origin = grid.getBoundingClientRect();
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left - origin.left, right: r.right - origin.left, top: r.top - origin.top,
            bottom: r.bottom - origin.top}; };
  const lane = (name) => `.journeys-map-row[data-journeys-lane="${name}"]`;
  const items = (name) => [...map.querySelectorAll(`${lane(name)} [data-journeys-touchpoint]`)]
    .filter((el) => el.classList.contains('journeys-map-item'))
    .map((el) => ({id: el.dataset.journeysTouchpoint, box: box(el), cell: box(el.closest('.journeys-map-cell'))}));
  return {
    stages: [...map.querySelectorAll('[data-journeys-stage]')].map((el) =>
      ({id: el.dataset.journeysStage, box: box(el.closest('.journeys-map-cell'))})),
    lanes: Object.fromEntries(['touchpoint', 'doing', 'feeling', 'pain-points'].map((n) => [n, items(n)])),
    points: [...map.querySelectorAll('.journeys-map-point')].map((el) => ({id: el.dataset.journeysTouchpoint,
      box: box(el)})),
    segments: [...map.querySelectorAll('.journeys-map-segment')].map(box),
    high: box(map.querySelector('.journeys-map-scale--high')),
    low: box(map.querySelector('.journeys-map-scale--low')),
    departments: [...map.querySelectorAll('[data-journeys-department]')].map((el) =>
      ({id: el.dataset.journeysDepartment, box: box(el.closest('.journeys-map-label'))})),
    owned: [...map.querySelectorAll('.journeys-map-owned')].map((el) => ({id: el.dataset.journeysTouchpoint,
      box: box(el)})),
  };
}"""

# Every piece of visible text in the grid as tight boxes, with the cell it belongs to.
TEXT_BOXES = """(map) => {
  const cells = [...map.querySelectorAll('.journeys-map-cell, .journeys-map-label')];
  const walker = document.createTreeWalker(map.querySelector('.journeys-map-grid'), NodeFilter.SHOW_TEXT);
  const boxes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || node.parentElement.closest('.journeys-map-sr')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const cell = cells.indexOf(node.parentElement.closest('.journeys-map-cell, .journeys-map-label'));
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.height > 0) boxes.push({cell, text: node.textContent.trim().slice(0, 30),
        left: r.left, right: r.right, top: r.top, bottom: r.bottom});
    }
  }
  return boxes;
}"""

# The contrast of each text's colour with what is painted behind it, composited as the browser does.
CONTRAST = """(map) => {
  const rgba = (s) => { const m = s.match(/[\\d.]+/g).map(Number);
    return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  const behind = (el) => { const layers = [];
    for (let n = el; n; n = n.parentElement) { const c = rgba(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]); };
  const lum = (c) => { const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const walker = document.createTreeWalker(map.querySelector('.journeys-map-grid'), NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('.journeys-map-sr')) continue;
    const bg = behind(el);
    const fg = over(rgba(getComputedStyle(el).color), bg);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    found.push({text: node.textContent.trim().slice(0, 30), ratio: (a + 0.05) / (b + 0.05)});
  }
  return found;
}"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[str, Journey]]]:
    """Both handbooks in one site folder each, served; with each page's journey as loaded."""
    served: dict[str, tuple[str, Journey]] = {}
    claim_root = make_site(tmp_path_factory.mktemp("map-claim"), CLAIM, config={"theme": THEME})
    example_root = make_site(tmp_path_factory.mktemp("map-example"), example_handbook(), config={"theme": THEME})
    results = {"claim": build(claim_root), "example": build(example_root)}
    for result in results.values():
        assert result.returncode == 0, result.log
    with serve(results["claim"].site, free_port()) as claim_url, serve(results["example"].site, free_port()) as ex_url:
        for name, url, root, journey_id in (("claim", claim_url, claim_root, "report-claim"),
                                            ("example", ex_url, example_root, "open-current-account")):
            served[name] = (url + PAGES[name], build_handbook(root / "journeys").journeys[journey_id])
        yield served


def _open(browser: Any, url: str, width: int = 1400) -> tuple[Any, Any]:
    page, watch = open_page(browser)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    page.wait_for_selector(".journeys-map")
    return page, watch


def _inside(inner: dict[str, float], outer: dict[str, float], axis: str = "x") -> bool:
    low, high = ("left", "right") if axis == "x" else ("top", "bottom")
    return outer[low] - 0.5 <= inner[low] and inner[high] <= outer[high] + 0.5


@pytest.mark.parametrize("name", ["claim", "example"])
def test_positions_follow_the_journey(browser: Any, sites: dict[str, tuple[str, Journey]], name: str) -> None:
    url, journey = sites[name]
    page, watch = _open(browser, url)
    geometry = page.locator(".journeys-map").evaluate(GEOMETRY)
    stages = geometry["stages"]
    assert [s["id"] for s in stages] == [s.id for s in journey.stages]
    assert len({round(s["box"]["top"]) for s in stages}) == 1  # one row
    assert all(a["box"]["right"] <= b["box"]["left"] + 0.5 for a, b in pairwise(stages))
    stage_box = {s["id"]: s["box"] for s in stages}
    stage_of = {tp.id: stage.id for stage, tp in journey.touchpoints()}
    for lane in ("touchpoint", "doing", "feeling", "pain-points"):
        for item in geometry["lanes"][lane]:
            assert _inside(item["box"], stage_box[stage_of[item["id"]]]), (lane, item["id"])
    columns = {item["id"]: item["cell"] for item in geometry["lanes"]["touchpoint"]}
    assert set(columns) == set(stage_of)
    rated = {tp.id for _, tp in journey.touchpoints() if tp.emotion is not None}
    assert {p["id"] for p in geometry["points"]} == rated
    for point in geometry["points"]:
        middle = (point["box"]["left"] + point["box"]["right"]) / 2
        column = columns[point["id"]]
        assert column["left"] < middle < column["right"], point["id"]
        # the scale's ends are the lines at the highest and the lowest emotion
        centre = (point["box"]["top"] + point["box"]["bottom"]) / 2
        assert geometry["high"]["top"] - 0.5 <= centre <= geometry["low"]["bottom"] + 0.5, point["id"]
    assert geometry["segments"]
    for segment in geometry["segments"]:
        assert geometry["high"]["top"] - 1.5 <= segment["top"] and segment["bottom"] <= geometry["low"]["bottom"] + 1.5
    lanes = {d["id"]: d["box"] for d in geometry["departments"]}
    owner = {tp.id: tp.owner_id for _, tp in journey.touchpoints()}
    assert sorted(o["id"] for o in geometry["owned"]) == sorted(owner)
    for item in geometry["owned"]:
        assert _inside(item["box"], lanes[owner[item["id"]]], "y"), item["id"]
        assert _inside(item["box"], columns[item["id"]]), item["id"]
        others = [d for d, box in lanes.items() if d != owner[item["id"]] and _inside(item["box"], box, "y")]
        assert others == [], item["id"]
    watch.clean()


def test_alternatives_share_a_column(browser: Any, sites: dict[str, tuple[str, Journey]]) -> None:
    url, _ = sites["claim"]
    page, watch = _open(browser, url)
    geometry = page.locator(".journeys-map").evaluate(GEOMETRY)
    cells = {item["id"]: item["cell"] for item in geometry["lanes"]["touchpoint"]}
    boxes = {item["id"]: item["box"] for item in geometry["lanes"]["touchpoint"]}
    assert cells["calls-hotline"] == cells["uses-app"]
    assert boxes["calls-hotline"]["bottom"] <= boxes["uses-app"]["top"]  # stacked, not side by side
    assert cells["gets-reference"]["left"] >= cells["uses-app"]["right"] - 0.5
    points = {p["id"]: p["box"] for p in geometry["points"]}
    assert points["calls-hotline"]["left"] == pytest.approx(points["uses-app"]["left"], abs=0.5)
    assert points["calls-hotline"]["top"] > points["uses-app"]["top"]  # -1 below +1
    watch.clean()


@pytest.mark.parametrize("name", ["claim", "example"])
def test_nothing_overlaps_on_a_phone_and_the_labels_stay(browser: Any, sites: dict[str, tuple[str, Journey]],
                                                         name: str) -> None:
    url, _ = sites[name]
    page, watch = _open(browser, url, width=400)
    assert page.evaluate("document.documentElement.scrollWidth") <= 400  # only the grid scrolls
    scroller = page.locator(".journeys-map-scroll")
    assert scroller.evaluate("(el) => el.scrollWidth > el.clientWidth + 100")
    boxes = page.locator(".journeys-map").evaluate(TEXT_BOXES)
    assert len(boxes) > 50
    overlaps = []
    for n, a in enumerate(boxes):
        for b in boxes[n + 1:]:
            if a["cell"] != b["cell"] and min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5 \
                    and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5:
                overlaps.append((a["text"], b["text"]))
    assert overlaps == []
    scroller.evaluate("(el) => { el.scrollLeft = el.scrollWidth; }")
    left = scroller.evaluate("(el) => el.getBoundingClientRect().left")
    labels = page.locator(".journeys-map-label").evaluate_all(
        """(labels) => labels.map((el) => { const r = el.getBoundingClientRect();
             const hit = document.elementFromPoint(r.left + 8, r.top + Math.min(8, r.height / 2));
             return {left: r.left, right: r.right, top: r.top, shown: el.contains(hit), text: el.textContent}; })""")
    visible = [label for label in labels if 60 < label["top"] < 880]
    assert visible
    for label in visible:
        assert label["left"] == pytest.approx(left, abs=1.5) and label["shown"], label["text"]
    watch.clean()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_text_contrast_in_both_palettes(browser: Any, sites: dict[str, tuple[str, Journey]], scheme: str) -> None:
    for name in ("claim", "example"):
        url, _ = sites[name]
        page, watch = _open(browser, url)
        # the colours the palette ends at: a colour transition still running on a busy machine is not it
        page.add_style_tag(content="*, *::before, *::after { transition: none !important }")
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        found = page.locator(".journeys-map").evaluate(CONTRAST)
        assert len(found) > 50
        low = [(f["text"], round(f["ratio"], 2)) for f in found if f["ratio"] < 4.5]
        assert low == [], (name, scheme)
        watch.clean()


def test_printed_on_landscape_pages_without_scrolling(browser: Any, sites: dict[str, tuple[str, Journey]],
                                                      tmp_path: Path) -> None:
    url, _ = sites["claim"]
    page, watch = _open(browser, url)
    page.emulate_media(media="print")
    scroller = page.locator(".journeys-map-scroll")
    assert scroller.evaluate("(el) => getComputedStyle(el).overflowX") == "visible"
    assert page.locator(".journeys-map-label").first.evaluate("(el) => getComputedStyle(el).position") != "sticky"
    pdf = page.pdf(prefer_css_page_size=True)
    sizes = [(float(w), float(h)) for w, h in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)]
    assert any(w > h for w, h in sizes) and any(w < h for w, h in sizes), sizes  # the map's pages only
    watch.clean()


def test_download_as_svg_and_png(browser: Any, sites: dict[str, tuple[str, Journey]], tmp_path: Path) -> None:
    url, journey = sites["claim"]
    page, watch = _open(browser, url)
    width = page.locator(".journeys-map-grid").evaluate("(el) => el.scrollWidth")
    with page.expect_download() as svg_download:
        page.click("[data-journeys-map-download=svg]")
    assert svg_download.value.suggested_filename == "journey-map-report-claim.svg"
    svg_path = tmp_path / "map.svg"
    svg_download.value.save_as(svg_path)
    root = ET.fromstring(svg_path.read_text(encoding="utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and int(root.get("width", "0")) == width
    texts = "".join(root.itertext())
    assert all(tp.name in texts for _, tp in journey.touchpoints())
    assert root.find("{http://www.w3.org/2000/svg}foreignObject") is not None
    with page.expect_download() as png_download:
        page.click("[data-journeys-map-download=png]")
    assert png_download.value.suggested_filename == "journey-map-report-claim.png"
    png_path = tmp_path / "map.png"
    png_download.value.save_as(png_path)
    data = png_path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    png_width, png_height = struct.unpack(">II", data[16:24])
    assert png_width >= width and png_height > 500
    watch.clean()
