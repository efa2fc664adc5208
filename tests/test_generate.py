"""``generate``: the same pages as plain Markdown, usable by any site generator."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkdocs_journeys.cli import main

from .sites import example_handbook


def test_generate_writes_pages_and_assets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["generate", str(example_handbook()), str(out)]) == 0
    assert "wrote 16 pages and 4 assets" in capsys.readouterr().out
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
    source, out = tmp_path / "journeys", tmp_path / "out"
    shutil.copytree(example_handbook(), source)
    assert main(["generate", str(source), str(out)]) == 0
    first = {p: p.read_bytes() for p in out.rglob("*.md")}
    assert main(["generate", str(source), str(out)]) == 0
    assert {p: p.read_bytes() for p in out.rglob("*.md")} == first
    page = out / "handbook/personas/busy-parent.md"
    assert page.is_file()
    (source / "personas/busy-parent.yml").unlink()
    main(["generate", str(source), str(out)])  # exit 1: journeys refer to the persona removed
    assert not page.exists()  # the page of a definition removed since the last run goes too


def test_generate_keeps_a_persons_files_beside_its_own(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "index.md").write_text("# Mine\n", encoding="utf-8")
    assert main(["generate", str(example_handbook()), str(out)]) == 0
    assert (out / "index.md").read_text(encoding="utf-8") == "# Mine\n"
    assert (out / "handbook/index.md").is_file()
    mine = out / "handbook/journeys/notes.md"  # a person's page among the generated ones
    mine.write_text("# Notes\n", encoding="utf-8")
    assert main(["generate", str(example_handbook()), str(out)]) == 0
    assert mine.read_text(encoding="utf-8") == "# Notes\n"
    assert (out / "index.md").read_text(encoding="utf-8") == "# Mine\n"
