"""Slugs: the ids of the handbook and the rule that derives one from a name."""

from __future__ import annotations

import re
import unicodedata

# For the JSON schema (ECMAScript, where `$` is the end of the text). Python's `$` also matches before a
# final line break, so Python code checks with ``fullmatch`` instead.
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def is_slug(text: str) -> bool:
    return SLUG_RE.fullmatch(text) is not None


def slugify(name: str) -> str:
    """The format's slug of a name; empty when nothing usable is left (the caller reports it)."""
    without_apostrophes = name.replace("'", "").replace("\u2019", "")
    decomposed = unicodedata.normalize("NFKD", without_apostrophes)
    text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_SLUG.sub("-", text).strip("-")
    return slug[:64].strip("-")
