"""The language the handbook's pages are written in: its words, numbers and dates.

The active language is a context variable, set for the length of a build or a render by whoever
knows it (the plugin from the theme's ``language``, the Markdown extension from its option, the
``generate`` command from mkdocs.yml), so that code deep in the renderers needs no extra argument.
Words come from gettext catalogues (``.po`` files in ``locale/``) read with Babel, so translators
edit text files and nothing compiled is kept. English is the catalogues' source: its output is the
text in the code, byte for byte; a word missing from a catalogue stays English.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from decimal import Decimal
from gettext import c2py
from pathlib import Path

ENGLISH = "en"
DOMAIN = "mkdocs_journeys"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_active: ContextVar[str] = ContextVar("mkdocs_journeys_language", default=ENGLISH)


def available() -> tuple[str, ...]:
    """English and every language with a catalogue, sorted."""
    found = {path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return tuple(sorted({ENGLISH, *found}))


def resolve(requested: str | None) -> tuple[str, bool]:
    """The language to write for a requested one (``de``, ``de-CH``, ``pt_BR``), and whether it is known.

    A regional variant falls back to its language; an unknown language to English (``False``), which
    the caller says once.
    """
    if not requested:
        return ENGLISH, True
    code = str(requested).strip().replace("_", "-")
    known = available()
    for candidate in (code, code.lower(), code.split("-")[0].lower()):
        if candidate in known:
            return candidate, True
    return ENGLISH, False


def active() -> str:
    return _active.get()


def is_english() -> bool:
    return _active.get() == ENGLISH


@contextmanager
def use_language(code: str) -> Iterator[str]:
    """Pages rendered inside are written in ``code`` (a language :func:`resolve` returned)."""
    token = _active.set(code)
    try:
        yield code
    finally:
        _active.reset(token)


@functools.lru_cache(maxsize=16)
def _catalogue(code: str) -> dict[str | tuple[str, str], str | tuple[str, ...]]:
    """A language's translations, read once per process; untranslated and fuzzy entries left out."""
    from babel.messages.pofile import read_po

    path = LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return {}
    with path.open("rb") as file:
        catalog = read_po(file, locale=code, domain=DOMAIN)
    translations: dict[str | tuple[str, str], str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = tuple(message.id) if isinstance(message.id, (list, tuple)) else message.id
        if isinstance(message.string, (list, tuple)):
            if all(message.string):
                translations[key] = tuple(message.string)  # type: ignore[index]
        elif message.string:
            translations[key] = message.string  # type: ignore[index]
    return translations


def _(message: str) -> str:
    """``message`` in the active language (``message`` itself in English or when untranslated)."""
    code = _active.get()
    if code == ENGLISH:
        return message
    found = _catalogue(code).get(message)
    return found if isinstance(found, str) else message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, by the active language's plural rule."""
    code = _active.get()
    if code != ENGLISH:
        found = _catalogue(code).get((singular, plural))
        if isinstance(found, tuple):
            index = _plural_index(code, count)
            return found[index] if index < len(found) else found[-1]
    return singular if count == 1 else plural


def N_(message: str) -> str:
    """Marks a message for the catalogues where it is defined; :func:`_` translates it where it is shown."""
    return message


@functools.lru_cache(maxsize=16)
def _plural_rule(code: str) -> Callable[[int], int]:
    """The language's plural rule (CLDR's, as Babel writes it into a catalogue's header), as a function."""
    from babel.messages.plurals import get_plural

    return c2py(get_plural(code).plural_expr)


def _plural_index(code: str, count: int) -> int:
    """Which of the language's plural forms a count takes (French: 0 and 1 singular, a million its own)."""
    return int(_plural_rule(code)(count))


def number(value: float, english: str) -> str:
    """A number as the active language writes it (``1.234,5`` in German); ``english`` is the English text."""
    code = _active.get()
    if code == ENGLISH:
        return english
    from babel.numbers import format_decimal

    return format_decimal(Decimal(repr(float(value))), locale=code, decimal_quantization=False)


def percent(value: float, english: str) -> str:
    """A percentage (``71.5`` is 71.5 percent) as the language writes it: ``71,5 %`` in German and French."""
    code = _active.get()
    if code == ENGLISH:
        return english
    from babel.numbers import format_percent

    return format_percent(Decimal(repr(float(value))) / 100, locale=code, decimal_quantization=False)


def date_text(value: date | str, english: str) -> str:
    """A date in the language's long form (``2. Dezember 2026``); text that is no date stays as written."""
    code = _active.get()
    if code == ENGLISH:
        return english
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            return english
    from babel.dates import format_date

    return format_date(value, format="long", locale=code)


def activate(code: str) -> None:
    """Makes ``code`` the language of everything that follows in this thread (a build's hooks run one after
    the other, without one frame around them all); a build ends with :func:`activate` of English."""
    _active.set(code)


def fallback_warning(requested: str) -> str:
    """The one warning for a language without a catalogue."""
    return (f"journeys: no translation for the language '{requested}': the handbook's pages are written in "
            f"English (available: {', '.join(available())})")


def theme_language(theme: object) -> str | None:
    """The ``language`` (or ``locale``) of a site config's ``theme`` mapping, as Material reads it."""
    if not isinstance(theme, dict):
        return None
    value = theme.get("language") or theme.get("locale")
    return str(value) if value else None


def separators() -> str | None:
    """The decimal and thousands marks for plotly's ``separators`` (``",."`` in German); None in English,
    whose charts keep plotly's own."""
    code = _active.get()
    if code == ENGLISH:
        return None
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_decimal_symbol(code) + get_group_symbol(code)
