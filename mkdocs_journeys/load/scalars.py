"""YAML 1.2 core-schema typing of scalars: what a plain scalar means, and what an explicit tag allows.

Typing follows YAML 1.2, not PyYAML's 1.1 (``no`` and ``off`` are text), and a typed scalar keeps the
exact text written (:class:`~mkdocs_journeys.source.Plain`), so a text field shows ``1.10`` as written.
"""

from __future__ import annotations

import math
import re
import sys
from typing import Any

from ..source import Plain

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# ASCII digits only: Python's own number parsing also takes the digits of other scripts.
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")
_FLOAT_MAX = int(sys.float_info.max)
# Scalars whose first character cannot start a number, boolean or null are text: skips the
# regular expressions for nearly every scalar of a handbook.
MAYBE_TYPED = frozenset("0123456789-+.~nNtTfF")

TAG = "tag:yaml.org,2002:"
SCALAR_TAGS = {TAG + name for name in ("str", "int", "float", "bool", "null")}


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema typing of a plain scalar: text unless it is a number, bool or null."""
    if not text:
        return None
    if text[0] not in MAYBE_TYPED:
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return Plain(text, True)
    if text in _FALSE:
        return Plain(text, False)
    if _INT.match(text):
        return Plain(text, _whole(text, 10))
    if _FLOAT.match(text):
        return Plain(text, float(text))
    if _OCT.match(text):
        return Plain(text, _whole(text[2:], 8))
    if _HEX.match(text):
        return Plain(text, _whole(text[2:], 16))
    if _INF.match(text):
        return Plain(text, -math.inf if text[0] == "-" else math.inf)
    if _NAN.match(text):
        return Plain(text, math.nan)
    return text


def _whole(digits: str, base: int) -> int | float:
    """An integer, or an infinity when it is too big for any number field (never an exception:
    Python refuses to convert decimal text of more than a few thousand digits)."""
    try:
        value = int(digits, base)
    except ValueError:
        return -math.inf if digits.startswith("-") else math.inf
    if abs(value) > _FLOAT_MAX:
        return -math.inf if value < 0 else math.inf
    return value


def tagged(text: str, tag: str) -> tuple[Any, str | None]:
    """A scalar with an explicit core-schema tag (``!!int 5``): its value, or why the text does not fit."""
    kind = tag[len(TAG):]
    if kind == "str":
        return text, None
    resolved = resolve_plain(text)
    value = resolved.value if isinstance(resolved, Plain) else resolved
    ok = {
        "null": value is None,
        "bool": isinstance(value, bool),
        "int": bool(_INT.match(text) or _OCT.match(text) or _HEX.match(text)),
        "float": isinstance(value, (int, float)) and not isinstance(value, bool),
    }[kind]
    if not ok:
        return None, f"'{text}' is not a valid !!{kind}"
    if kind == "float" and isinstance(value, int):
        return Plain(text, float(value)), None
    return resolved, None
