"""The analysis a customer-experience team needs: handoffs, coverage, channel gaps, critical moments.

Each concern has its own module; :func:`analyse` runs them all once over the handbook.
"""

from .analyse import Analysis, analyse
from .coverage import Coverage
from .emotion import Extremes
from .findings import Finding
from .handoffs import Handoff

__all__ = ["Analysis", "Coverage", "Extremes", "Finding", "Handoff", "analyse"]
