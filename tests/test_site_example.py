"""The spec's example handbook built as a real MkDocs + Material site, read back from the HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .sites import Build, anchors, build, example_handbook, make_site, text_of

HAND_WRITTEN = {
    "index.md": """
        # Home

        See [the account journey](journey:open-current-account), its
        [identity check](journey:open-current-account/upload-id), [Lewis](persona:first-time-saver),
        [KYC](process:account-onboarding/kyc-check), [Customer Support](department:customer-support)
        and [](journey:open-current-account/research).

        `[not a link](journey:nope)` stays code.

        [[journeys owners open-current-account]]

        [[journeys emotion open-current-account]]
        """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = make_site(tmp_path_factory.mktemp("example"), example_handbook(), docs=HAND_WRITTEN,
                     config={"repo_url": "https://git.example.org/cx/handbook", "edit_uri": "edit/main/docs/",
                             "theme": {"name": "material", "font": False,
                                       "features": ["navigation.instant", "content.action.edit"]}})
    result = build(root, strict=True)
    assert result.returncode == 0, result.log
    return result


def test_every_url_of_the_interface_exists(site: Build) -> None:
    for url in ["handbook/", "handbook/journeys/open-current-account/", "handbook/personas/first-time-saver/",
                "handbook/personas/busy-parent/", "handbook/processes/account-onboarding/",
                *(f"handbook/departments/{d}/" for d in ("retail-banking", "marketing", "sales", "branch-network",
                                                         "customer-support", "operations", "compliance"))]:
        assert (site.site / url / "index.html").is_file(), url


def test_journey_anchors(site: Build) -> None:
    ids = anchors(site.article("handbook/journeys/open-current-account/")).ids
    for stage in ("awareness", "research", "purchase", "onboarding"):
        assert f"stage-{stage}" in ids
    for tp in ("sees-ad", "compares-products-online", "books-appointment", "kiosk-check-in", "upload-id",
               "signs-contract", "calls-about-next-steps", "welcome-email"):
        assert f"touchpoint-{tp}" in ids
    for metric in ("nps", "churn", "conversion"):
        assert f"metric-{metric}" in ids


def test_process_anchors(site: Build) -> None:
    ids = anchors(site.article("handbook/processes/account-onboarding/")).ids
    assert {"step-receive-application", "step-kyc-check", "step-request-documents", "step-open-account"} <= ids


def _owner_rows(html: str) -> dict[str, str]:
    table = html[html.index('id="owners"'):]
    table = table[table.index("<tbody>"):table.index("</tbody>")]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        rows[re.sub(r"<[^>]+>", "", cells[0])] = re.sub(r"<[^>]+>", "", cells[1])
    return rows


def test_owner_table_has_one_row_per_stage(site: Build) -> None:
    rows = _owner_rows(site.article("handbook/journeys/open-current-account/"))
    assert rows == {
        "Interest and awareness": "Marketing",
        "Research": "Marketing (touchpoints also: Branch Network)",
        "Purchase": "Sales (touchpoints also: Branch Network)",
        "Experience after the sale": "Customer Support",
    }


def _section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    end = html.find("<h2", start + 1)
    return html[start:end if end > 0 else None]


def test_department_pages_list_exactly_what_they_own(site: Build) -> None:
    sales = _section(site.article("handbook/departments/sales/"), "stages")
    links = set(re.findall(r'href="[^"]*open-current-account/#((?:stage|touchpoint)-[a-z-]+)"', sales))
    assert links == {"stage-purchase", "stage-research", "touchpoint-upload-id", "touchpoint-signs-contract"}
    assert "(contributor)" in sales and "(owner)" in sales
    branch = _section(site.article("handbook/departments/branch-network/"), "stages")
    links = set(re.findall(r'href="[^"]*open-current-account/#((?:stage|touchpoint)-[a-z-]+)"', branch))
    assert links == {"touchpoint-books-appointment", "touchpoint-kiosk-check-in"}
    support = site.article("handbook/departments/customer-support/")
    assert "step-request-documents" in _section(support, "processes")


def test_department_rolls_up_sub_departments(site: Build) -> None:
    retail = site.article("handbook/departments/retail-banking/")
    rollup = _section(retail, "rollup")
    for name in ("Marketing", "Sales", "Branch Network"):
        assert name in rollup
    assert "Opening a current account" in _section(retail, "journeys")


def _status_of(html: str, anchor: str) -> str:
    row = html[html.index(f'id="{anchor}"'):]
    row = row[:row.index("</tr>")]
    return re.findall(r"journeys-status--([a-z-]+)", row)[0]


def test_metric_statuses(site: Build) -> None:
    html = site.article("handbook/journeys/open-current-account/")
    assert _status_of(html, "metric-nps") == "missed"
    assert _status_of(html, "metric-churn") == "missed"
    assert _status_of(html, "metric-conversion") == "missed"
    assert _status_of(html, "stage-research-metric-conversion") == "no-data"
    assert _status_of(html, "touchpoint-signs-contract-metric-duration") == "missed"
    assert _status_of(html, "stage-onboarding-metric-first-contact-resolution") == "missed"
    assert ">missed<" in html and ">no data<" in html


def test_links_in_both_directions(site: Build) -> None:
    journey = site.article("handbook/journeys/open-current-account/")
    assert 'href="../../personas/first-time-saver/"' in journey
    assert 'href="../../departments/retail-banking/"' in journey
    upload = journey[journey.index('id="touchpoint-upload-id"'):journey.index('id="touchpoint-signs-contract"')]
    assert 'href="../../processes/account-onboarding/#step-kyc-check"' in upload
    welcome = journey[journey.index('id="touchpoint-welcome-email"'):]
    assert 'href="../../processes/account-onboarding/#step-open-account"' in welcome
    persona = site.article("handbook/personas/first-time-saver/")
    assert 'href="../../journeys/open-current-account/"' in persona
    process = site.article("handbook/processes/account-onboarding/")
    kyc = process[process.index('id="step-kyc-check"'):process.index('id="step-request-documents"')]
    assert 'href="../../journeys/open-current-account/#touchpoint-upload-id"' in kyc
    assert 'href="../../departments/compliance/"' in kyc
    opening = process[process.index('id="step-open-account"'):]
    assert 'href="../../journeys/open-current-account/#touchpoint-welcome-email"' in opening
    department = site.article("handbook/departments/operations/")
    assert 'href="../../processes/account-onboarding/"' in department


def test_hand_written_links_and_embeds(site: Build) -> None:
    home = site.article("")
    assert '<a href="handbook/journeys/open-current-account/">the account journey</a>' in home
    assert '<a href="handbook/journeys/open-current-account/#touchpoint-upload-id">identity check</a>' in home
    assert '<a href="handbook/personas/first-time-saver/">Lewis</a>' in home
    assert '<a href="handbook/processes/account-onboarding/#step-kyc-check">KYC</a>' in home
    assert '<a href="handbook/departments/customer-support/">Customer Support</a>' in home
    assert '<a href="handbook/journeys/open-current-account/#stage-research">Research</a>' in home
    assert "<code>[not a link](journey:nope)</code>" in home
    assert 'href="handbook/journeys/open-current-account/#stage-purchase"' in home  # the embedded owner table
    assert 'class="journeys-chart"' in home and "#touchpoint-sees-ad" in home


def test_edit_link_opens_the_yaml_file(site: Build) -> None:
    html = site.html("handbook/journeys/open-current-account/")
    assert 'href="https://git.example.org/cx/handbook/edit/main/journeys/journeys/open-current-account.yml"' in html
    assert "edit/main/docs/handbook" not in html


def test_nothing_loads_from_another_host(site: Build) -> None:
    pattern = re.compile(r'<(?:script|img|iframe|source)[^>]+src="(https?:)?//|'
                         r'<link[^>]+rel="(?:stylesheet|preload|preconnect|icon)"[^>]+href="(https?:)?//')
    for page in site.site.rglob("*.html"):
        assert not pattern.search(page.read_text(encoding="utf-8")), page
    assert (site.site / "assets/journeys/plotly.min.js").stat().st_size > 1_000_000


def test_plotly_only_on_pages_with_charts(site: Build) -> None:
    journey = site.html("handbook/journeys/open-current-account/")
    assert 'data-journeys-plotly="../../../assets/journeys/plotly.min.js"' in journey
    process = site.html("handbook/processes/account-onboarding/")
    assert "data-journeys-plotly" not in process and "<svg" in process
    assert "plotly.min.js" not in site.html("handbook/departments/sales/")


def test_generated_pages_are_searchable(site: Build) -> None:
    index = json.loads((site.site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert "handbook/journeys/open-current-account/" in locations
    assert "handbook/departments/customer-support/" in locations


def test_nav_has_the_handbook_section(site: Build) -> None:
    html = site.html("")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    for title in ("Handbook", "Journeys", "Personas", "Processes", "Departments"):
        assert f"{title}" in nav
    assert 'href="handbook/journeys/open-current-account/"' in nav


def test_nothing_written_into_docs(site: Build) -> None:
    assert sorted(p.name for p in (site.root / "docs").rglob("*")) == ["index.md"]


def test_the_example_handbook_is_the_spec_one() -> None:
    ours = Path(__file__).parent / "fixtures" / "example-handbook"
    spec = example_handbook()
    for file in spec.rglob("*.yml"):
        assert (ours / file.relative_to(spec)).read_bytes() == file.read_bytes()


def test_the_analysis_shows_on_journey_department_process_and_overview_pages(site: Build) -> None:
    journey = site.article("handbook/journeys/open-current-account/")
    for anchor in ("review", "handoffs", "coverage", "findings",
                   "finding-risky-handoff-open-current-account-calls-about-next-steps-from-signs-contract",
                   "finding-lowest-point-open-current-account-calls-about-next-steps"):
        assert f'id="{anchor}"' in journey, anchor
    review = text_of(journey[journey.index('id="review"'):])
    assert "Supported by a process: 2 of 8 touchpoints (25%)." in review
    assert "Signs the contract with an adviser Sales Calls to ask what happens next Customer Support −3" in review
    # the finding links to the touchpoint it concerns
    assert 'href="./#touchpoint-calls-about-next-steps"' in journey[journey.index('id="findings"'):]
    support = text_of(site.article("handbook/departments/customer-support/"))
    handed_in = support[support.index("Handed to us"):support.index("Handed on by us")]
    assert "Opening a current account Signs the contract with an adviser Sales" in handed_in
    assert "Receives the welcome email" not in handed_in
    process = text_of(site.article("handbook/processes/account-onboarding/"))
    assert "Internal-only work (steps that support no touchpoint): Receive the application, Ask for more documents." \
        in process
    overview = text_of(site.article("handbook/"))
    assert "Process coverage: 2 of 8 touchpoints (25%) are supported by a process." in overview
    assert "risky-handoff 4" in overview
