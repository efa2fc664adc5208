"""Navigation with and without an explicit `nav`, the properdocs fork, and the `mkdocs serve` authoring loop."""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import Builder, SiteFactory
from .sites import build, example_handbook, make_site


def test_an_explicit_nav_is_kept_and_every_page_is_still_built(site: SiteFactory, build_site: Builder) -> None:
    nav = [{"Home": "index.md"}, {"Account opening": "handbook/journeys/open-current-account.md"}]
    root = site(example_handbook(), docs={
        "index.md": "# Home\n\nSee [the support team](department:customer-support).\n"}, config={"nav": nav})
    result = build_site(root, strict=True)
    assert result.returncode == 0, result.log
    home = result.html("")
    assert "Account opening" in home
    assert "handbook/personas/busy-parent/" not in home  # not placed in the nav by the plugin
    assert (result.site / "handbook/personas/busy-parent/index.html").is_file()
    assert 'href="handbook/departments/customer-support/"' in home


def test_big_kinds_show_only_their_index_in_the_nav(site: SiteFactory, build_site: Builder) -> None:
    root = site(example_handbook(), plugin={"nav_max_items": 2})
    result = build_site(root, strict=True)
    assert result.returncode == 0, result.log
    home = result.html("")
    nav = home[home.index('class="md-nav md-nav--primary"'):home.index('class="md-content"')]
    # three departments and two personas in the example: departments collapse to their index page
    assert "handbook/departments/" in nav and "handbook/departments/compliance/" not in nav
    assert "handbook/personas/busy-parent/" in nav
    assert (result.site / "handbook/departments/compliance/index.html").is_file()


def test_nav_off_leaves_the_nav_to_mkdocs(site: SiteFactory, build_site: Builder) -> None:
    root = site(example_handbook(), plugin={"nav": "off", "nav_max_items": 0})
    result = build_site(root, strict=True)
    assert result.returncode == 0, result.log
    home = result.html("")
    nav = home[home.index('class="md-nav md-nav--primary"'):home.index('class="md-content"')]
    # MkDocs' own nav lists every page by folder; the plugin's compact section would hide them
    assert "handbook/departments/compliance/" in nav


@pytest.mark.skipif(importlib.util.find_spec("properdocs") is None and not os.environ.get("CI"),
                    reason="properdocs is not installed")
def test_the_example_site_builds_with_properdocs(tmp_path: Path) -> None:
    root = make_site(tmp_path, example_handbook())
    result = build(root, strict=True, command=("-m", "properdocs"))
    assert result.returncode == 0, result.log
    assert "Opening a current account" in result.article("handbook/journeys/open-current-account/")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def test_serve_rebuilds_and_reloads_when_a_definition_changes(tmp_path: Path) -> None:
    root = make_site(tmp_path, example_handbook())
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    assert server.stdout is not None
    lines: list[str] = []

    def wait_for(marker: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        assert server.stdout is not None
        while time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            lines.append(line)
            if marker in line:
                return
        pytest.fail(f"no '{marker}' from mkdocs serve:\n{''.join(lines)}")

    try:
        wait_for("Serving on")
        url = f"http://127.0.0.1:{port}/handbook/journeys/open-current-account/"
        page = _get(url)
        assert "livereload" in page  # the reload script is injected: the browser will be told to reload
        journey = root / "journeys/journeys/open-current-account.yml"
        journey.write_text(journey.read_text(encoding="utf-8").replace(
            "title: Opening a current account", "title: Opening a joint account"), encoding="utf-8")
        wait_for("Reloading browsers")
        assert "Opening a joint account" in _get(url)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_the_in_process_build_fails_a_strict_build_as_the_command_does(site: SiteFactory, build_site: Builder) -> None:
    """The fixture must not hide what `mkdocs build --strict` would refuse."""
    root = site(example_handbook(), docs={"index.md": "# Home\n\nSee [nobody](persona:nobody-at-all).\n"})
    in_process = build_site(root, strict=True)
    command = build(root, strict=True)
    assert command.returncode != 0
    assert in_process.returncode != 0
    assert any("nobody-at-all" in line for line in in_process.warnings()), in_process.log
