"""What a `mkdocs serve --dirty` rebuild may leave as it was, and what it must build again.

MkDocs' dirty rebuild builds only the pages whose file says it was modified; a page generated in
memory always says so, and a hand-written one compares its source's time with its built page's. The
plugin knows the inputs of each page it generates, so its pages say "modified" only when those
inputs changed. That alone would be wrong in three places, which this module covers:

- what every page shows: the navigation, the set of pages (links resolve against it), the config,
  the theme's overrides and the hand-written pages' sources. When any of them changed, every page
  is built again.
- the hand-written pages: they may link to and embed handbook entities, so they are built again
  whenever the handbook changed.
- the pages left as they were: the navigation needs their titles (MkDocs reads those while building
  a page), and the search plugins index only what they see built, so their entries of the pages
  left as they were are carried over from the previous build. With a search plugin whose index
  cannot be read, every page is built again.

A page removed from the handbook is removed from the served site too.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from .escape import page_title


class GeneratedPage(File):
    """A generated page that tells MkDocs whether it changed since the last build, and is written
    only when MkDocs reads it (then replaced by what the plugin hands back): a big site's pages
    are not all held at once."""

    changed = True
    _write: Callable[[], str] | None = None
    _text: str | bytes | None = None

    def is_modified(self) -> bool:
        return self.changed

    @property
    def _content(self) -> str | bytes | None:
        if self._text is None and self._write is not None:
            self._text, self._write = self._write(), None
        return self._text

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self._text = value
        if value is not None:
            self._write = None


@dataclass
class _Built:
    """What one build left in the site folder."""

    signature: str
    digests: dict[str, bytes]  # generated page path: digest of what it was written as
    inputs: dict[str, bytes]  # generated page path: digest of what it is made from, where that is known
    dests: dict[str, str]  # generated page path: its file in the site folder
    titles: dict[str, str]  # every page's title, by source path
    search: dict[str, dict[str, list[dict[str, Any]]]]  # search plugin: page URL: its index entries


@dataclass
class Rebuilds:
    """Kept by the plugin for the whole `mkdocs serve` session (``dirty``: started with ``--dirty``)."""

    dirty: bool = False
    previous: _Built | None = None
    digests: dict[str, bytes] = field(default_factory=dict)
    inputs: dict[str, bytes] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    unwritten: int = 0  # generated pages this build did not write, their inputs being as they were
    skipped: set[str] = field(default_factory=set)  # URLs of the pages this build leaves as they were
    rebuilt_all: bool = True
    _signature: str = ""
    _files: Files | None = None

    def page_file(self, config: MkDocsConfig, path: str, write: Callable[[], str], title: str,
                  edit_uri: str | None, inputs: Callable[[], bytes | None] | None = None) -> GeneratedPage:
        """A generated page's file. A dirty build learns at once whether the page changed: from the
        digest of its ``inputs`` when the previous build had the same (the page is then not written
        unless MkDocs reads it), else by writing it and comparing what it is made of. Any other
        build writes it when MkDocs reads it."""
        file = GeneratedPage.generated(config, path, content="")
        assert isinstance(file, GeneratedPage)
        file.edit_uri = edit_uri
        self.titles[path] = title
        if not self.dirty:
            file._text, file._write = None, write
            return file
        made_of = _made_of(title, edit_uri, inputs() if inputs is not None else None)
        previous = self.previous
        if made_of is not None:
            self.inputs[path] = made_of
            if previous is not None and previous.inputs.get(path) == made_of and path in previous.digests:
                file._text, file._write = None, write
                self.digests[path] = previous.digests[path]
                self.unwritten += 1
                return file
        markdown = write()
        file.content_string = markdown
        self.digests[path] = _made_of(title, edit_uri, markdown.encode("utf-8", "surrogatepass")) or b""
        return file

    def start(self) -> None:
        """A new build: forget the previous build's pages (not what it left in the site folder)."""
        self.digests = {}
        self.inputs = {}
        self.unwritten = 0
        self.titles = {}
        self.skipped = set()
        self.rebuilt_all = True
        self._files = None

    def plan(self, nav: Navigation, files: Files, config: MkDocsConfig) -> None:
        """Mark which pages this (dirty) build leaves as they were; called once the nav is known."""
        if not self.dirty:
            return
        self._files = files
        self._signature = _signature(nav, files, config, self.titles)
        previous = self.previous
        self._remove_gone(previous)
        full = (previous is None or previous.signature != self._signature
                or any(_entries(plugin) is None for _, plugin in _search_plugins(config)))
        changed = full or previous is None or previous.digests != self.digests
        self.rebuilt_all = full
        for file in files.documentation_pages():
            page = file.page
            if isinstance(file, GeneratedPage) and file.src_uri in self.digests:
                before = previous.digests.get(file.src_uri) if previous is not None else None
                file.changed = full or before != self.digests[file.src_uri]
            elif changed:
                _make_stale(file)
            if page is None or file.is_modified():
                continue
            title = (page_title(self.titles[file.src_uri]) if file.src_uri in self.titles
                     else previous.titles.get(file.src_uri) if previous is not None else None)
            if title is None:  # not known: build it
                _make_stale(file)
                if isinstance(file, GeneratedPage):
                    file.changed = True
                continue
            page.title = title  # what the navigation of the pages built around it shows
            self.skipped.add(page.url)

    def finish(self, config: MkDocsConfig) -> None:
        """Before the search plugins write their index: give back the entries of the pages left as
        they were, and remember this build for the next one."""
        files = self._files
        if not self.dirty or files is None:
            return
        previous = self.previous
        search: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for name, plugin in _search_plugins(config):
            entries = _entries(plugin)
            if entries is None:
                continue
            if hasattr(plugin, "search_index_prev"):
                plugin.search_index_prev = None  # its own merge assumes one page was built
            kept = previous.search.get(name, {}) if previous is not None else {}
            carried = [entry for url in sorted(self.skipped) for entry in kept.get(url, [])]
            entries[:] = carried + entries
            by_page: dict[str, list[dict[str, Any]]] = {}
            for entry in entries:
                by_page.setdefault(str(entry.get("location", "")).partition("#")[0], []).append(entry)
            search[name] = by_page
        titles = dict(previous.titles) if previous is not None else {}
        for file in files.documentation_pages():
            if file.page is not None and file.page.title is not None:
                titles[file.src_uri] = file.page.title
        dests = {file.src_uri: file.abs_dest_path for file in files.documentation_pages()
                 if isinstance(file, GeneratedPage) and file.src_uri in self.digests}
        self.previous = _Built(self._signature, dict(self.digests), dict(self.inputs), dests, titles, search)

    def forget(self) -> None:
        """A failed build: the next one builds everything."""
        self.previous = None

    def _remove_gone(self, previous: _Built | None) -> None:
        """The built pages of handbook pages that are no more (a dirty build cleans nothing)."""
        if previous is None:
            return
        for path, dest in previous.dests.items():
            if path not in self.digests:
                built = Path(dest)
                built.unlink(missing_ok=True)
                if built.parent.is_dir() and not any(built.parent.iterdir()):
                    built.parent.rmdir()


def _made_of(title: str, edit_uri: str | None, body: bytes | None) -> bytes | None:
    if body is None:
        return None
    digest = hashlib.blake2b(digest_size=16)
    for part in (title.encode("utf-8", "surrogatepass"), (edit_uri or "").encode("utf-8", "surrogatepass"), body):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.digest()


def _make_stale(file: File) -> None:
    """A hand-written page MkDocs will build again: its built page made older than its source."""
    if file.abs_src_path is None or not os.path.isfile(file.abs_dest_path):
        return
    os.utime(file.abs_dest_path, (0, 0))


def _search_plugins(config: MkDocsConfig) -> Iterator[tuple[str, Any]]:
    for name, plugin in config.plugins.items():
        if "search" in name or hasattr(plugin, "search_index"):
            yield name, plugin


def _entries(plugin: Any) -> list[dict[str, Any]] | None:
    """The list a search plugin collects its entries in (Material's and MkDocs' own), else None."""
    index = getattr(plugin, "search_index", None)
    for name in ("entries", "_entries"):
        entries = getattr(index, name, None)
        if isinstance(entries, list):
            return entries
    return None


def _signature(nav: Navigation, files: Files, config: MkDocsConfig, titles: dict[str, str]) -> str:
    """What every page shows or depends on, as one digest."""
    parts: list[Any] = [_file_digest(config.config_file_path), _nav(nav.items, titles)]
    for file in files:
        if isinstance(file, GeneratedPage) or not file.is_documentation_page():
            parts.append(file.src_uri)
        else:
            parts.append([file.src_uri, *_stat(file.abs_src_path)])
    custom = config.theme.custom_dir
    if custom:
        for folder, _, names in sorted(os.walk(custom)):
            parts += [[name, *_stat(os.path.join(folder, name))] for name in sorted(names)]
    return hashlib.blake2b(json.dumps(parts, default=str).encode(), digest_size=16).hexdigest()


def _nav(items: list[Any], titles: dict[str, str]) -> list[Any]:
    shape: list[Any] = []
    for item in items:
        if isinstance(item, Section):
            shape.append(["section", item.title, _nav(item.children, titles)])
        elif isinstance(item, Page):
            shape.append(["page", item.file.src_uri, item.__dict__.get("title"), titles.get(item.file.src_uri)])
        elif isinstance(item, Link):
            shape.append(["link", item.title, item.url])
    return shape


def _stat(path: str | None) -> list[int]:
    if path is None:
        return []
    try:
        stat = os.stat(path)
    except OSError:
        return [-1]
    return [stat.st_size, stat.st_mtime_ns]


def _file_digest(path: str | None) -> str:
    if path is None:
        return ""
    try:
        return hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return ""
