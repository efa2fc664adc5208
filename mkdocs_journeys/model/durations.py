"""Durations and plain numbers as authors write them: ``45m``, ``3d 4h``, ``1.5h``, ``12.5``.

A parsed duration is a number of seconds that remembers the units it was written in
(:class:`Duration`), so that a ``19d`` target reads ``19d`` again (not ``2w 5d``) and a chart of
it is drawn in days.

Only the ASCII digits 0-9 make a number: Python's own parsing also reads the digits of other scripts
(``٤٠``, full-width ``４０``), which a reviewer would not read as the same value.
"""

from __future__ import annotations

import re

_PLAIN_NUMBER = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")
_DURATION_PART = re.compile(r"[ \t]*([0-9]+(?:\.[0-9]+)?|\.[0-9]+)[ \t]*([smhdw])")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
UNIT_WORDS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class Duration(float):
    """Seconds, with the units the author wrote them in, largest first: ``3d 4h`` → ``("d", "h")``."""

    __slots__ = ("units",)
    units: tuple[str, ...]

    def __new__(cls, seconds: float, units: tuple[str, ...]) -> Duration:
        value = super().__new__(cls, seconds)
        value.units = units
        return value

    def __getnewargs__(self) -> tuple[float, tuple[str, ...]]:  # type: ignore[override]
        return (float(self), self.units)

    def __reduce__(self) -> tuple[type[Duration], tuple[float, tuple[str, ...]]]:
        return (Duration, (float(self), self.units))

    def __deepcopy__(self, memo: object) -> Duration:
        return self


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
    """Seconds in ``45m``, ``3d 4h``, ``3d4h``, ``1.5h``, ``1w`` (a :class:`Duration`), or a plain
    number (seconds); None if not one."""
    text = text.strip()
    try:
        return plain_number(text)
    except ValueError:
        pass
    total, pos = 0.0, 0
    units: list[str] = []
    for match in _DURATION_PART.finditer(text):
        if match.start() != pos:
            return None
        total += float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
        units.append(match.group(2))
        pos = match.end()
    if pos == 0 or text[pos:].strip():
        return None
    return Duration(total, tuple(sorted(set(units), key=lambda u: -_UNIT_SECONDS[u])))


def format_duration(seconds: float) -> str:
    """A duration as written (a :class:`Duration`: ``19d``, ``3d 4h``, ``1.5h``); any other number
    of seconds with the largest units first, at most two of them (``3d 4h``, ``45m``, ``1.5s``)."""
    if isinstance(seconds, Duration) and seconds.units:
        return _in_units(seconds, seconds.units)
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


def _in_units(seconds: float, units: tuple[str, ...]) -> str:
    """Whole amounts of each unit but the last, which takes the rest: ``3d 4h``, ``19d``, ``1.5h``."""
    parts: list[str] = []
    rest = seconds
    for n, unit in enumerate(units):
        size = _UNIT_SECONDS[unit]
        if n == len(units) - 1:
            amount = round(rest / size, 3)
            if amount or not parts:
                parts.append(f"{number_text(amount)}{unit}")
        elif rest >= size:
            whole = int(rest // size)
            parts.append(f"{whole}{unit}")
            rest -= whole * size
    return " ".join(parts)


def axis_unit(values: list[float]) -> str:
    """The unit to plot durations in: the leading unit the author wrote most often (the larger on a tie);
    for durations written as plain seconds, the largest unit in which their median is at least 1."""
    counts: dict[str, int] = {}
    for value in values:
        if isinstance(value, Duration) and value.units:
            counts[value.units[0]] = counts.get(value.units[0], 0) + 1
    if counts:
        return max(counts, key=lambda u: (counts[u], _UNIT_SECONDS[u]))
    ordered = sorted(abs(v) for v in values)
    median = ordered[len(ordered) // 2] if ordered else 0.0
    return next((u for u in ("w", "d", "h", "m") if median >= _UNIT_SECONDS[u]), "s")


def in_unit(seconds: float, unit: str) -> float:
    """Seconds as a number of ``unit`` (``"d"``: days), rounded to what a chart can show."""
    return round(seconds / _UNIT_SECONDS[unit], 6)
