"""Medians and percentiles from histograms of whole minutes.

The engines disagree on percentile functions (SQLite has none), but all of them count rows per
whole minute, which is also the precision the figures are shown at. A histogram travels instead of
the raw durations, and the quantile is exact to the minute.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Histogram:
    """How many durations lasted each whole number of minutes."""

    counts: dict[int, int] = field(default_factory=dict)

    def add(self, minutes: int, count: int) -> None:
        self.counts[minutes] = self.counts.get(minutes, 0) + count

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def quantile(self, q: float) -> float | None:
        """The ``q`` quantile, interpolated between the two nearest values as `percentile_cont` does: the
        median of an even count is the mean of the two middle values."""
        n = self.total
        if n == 0:
            return None
        position = q * (n - 1)
        low_rank, fraction = int(position), position - int(position)
        low = self._at(low_rank)
        if fraction == 0:
            return float(low)
        return low + (self._at(low_rank + 1) - low) * fraction

    def share_above(self, minutes: float) -> float | None:
        """The share of durations longer than ``minutes``."""
        n = self.total
        return None if n == 0 else sum(c for m, c in self.counts.items() if m > minutes) / n

    def _at(self, rank: int) -> int:
        seen = 0
        for minutes in sorted(self.counts):
            seen += self.counts[minutes]
            if rank < seen:
                return minutes
        return max(self.counts)


def histogram(rows: Iterable[tuple[object, ...]]) -> Histogram:
    """From ``(minutes, count)`` rows as the engine returns them."""
    result = Histogram()
    for minutes, count, *_ in rows:
        if minutes is not None:
            result.add(int(float(str(minutes))), int(str(count)))
    return result
