"""Durations and plain numbers as authors write them: ``45m``, ``3d 4h``, ``1.5h``, ``12.5``.

Only the ASCII digits 0-9 make a number: Python's own parsing also reads the digits of other scripts
(``٤٠``, full-width ``４０``), which a reviewer would not read as the same value.
"""

from __future__ import annotations

import re

_PLAIN_NUMBER = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")
_DURATION_PART = re.compile(r"[ \t]*([0-9]+(?:\.[0-9]+)?|\.[0-9]+)[ \t]*([smhdw])")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def other_digits(text: str) -> bool:
    """Whether ``text`` holds a digit that is not one of the ASCII 0-9."""
    return any(c.isdigit() and not c.isascii() for c in text)


def plain_number(text: str) -> float:
    """A number written with ASCII digits (``-1.5``, ``2e3``); ValueError for anything else."""
    if not _PLAIN_NUMBER.fullmatch(text):
        raise ValueError(text)
    return float(text)


def number_text(value: float) -> str:
    """Whole numbers without a decimal point; others as short as they are exact."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:g}" if len(f"{value:g}") >= len(repr(value)) else repr(value)


def parse_duration(text: str) -> float | None:
    """Seconds in ``45m``, ``3d 4h``, ``3d4h``, ``1.5h``, ``1w``, or a plain number; None if not one."""
    text = text.strip()
    try:
        return plain_number(text)
    except ValueError:
        pass
    total, pos = 0.0, 0
    for match in _DURATION_PART.finditer(text):
        if match.start() != pos:
            return None
        total += float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
        pos = match.end()
    if pos == 0 or text[pos:].strip():
        return None
    return total


def format_duration(seconds: float) -> str:
    """``3d 4h``, ``45m``, ``1.5s``: the largest units first, at most two of them."""
    if seconds == 0:
        return "0s"
    parts: list[str] = []
    rest = seconds
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if rest >= size:
            whole = int(rest // size)
            parts.append(f"{whole}{unit}")
            rest -= whole * size
        if len(parts) == 2:
            break
    if rest and len(parts) < 2:
        parts.append(f"{number_text(round(rest, 3))}s")
    return " ".join(parts) if parts else f"{number_text(seconds)}s"
