"""The journey map in built sites, read from the HTML: its text on the page and in the search index,
its lanes, alternatives, swimlanes and handoffs, escaping of hostile text, and links that resolve
with and without directory URLs, on the journey page and where a hand-written page embeds it."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag

import pytest

from mkdocs_journeys.cli import main

from .hostile import hostile_handbook, live_markup
from .map_handbook import CLAIM
from .sites import Build, anchors, build, example_handbook, make_site, text_of

CLAIM_PAGE = "handbook/journeys/report-claim/"
EMBED_DOCS = {"index.md": "# Home\n", "guide/claims.md": "# Claims\n\n[[journeys map report-claim]]\n"}
BARE = {
    "departments.yml": "kind: department\nid: team\nname: The Team\n",
    "journeys/bare.yml": """
        kind: journey
        id: bare
        title: A bare journey
        owner: team
        stages:
          - name: Only stage
            touchpoints:
              - {name: Visits the shop, channel: branch}
        """,
}


def _map(html: str) -> str:
    """The map's HTML: from its container to the end of its grid."""
    start = html.index('<div class="journeys-map"')
    depth = 0
    for tag in re.finditer(r"<(/?)div\b", html[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return html[start:start + html.index(">", start + tag.end()) + 1 - start]
    raise AssertionError("the map is not closed")


def _rows(map_html: str) -> list[str]:
    return re.findall(r'<div class="journeys-map-row[^"]*" role="row" data-journeys-lane="([^"]+)"', map_html)


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def claim(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Build]:
    root = make_site(tmp_path_factory.mktemp("claim"), CLAIM, docs=EMBED_DOCS,
                     config={"use_directory_urls": request.param})
    result = build(root, strict=False)
    assert result.returncode == 0, result.log
    yield result


def _page(result: Build, url: str) -> str:
    directory = url.endswith("/")
    if not _uses_directory_urls(result):
        url = url.rstrip("/") + ".html" if directory else url
    return result.html(url)


def _uses_directory_urls(result: Build) -> bool:
    return (result.site / "handbook/journeys/report-claim/index.html").is_file()


def test_lanes_in_order_and_only_when_filled(claim: Build, tmp_path: Path) -> None:
    rows = _rows(_map(_page(claim, CLAIM_PAGE)))
    assert rows == ["stage", "touchpoint", "channel", "doing", "thinking", "feeling", "emotion", "pain-points",
                    "opportunities", "moments-of-truth", "departments", "department-contact-centre",
                    "department-digital", "department-claims", "department-garages", "visibility", "backstage",
                    "support", "metrics"]
    bare = build(make_site(tmp_path / "bare", BARE))
    assert _rows(_map(bare.html("handbook/journeys/bare/"))) == [
        "stage", "touchpoint", "channel", "departments", "department-team"]


def test_the_grid_text_is_on_the_page_and_in_the_search_index(claim: Build) -> None:
    grid = text_of(_map(_page(claim, CLAIM_PAGE)))
    for words in ("1. Report the damage", "Calls the claims hotline", "or Reports the claim in the app",
                  "for Ada, the app native", "Waits on hold, then describes the accident", "Twenty minutes on hold",
                  "Lowest −2", "Highest +2", "★ Moment of truth", "Partner Garages", "Line of visibility",
                  "Assessor reads the claim file", "Claims handling › Triage the claim", "actual 64%"):
        assert words in grid, words
    docs = json.loads((claim.site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    page = next(d for d in docs if d["location"].startswith("handbook/journeys/report-claim")
                and d["title"] == "Journey map")
    for words in ("Waits on hold, then describes the accident", "Line of visibility", "Book the visit in the app"):
        assert words in page["text"], words


def test_alternatives_share_a_column_and_owners_their_lanes(claim: Build) -> None:
    grid = _map(_page(claim, CLAIM_PAGE))
    touchpoint_row = re.search(r'data-journeys-lane="touchpoint">(.*?)</div></div>(?=<div class="journeys-map-row)',
                               grid).group(1)  # type: ignore[union-attr]
    first_cell = re.search(r'role="rowheader">.*?</div><div class="journeys-map-cell[^"]*" role="cell">(.*?)'
                           r'</div><div class="journeys-map-cell', touchpoint_row)
    assert first_cell is not None
    assert 'data-journeys-touchpoint="calls-hotline"' in first_cell.group(1)
    assert 'data-journeys-touchpoint="uses-app"' in first_cell.group(1)
    assert grid.count('data-journeys-lane="department-garages"') == 1
    garages = grid[grid.index('data-journeys-lane="department-garages"'):grid.index('data-journeys-lane="visibility"')]
    assert 'data-journeys-touchpoint="meets-assessor"' in garages
    assert 'data-journeys-touchpoint="picks-up-car"' in garages
    assert "calls-hotline" not in garages


def test_handoffs_are_marked_and_risky_ones_in_words(claim: Build) -> None:
    grid = _map(_page(claim, CLAIM_PAGE))
    lanes = dict(re.findall(r'data-journeys-lane="(department-[a-z-]+)">(.*?)(?=<div class="journeys-map-row)', grid))
    claims = text_of(lanes["department-claims"])
    assert "→ handoff from Contact Centre" in claims and "→ handoff from Digital Channels" in claims
    assert "risky" not in claims
    garages = text_of(lanes["department-garages"])
    # the mood drops from +0.5 to -2 on the way to the assessor; the repaired car stays with the garage
    assert garages.count("handoff") == 1 and "⚠ risky handoff from Claims" in garages
    risky = re.search(r'<a class="journeys-map-handoff journeys-map-handoff--risky" href="([^"]+)"', grid)
    assert risky is not None and risky.group(1).startswith("#finding-risky-handoff-report-claim-meets-assessor")


def _resolve(result: Build, page_url: str, href: str) -> tuple[Path, str]:
    target, fragment = urldefrag(href)
    url = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), target)) if target else page_url
    path = result.site / url.lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path, fragment


def test_every_link_of_the_map_resolves(claim: Build) -> None:
    directory_urls = _uses_directory_urls(claim)
    for source in (CLAIM_PAGE, "guide/claims/"):
        page_url = (source + "index.html") if directory_urls else source.rstrip("/") + ".html"
        grid = _map(claim.html(page_url))
        hrefs = anchors(grid).hrefs
        assert len(hrefs) > 40
        kinds = set()
        for href in hrefs:
            assert not href.startswith(("/", "http")), href
            path, fragment = _resolve(claim, page_url, href)
            assert path.is_file(), (source, href)
            if fragment:
                assert fragment in anchors(path.read_text(encoding="utf-8")).ids, (source, href)
                kinds.add(fragment.split("-")[0])
            kinds.add(path.parent.parent.name if path.name == "index.html" else path.parent.name)
        assert {"touchpoint", "stage", "step", "finding", "departments", "processes"} <= kinds, kinds


def test_the_map_adds_no_ids_and_keeps_the_stage_anchors(claim: Build) -> None:
    html = _page(claim, CLAIM_PAGE)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert not re.findall(r'\bid="', _map(html))
    assert {"stage-report", "stage-assess", "stage-follow-up", "stage-repair", "touchpoint-uses-app", "map"} <= set(ids)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("hostile")
    hostile_handbook(example_handbook(), root / "journeys")
    result = build(make_site(root))
    assert result.returncode == 0, result.log
    return result


def test_hostile_text_in_the_grid_is_shown_not_run(hostile: Build) -> None:
    grid = _map(hostile.html("handbook/journeys/open-current-account/"))
    assert live_markup(grid) == []
    shown = text_of(grid)
    for field in ("Touchpoint.name", "Touchpoint.doing", "Touchpoint.pain_points", "Touchpoint.backstage",
                  "Stage.name", "Department.name", "Process.title", "Step.name", "MetricDefinition.name"):
        assert f"{field} </title></text></svg><script>window.__pwned='{field}'</script>" in shown, field


def test_generated_markdown_loads_the_map_script_itself(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["generate", str(example_handbook()), str(out)]) == 0
    journey = (out / "handbook/journeys/open-current-account.md").read_text(encoding="utf-8")
    assert '<script src="../../../assets/journeys/journeys-map.js" defer></script><div class="journeys-map"' in journey
    assert (out / "assets/journeys/journeys-map.js").is_file()
    # one raw HTML block: a blank line inside would end it in CommonMark
    block = journey[journey.index("<script src=\"../../../assets/journeys/journeys-map.js\""):]
    assert "\n" not in _map(block)
