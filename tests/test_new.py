"""``new DIR``: a site that builds strictly at once, written only into a new or empty folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from .interchange_helpers import run
from .sites import build


def test_a_new_site_builds_strictly_and_shows_every_feature(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "handbook-site"
    code, out, err = run(capsys, "new", str(site))
    assert (code, err) == (0, "")
    assert "mkdocs serve" in out
    result = build(site, strict=True)
    assert result.returncode == 0, result.log
    assert result.warnings() == []
    journey = result.article("handbook/journeys/order-a-repair/")
    for feature in ("Calls to book a visit", "Books a visit online",  # an alternative
                    "Jo, the busy tenant", "Sam, the landlord",  # personas
                    "Schedule the visit",  # a process step supporting a touchpoint
                    "Service Desk", "Field Team",  # departments
                    "First-time fix rate", "met", "missed"):  # metrics with status
        assert feature in journey, feature
    assert (site / "site" / "handbook" / "departments" / "repairs" / "index.html").is_file()
    home = result.article("")
    assert 'href="handbook/journeys/order-a-repair/"' in home and ">Order a repair<" in home
    monkeypatch.chdir(site)  # the site's own config applies, as a user in the folder runs it
    code, out, _ = run(capsys, "check")
    assert code == 0 and ": error: " not in out


def test_new_never_writes_into_a_folder_that_holds_anything(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: mine\n", encoding="utf-8")
    code, out, err = run(capsys, "new", str(tmp_path))
    assert code == 2 and out == ""
    assert "is not empty" in err and "Traceback" not in err
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml"]
    file = tmp_path / "mkdocs.yml"
    assert run(capsys, "new", str(file))[0] == 2


def test_new_into_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "new", str(tmp_path))[0] == 0
    assert (tmp_path / "mkdocs.yml").is_file() and (tmp_path / "docs" / "index.md").is_file()
    assert run(capsys, "check", str(tmp_path / "journeys"))[0] == 0
