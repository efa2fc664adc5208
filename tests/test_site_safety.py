"""Hostile text, invalid handbooks and broken links in real builds."""

from __future__ import annotations

import re
from pathlib import Path

from .sites import build, make_site

DEPARTMENTS = """
    kind: department
    id: sales
    name: "Sales | <script>alert('d')</script>"
    lead: "{{ config.site_name }} *not bold*"
    ---
    kind: department
    id: support
    name: Support
"""

HOSTILE_JOURNEY = """
    kind: journey
    id: hostile
    title: "Pipes | and <script>window.__pwned=1</script> {{ jinja }}"
    owner: sales
    goal: "<img src=x onerror=alert(1)> [link](http://evil.example) :smile: **bold**"
    summary: "This **is** Markdown."
    stages:
      - id: one
        name: "Stage | one <b>x</b>"
        touchpoints:
          - id: tp
            name: "1. Touch | point <script>alert(2)</script>"
            doing: "a_b_c *d* `e` # f"
            emotion: -1
            owner: support
            pain_points: ["- starts like a list | with a pipe"]
"""


def test_plain_text_shows_exactly_as_written(tmp_path: Path) -> None:
    root = make_site(tmp_path, {"departments.yml": DEPARTMENTS, "hostile.yml": HOSTILE_JOURNEY})
    result = build(root, strict=True)
    assert result.returncode == 0, result.log
    html = result.article("handbook/journeys/hostile/")
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>x</b>" not in html
    text = re.sub(r"<[^>]+>", "", html)
    import html as html_lib

    text = html_lib.unescape(text)
    for written in ("Pipes | and <script>window.__pwned=1</script> {{ jinja }}",
                    "<img src=x onerror=alert(1)> [link](http://evil.example) :smile: **bold**",
                    "Stage | one <b>x</b>", "1. Touch | point <script>alert(2)</script>",
                    "a_b_c *d* `e` # f", "- starts like a list | with a pipe",
                    "Sales | <script>alert('d')</script>"):
        assert written in text, written
    assert "<strong>is</strong>" in html  # the Markdown field is Markdown
    owners = html[html.index('id="owners"'):]
    body = owners.index("<tbody>")
    first_row = owners[body:owners.index("</tr>", body)]
    assert first_row.count("<td>") == 6  # a | in a name breaks no table
    department = html_lib.unescape(re.sub(r"<[^>]+>", "", result.article("handbook/departments/sales/")))
    assert "{{ config.site_name }} *not bold*" in department


def test_invalid_definitions_are_left_out_and_listed(tmp_path: Path) -> None:
    broken = """
        kind: journey
        id: broken
        title: Broken
        owner: nobody
        stages:
          - name: Only
    """
    valid = """
        kind: journey
        id: fine
        title: Fine journey
        owner: support
        stages:
          - name: Only
    """
    root = make_site(tmp_path, {"departments.yml": DEPARTMENTS, "broken.yml": broken, "fine.yml": valid})
    strict = build(root, strict=True)
    assert strict.returncode != 0
    assert any("journeys/broken.yml:4:8: unknown department 'nobody'" in w for w in strict.warnings()), strict.log
    relaxed = build(root)
    assert relaxed.returncode == 0, relaxed.log
    assert (relaxed.site / "handbook/journeys/fine/index.html").is_file()
    assert not (relaxed.site / "handbook/journeys/broken/").exists()
    overview = relaxed.article("handbook/")
    left_out = overview[overview.index('id="left-out"'):]
    assert "broken" in left_out and "unknown department" in left_out


def test_broken_hand_written_links_fail_strict(tmp_path: Path) -> None:
    docs = {"index.md": "# Home\n", "guide/notes.md": "# Notes\n\nLine\n[x](journey:fien) and [](persona:ghost)\n"}
    valid = """
        kind: journey
        id: fine
        title: Fine journey
        owner: support
        stages:
          - name: Only
    """
    root = make_site(tmp_path, {"departments.yml": DEPARTMENTS, "fine.yml": valid}, docs=docs)
    result = build(root, strict=True)
    assert result.returncode != 0
    joined = "\n".join(result.warnings())
    assert "guide/notes.md:4: unknown journey 'fien' (did you mean 'fine'?)" in joined
    assert "guide/notes.md:4: unknown persona 'ghost'" in joined


def test_a_page_the_author_wrote_is_never_overwritten(tmp_path: Path) -> None:
    docs = {"index.md": "# Home\n", "handbook/index.md": "# Our own overview\n"}
    valid = """
        kind: journey
        id: fine
        title: Fine journey
        owner: support
        stages:
          - name: Only
    """
    root = make_site(tmp_path, {"departments.yml": DEPARTMENTS, "fine.yml": valid}, docs=docs)
    result = build(root)
    assert result.returncode == 0, result.log
    assert "Our own overview" in result.article("handbook/")
    assert any("handbook/index.md' exists in the docs folder" in w for w in result.warnings())
