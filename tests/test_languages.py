"""The handbook's pages in the site's language: real MkDocs + Material builds, read as HTML.

Every word the package writes on a page comes from a gettext catalogue; these tests build sites in
German, French, Spanish and Dutch and look for English left on the generated pages (each message of
the catalogues, in the text, the labels and tooltips, and the charts' figures), for numbers and dates
in the language's format, and check that every message of the code has a translation in every
catalogue, so that a new English string without translations fails here.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import string
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from babel.messages.pofile import read_po

from mkdocs_journeys.analysis import analyse
from mkdocs_journeys.cli import main
from mkdocs_journeys.data.measure import measured_handbook
from mkdocs_journeys.language import LOCALE_DIR, available, resolve, use_language

from .conftest import Builder, SiteFactory
from .measured_handbook import HANDBOOK, write_data
from .sites import example_handbook, make_site

PACKAGE = Path(__file__).resolve().parent.parent / "mkdocs_journeys"
LANGUAGES = ("de", "fr", "es", "nl")
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})

# English on the example's pages, and what each language writes instead.
ENGLISH = ("Emotion curve", "Owners", "Current state (as-is)", "Handbook health", "Defined in", "Risky handoff",
           "Line of visibility", "Pain points", "Supporting processes", "very negative", "missed", "Journey map",
           "Churn rate")  # the last: a metric the package itself names
TRANSLATED = {
    "de": ("Emotionskurve", "Verantwortliche", "Ist-Zustand", "Zustand des Handbuchs", "Definiert in",
           "Riskante Übergabe", "Sichtbarkeitslinie", "Schmerzpunkte", "Unterstützende Prozesse", "sehr negativ",
           "verfehlt", "Journey Map", "Abwanderungsrate"),
    "fr": ("Courbe des émotions", "Propriétaires", "État actuel", "Santé du manuel", "Défini dans",
           "Passage de relais risqué", "Ligne de visibilité", "Points de friction", "Processus de soutien",
           "très négatif", "manqué", "Carte du parcours", "Taux d’attrition"),
    "es": ("Curva de emociones", "Responsables", "Estado actual", "Salud del manual", "Definido en",
           "Traspaso arriesgado", "Línea de visibilidad", "Puntos de dolor", "Procesos de apoyo", "muy negativo",
           "no alcanzado", "Mapa del recorrido", "Tasa de abandono"),
    "nl": ("Emotiecurve", "Eigenaars", "Huidige situatie", "Gezondheid van het handboek", "Gedefinieerd in",
           "Riskante overdracht", "Zichtbaarheidslijn", "Pijnpunten", "Ondersteunende processen", "zeer negatief",
           "gemist", "Journeymap", "Klantverloop"),
}
# 71.5 %, 1,234 and 2 December 2026 as each language writes them (spaces normalised).
NUMBERS = {
    "de": ("71,5 %", "1.234", "2. Dezember 2026", "Handbuch"),
    "fr": ("71,5 %", "1 234", "2 décembre 2026", "Manuel"),
    "es": ("71,5 %", "1.234", "2 de diciembre de 2026", "Manual"),
    "nl": ("71,5%", "1.234", "2 december 2026", "Handboek"),
}


_BLOCKS = {"p", "div", "li", "td", "th", "tr", "br", "h1", "h2", "h3", "h4", "summary", "figcaption", "title", "text",
           "details", "table", "ul", "ol", "figure", "a", "small", "em"}


class _Visible(HTMLParser):
    """What a reader meets on a page: its text, its labels and tooltips, and the words of its charts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        if tag in _BLOCKS:
            self.parts.append(" ")
        for name, value in attrs:
            if value and name in ("aria-label", "title", "alt"):
                self.parts.append(f" {value} ")
            if value and name == "data-journeys-figure":
                self.parts += [f" {words} " for words in _figure_words(json.loads(value))]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip -= 1
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _figure_words(value: Any) -> list[str]:
    """The strings of a plotly figure that readers see (hover text, labels, axis titles), not its settings."""
    if isinstance(value, dict):
        return [w for key, item in value.items() if key not in ("type", "mode", "hoverinfo", "textinfo", "textposition",
                                                                "xref", "yref", "legendgroup", "template", "meta")
                for w in _figure_words(item)]
    if isinstance(value, list):
        return [w for item in value for w in _figure_words(item)]
    if isinstance(value, str) and " " in value and "/" not in value.split(" ")[0]:
        return [re.sub(r"<[^>]+>", " ", value)]
    return []


def visible(html: str) -> str:
    start = html.index('<article class="md-content__inner md-typeset">')
    parser = _Visible()
    parser.feed(html[start:html.index("</article>", start)])
    return re.sub(r"\s+", " ", "".join(parser.parts)).translate(SPACES)


def _catalogue(language: str) -> dict[Any, Any]:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "mkdocs_journeys.po").open("rb") as file:
        return {(m.id if isinstance(m.id, str) else tuple(m.id)): m for m in read_po(file, locale=language) if m.id}


def _english_phrases(language: str, author_text: str) -> list[tuple[str, str]]:
    """Each message's fixed words (the parts between placeholders) that its translation does not keep,
    and are not words of the handbook's own text: none of them may be on a page in ``language``."""
    catalogue = _catalogue(language)
    # a word both languages have ("actual" is Spanish too) may well be on the page
    words_of_language = " ".join(m.string if isinstance(m.string, str) else " ".join(m.string)
                                 for m in catalogue.values())
    phrases = []
    for key, message in catalogue.items():
        english = key if isinstance(key, str) else key[1]
        translated = message.string if isinstance(message.string, str) else message.string[-1]
        for literal, *_ in string.Formatter().parse(english):
            for chunk in re.split(r"[^\w\s'-]+", literal):
                words = chunk.strip()
                long_enough = len(words.split()) >= 2 or len(words) >= 4
                if (long_enough and words not in translated and words.lower() not in author_text
                        and not re.search(rf"(?<!\w){re.escape(words)}(?!\w)", words_of_language)):
                    phrases.append((words, english))
    return phrases


def _without_findings(text: str, source: Path, language: str) -> str:
    """The text without the findings' sentences and hints, which stay English (their titles do not)."""
    with use_language(language):  # their numbers are the page's
        handbook, measurements = measured_handbook(source)
        analysis = analyse(handbook, measurements)
    sentences = [part for finding in [*analysis.findings, *(f for f, _ in analysis.suppressed)]
                 for part in (finding.message, finding.hint) if part]
    for sentence in sorted(sentences, key=len, reverse=True):
        sentence = re.sub(r"\s+", " ", sentence.replace("`", "")).translate(SPACES)
        for variant in (sentence[:1].upper() + sentence[1:], sentence):
            text = text.replace(variant, " ")
    return text


def _absent(phrases: list[tuple[str, str]], text: str) -> list[str]:
    return [f"{words!r} (of {english!r})" for words, english in phrases
            if re.search(rf"(?<![\w/.-]){re.escape(words)}(?![\w-]|[./]\w)", text)]  # not in file names


def _author_text(source: Path) -> str:
    """The handbook's own words (the values of its YAML, its data files), which pages show as written."""
    values: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for item in node.values():
                walk(item)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif node is not None:
            values.append(str(node))

    for path in source.rglob("*"):
        if path.suffix in (".yml", ".yaml"):
            for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
                walk(document)
        elif path.is_file():
            values.append(path.read_text(encoding="utf-8", errors="replace"))
    return " ".join(values).lower()


def _example_with_figures(root: Path) -> Path:
    """The spec's example, with a share (71.5%), a count in the thousands and a review date."""
    source = root / "handbook-source"
    shutil.copytree(example_handbook(), source)
    journey = source / "journeys" / "open-current-account.yml"
    text = journey.read_text(encoding="utf-8")
    text = text.replace("  churn: {target: 3%, actual: 4.5%}",
                        "  churn: {target: 3%, actual: 71.5%}\n  applications: {target: 1500, actual: 1234}")
    text = text.replace("state: current\n", "state: current\nreviewed: 2026-12-02\n")
    journey.write_text(text, encoding="utf-8")
    (source / "applications.yml").write_text("kind: metric\nid: applications\nname: Applications\nunit: count\n"
                                             "better: higher\n", encoding="utf-8")
    return source


def _pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in (site / "handbook").rglob("index.html")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_example_site_is_written_in_the_theme_language(language: str, tmp_path: Path, site: SiteFactory,
                                                           build_site: Builder) -> None:
    source = _example_with_figures(tmp_path)
    root = site(source, config={"theme": {"name": "material", "font": False, "language": language}})
    build = build_site(root)
    assert build.returncode == 0, build.log
    assert not [w for w in build.warnings() if "translation" in w]
    pages = _pages(build.site)
    assert len(pages) >= 9
    for page_html in pages.values():
        assert f'<html lang="{language}"' in page_html
    journey = visible(build.html("handbook/journeys/open-current-account/"))
    everything = _without_findings(" ".join(visible(page_html) for page_html in pages.values()), source, language)
    for english, translated in zip(ENGLISH, TRANSLATED[language], strict=True):
        assert translated in everything, translated
        assert not re.search(rf"(?<![\w-]){re.escape(english)}(?![\w-])", everything), english
    share, count, day, handbook = NUMBERS[language]
    assert share in journey and count in journey and day in journey
    assert "71.5%" not in journey and "1,234" not in journey and "2026-12-02" not in journey
    assert f"# {handbook}" not in journey and handbook in visible(build.html("handbook/"))
    assert re.search(rf">\s*{handbook}\s*<", build.html(""))  # the navigation's section
    left = _absent(_english_phrases(language, _author_text(source)), everything)
    assert not left, f"English left on the {language} pages: {left}"
    # ids, anchors and URLs stay the English ones, so that links survive a change of language
    assert 'id="stage-awareness"' in build.html("handbook/journeys/open-current-account/")
    assert (build.site / "handbook" / "personas" / "busy-parent" / "index.html").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_measured_figures_are_written_in_the_theme_language(language: str, site: SiteFactory,
                                                            build_site: Builder) -> None:
    root = site(HANDBOOK, config={"theme": {"name": "material", "font": False, "language": language}})
    write_data(root / "journeys")
    build = build_site(root)
    assert build.returncode == 0, build.log
    pages = _pages(build.site)
    everything = _without_findings(" ".join(visible(page_html) for page_html in pages.values()), root / "journeys",
                                   language)
    left = _absent(_english_phrases(language, _author_text(root / "journeys")), everything)
    assert not left, f"English left on the {language} pages: {left}"
    process = visible(build.html("handbook/processes/refund/"))
    assert {"de": "Gemessen", "fr": "Mesuré", "es": "Medido", "nl": "Gemeten"}[language] in process
    reviewed = {"de": "1. Juni 2026", "fr": "1 juin 2026", "es": "1 de junio de 2026", "nl": "1 juni 2026"}
    assert reviewed[language] in visible(build.html("handbook/journeys/claim-refund/"))


def test_an_unknown_language_falls_back_to_english_with_one_warning(site: SiteFactory, build_site: Builder) -> None:
    root = site(example_handbook(), config={"theme": {"name": "material", "font": False, "language": "it"}})
    build = build_site(root)
    assert build.returncode == 0, build.log
    said = [w for w in build.warnings() if "translation" in w]
    assert len(said) == 1 and "'it'" in said[0] and "English" in said[0] and "de, en, es, fr, nl" in said[0]
    page = build.html("handbook/journeys/open-current-account/")
    assert '<html lang="it"' in page  # Material's own words are Italian; the handbook's are English
    assert "Emotion curve" in visible(page) and "Emotionskurve" not in page


def test_english_pages_are_the_same_with_and_without_the_language(site: SiteFactory, build_site: Builder) -> None:
    plain_site = build_site(site(example_handbook()))
    english = build_site(site(example_handbook(), config={"theme": {"name": "material", "font": False,
                                                                    "language": "en"}}))
    assert plain_site.returncode == english.returncode == 0
    for path in _pages(plain_site.site):
        url = path.removesuffix("index.html")
        assert plain_site.article(url) == english.article(url), path


def test_a_regional_variant_uses_its_language() -> None:
    assert resolve("de-CH") == ("de", True)
    assert resolve("pt_BR") == ("en", False)
    assert resolve(None) == ("en", True)
    assert set(LANGUAGES) | {"en"} <= set(available())


def test_the_markdown_extension_writes_embeds_in_its_language(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", example_handbook())
    text = "[[journeys metrics open-current-account]]\n"
    options = {"mkdocs_journeys.markdown": {"config": str(root / "mkdocs.yml"), "page": "notes.md"}}
    german = markdown.markdown(text, extensions=["tables", "mkdocs_journeys.markdown"], extension_configs={
        "mkdocs_journeys.markdown": {**options["mkdocs_journeys.markdown"], "language": "de"}})
    english = markdown.markdown(text, extensions=["tables", "mkdocs_journeys.markdown"], extension_configs=options)
    assert "<th>Kennzahl</th>" in german and "4,5 %" in html.unescape(german).translate(SPACES)
    assert "<th>Metric</th>" in english and "4.5%" in html.unescape(english)


def test_generate_writes_the_pages_in_the_language_of_mkdocs_yml(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", example_handbook(),
                     config={"theme": {"name": "material", "language": "fr"}})
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["language"] == "fr"
    out = tmp_path / "docs"
    assert main(["generate", "--config", str(root / "mkdocs.yml"), str(root / "journeys"), str(out)]) == 0
    page = (out / "handbook" / "journeys" / "open-current-account.md").read_text(encoding="utf-8")
    assert "Courbe des émotions" in page and "Emotion curve" not in page
    again = tmp_path / "english"
    assert main(["generate", str(root / "journeys"), str(again)]) == 0  # no config here: English
    assert "Emotion curve" in (again / "handbook" / "journeys" / "open-current-account.md").read_text(encoding="utf-8")
