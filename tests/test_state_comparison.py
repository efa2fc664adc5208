"""Current against future state in a real site build: both pages show both curves and what changes."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from .chart_handbook import HANDBOOK
from .conftest import Builder, SiteFactory
from .sites import text_of

# A second future state whose assessment stage has a new id and name: paired with the current
# one by its place between two stages both journeys have.
RENAMED = """
    kind: journey
    id: claim-online
    title: Claims online
    state: future
    replaces: claim
    owner: claims
    stages:
      - id: report
        name: Report the damage to the insurer
        touchpoints:
          - {id: form, name: Fills in the form, emotion: 0}
      - id: online-assessment
        name: Assessment from photos
        touchpoints:
          - {id: photos, name: Uploads photos, emotion: 1}
      - id: repair
        name: Repair at the approved garage
        touchpoints:
          - {id: car-back, name: Gets the car back, emotion: 2}
    """


def _section(article: str) -> str:
    start = article.index('id="state-comparison"')
    end = article.index("<h2", start + 10)
    return article[start:end]


def _figure(section: str, future: str) -> dict[str, Any]:
    match = re.search(rf'id="state-comparison-{future}"[^>]*data-journeys-figure=\'([^\']*)\'', section)
    assert match, section[:500]
    figure: dict[str, Any] = json.loads(html.unescape(match.group(1)))
    return figure


def test_both_pages_compare_the_current_and_the_future_state(site: SiteFactory, build_site: Builder) -> None:
    result = build_site(site({**HANDBOOK, "journeys/claim-online.yml": RENAMED}), strict=True)
    assert result.returncode == 0, result.log
    current = _section(result.article("handbook/journeys/claim/"))
    future = _section(result.article("handbook/journeys/claim-future/"))

    for section in (current, future):
        figure = _figure(section, "claim-future")
        legend = [t["name"] for t in figure["data"] if t.get("showlegend") is not False]
        assert legend == ["Current: Making a claim", "Future: Making a claim (2027)"]
        stages = [a["hovertext"] for a in figure["layout"]["annotations"] if a.get("name") == "journeys-stage"]
        assert stages == ["Report the damage to the insurer", "Assessment of the vehicle → Video assessment",
                          "Waiting for repairs", "Repair at the approved garage", "Settlement and payment",
                          "Closing the claim file"]
        text = text_of(section)
        assert "Removed: Waiting for repairs" in text
        assert "Removed: Settlement and payment" in text
        assert "Renamed: Assessment of the vehicle → Video assessment" in text
        assert "Report the damage to the insurer: Contact centre → Digital" in text  # the stage's owner
        assert re.search(r"Handoffs between departments: \d+ now → \d+ in the future state", text)
        assert "Net Promoter Score 30 → 45 12 → —" in text
        assert "19d → 10d" in text and "24d → —" in text  # durations as written

    # the current page compares with every future state that replaces it; the future page with its own
    assert 'id="state-comparison-claim-online"' in current
    assert 'id="state-comparison-claim-online"' not in future
    assert "is the future state of this journey" in text_of(current)
    assert "This journey is to replace Making a claim" in text_of(future)

    # the renamed stage with a new id: paired by its place, not reported as removed and added
    online = text_of(current[current.index('id="state-comparison-claim-online"'):])
    assert "Renamed: Assessment of the vehicle → Assessment from photos" in online
    assert "Added:" not in online.split("Renamed: Assessment of the vehicle → Video")[0]

    # a point of the other journey links to its page, one of this journey to its own anchor
    hrefs = {c[0] for t in _figure(current, "claim-future")["data"] for c in t.get("customdata", [])}
    assert "#touchpoint-calls" in hrefs and "../claim-future/#touchpoint-video" in hrefs


def test_a_journey_nothing_replaces_has_no_comparison(site: SiteFactory, build_site: Builder) -> None:
    handbook = {k: v for k, v in HANDBOOK.items() if k != "journeys/claim-future.yml"}
    result = build_site(site(handbook), strict=True)
    assert result.returncode == 0, result.log
    assert 'id="state-comparison"' not in result.article("handbook/journeys/claim/")
