"""Findings as readers see them on journey, process, persona and overview pages: a plain title, a
link to what it concerns, the code as small print, author advice behind "How to fix" with field
names as code and the names it quotes shown as written; and the one wording of emotions."""

from __future__ import annotations

import re

import pytest

from mkdocs_journeys.finding_codes import FindingCode
from mkdocs_journeys.settings import Settings
from mkdocs_journeys.wording import emotion_label, emotion_tone, finding_title, is_author_advice

from .conftest import Builder, SiteFactory
from .links import broken_links
from .sites import Build, text_of

HOSTILE = "Ops <img src=x onerror=alert(1)> & *co*"
HANDBOOK = {
    "departments.yml": f"""
        kind: department
        id: support
        name: Support
        ---
        kind: department
        id: ops
        name: "{HOSTILE}"
        """,
    "personas/sam.yml": """
        kind: persona
        id: sam
        name: Sam
        channels: [chat]
        avoid_channels: [phone]
        """,
    "journeys/claim.yml": """
        kind: journey
        id: claim
        title: Making a claim
        owner: support
        personas: [sam]
        stages:
          - id: report
            name: Report
            owner: support
            touchpoints:
              - {id: calls, name: Calls the hotline, channel: phone, emotion: 1}
          - id: assess
            name: Assess
            owner: ops
            touchpoints:
              - {id: waits, name: Waits for the assessor, channel: phone, emotion: -2}
        """,
    "processes/handling.yml": """
        kind: process
        id: handling
        title: Claim handling
        owner: ops
        steps:
          - {id: receive, name: Receive the claim, supports: [claim/calls], next: []}
          - {id: orphan, name: File the claim}
        """,
}
PLUGIN = {"ignore": [{"code": "missing-emotion", "reason": "not researched yet"},
                     {"code": "lowest-point", "entities": ["journey:claim"], "reason": "known, being fixed"}]}
PAGES = ("handbook/", "handbook/journeys/claim/", "handbook/processes/handling/", "handbook/personas/sam/",
         "handbook/departments/ops/", "handbook/departments/support/")


@pytest.fixture
def built(site: SiteFactory, build_site: Builder) -> Build:
    result = build_site(site(HANDBOOK, plugin=PLUGIN))
    assert result.returncode == 0, result.log
    return result


def _items(html: str, anchor: str) -> list[str]:
    section = html[html.index(f'id="{anchor}"'):]
    section = section[:section.index("</ul>")]
    return re.findall(r"<li>(.*?)</li>", section, re.S)


def test_each_finding_has_its_title_its_link_and_the_code_as_small_print(built: Build) -> None:
    titles = {code.label for code in FindingCode}
    seen = set()
    for url, anchor in (("handbook/journeys/claim/", "findings"), ("handbook/processes/handling/", "review"),
                        ("handbook/personas/sam/", "findings")):
        items = _items(built.article(url), anchor)
        assert items, url
        for item in items:
            title = re.search(r'<strong class="journeys-finding__title">([^<]+)</strong> · <a href="', item)
            assert title is not None and title.group(1) in titles, item
            seen.add(title.group(1))
            code = re.search(r'<small class="journeys-finding__code"[^>]*><code>([a-z-]+)</code></small>', item)
            assert code is not None and FindingCode(code.group(1)).label == title.group(1), item
            assert text_of(item).startswith(title.group(1)), item  # the title first, never a bare code
    assert {"Risky handoff", "Unreachable step", "No channel this persona uses", "Emotion drop"} <= seen


def test_author_advice_is_behind_how_to_fix_with_field_names_as_code(built: Build) -> None:
    process = built.article("handbook/processes/handling/")
    fix = re.search(r'<details class="journeys-fix"><summary>How to fix</summary>(.*?)</details>', process, re.S)
    assert fix is not None
    assert text_of(fix.group(1)) == "Point a next or a branch at it, or remove it."
    assert "<code>next</code>" in fix.group(1)
    for url in PAGES:
        assert "`" not in text_of(built.article(url)), url


def test_reader_advice_shows_as_it_is_and_quoted_names_stay_text(built: Build) -> None:
    journey = built.article("handbook/journeys/claim/")
    risky = next(item for item in _items(journey, "findings") if "Risky handoff" in item)
    assert "journeys-fix" not in risky  # advice about the customer, for everyone
    advice = re.search(r'<em class="journeys-finding__advice">(.*?)</em>', risky, re.S)
    assert advice is not None
    assert text_of(advice.group(1)) == f"Agree how Support briefs {HOSTILE} and tells the customer what happens next."
    for url in PAGES:
        article = built.article(url)
        assert "<img" not in article and "<em>co</em>" not in article, url


def test_overview_counts_and_switched_off_findings_by_title(built: Build) -> None:
    overview = built.article("handbook/")
    health = text_of(overview[overview.index('id="health"'):])
    assert "Risky handoff risky-handoff 1" in health
    assert "Unreachable step unreachable-step 1" in health
    suppressed = overview[overview.index('id="suppressed"'):]
    rows = [text_of(r) for r in re.findall(r"<tr>(.*?)</tr>", suppressed, re.S)]
    assert any(r.startswith("Lowest point lowest-point Waits for the assessor") and r.endswith("known, being fixed")
               for r in rows), rows
    assert 'href="journeys/claim/#touchpoint-waits"' in suppressed


def test_every_link_of_these_pages_works(built: Build) -> None:
    for url in PAGES:
        assert broken_links(built, url) == [], url


def test_one_wording_for_emotions_on_any_scale() -> None:
    default = Settings()
    assert [emotion_label(v, default) for v in (-2, -1, 0, 0.5, 2)] == [
        "−2 very negative", "−1 negative", "0 neutral", "+0.5 positive", "+2 very positive"]
    assert emotion_label(None, default) == "not recorded"
    five = Settings(emotion_scale=(1, 5))
    assert [emotion_label(v, five) for v in (1, 2, 3, 4.5)] == [
        "1 very negative", "2 negative", "3 neutral", "4.5 very positive"]
    assert emotion_tone(-0.4, default) == "neutral"
    assert finding_title("risky-handoff") == "Risky handoff"
    assert is_author_advice("add the measured `actual`") and not is_author_advice("agree how A briefs B")
