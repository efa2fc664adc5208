"""When a metric's period ended, and the date staleness is judged on.

Periods are text (`2026-Q3`, `2026-09`, `2026-09-30`, `2026`, `2026-H1`, `2026-W14`); one in another
form has no end date and is never called stale.
"""

from __future__ import annotations

import calendar
import os
import re
from datetime import date, datetime, timedelta, timezone

_QUARTER = re.compile(r"(\d{4})-Q([1-4])\Z")
_HALF = re.compile(r"(\d{4})-H([12])\Z")
_WEEK = re.compile(r"(\d{4})-W(\d{2})\Z")
_MONTH = re.compile(r"(\d{4})-(\d{2})\Z")
_YEAR = re.compile(r"(\d{4})\Z")


def period_end(period: str) -> date | None:
    text = period.strip()
    try:
        if m := _QUARTER.match(text):
            year, month = int(m[1]), int(m[2]) * 3
            return date(year, month, calendar.monthrange(year, month)[1])
        if m := _HALF.match(text):
            year, month = int(m[1]), int(m[2]) * 6
            return date(year, month, calendar.monthrange(year, month)[1])
        if m := _WEEK.match(text):
            return date.fromisocalendar(int(m[1]), int(m[2]), 7)
        if m := _MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            return date(year, month, calendar.monthrange(year, month)[1])
        if m := _YEAR.match(text):
            return date(int(m[1]), 12, 31)
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def today(configured: str | None) -> date:
    """The configured date, else ``SOURCE_DATE_EPOCH`` (reproducible builds), else the real date."""
    if configured:
        return date.fromisoformat(configured)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return datetime.now(tz=timezone.utc).date()


def days_since(end: date, now: date) -> int:
    return (now - end) // timedelta(days=1)
