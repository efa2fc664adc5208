"""Department pages for readers, built from the spec's example handbook: how what a department owns
feels to customers, what its teams own, and findings with titles and working links."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .conftest import Builder, SiteFactory
from .links import broken_links
from .sites import Build, example_handbook, text_of

DEPARTMENTS = ("retail-banking", "marketing", "sales", "branch-network", "customer-support", "operations",
               "compliance")
# A team two levels down: the roll-up reaches it, and says whose team it is.
GRANDCHILD = """
kind: department
id: social-media
name: Social Media Team
parent: marketing
"""


def _build(site: SiteFactory, build_site: Builder, extra: str | None = None, tmp: Path | None = None) -> Build:
    handbook = example_handbook()
    if extra is not None:
        assert tmp is not None
        copy = tmp / "handbook"
        shutil.copytree(handbook, copy)
        (copy / "teams.yml").write_text(extra, encoding="utf-8")
        handbook = copy
    result = build_site(site(handbook))
    assert result.returncode == 0, result.log
    return result


def _section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    end = html.find("<h2", start + 1)
    return html[start:end if end > 0 else None]


def _rows(html: str) -> list[str]:
    return [text_of(row) for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)]


def test_owned_touchpoints_show_how_they_feel_and_their_pain_points(site: SiteFactory, build_site: Builder) -> None:
    built = _build(site, build_site)
    support = _section(built.article("handbook/departments/customer-support/"), "stages")
    rows = _rows(support)
    assert ("Experience after the sale Calls to ask what happens next · phone −2 very negative "
            "⚠ Next steps were never explained at signing") in rows
    assert "Experience after the sale Receives the welcome email · email +1 positive —" in rows
    # the word is there, and the colour class and the mark repeat it
    assert re.search(r'journeys-feel--very-negative" data-emotion="-2">−2 very negative</span>', support)
    summary = text_of(support)
    assert "How it feels: average −0.5 negative over 2 touchpoints; lowest −2 very negative at " \
           "Calls to ask what happens next." in summary
    links = set(re.findall(r'href="[^"]*open-current-account/#((?:stage|touchpoint)-[a-z-]+)"', support))
    assert links == {"stage-onboarding", "touchpoint-calls-about-next-steps", "touchpoint-welcome-email"}
    # the stage column names the stage; only the stages a department owns or helps with are linked
    branch = _section(built.article("handbook/departments/branch-network/"), "stages")
    assert "Purchase" in text_of(branch) and "#stage-" not in branch
    marketing = _rows(_section(built.article("handbook/departments/marketing/"), "stages"))
    assert "Research Compares products online · web −1 negative ⚠ Fees are hard to compare" in marketing
    assert "Interest and awareness Sees a social media ad · social-media +1 positive —" in marketing


def test_a_parent_shows_what_its_teams_own(site: SiteFactory, build_site: Builder, tmp_path: Path) -> None:
    built = _build(site, build_site, GRANDCHILD, tmp_path)
    retail = built.article("handbook/departments/retail-banking/")
    assert "None directly: see what our teams own." in text_of(_section(retail, "stages"))
    teams = _section(retail, "rollup")
    assert "Owned by our teams" in text_of(teams)
    for team, parent in (("marketing", None), ("sales", None), ("branch-network", None),
                         ("social-media", "marketing")):
        heading = re.search(rf'<h3 id="team-{team}">(.*?)</h3>', teams, re.S)
        assert heading is not None, team
        assert f'href="../{team}/"' in heading.group(1)
        if parent:
            assert f'(part of <a href="../{parent}/">' in heading.group(1)
    rows = _rows(teams)
    assert ("Opening a current account 2 touchpoints, 1 pain point average 0 neutral lowest −1 negative "
            "Compares products online") in rows
    assert ("Opening a current account 2 touchpoints, 0 pain points average +1.5 very positive lowest +1 positive "
            "Checks in at the branch kiosk") in rows
    assert "Owns nothing itself." in text_of(teams)
    # the team's own page has the detail
    assert "touchpoint-compares-products-online" in _section(built.article("handbook/departments/marketing/"),
                                                             "stages")


def test_findings_have_titles_and_the_code_only_as_small_print(site: SiteFactory, build_site: Builder) -> None:
    built = _build(site, build_site)
    sales = _section(built.article("handbook/departments/sales/"), "findings")
    text = text_of(sales)
    assert "Risky handoff ×2 risky-handoff" in text
    assert "Unsupported touchpoint ×1 unsupported-touchpoint" in text
    # each title links to the first such finding on the journey's page; each code is small print after it
    title = re.search(r'<a href="([^"]+)">Risky handoff</a> ×2 <small class="journeys-finding__code"', sales)
    assert title is not None and "#finding-risky-handoff-open-current-account-" in title.group(1)
    assert "<code>risky-handoff</code></small>" in sales
    # no code stands alone: every code on the page follows its title
    for code in re.findall(r"<code>([a-z-]+)</code></small>", sales):
        assert re.search(rf">[A-Z][^<]+</a> ×\d+ <small[^>]*><code>{code}</code>", sales), code


def test_every_link_on_the_department_pages_works(site: SiteFactory, build_site: Builder, tmp_path: Path) -> None:
    built = _build(site, build_site, GRANDCHILD, tmp_path)
    for department in (*DEPARTMENTS, "social-media"):
        url = f"handbook/departments/{department}/"
        assert broken_links(built, url) == [], url
        assert "`" not in text_of(built.article(url)), url
