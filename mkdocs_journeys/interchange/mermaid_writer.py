"""A journey as a Mermaid ``journey`` diagram, for README files and anything else GitHub renders.

Mermaid's grammar forbids ``#`` and ``;`` in titles and names and ``:`` in sections and tasks (``,``
separates actors): those are written as its entity codes (``#58;``), which it decodes when drawing.
"""

from __future__ import annotations

from ..handbook import Handbook
from ..model import Journey
from .fragment import score_from_emotion

_NEUTRAL = 3  # a touchpoint without an emotion: Mermaid needs a score


def escape(value: str, forbidden: str) -> str:
    """Each forbidden character (and line breaks) as an entity code Mermaid decodes."""
    flat = " ".join(value.split())
    return "".join(f"#{ord(c)};" if c in forbidden else c for c in flat)


def journey_diagram(handbook: Handbook, journey: Journey) -> str:
    scale = handbook.settings.emotion_scale
    lines = ["journey", f"    title {escape(journey.title, '#;')}"]
    if journey.summary:
        lines.append(f"    accDescr: {escape(journey.summary, '#;')}")
    for stage in journey.stages:
        lines.append(f"    section {escape(stage.name, '#:;')}")
        for touchpoint in stage.touchpoints:
            score = _NEUTRAL if touchpoint.emotion is None else score_from_emotion(touchpoint.emotion, scale)
            takers = touchpoint.personas or journey.personas
            actors = ", ".join(escape(handbook.personas[p].name if p in handbook.personas else p, "#:;,")
                               for p in takers)
            lines.append(f"      {escape(touchpoint.name, '#:;')}: {score}" + (f": {actors}" if actors else ""))
    return "\n".join(lines) + "\n"
