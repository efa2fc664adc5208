"""Small Markdown building blocks: tables, definition lines, status chips, emotion badges, heading ids."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..escape import attr, plain
from ..language import _
from ..model import Status
from ..wording import EmotionScale, emotion_label, emotion_tone, status_word


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A pipe table; cells must already be escaped (see :func:`text.plain`)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    body = ["| " + " | ".join(cell or "" for cell in row) + " |" for row in rows]
    if not body:
        return ""
    return "\n".join(lines + body)


def heading(level: int, text: str, anchor: str | None = None) -> str:
    """A heading with a stable id (``attr_list``), so links into the page survive renames of titles."""
    suffix = f" {{#{anchor}}}" if anchor else ""
    return f"{'#' * level} {text}{suffix}"


def status(value: Status) -> str:
    css = value.replace(" ", "-")
    return f'<span class="journeys-status journeys-status--{css}">{status_word(value)}</span>'


def emotion_badge(value: float | None, scale: EmotionScale) -> str:
    """``−2 very negative`` in the tone's colour, with a marker: the words carry it, not the colour.
    The marker is drawn by the style sheet (a department page holds thousands of these)."""
    if value is None:
        return '<span class="journeys-feel journeys-feel--none">' + _("not recorded") + "</span>"
    tone = emotion_tone(value, scale)
    return (f'<span class="journeys-feel journeys-feel--{tone}" data-emotion="{value:g}">'
            f'{plain(emotion_label(value, scale))}</span>')


# A field name in a hint: our own words, so the only text that becomes code.
_FIELD = re.compile(r"`([A-Za-z_][A-Za-z0-9_-]*)`")


def advice(text: str) -> str:
    """A hint for the page: field names as code, everything else (names it quotes) shown as written."""
    parts = []
    last = 0
    for match in _FIELD.finditer(text):
        parts += [plain(text[last:match.start()]), f"<code>{plain(match.group(1))}</code>"]
        last = match.end()
    parts.append(plain(text[last:]))
    out = "".join(parts)
    return out[:1].upper() + out[1:] if out[:1].isalpha() else out


def anchor_span(anchor: str) -> str:
    return f'<span id="{attr(anchor)}" class="journeys-anchor"></span>'


def fields(pairs: Iterable[tuple[str, str | None]]) -> str:
    """``**Label:** value`` lines for the values that are set, as one paragraph."""
    lines = [f"**{label}:** {value}" for label, value in pairs if value]
    return "  \n".join(lines)


def bullet_list(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def plain_list(items: Iterable[str]) -> str:
    return bullet_list(plain(item) for item in items)


def join_blocks(blocks: Iterable[str | None]) -> str:
    return "\n\n".join(b for b in blocks if b) + "\n"
