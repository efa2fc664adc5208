"""The words in a process diagram and the room they take, estimated before any browser measures them.

Widths are the character count times an average glyph width on the generous side (wide sans-serif
fonts run to about 0.6 em), so a box or label background drawn to the estimate holds the real text.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from ..language import number
from ..model import Step

GLYPH = 0.6  # average glyph width, in em
NAME_SIZE, DETAIL_SIZE, LABEL_SIZE, LANE_SIZE = 13, 11.5, 12, 12.5
NAME_LINE, DETAIL_LINE = 16, 14
NODE_W = 160
BOX_PAD_X, BOX_PAD_TOP, BOX_PAD_BOTTOM = 12, 10, 9
LABEL_PAD_X, LABEL_H = 5, 18
LABEL_CHARS = 36
LINE_GAP = 16  # a lane name's line height


def text_width(text: str, size: float) -> float:
    return len(text) * size * GLYPH


def _wrap(text: str, size: float, width: float, most: int) -> list[str]:
    chars = max(4, int(width / (size * GLYPH)))
    lines = textwrap.wrap(text, chars, break_long_words=True) or [text]
    if len(lines) > most:
        lines = [*lines[:most - 1], lines[most - 1][:chars - 1].rstrip() + "…"]
    return lines


@dataclass(frozen=True)
class BoxText:
    """A step's box: its name, the decision's question, its SLA; and the height they need."""

    name: list[str]
    question: list[str]
    sla: str | None

    @property
    def height(self) -> float:
        lines = len(self.name) * NAME_LINE + (len(self.question) + (self.sla is not None)) * DETAIL_LINE
        return BOX_PAD_TOP + lines + BOX_PAD_BOTTOM + (3 if self.question or self.sla else 0)


def box_text(step: Step) -> BoxText:
    inner = NODE_W - 2 * BOX_PAD_X
    name = _wrap(step.name, NAME_SIZE, inner - (14 if step.decision else 0), 3)
    question = _wrap(step.decision, DETAIL_SIZE, inner, 2) if step.decision else []
    return BoxText(name, question, f"SLA {step.sla_text}" if step.sla_text else None)


def label_text(label: str | None, count: int | None = None) -> str:
    """A branch condition on one line, cut short past a few words (the whole of it is its tooltip),
    then how many times the data saw the edge taken, when it is measured."""
    short = "" if not label else label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1].rstrip() + "…"
    if count is None:
        return short
    shown = number(count, f"{count:,}")
    return f"{short} · {shown}" if short else shown


def label_size(label: str | None, count: int | None = None) -> tuple[float, float]:
    return text_width(label_text(label, count), LABEL_SIZE) + 2 * LABEL_PAD_X, LABEL_H


def lane_lines(name: str, width: float) -> list[str]:
    return _wrap(name, LANE_SIZE, width - 16, 3)
