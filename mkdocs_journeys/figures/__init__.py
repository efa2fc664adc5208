"""Charts and diagrams as plain data: plotly figure dicts and SVG, built without plotly.graph_objects.

Plain dicts cost about a hundredth of a millisecond and under a kilobyte per figure, where
``graph_objects`` costs milliseconds and a template blob; colours come from the page's theme in the
browser, so figures carry ``template: "none"`` and no colours for paper, plot or font.
"""

from __future__ import annotations

from .chart import chart_block
from .diagram import process_diagram
from .emotion import emotion_curve
from .history import metric_history
from .overview import handbook_glance
from .persona import persona_journeys

__all__ = ["chart_block", "emotion_curve", "handbook_glance", "metric_history", "persona_journeys",
           "process_diagram"]
