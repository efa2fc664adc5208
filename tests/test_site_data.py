"""The measured figures where people look, read from real MkDocs builds: the process page's tables
and diagram, the journey funnel and map row, the department lines and the evidence summary. Every
figure is checked against the facts of the event logs in :mod:`.measured_handbook`, worked out by hand
(the log uses the XES column names with no ``columns`` mapping, and timestamps with UTC offsets)."""

from __future__ import annotations

import html as html_lib
import json
import re

import pytest

from mkdocs_journeys.figures.diagram_layout import layout
from mkdocs_journeys.model import Process
from mkdocs_journeys.render.measured_text import minutes, share

from .conftest import Builder, SiteFactory
from .measured_handbook import HANDBOOK, HOSTILE, write_data
from .sites import Build, text_of
from .test_diagram_layout import PROCESSES, _boxes, _dense, _inside, _overlap


def _build(site: SiteFactory, build_site: Builder, handbook: dict[str, str] | None = None) -> Build:
    root = site(handbook or HANDBOOK)
    write_data(root / "journeys")
    result = build_site(root)
    assert result.returncode == 0, result.log
    return result


def _section(article: str, anchor: str) -> str:
    """The HTML from the heading with this id to the next heading of any level."""
    start = article.index(f'id="{anchor}"')
    following = re.search(r"<h[1-6][ >]", article[start:])
    return article[start:start + following.start()] if following else article[start:]


def _rows(fragment: str) -> list[list[str]]:
    """Each body row of the tables in some HTML, as the cells' visible text."""
    body = "".join(re.findall(r"<tbody>(.*?)</tbody>", fragment, re.S))
    return [[text_of(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_durations_read_to_the_minute_or_coarser() -> None:
    assert [minutes(m) for m in (0, 45, 59.5, 60, 200, 1439, 1440, 3120, 3150, None)] == [
        "0m", "45m", "1h", "1h", "3h 20m", "23h 59m", "1d", "2d 4h", "2d 5h", "—"]
    assert [share(v) for v in (0, 0.001, 0.2, 1 / 3, 1, None)] == ["0%", "<1%", "20%", "33%", "100%", "—"]


def test_every_figure_on_the_process_page_matches_the_log(site: SiteFactory, build_site: Builder) -> None:
    article = _build(site, build_site).article("handbook/processes/refund/")
    measured = text_of(_section(article, "measured"))
    assert "From the dataset refund-log (Refund system export)" in measured
    assert "Cases: 5" in measured and "Events: 24" in measured  # 5 + 4 + 4 + 6 + 5 events
    # r1, r2 and r5 take only designed transitions; r3 skips the check, r4 checks twice
    assert "Conformance: 60% (3 of 5 cases follow the map in every transition)" in measured
    # durations 70, 120, 120, 140, 250 minutes: median 120; p90 at rank 3.6: 140 + 0.6 × 110 = 206
    assert "Case duration: median 2h, 90th percentile 3h 26m" in measured
    # waits: check 30, 120 (09:00+02:00 is 07:00 UTC), 20, 30 (again), 30: median 30m, p90 30 + 0.6 × 90;
    # one arrival of five past 1h. Payment 60, 240, 60: one of three past 2h.
    assert _rows(_section(article, "measured-steps")) == [
        ["Request refund", "5", "5", "0", "—", "—", "—"],
        ["Check receipt", "5", "4", "1", "30m / 1h 24m", "1h", "20% of 5 arrivals"],
        ["Decide", "5", "5", "0", "10m / 13m", "—", "—"],
        ["Pay refund", "3", "3", "0", "1h / 3h 24m", "2h", "33% of 3 arrivals"],
        ["Close case", "5", "5", "0", "5m / 20m", "—", "—"],
    ]
    observed = _rows(_section(article, "measured-transitions"))
    transitions = {(r[0], r[1]): (r[2], r[3].split(" / ")[0], r[4]) for r in observed}
    assert transitions == {
        ("Request refund", "Check receipt"): ("4", "30m", "✓ designed"),
        ("Check receipt", "Decide"): ("4", "10m", "✓ designed"),
        ("Decide", "Pay refund"): ("3", "1h", "✓ designed"),
        ("Pay refund", "Close case"): ("3", "20m", "✓ designed"),
        ("Decide", "Close case"): ("2", "5m", "✓ designed"),
        ("Request refund", "Decide"): ("1", "5m", "✗ not on the map"),
        ("Check receipt", "Check receipt"): ("1", "30m", "✗ not on the map"),
        ("Close case", HOSTILE): ("1", "5m", "✗ not on the map"),
    }
    assert text_of(_section(article, "measured-never")).endswith("Decide → Check receipt")
    assert text_of(_section(article, "measured-unmatched")).endswith(f"{HOSTILE}: 1 event")
    variants = _rows(_section(article, "measured-variants"))
    assert variants[0] == ["1", "Request refund → Check receipt → Decide → Pay refund → Close case", "2", "40%"]
    assert sorted(v[1:] for v in variants[1:]) == [
        ["Request refund → Check receipt → Check receipt → Decide → Close case → " + HOSTILE, "1", "20%"],
        ["Request refund → Check receipt → Decide → Close case", "1", "20%"],
        ["Request refund → Decide → Pay refund → Close case", "1", "20%"]]
    assert "4 variants in all" in text_of(_section(article, "measured-variants"))


def test_the_diagram_counts_designed_arrows_and_lists_the_others_apart(site: SiteFactory,
                                                                       build_site: Builder) -> None:
    article = _build(site, build_site).article("handbook/processes/refund/")
    svg = article[article.index("<svg"):article.index("</svg>")]
    ends = {int(n): (a, b) for n, (a, b) in enumerate(re.findall(
        r'<path class="journeys-edge[^"]*" d="[^"]*" data-source="([^"]+)" data-target="([^"]+)"', svg))}
    counts = {ends[int(edge)]: (int(count), text_of(label)) for edge, count, label in re.findall(
        r'data-edge="(\d+)" data-count="(\d+)">(.*?)</g>', svg, re.S)}
    assert counts == {("request", "check"): (4, "taken 4 times 4"), ("check", "decide"): (4, "taken 4 times 4"),
                      ("decide", "pay"): (3, "if yes, taken 3 times yes · 3"),
                      ("decide", "close"): (2, "if no, taken 2 times no · 2"),
                      ("decide", "check"): (0, "if unclear, taken 0 times unclear · 0"),
                      ("pay", "close"): (3, "taken 3 times 3")}
    assert 'class="journeys-edge journeys-edge-back journeys-edge-unused"' in svg  # the loop never taken
    apart = _section(article, "flow")
    items = [text_of(i) for i in re.findall(r'<li class="journeys-undesigned-item">(.*?)</li>', apart, re.S)]
    assert items == ["not on the map · 1 Check receipt → Check receipt",
                     f"not on the map · 1 Close case → {HOSTILE}", "not on the map · 1 Request refund → Decide"]


def test_the_journey_page_shows_the_funnel_its_table_and_the_maps_cases_row(site: SiteFactory,
                                                                            build_site: Builder) -> None:
    article = _build(site, build_site).article("handbook/journeys/claim-refund/")
    funnel = _section(article, "funnel")
    assert "4 cases in the dataset refund-journey" in text_of(funnel)
    # open: j1-j4, j3 ends there; submitted: j1, j2, j4 (20m, 40m with its +02:00 offset, 10m), j2 ends;
    # the mail: j1, j4, two hours after submitting
    assert [[c.strip() for c in row] for row in _rows(funnel)] == [
        ["1. Find the form", "4", "100%", "1", ""], ["1.1 Open the form", "4", "100%", "1", "—"],
        ["2. Submit", "3", "75%", "1", ""], ["2.1 Submit request", "3", "75%", "1", "20m"],
        ["3. Hear back", "2", "50%", "2", ""], ["3.1 Decision mail", "2", "50%", "2", "2h"]]
    figure = json.loads(html_lib.unescape(re.search(r"data-journeys-figure='([^']*)'", funnel).group(1)))
    (trace,) = figure["data"]
    assert trace["type"] == "funnel" and trace["x"] == [4, 4, 3, 3, 2, 2] and trace["customdata"] == [1, 1, 1, 1, 2, 2]
    assert trace["y"] == ["<b>1. Find the form</b>", "1.1 Open the form", "<b>2. Submit</b>",
                          "2.1 Submit request", "<b>3. Hear back</b>", "3.1 Decision mail"]
    row = re.search(r'data-journeys-lane="cases">(.*?)</div></div>(?=<div class="journeys-map-row)', article, re.S)
    assert row is not None
    cells = re.findall(r'data-journeys-touchpoint="([^"]+)">(.*?)</div>', row.group(1), re.S)
    assert [(tp, text_of(html)) for tp, html in cells] == [
        ("open", "4 cases (100%) 1 end here"), ("send", "3 cases (75%) 1 end here"),
        ("mail", "2 cases (50%) 2 end here")]


def test_department_pages_say_how_their_steps_keep_their_sla(site: SiteFactory, build_site: Builder) -> None:
    result = _build(site, build_site)
    finance = text_of(_section(result.article("handbook/departments/finance/"), "measured"))
    assert "Check receipt in Refund handling: breaches its SLA of 1h in 20% of arrivals (1 of 5; median wait 30m)" \
        in finance
    assert "Pay refund in Refund handling: breaches its SLA of 2h in 33% of arrivals (1 of 3; median wait 1h)" \
        in finance
    assert "Decide in Refund handling: no SLA; 5 cases, median wait 10m" in finance
    service_html = _section(result.article("handbook/departments/service/"), "measured")
    service = text_of(service_html)
    assert "Refund handling: 60% of cases follow the map (3 of 5)" in service
    assert "Request refund in Refund handling: no SLA; 5 cases" in service
    assert 'href="../../processes/refund/#step-check"' in _section(result.article("handbook/departments/finance/"),
                                                                     "measured")
    assert 'href="../../processes/refund/#measured"' in service_html


def test_a_step_no_case_reaches_is_never_executed(site: SiteFactory, build_site: Builder) -> None:
    process = HANDBOOK["process.yml"].rstrip(" ") + "          - {id: audit, name: Audit, owner: finance, next: []}\n"
    result = _build(site, build_site, {**HANDBOOK, "process.yml": process})
    rows = _rows(_section(result.article("handbook/processes/refund/"), "measured-steps"))
    assert rows[-1] == ["Audit", "0", "never executed", "", "", "—", ""]
    finance = text_of(_section(result.article("handbook/departments/finance/"), "measured"))
    assert "Audit in Refund handling: never executed in the data" in finance


def test_the_evidence_summary_and_each_touchpoints_evidence(site: SiteFactory, build_site: Builder) -> None:
    other = """\
        kind: journey
        id: unreviewed
        title: Unreviewed
        owner: service
        stages:
          - {id: s, name: S, touchpoints: [{id: t, name: T, evidence: proposed}]}
    """
    result = _build(site, build_site, {**HANDBOOK, "other.yml": other})
    article = result.article("handbook/journeys/claim-refund/")
    evidence = text_of(_section(article, "evidence"))
    assert "Last reviewed: 2026-06-01 by Dana <b>Lee</b>" in evidence and "<b>Lee" not in article
    assert ("Touchpoints: 1 of 3 (33%) observed; 1 of 3 (33%) assumed; 0 of 3 (0%) proposed; "
            "1 of 3 (33%) not stated") in evidence
    # nps has its actual from the survey (2026-Q2: 35), ces none
    assert "Metrics: 1 of 2 (50%) have an actual; measured values from the datasets nps-survey (2 values)" in evidence
    assert "Event data: 3 of 3 (100%) touchpoints have events (dataset refund-journey)" in evidence
    assert "Evidence: observed (2026-Q2 diary study)" in text_of(_section(article, "touchpoint-open"))
    assert "Evidence: assumed" in text_of(_section(article, "touchpoint-send"))
    assert "Evidence" not in text_of(_section(article, "touchpoint-mail"))
    unreviewed = text_of(_section(result.article("handbook/journeys/unreviewed/"), "evidence"))
    assert "Last reviewed: never reviewed" in unreviewed and "1 of 1 (100%) proposed" in unreviewed
    assert "Event data: no event data" in unreviewed


def test_names_from_the_data_are_escaped_everywhere(site: SiteFactory, build_site: Builder) -> None:
    result = _build(site, build_site)
    for page in ("handbook/processes/refund/", "handbook/journeys/claim-refund/", "handbook/departments/service/"):
        assert "<img src=x" not in result.html(page), page
    assert HOSTILE in text_of(result.article("handbook/processes/refund/"))


def test_a_process_without_data_has_no_measured_section(site: SiteFactory, build_site: Builder) -> None:
    handbook = {k: v for k, v in HANDBOOK.items() if k != "datasets.yml"}
    root = site(handbook)
    result = build_site(root)
    assert result.returncode == 0, result.log
    article = result.article("handbook/processes/refund/")
    assert 'id="measured"' not in article and "journeys-undesigned" not in article and "data-count" not in article
    assert 'id="funnel"' not in result.article("handbook/journeys/claim-refund/")


@pytest.mark.parametrize("process", PROCESSES, ids=lambda p: p.id)
def test_counts_on_the_arrows_keep_the_layouts_promises(process: Process) -> None:
    """Every designed arrow gets a count label, given the room of a branch label: still no edge
    through a box and no label on another or on a box."""
    pairs = {(s.id, t) for i, s in enumerate(process.steps) for t, _ in process.successors(i)
             if process.step(t) is not None}
    geometry = layout(process, None, {pair: 10 ** (n % 6) for n, pair in enumerate(sorted(pairs))})
    assert sorted((r.edge.source, r.edge.target) for r in geometry.routes
                  if any(label.edge == r.edge.index and label.count is not None for label in geometry.labels)) \
        == sorted(pairs)
    boxes = _boxes(geometry)
    labels = [(label.x, label.y, label.w, label.h) for label in geometry.labels]
    for k, a in enumerate(labels):
        assert all(not _overlap(a, b, margin=2) for b in labels[k + 1:]), a
        assert all(not _overlap(a, box, margin=2) for box in boxes.values()), a
    for route in geometry.routes:
        for sid, rect in boxes.items():
            if sid not in (route.edge.source, route.edge.target):
                assert not any(_inside(p, rect) for p in _dense(route.points())), (route.edge, sid)


def test_without_counts_the_diagram_has_no_data_marks() -> None:
    """Without counts the diagram is the one drawn before: no count labels, no list apart."""
    from mkdocs_journeys.figures.diagram import process_diagram

    for process in PROCESSES:
        svg = process_diagram(process, {})
        assert "data-count" not in svg and "journeys-undesigned" not in svg and "taken" not in svg
