"""Measured figures as words: durations to the minute or coarser, shares as whole percentages.

A duration under an hour shows minutes (``45m``), under a day hours and minutes (``3h 20m``), and
from a day on days and hours (``2d 4h``): the precision a reader acts on, never seconds.
"""

from __future__ import annotations

from ..data.quantiles import Histogram
from ..language import number, percent

HOUR, DAY = 60, 24 * 60


def minutes(value: float | None) -> str:
    """``45m``, ``3h 20m``, ``2d 4h``; a dash for no value."""
    if value is None:
        return "—"
    total = int(value + 0.5)  # half a minute up, the same way every time
    if total < HOUR:
        return f"{total}m"
    if total < DAY:
        hours, rest = divmod(total, HOUR)
        return f"{hours}h {rest}m" if rest else f"{hours}h"
    days, rest = divmod(int(total / HOUR + 0.5), 24)
    return f"{days}d {rest}h" if rest else f"{days}d"


def share(value: float | None) -> str:
    """``18%``; under one percent but above none as ``<1%``, so a rare breach does not read as zero."""
    if value is None:
        return "—"
    if 0 < value < 0.005:
        return "<" + percent(1, "1%")
    whole = f"{value * 100:.0f}"
    return percent(float(whole), f"{whole}%")


def median_p90(histogram: Histogram) -> tuple[str, str]:
    return minutes(histogram.quantile(0.5)), minutes(histogram.quantile(0.9))


def count(value: int) -> str:
    return number(value, f"{value:,}")
