"""Fixtures shared by the test modules: handbook sites on disk, and builds of them.

``site`` writes a site (mkdocs.yml with Material, docs/, the handbook) into the test's own folder;
``build_site`` builds it in this process, which is several times faster than a subprocess for the
small sites most tests need. Tests of what a user sees on the command line keep :func:`sites.build`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .browser import launch, unavailable
from .sites import Build, make_site

try:
    from playwright.sync_api import sync_playwright
except ImportError:
    sync_playwright = None  # type: ignore[assignment]

SiteFactory = Callable[..., Path]
Builder = Callable[..., Build]


@pytest.fixture
def site(tmp_path: Path) -> SiteFactory:
    """``site(handbook, docs=..., config=..., plugin=...)``: a site folder below this test's tmp_path."""
    count = 0

    def factory(handbook: Path | dict[str, str] | None = None, **options: Any) -> Path:
        nonlocal count
        count += 1
        return make_site(tmp_path / f"site-{count}", handbook, **options)

    return factory


class _Lines(logging.Handler):
    """The build's log as MkDocs prints it: ``LEVEL - message``, one entry per record."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.lines.append(f"{record.levelname:<7} -  {record.getMessage()}")


@pytest.fixture
def build_site() -> Iterator[Builder]:
    """``build_site(root, strict=False)``: ``mkdocs build --clean`` run in this process.

    Aborted builds (``--strict`` with warnings, a plugin error) come back with return code 1 and the
    reason in the log, as the command would print it.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    logger = logging.getLogger("mkdocs")
    previous_level = logger.level
    cwd = os.getcwd()

    def run(root: Path, *, strict: bool = False) -> Build:
        handler = _Lines()
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        os.chdir(root)
        code = 0
        try:
            config = load_config(str(root / "mkdocs.yml"), strict=strict)
            build(config)
        except (Abort, ConfigurationError, PluginError) as exc:
            handler.lines.append(f"ERROR   -  {exc}")
            code = 1
        finally:
            os.chdir(cwd)
            logger.removeHandler(handler)
        return Build(root, code, "\n".join(handler.lines))

    yield run
    logger.setLevel(previous_level)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per test module (Debian's, driven by Playwright)."""
    if sync_playwright is None:
        unavailable("the playwright package is not installed")
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()

