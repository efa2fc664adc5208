"""``generate``: the same pages as plain Markdown, usable by any site generator."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_journeys.cli import main

from .sites import example_handbook


def test_generate_writes_pages_and_assets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["generate", str(example_handbook()), str(out)]) == 0
    assert "wrote 16 pages and 3 assets" in capsys.readouterr().out
    journey = (out / "handbook/journeys/open-current-account.md").read_text(encoding="utf-8")
    # pages are linked as MkDocs and its successors publish them by default: handbook/journeys/<id>/
    assert journey.startswith('<link rel="stylesheet" href="../../../assets/journeys/journeys.css">')
    assert "## 2. Research {#stage-research}" in journey
    assert "[Retail Banking](../departments/retail-banking.md)" in journey
    assert (out / "assets/journeys/plotly.min.js").stat().st_size > 1_000_000
    for page in ("handbook/index.md", "handbook/personas/busy-parent.md", "handbook/processes/account-onboarding.md",
                 "handbook/departments/compliance.md", "handbook/journeys.md"):
        assert (out / page).is_file(), page


def test_generate_for_sites_without_directory_urls(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["generate", str(example_handbook()), str(out), "--no-directory-urls"]) == 0
    journey = (out / "handbook/journeys/open-current-account.md").read_text(encoding="utf-8")
    assert journey.startswith('<link rel="stylesheet" href="../../assets/journeys/journeys.css">')


def test_generate_is_byte_identical_and_removes_stale_pages(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["generate", str(example_handbook()), str(out)]) == 0
    first = {p: p.read_bytes() for p in out.rglob("*.md")}
    stale = out / "handbook/journeys/removed-journey.md"
    stale.write_text("old", encoding="utf-8")
    assert main(["generate", str(example_handbook()), str(out)]) == 0
    assert not stale.exists()
    assert {p: p.read_bytes() for p in out.rglob("*.md")} == first


def test_generate_never_overwrites_a_folder_it_did_not_make(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "index.md").write_text("# Mine\n", encoding="utf-8")
    assert main(["generate", str(example_handbook()), str(out)]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert (out / "index.md").read_text(encoding="utf-8") == "# Mine\n"
    assert not (out / "handbook").exists()
