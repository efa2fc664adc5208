"""The analysis a customer-experience team needs: handoffs, coverage, channel gaps, critical moments.

Each concern has its own module; :func:`analyse` runs them all once over the handbook.
"""

from .analyse import Analysis, analyse
from .coverage import Coverage
from .emotion import Extremes
from .findings import Finding
from .flow import Flow, Pair, column_pairs, persona_pairs, persona_path
from .handoffs import Handoff
from .paths import OnPath, on_paths

__all__ = ["Analysis", "Coverage", "Extremes", "Finding", "Flow", "Handoff", "OnPath", "Pair", "analyse",
           "column_pairs", "on_paths", "persona_pairs", "persona_path"]
