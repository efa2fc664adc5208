"""The ``mkdocs_journeys.markdown`` extension: plain Python-Markdown, and MkDocs without the plugin."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from mkdocs_journeys.cli import main
from mkdocs_journeys.markdown import HandbookLinkError, handbook_context
from mkdocs_journeys.settings import Settings

from .sites import anchors, build, make_site

HANDBOOK = {
    "departments.yml": """
        kind: department
        id: sales
        name: Sales
    """,
    "persona.yml": """
        kind: persona
        id: buyer
        name: Bea, who buys
    """,
    "journey.yml": """
        kind: journey
        id: buy
        title: Buying a thing
        owner: sales
        personas: [buyer]
        stages:
          - id: look
            name: Looking
            touchpoints:
              - {id: visit, name: Visits the shop, owner: sales, emotion: 1}
              - {id: pay, name: Pays at the till, owner: sales, emotion: -1}
    """,
}

PAGE = """# Guide

Read [the journey](journey:buy), meet [](persona:buyer), see [](journey:buy/visit) and [](department:sales).

Broken: [gone](journey:gone) on line 5.

`[](journey:gone)` in code is left alone.

[[journeys owners buy]]
"""


def convert(text: str, **options: Any) -> str:
    return markdown.markdown(text, extensions=["attr_list", "tables", "mkdocs_journeys.markdown"],
                             extension_configs={"mkdocs_journeys.markdown": options})


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    return make_site(tmp_path / "site", HANDBOOK) / "journeys"


def test_plain_markdown_links_from_the_site_root_and_one_warning_line(handbook: Path,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        html = convert(PAGE, source=str(handbook), site_url="https://example.org/docs/")
    hrefs = anchors(html).hrefs
    assert "/docs/handbook/journeys/buy/" in hrefs
    assert "/docs/handbook/personas/buyer/" in hrefs
    assert "/docs/handbook/journeys/buy/#touchpoint-visit" in hrefs
    assert "/docs/handbook/departments/sales/" in hrefs
    assert ">Bea, who buys</a>" in html and ">Visits the shop</a>" in html and ">Sales</a>" in html
    assert "<code>[](journey:gone)</code>" in html
    assert "gone" in html and "journey:gone" not in html.replace("<code>[](journey:gone)</code>", "")
    assert "<table>" in html and "Looking" in html  # the embed's owner table
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert messages == ["journeys: the page:5: unknown journey 'gone'"]
    assert "\n" not in messages[0]


def test_the_page_option_gives_relative_links(handbook: Path) -> None:
    html = convert(PAGE, source=str(handbook), page="guide/intro.md")
    assert 'href="../handbook/journeys/buy.md"' in html
    assert 'href="../handbook/journeys/buy.md#touchpoint-visit"' in html


def test_strict_raises_a_clear_error(handbook: Path) -> None:
    with pytest.raises(HandbookLinkError, match=r"^journeys: guide\.md:5: unknown journey 'gone'$"):
        convert(PAGE, source=str(handbook), page="guide.md", strict=True)
    with pytest.raises(HandbookLinkError, match="does not exist"):
        convert(PAGE, source=str(handbook / "nowhere"), strict=True)


def test_output_and_emotion_scale_options(handbook: Path) -> None:
    html = convert("[x](journey:buy)", source=str(handbook), output="map", emotion_scale=[-3, 3])
    assert 'href="/map/journeys/buy/"' in html
    with pytest.raises(HandbookLinkError, match="invalid option"):
        convert("[x](journey:buy)", source=str(handbook), output="../out")


def test_the_config_option_reads_the_plugin_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_site(tmp_path / "site", HANDBOOK, plugin={"source": "journeys", "output": "book"})
    monkeypatch.chdir(tmp_path)
    html = convert("[x](journey:buy)", config=str(root / "mkdocs.yml"))
    assert 'href="/book/journeys/buy/"' in html


def test_the_handbook_is_built_once_per_source_until_a_file_changes(handbook: Path) -> None:
    settings = Settings()
    first = handbook_context(handbook, settings, True)
    assert handbook_context(handbook, settings, True) is first
    journey = handbook / "journey.yml"
    journey.write_text(journey.read_text(encoding="utf-8").replace("Buying a thing", "Buying it"), encoding="utf-8")
    later = time.time() + 5
    os.utime(journey, (later, later))
    second = handbook_context(handbook, settings, True)
    assert second is not first and second.handbook.journeys["buy"].title == "Buying it"
    assert "Buying it" in convert("[](journey:buy)", source=str(handbook))


def test_mkdocs_without_the_plugin_resolves_links_relative_to_the_page(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_site(tmp_path / "site", HANDBOOK, docs={"index.md": "# Home\n", "guide/intro.md": PAGE})
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search"]
    config["markdown_extensions"] = ["attr_list", {"mkdocs_journeys.markdown": {"source": "journeys"}}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["generate", "docs"]) == 0
    result = build(root)
    assert result.returncode == 0, result.log
    warnings = result.warnings()
    assert [w for w in warnings if "journeys" in w] == ["WARNING -  journeys: guide/intro.md:5: unknown journey 'gone'"]
    hrefs = anchors(result.article("guide/intro/")).hrefs
    assert "../../handbook/journeys/buy/" in hrefs and "../../handbook/journeys/buy/#touchpoint-visit" in hrefs
    assert (result.site / "handbook/journeys/buy/index.html").is_file()
    assert build(root, strict=True).returncode == 1  # the broken link fails --strict
