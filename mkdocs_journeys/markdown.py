"""``mkdocs_journeys.markdown``: the links and embeds of hand-written pages in any Python-Markdown site.

Zensical runs no MkDocs plugins but runs Python-Markdown extensions; so do MkDocs without the plugin
and plain ``markdown.markdown(text, extensions=["mkdocs_journeys.markdown"])``. The pages themselves
come from ``mkdocs-journeys generate DOCS_DIR``; this extension resolves ``[text](journey:ID)``,
``[](persona:ID)``, ``journey:ID/PART``, ``process:`` and ``department:`` links and the
``[[journeys ...]]`` embeds with the same rewriter as the plugin. Python-Markdown cannot fail a
build: a broken link is one warning line (page:line), or an error with ``strict``.

Where the page is: Zensical and MkDocs keep it on the converter (read at conversion time); else the
``page`` option; else links are absolute from the site root (the path of ``site_url``).
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .analysis import analyse
from .commands.generate import folder_stamp
from .commands.options import UsageError, settings_from_config
from .data.measure import measured_handbook
from .escape import attr, one_line
from .kinds import PageKind
from .language import fallback_warning, resolve, use_language
from .render import RenderContext
from .render.hand_written import rewrite
from .settings import Settings

# Below "mkdocs." so that an MkDocs build counts the warnings (and `--strict` fails on them); elsewhere
# Python prints a warning with no handler as its bare message.
log = logging.getLogger("mkdocs.plugins.journeys.markdown")


class HandbookLinkError(Exception):
    """A broken handbook link or embed, with ``strict``: the message is the page, line and what is wrong."""


@dataclass
class _Built:
    stamp: tuple[tuple[str, int, int], ...]
    context: RenderContext


# One handbook per source, settings and URL style, shared by every page of a build (and across the
# rebuilds of a server) until a file of the folder changes.
_CACHE: dict[tuple[str, str, bool], _Built] = {}
_WARNED: set[str] = set()  # languages without a catalogue, said once per process


def handbook_context(source: Path, settings: Settings, directory_urls: bool) -> RenderContext:
    """The built handbook of ``source``, built again only when one of its files changed."""
    key = (str(source.resolve()), settings.model_dump_json(), directory_urls)
    stamp = folder_stamp(source)
    cached = _CACHE.get(key)
    if cached is not None and cached.stamp == stamp:
        return cached.context
    handbook, measurements = measured_handbook(source, settings)
    for problem in handbook.problems:
        log.warning(one_line(f"{problem.location.display()}: {problem.full_message()}"))
    context = RenderContext.for_build(handbook, analyse(handbook, measurements), directory_urls=directory_urls,
                                      standalone_scripts=True)
    _CACHE[key] = _Built(stamp, context)
    return context


@dataclass
class _Where:
    page: str | None
    directory_urls: bool
    base: Path | None  # the folder of the site's config, for a relative `source`


def _where(md: Markdown, page_option: str) -> _Where:
    """The page being converted and the site's URL style, as Zensical or MkDocs expose them."""
    for processor in md.preprocessors:  # Zensical: its context preprocessor holds the page and config
        page, config = getattr(processor, "page", None), getattr(processor, "config", None)
        path = getattr(page, "path", None)
        if isinstance(path, str) and isinstance(config, dict):
            root = config.get("root_dir")  # the folder of the site's config
            return _Where(path.replace("\\", "/"), bool(config.get("use_directory_urls", True)),
                          Path(root) if isinstance(root, str) and root else None)
    if "relpath" in md.treeprocessors:  # MkDocs: the tree processor that rewrites .md links knows the file
        relpath = md.treeprocessors["relpath"]
        src_uri, config = getattr(getattr(relpath, "file", None), "src_uri", None), getattr(relpath, "config", None)
        if isinstance(src_uri, str) and config is not None:
            root = config.get("config_file_path")
            return _Where(src_uri, bool(config.get("use_directory_urls", True)),
                          Path(root).parent if isinstance(root, str) and root else None)
    return _Where(page_option or None, True, None)


class _JourneysPreprocessor(Preprocessor):  # type: ignore[misc]
    def __init__(self, md: Markdown, extension: JourneysExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        requested = str(self.extension.getConfig("language") or "")
        language, known = resolve(requested or None)
        if not known and requested not in _WARNED:
            _WARNED.add(requested)
            log.warning(one_line(fallback_warning(requested)))
        with use_language(language):
            return self._run(lines)

    def _run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        options = self.extension.getConfigs()
        where = _where(self.md, str(options["page"]))
        settings, source = self.extension.settings(where.base)
        if not source.is_dir():
            self._report(where.page, 0, f"the handbook folder '{source}' does not exist")
            return lines
        ctx = handbook_context(source, settings, where.directory_urls)
        page = where.page or "index.md"
        base = _base(str(options["site_url"] or settings.site_url or "/"))
        link_url = None if where.page else _absolute(ctx, base)
        result = rewrite(text, page, ctx, link_url)
        for line, message in result.problems:
            self._report(where.page, line, message)
        markdown = result.markdown
        if markdown != text and "[[journeys" in text:  # an embed: its style and chart script
            markdown += "\n\n" + ((ctx.scripts(page) or "") if where.page else _absolute_scripts(ctx, base)) + "\n"
        return markdown.split("\n")

    def _report(self, page: str | None, line: int, message: str) -> None:
        where = f"{page or 'the page'}:{line}" if line else (page or "the page")
        text = one_line(f"journeys: {where}: {message}")
        if self.extension.getConfig("strict"):
            raise HandbookLinkError(text)
        log.warning(text)


def _base(site_url: str) -> str:
    """The path of the site's root, from ``site_url`` (``/`` without one)."""
    base = urlsplit(site_url).path or "/"
    return base if base.endswith("/") else base + "/"


def _absolute(ctx: RenderContext, base: str) -> Any:
    """Links from the site root when the page's own path is not known."""
    def url(kind: PageKind, entity_id: str, anchor: str | None) -> str:
        return posixpath.join(base, ctx.page_url("index.md", ctx.site.path(kind, entity_id), anchor))
    return url


def _absolute_scripts(ctx: RenderContext, base: str) -> str:
    return (f'<link rel="stylesheet" href="{attr(base + ctx.site.asset("journeys.css"))}">\n'
            f'<script src="{attr(base + ctx.site.asset("journeys.js"))}" defer></script>')


class JourneysExtension(Extension):  # type: ignore[misc]
    """Options as the plugin's (``source``, ``output``, ``emotion_scale``), or those of ``config``'s plugin."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "source": ["", "the handbook folder (default: the `config` file's plugin `source`, else journeys)"],
            "output": ["", "the folder of the generated pages in the site, as given to `generate`"],
            "emotion_scale": [[], "the lowest and highest emotion, as the plugin's option"],
            "config": ["", "a site config whose `journeys` plugin options apply"],
            "site_url": ["", "where the site is published, for absolute links when the page is not known"],
            "page": ["", "the path of the page in the site (when the site generator does not say)"],
            "strict": [False, "raise an error on a broken link instead of logging a warning"],
            "language": ["", "the language of the embedded tables and charts (`de`, `fr`, ...; default English)"],
        }
        super().__init__(**kwargs)

    def settings(self, base: Path | None) -> tuple[Settings, Path]:
        """The settings and the handbook folder (relative to ``config``'s folder, else the site's)."""
        options = self.getConfigs()
        try:
            settings, config_dir, _ = settings_from_config(str(options["config"])) if options["config"] \
                else (Settings(), None, {})
        except UsageError as exc:
            raise HandbookLinkError(f"journeys: {exc}") from None
        update: dict[str, Any] = {key: options[key] for key in ("source", "output", "emotion_scale") if options[key]}
        try:
            settings = Settings.model_validate({**settings.model_dump(), **update})
        except ValueError as exc:
            raise HandbookLinkError(one_line(f"journeys: invalid option: {exc}")) from None
        root = config_dir or base or Path.cwd()
        return settings, root / settings.source

    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace normalisation (30), before fenced code (25) and raw HTML (20) take the text.
        md.preprocessors.register(_JourneysPreprocessor(md, self), "mkdocs_journeys", 27)


def makeExtension(**kwargs: Any) -> JourneysExtension:
    return JourneysExtension(**kwargs)
