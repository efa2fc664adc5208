"""``generate DOCS_DIR --watch``: a real process that rewrites the pages on every change, and stops on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .sites import make_site

HANDBOOK = {
    "departments.yml": "kind: department\nid: sales\nname: Sales\n",
    "journey.yml": "kind: journey\nid: buy\ntitle: Buying a thing\nowner: sales\nstages: [{name: Looking}]\n",
}


def wait_for(condition: object, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.1)
    return False


def text(path: Path) -> str:
    """The file's text, or nothing while it is not there (a broken journey's page is removed)."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


def test_watch_rewrites_the_page_on_a_change_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", HANDBOOK, docs={"index.md": "# Mine\n"})
    page = root / "docs/handbook/journeys/buy.md"
    process = subprocess.Popen([sys.executable, "-m", "mkdocs_journeys.cli", "generate", "docs", "--watch"],
                               cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_for(lambda: "Buying a thing" in text(page))
        journey = root / "journeys/journey.yml"  # edited at once: the watch looks from before the first pages
        journey.write_text(journey.read_text(encoding="utf-8").replace("Buying a thing", "Buying it now"),
                           encoding="utf-8")
        assert wait_for(lambda: "Buying it now" in text(page))
        (root / "journeys/journey.yml").write_text("kind: journey\nid: buy\n  bad: [\n", encoding="utf-8")
        assert wait_for(lambda: not page.exists())  # reported, its page removed, and the watch goes on
        journey.write_text(HANDBOOK["journey.yml"].replace("Buying a thing", "Back again"), encoding="utf-8")
        assert wait_for(lambda: "Back again" in text(page))
        assert (root / "docs/index.md").read_text(encoding="utf-8") == "# Mine\n"
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in out + err and "KeyboardInterrupt" not in err
    assert out.splitlines()[0].startswith("wrote ") and out.splitlines()[1].startswith("watching 'journeys'")
    assert out.count("wrote ") >= 3 and out.rstrip().endswith("stopped watching")
    assert "journey.yml:3:" in err  # the broken file's error, with its line


def test_watch_is_refused_with_a_usage_error_when_something_is_in_the_way(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", HANDBOOK, docs={"handbook/index.md": "# Mine\n"})
    result = subprocess.run([sys.executable, "-m", "mkdocs_journeys.cli", "generate", "docs", "--watch"], cwd=root,
                            capture_output=True, text=True, timeout=60, env={**os.environ})
    assert result.returncode == 2 and "was not written by" in result.stderr and "watching" not in result.stdout
    assert (root / "docs/handbook/index.md").read_text(encoding="utf-8") == "# Mine\n"
