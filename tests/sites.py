"""Build real MkDocs + Material sites from handbook folders, for tests that read the HTML."""

from __future__ import annotations

import html as html_lib
import importlib.util
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

SPEC_EXAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "spec" / "example-handbook"
REPO = Path(__file__).resolve().parent.parent


def synthetic() -> ModuleType:
    """benchmarks/synthetic.py (a script folder, not a package): the handbooks the benchmarks measure."""
    if "synthetic" not in sys.modules:
        spec = importlib.util.spec_from_file_location("synthetic", REPO / "benchmarks" / "synthetic.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["synthetic"] = module
        spec.loader.exec_module(module)
    return sys.modules["synthetic"]


def example_handbook() -> Path:
    """The spec's example handbook: beside the repository in CI, or its copy in tests/fixtures."""
    copy = REPO / "tests" / "fixtures" / "example-handbook"
    return SPEC_EXAMPLE if SPEC_EXAMPLE.is_dir() else copy


@dataclass
class Build:
    root: Path
    returncode: int
    log: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, url_path: str) -> str:
        """The HTML at a URL path such as ``handbook/journeys/x/``."""
        target = self.site / url_path
        if url_path.endswith("/") or url_path == "":
            target = target / "index.html"
        return target.read_text(encoding="utf-8")

    def article(self, url_path: str) -> str:
        html = self.html(url_path)
        start = html.index('<article class="md-content__inner md-typeset">')
        return html[start:html.index("</article>", start)]

    def warnings(self) -> list[str]:
        return [line for line in self.log.splitlines() if line.startswith("WARNING")]


def make_site(root: Path, handbook: Path | dict[str, str] | None = None, *, docs: dict[str, str] | None = None,
              config: dict[str, Any] | None = None, plugin: dict[str, Any] | None = None) -> Path:
    """A site folder: mkdocs.yml (Material), docs/ and the handbook in journeys/."""
    root.mkdir(parents=True, exist_ok=True)
    source = root / "journeys"
    if isinstance(handbook, Path):
        shutil.copytree(handbook, source)
    elif handbook is not None:
        for rel, text in handbook.items():
            path = source / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    for rel, text in (docs or {"index.md": "# Home\n"}).items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    mkdocs: dict[str, Any] = {
        "site_name": "Test handbook",
        "theme": {"name": "material", "font": False, "features": ["navigation.instant"]},
        "plugins": ["search", {"journeys": plugin or {}}],
    }
    mkdocs.update(config or {})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs, sort_keys=False), encoding="utf-8")
    return root


def build(root: Path, *, strict: bool = False, command: tuple[str, ...] = ("-m", "mkdocs")) -> Build:
    """``mkdocs build`` in a subprocess, as a user runs it."""
    args = [sys.executable, *command, "build", "--clean"] + (["--strict"] if strict else [])
    result = subprocess.run(args, cwd=root, capture_output=True, text=True, timeout=600)
    return Build(root, result.returncode, result.stdout + result.stderr)


class Anchors(HTMLParser):
    """Every ``id`` and every ``href`` in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name == "href" and value:
                self.hrefs.append(value)


def anchors(html: str) -> Anchors:
    parser = Anchors()
    parser.feed(html)
    return parser


def text_of(html: str) -> str:
    """The visible text of some HTML, with runs of whitespace as one space."""
    text = re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html))).strip()
    return re.sub(r" ([,.;:)])", r"\1", text)
