"""`mkdocs serve` through a series of handbook edits, with and without `--dirty`: every page served is
what a fresh build gives, whatever the rebuild left as it was."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .sites import build, make_site

DEPARTMENTS = """
kind: department
id: support
name: Customer Support
---
kind: department
id: sales
name: Sales
"""


def journey(journey_id: str, title: str, touchpoint: str) -> str:
    return f"""
kind: journey
id: {journey_id}
title: {title}
owner: sales
stages:
  - id: start
    name: Getting started
    owner: support
    touchpoints:
      - id: first-call
        name: {touchpoint}
        channel: phone
        emotion: 1
  - id: finish
    name: Finishing
    owner: sales
    touchpoints:
      - id: last-mail
        name: Receives the last mail
        channel: email
        emotion: 2
"""


HANDBOOK = {
    "departments.yml": DEPARTMENTS,
    "journeys/renew-contract.yml": journey("renew-contract", "Renewing a contract", "Calls the hotline"),
    "journeys/move-house.yml": journey("move-house", "Moving house", "Reports the new address"),
}
HOME = "# Home\n\nSee [the renewal](journey:renew-contract).\n"


class Served:
    def __init__(self, root: Path, dirty: bool, verbose: bool) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        args = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"]
        args += (["--dirty"] if dirty else []) + (["--verbose"] if verbose else [])
        self.process = subprocess.Popen(args, cwd=root, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True, start_new_session=True)
        self.lines: list[str] = []

    def wait_for(self, marker: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        assert self.process.stdout is not None
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.lines.append(line)
            if "An error happened during the rebuild" in line or "Traceback" in line:
                break
            if marker in line:
                return
        pytest.fail(f"no '{marker}' from mkdocs serve:\n{''.join(self.lines)}")

    def get(self, path: str) -> str | None:
        """The page at ``path``, or None when the server has no such page."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as response:
                return str(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return None
            raise

    def search(self) -> dict[str, str]:
        """Each location in the search index with its title (a location held twice fails)."""
        text = self.get("search/search_index.json")
        assert text is not None
        docs = json.loads(text)["docs"]
        locations = [doc["location"] for doc in docs]
        assert len(locations) == len(set(locations)), sorted(locations)
        return {doc["location"]: doc["title"] for doc in docs}


@contextmanager
def serving(root: Path, dirty: bool, verbose: bool = False) -> Iterator[Served]:
    served = Served(root, dirty, verbose)
    try:
        served.wait_for("Serving on")
        yield served
    finally:
        os.killpg(served.process.pid, signal.SIGTERM)
        served.process.wait(timeout=30)


def _change(served: Served, file: Path, text: str | None) -> None:
    """Write (None: remove) a handbook file, then wait for the rebuild it causes."""
    time.sleep(0.3)  # the watcher's debounce must not merge this change with the previous rebuild
    if text is None:
        file.unlink()
    else:
        file.write_text(text.lstrip("\n"), encoding="utf-8")
    served.wait_for("Reloading browsers")


def _pages(search: dict[str, str]) -> set[str]:
    return {location.partition("#")[0] for location in search}


def _same_as_a_fresh_build(root: Path, served: Served) -> None:
    """Every page a fresh build writes is served, with the same article, nav and search entries."""
    fresh = build(root)
    assert fresh.returncode == 0, fresh.log
    built = sorted(p.relative_to(fresh.site).as_posix() for p in fresh.site.rglob("index.html"))
    for path in built:
        page = served.get(path.removesuffix("index.html"))
        assert page is not None, path
        expected = fresh.site.joinpath(path).read_text(encoding="utf-8")
        for part in ('<article', '<nav class="md-nav md-nav--primary"'):
            if part in expected:
                start = expected.index(part)
                end = expected.index("</article>" if part == "<article" else "</nav>", start)
                served_start = page.index(part)
                served_end = page.index("</article>" if part == "<article" else "</nav>", served_start)
                assert page[served_start:served_end] == expected[start:end], path
    fresh_index = json.loads((fresh.site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert served.search() == {doc["location"]: doc["title"] for doc in fresh_index}


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve-dirty"])
def test_every_page_follows_the_edits(tmp_path: Path, dirty: bool) -> None:
    root = make_site(tmp_path, HANDBOOK, docs={"index.md": HOME})
    journeys = root / "journeys/journeys"
    with serving(root, dirty) as served:
        before = served.search()
        assert "handbook/journeys/move-house/" in _pages(before)

        # One journey edited: its page, the department page listing its touchpoint, the home page
        # linking to it, and the search index follow; the other journey's page is unchanged.
        _change(served, journeys / "renew-contract.yml",
                journey("renew-contract", "Renewing a lease", "Calls the new hotline"))
        page = served.get("handbook/journeys/renew-contract/")
        assert page is not None and "Renewing a lease" in page and "Calls the new hotline" in page
        support = served.get("handbook/departments/support/")
        assert support is not None and "Calls the new hotline" in support and "Calls the hotline<" not in support
        home = served.get("")
        assert home is not None and "Renewing a lease" in home
        other = served.get("handbook/journeys/move-house/")
        assert other is not None and "Moving house" in other and "Reports the new address" in other
        after = served.search()
        assert _pages(after) == _pages(before)
        assert "Renewing a lease" in after.values() and "Renewing a contract" not in after.values()
        _same_as_a_fresh_build(root, served)

        # A journey removed: its page is gone from the site and from the search index.
        _change(served, journeys / "move-house.yml", None)
        assert served.get("handbook/journeys/move-house/") is None
        assert "handbook/journeys/move-house/" not in _pages(served.search())
        _same_as_a_fresh_build(root, served)

        # A new journey: its page appears, the department lists it, search finds it.
        _change(served, journeys / "open-account.yml", journey("open-account", "Opening an account",
                                                                "Asks for an appointment"))
        page = served.get("handbook/journeys/open-account/")
        assert page is not None and "Opening an account" in page
        support = served.get("handbook/departments/support/")
        assert support is not None and "Asks for an appointment" in support
        assert "handbook/journeys/open-account/" in _pages(served.search())
        _same_as_a_fresh_build(root, served)


def test_a_dirty_rebuild_after_one_edit_leaves_the_other_journeys_page_as_it_was(tmp_path: Path) -> None:
    root = make_site(tmp_path, HANDBOOK, docs={"index.md": HOME})
    with serving(root, dirty=True, verbose=True) as served:
        site = _served_site(served)
        pages = {name: site / f"handbook/{name}/index.html" for name in
                 ("journeys/renew-contract", "journeys/move-house", "departments/support", "personas")}
        pages["home"] = site / "index.html"
        before = {name: path.stat().st_mtime_ns for name, path in pages.items()}
        # a touchpoint renamed: the journey's title, and so the nav, stay the same
        _change(served, root / "journeys/journeys/renew-contract.yml",
                journey("renew-contract", "Renewing a contract", "Calls the new hotline"))
        rebuilt = {name for name, path in pages.items() if path.stat().st_mtime_ns != before[name]}
        # the department lists the touchpoint, the hand-written home page may embed it
        assert rebuilt == {"journeys/renew-contract", "departments/support", "home"}
        # the other journey's page was not even written: its inputs are as they were
        assert any("journeys: 1 of " in line and "generated pages not written again" in line
                   for line in served.lines), "".join(served.lines)
        _same_as_a_fresh_build(root, served)


def _served_site(served: Served) -> Path:
    """The temporary folder `mkdocs serve` builds into, as its verbose log names it."""
    for line in served.lines:
        if "Config value 'site_dir' = " in line:
            return Path(line.split(" = ", 1)[1].strip().strip("'"))
    pytest.fail("the served folder is not in the log:\n" + "".join(served.lines))
