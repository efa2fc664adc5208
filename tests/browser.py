"""A real headless Chromium against a built site served over local HTTP, with every other host refused.

Playwright drives Debian's ``chromium`` (``JOURNEYS_CHROMIUM`` overrides the path); it cannot download
browsers here. Without Chromium or Playwright the browser tests skip on a developer machine and fail in CI.
"""

from __future__ import annotations

import functools
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("JOURNEYS_CHROMIUM", "/usr/bin/chromium")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def unavailable(reason: str) -> None:
    """Skip on a developer machine; fail in CI, where the browser tests must run."""
    if os.environ.get("CI"):
        pytest.fail(f"the browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(site: Path, port: int = 0) -> Iterator[str]:
    """The built site over HTTP on a local port (instant navigation needs HTTP, not file://)."""
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Watch:
    """What a page did that a test must check: foreign requests, console errors, dialogs, requests made."""

    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def clean(self) -> None:
        assert self.refused == [], f"requests to another host: {self.refused}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"


def launch(playwright: Any) -> Any:
    if not Path(CHROMIUM).exists():
        unavailable(f"Chromium is not installed at {CHROMIUM}")
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])


def open_page(browser: Any) -> tuple[Any, Watch]:
    """A fresh page that refuses every request to another host and records errors and dialogs."""
    watch = Watch()
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def route(route: Any) -> None:
        url = route.request.url
        watch.requests.append(url)
        if urlparse(url).hostname in LOCAL_HOSTS or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            watch.refused.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda msg: watch.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: watch.errors.append(str(exc)))

    def dialog(d: Any) -> None:
        watch.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    return page, watch
