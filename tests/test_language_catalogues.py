"""The gettext catalogues: every message the code marks has a translation in every language, with
the same placeholders, and the template the translators start from is up to date, so that a new
English string without its translations fails here rather than on a reader's page."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from mkdocs_journeys.language import LOCALE_DIR, ngettext, use_language

PACKAGE = Path(__file__).resolve().parent.parent / "mkdocs_journeys"
LANGUAGES = ("de", "fr", "es", "nl")


def _catalogue(language: str) -> dict[Any, Any]:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "mkdocs_journeys.po").open("rb") as file:
        return {(m.id if isinstance(m.id, str) else tuple(m.id)): m for m in read_po(file, locale=language) if m.id}


def _code_messages() -> set[Any]:
    """Every message the package marks (``_``, ``N_``, ``ngettext``), as ``pybabel extract`` finds them."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")]):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)


def test_every_message_of_the_code_is_translated_in_every_catalogue() -> None:
    code = _code_messages()
    assert len(code) > 250
    with (LOCALE_DIR / "mkdocs_journeys.pot").open("rb") as file:
        template = {(m.id if isinstance(m.id, str) else tuple(m.id)) for m in read_po(file) if m.id}
    assert template == code, f"the template is out of date: {sorted(map(str, template ^ code))[:10]}"
    for language in LANGUAGES:
        catalogue = _catalogue(language)
        assert not code - set(catalogue), f"{language}: untranslated {sorted(map(str, code - set(catalogue)))[:10]}"
        assert not set(catalogue) - code, f"{language}: obsolete {sorted(map(str, set(catalogue) - code))[:10]}"
        for key, message in catalogue.items():
            assert not message.fuzzy, (language, key)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            english = key if isinstance(key, str) else key[0]
            assert all(strings), (language, key)
            for translated in strings:  # the same placeholders, or formatting the message fails
                assert _fields(translated) == _fields(english), (language, key, translated)


def test_plural_forms_follow_each_language() -> None:
    singular, plural = "{count} touchpoint", "{count} touchpoints"
    expected = {"de": ("Touchpoints", "Touchpoint", "Touchpoints"),
                "fr": ("point de contact", "point de contact", "points de contact"),  # 0 is singular in French
                "es": ("puntos de contacto", "punto de contacto", "puntos de contacto"),
                "nl": ("touchpoints", "touchpoint", "touchpoints")}
    for language, (zero, one, two) in expected.items():
        with use_language(language):
            assert [ngettext(singular, plural, n).format(count=n) for n in (0, 1, 2)] == [
                f"0 {zero}", f"1 {one}", f"2 {two}"], language
    assert ngettext(singular, plural, 1) == "{count} touchpoint"  # English outside a build
