"""The ``journeys`` MkDocs plugin: a thin adapter that feeds the core's pages into a MkDocs build.

Pages are generated in memory (nothing is written into ``docs/``), problems are logged with
file:line as warnings (so ``--strict`` fails) while the valid rest still builds, and hand-written
pages may link to entities (``journey:ID``) and embed their tables and charts.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import nest_paths
from pydantic import ValidationError

from .analysis import Analysis, analyse
from .data.measure import DataCache, measured_handbook
from .escape import one_line, page_title
from .gc_pause import collector_paused
from .handbook import Handbook
from .held_pages import HeldPages
from .kinds import KINDS, PAGE_KINDS
from .language import ENGLISH, _, activate, fallback_warning, resolve
from .load.file_cache import ReadCache
from .memory_release import release_memory
from .pages_ahead import PageAhead, carried, carry
from .rebuilds import Rebuilds
from .render import PagePlan, RenderContext, assets, forget_cached_text, page_plans
from .render.hand_written import rewrite, uses_handbook
from .render.page_html import PageHtml, RowMemo, page_html
from .render.site import Site
from .settings import Settings
from .source import forget_shown_paths

log = get_plugin_logger(__name__)

# A generated page's HTML is filled in before, and held (compressed) after, every other plugin's
# handler of the same event: plugins that want to run first or last conventionally use 100 and -100,
# and equal priorities run in the order plugins are listed.
FIRST, LAST = 1000, -1000


class JourneysPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Options are validated by :class:`~mkdocs_journeys.settings.Settings`, shared with the CLI."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.settings = Settings()
        self.handbook: Handbook | None = None
        self.analysis: Analysis | None = None
        self.source: Path | None = None
        self.site: Site | None = None
        self.context: RenderContext | None = None
        self.data_cache = DataCache()
        self.read_cache = ReadCache()
        self.rebuilds = Rebuilds()
        self.generated: set[str] = set()
        self.titles: dict[str, str] = {}
        self.html_blocks: dict[str, PageHtml] = {}
        self.rows = RowMemo()  # `mkdocs serve` only
        self.held = HeldPages()
        self.serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps this instance across the rebuilds of `mkdocs serve`: its caches
        then spare the files and datasets that did not change, and (``--dirty``) the pages."""
        self.rebuilds.dirty = dirty
        self.serving = command == "serve"

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> tuple[list[Any], list[Any]]:
        try:
            self.settings = Settings.model_validate(options)
        except ValidationError as exc:
            from mkdocs.config.base import ValidationError as MkDocsValidationError

            errors = [(".".join(map(str, e["loc"])) or "journeys", MkDocsValidationError(e["msg"]))
                      for e in exc.errors()]
            return errors, []
        self.config.update(options)
        return [], []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        requested = config.theme.get("language") or config.theme.get("locale")
        language, known = resolve(str(requested) if requested else None)
        if not known:
            _warn(fallback_warning(str(requested)))
        activate(language)  # this build's hooks write the pages in the theme's language
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.source = (base / self.settings.source).resolve()
        if self.settings.site_url is None and config.site_url:
            self.settings = self.settings.model_copy(update={"site_url": config.site_url})
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")  # stable heading ids: {#stage-ID}
        site = Site(Handbook(self.source, self.settings), self.settings.output)
        config.extra_css.append(site.asset("journeys.css"))
        config.extra_javascript.append(site.asset("journeys.js"))
        config.extra_javascript.append(site.asset("journeys-map.js"))
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        pages = self._read_handbook(files, config)
        assert self.site is not None
        for asset in assets(self.site):
            if files.get_file_from_path(asset.path) is None:
                files.append(File.generated(config, asset.path, abs_src_path=str(asset.source),
                                            inclusion=InclusionLevel.NOT_IN_NAV))
        nav = self._nav(files, pages) if config.nav is None and self.settings.nav == "auto" else None
        docs_dir = Path(config.docs_dir)
        generated = [(page.path, page.title, _edit_uri(page.source, docs_dir), _markdown_of(page), page.inputs)
                     for page in pages if page.path in self.generated]
        del pages
        if self._may_let_handbook_go_now(files, config):
            with collector_paused():  # the handbook is not frozen yet: a collection would walk all of it
                carrying = carry([PageAhead.written(path, title, edit_uri, _write_now(path, write))
                                  for path, title, edit_uri, write, _ in generated], nav)
            del generated, nav
            self._let_handbook_go()
            ahead, nav = carried(carrying)
            del carrying
            self.generated = {page.path for page in ahead}  # its strings were made among the handbook's
            generated = [(page.path, page.title, page.edit_uri, page.markdown, None) for page in ahead]
        self.rebuilds.start()
        self.titles = {}
        for path, title, edit_uri, write, inputs in generated:
            files.append(self.rebuilds.page_file(config, path, write, title, edit_uri, inputs))
            self.titles[path] = title
        if self.rebuilds.dirty and self.rebuilds.previous is not None:
            log.debug(f"journeys: {self.rebuilds.unwritten} of {len(generated)} generated pages not written again "
                      "(made from what they were made from before)")
        if nav is not None:
            config.nav = nav
        # What the build keeps from here lives until it ends; keep the garbage collector from walking
        # it again and again while MkDocs renders every page (a tenth of a big build's time).
        gc.freeze()
        return files

    def _read_handbook(self, files: Files, config: MkDocsConfig) -> list[PagePlan]:
        """Read, check and analyse the handbook, log its problems, and plan its pages: every one,
        with the paths it will be generated at (those a page in the docs folder does not take)."""
        assert self.source is not None
        if not self.source.is_dir():
            raise PluginError(one_line(f"journeys: the handbook folder '{self.settings.source}' does not exist "
                                       f"(looked for {self.source})"))
        context = self._load(config)
        for problem in context.handbook.problems:
            _warn(f"{problem.location.display()}: {problem.full_message()}")
        assert self.analysis is not None
        self._log_findings(self.analysis)
        with collector_paused():
            pages = page_plans(context)
        self.generated = set()
        for page in pages:
            if files.get_file_from_path(page.path) is not None:
                _warn(f"'{page.path}' exists in the docs folder: the handbook page at that path is not "
                            "generated (your page is kept). Move your page or change the `output` option.")
            else:
                self.generated.add(page.path)
        return pages

    def _load(self, config: MkDocsConfig) -> RenderContext:
        """The handbook, its analysis and what the pages are rendered from. The caches live as long as
        the plugin: `mkdocs serve` does not parse an unchanged file or read an unchanged dataset again."""
        assert self.source is not None
        handbook, measurements = measured_handbook(self.source, self.settings, self.data_cache, self.read_cache)
        self.handbook = handbook
        self.analysis = analyse(handbook, measurements)
        with collector_paused():
            self.context = RenderContext.for_build(handbook, self.analysis, directory_urls=config.use_directory_urls)
        self.site = self.context.site
        return self.context

    def _may_let_handbook_go_now(self, files: Files, config: MkDocsConfig) -> bool:
        """Whether nothing is expected to need the handbook after this event: a one-off build, no
        plugin that rewrites Markdown or replaces a page's source before this one reads it (it might
        add a link to an entity or an embed), and no hand-written page that holds one. Then the pages
        are written at once and the handbook goes before MkDocs reads any page (see
        :mod:`.pages_ahead`); else it goes in :meth:`on_env`. A page that needs it all the same has it
        read again (:meth:`on_page_markdown`)."""
        if self.serving or self.rebuilds.dirty or config.plugins.events["page_read_source"]:
            return False
        owners = [getattr(handler, "__self__", None) for handler in config.plugins.events["page_markdown"]]
        if not owners or owners[0] is not self:  # in the order they run: another one runs first
            return False
        for file in files.documentation_pages():
            try:
                if uses_handbook(file.content_string):
                    return False
            except (OSError, UnicodeDecodeError):  # MkDocs reports it when it reads the page
                return False
        return True

    def _let_handbook_go(self) -> None:
        """Drop the handbook and everything made from it (the data cache stays: a program that builds
        again in this process reads no unchanged dataset again)."""
        self.handbook, self.analysis, self.context, self.site = None, None, None, None
        self.read_cache = ReadCache()
        forget_cached_text()
        forget_shown_paths()
        release_memory(collect=True)  # the handbook's objects refer to each other: only the collector frees them

    @event_priority(-100)  # once every plugin has had its say on the nav
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.rebuilds.plan(nav, files, config)
        if self.serving:  # a row's links resolve against the pages and their URLs, as every plugin left them
            self.rows.start(tuple((file.src_uri, file.url) for file in files.documentation_pages()))
        return nav

    @event_priority(-100)  # once every plugin has read the pages
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page has been read and turned into HTML: a one-off build needs the handbook no more
        (when :meth:`on_files` did not let it go already). Letting it go before the theme and the
        search plugins hold every page's text keeps the peak memory of a big build to the larger of
        the two, not their sum. `mkdocs serve` keeps it: the next rebuild reuses what did not change."""
        if not self.serving and self.handbook is not None:
            self._let_handbook_go()
        return env

    @event_priority(100)  # before the search plugins write their index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.rebuilds.finish(config)
        self.held.clear()
        activate(ENGLISH)
        gc.unfreeze()  # `mkdocs serve` builds again: let this build's objects be collected
        release_memory()  # what the pages held, before the search plugins write their index

    def on_build_error(self, *, error: Exception) -> None:
        self.rebuilds.forget()
        self.held.clear()
        activate(ENGLISH)
        gc.unfreeze()

    def _log_findings(self, analysis: Analysis) -> None:
        """Findings are advice: as warnings when asked (``--strict`` then fails), else one line
        pointing to the overview, with each finding in the verbose log (``mkdocs build -v``)."""
        if self.settings.findings == "off" or not analysis.findings:
            return
        for finding in analysis.findings:
            problem = finding.as_problem()
            line = f"{problem.location.display()}: [{problem.code}] {problem.full_message()}"
            (log.warning if self.settings.findings == "warning" else log.debug)(one_line(line))
        if self.settings.findings == "info":
            count = len(analysis.findings)
            log.info(f"the analysis has {count} finding{'s' if count != 1 else ''}: see the overview's handbook "
                     "health, `mkdocs-journeys check`, or `mkdocs build -v` for each one")

    def _nav(self, files: Files, pages: list[PagePlan]) -> list[Any]:
        """The site's own pages as MkDocs would list them, then one compact Handbook section."""
        assert self.handbook is not None and self.site is not None
        own = [f.src_uri for f in files.documentation_pages() if f.src_uri not in self.generated]
        nav: list[Any] = nest_paths(own)  # type: ignore[no-untyped-call]
        section: list[Any] = [self.site.overview_path]
        by_kind: dict[str, list[str]] = {}
        for page in pages:
            if page.entity_id is not None and page.path in self.generated:
                by_kind.setdefault(page.kind, []).append(page.path)
        for kind in PAGE_KINDS:
            index = self.site.index_path(kind)
            entries = by_kind.get(kind, [])
            title = _(KINDS[kind].title)
            if entries and len(entries) <= self.settings.nav_max_items:
                section.append({title: [index, *entries]})
            else:
                section.append({title: index})
        nav_title = self.settings.nav_title if "nav_title" in self.settings.model_fields_set else _("Handbook")
        nav.append({nav_title: section})
        return nav

    def on_page_markdown(self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self.generated:
            # The title themes show in <title>, the navigation, breadcrumbs and the search index: some
            # decode it before inserting it as HTML, so it carries no markup at all (the heading on the
            # page keeps the exact text).
            page.meta["title"] = page_title(self.titles[page.file.src_uri])
            return self._page_html(markdown, page, files)
        if self.context is None:
            if not uses_handbook(markdown):
                return markdown
            # Another plugin added this page, or its links, after the handbook went: read it again
            # (quietly: its problems were logged once); it goes again in on_env.
            log.debug(f"journeys: reading the handbook again for {page.file.src_uri}")
            self._load(config)
            assert self.context is not None
        result = rewrite(markdown, page.file.src_uri, self.context)
        for line, message in result.problems:
            _warn(f"{page.file.src_uri}:{line}: {message}")
        return result.markdown

    def _page_html(self, markdown: str, page: MkDocsPage, files: Files) -> str:
        """The page's body as finished HTML (filled in by :meth:`on_page_content`), its headings left to
        MkDocs for the table of contents: parsing the generated Markdown back is most of a build."""
        urls: dict[str, str | None] = {}

        def url_of(path: str) -> str | None:
            if path not in urls:
                target = files.get_file_from_path(path)
                urls[path] = None if target is None or not target.is_documentation_page() \
                    else target.url_relative_to(page.file)
            return urls[path]

        converted = page_html(markdown, page.file.src_uri, url_of, self.rows if self.serving else None)
        self.html_blocks[page.file.src_uri] = converted
        page.file.content_string = converted.markdown  # the whole Markdown is not needed again
        return converted.markdown

    @event_priority(FIRST)  # before any other plugin reads the page's HTML
    def _fill_page(self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        converted = self.html_blocks.pop(page.file.src_uri, None)
        if converted is None:
            return html
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= converted.ids
        if page.links_to_anchors is not None:
            for path, anchor, written in converted.anchored_links:
                target = files.get_file_from_path(path)
                if target is not None:
                    page.links_to_anchors.setdefault(target, {}).setdefault(anchor, written)
        return converted.fill(html)

    @event_priority(LAST)  # once every other plugin has seen the page's HTML
    def _hold_page(self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri not in self.generated:
            return html
        return self.held.hold(page.file.src_uri, html)

    on_page_content = CombinedEvent(_fill_page, _hold_page)

    @event_priority(FIRST)  # before the theme and the search plugins read the page's HTML
    def on_page_context(self, context: Any, /, *, page: MkDocsPage, config: MkDocsConfig, nav: Navigation) -> Any:
        page.content = self.held.give_back(page.file.src_uri, page.content)
        return context

    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.generated:
            page.content = None  # written: MkDocs would keep every page's HTML until the build ends
        return output

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        self.serving = True  # also `mkdocs serve --clean`, which starts its plugins as for a build
        if self.source is not None and self.source.is_dir():
            server.watch(str(self.source))
        return server


def _warn(message: str) -> None:
    """One line in the build log, whatever the author's text quoted in it holds: CI reads a line that
    starts with ``::`` as a command."""
    log.warning(one_line(message))


def _edit_uri(source: Path | None, docs_dir: Path) -> str | None:
    """The YAML file, relative to the docs folder as ``edit_uri`` expects (``../journeys/x.yml``)."""
    if source is None:
        return None
    return Path(os.path.relpath(source.resolve(), docs_dir.resolve())).as_posix()


def _write_now(path: str, write: Callable[[], str]) -> str:
    """A page written in on_files: MkDocs names a page that fails when it reads it, but not here."""
    try:
        return write()
    except Exception:
        log.error(f"journeys: writing the handbook page '{path}' failed")
        raise


def _markdown_of(plan: PagePlan) -> Callable[[], str]:
    return lambda: plan.write().markdown
