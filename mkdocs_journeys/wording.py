"""The words every page, hover text and the journey map use for emotions, statuses and findings.

One wording everywhere: a reader who sees "−2 very negative" on a department page must see the same
words in the curve's hover text and in the map. Plain text only (no markup), so the charts, the map
and the pages can each escape it for where it lands; it sits low in the package for all of them.
"""

from __future__ import annotations

from typing import Literal, Protocol

from .finding_codes import FindingCode
from .language import N_, _, number

Tone = Literal["very-negative", "negative", "neutral", "positive", "very-positive"]

_TONE_WORDS: dict[Tone, str] = {
    "very-negative": N_("very negative"), "negative": N_("negative"), "neutral": N_("neutral"),
    "positive": N_("positive"), "very-positive": N_("very positive"),
}
_TITLES = {code.value: code.label for code in FindingCode}
_STATUS_WORDS = {"met": N_("met"), "missed": N_("missed"), "no data": N_("no data")}
_OTHER_WORDS = {"owner": N_("owner"), "contributor": N_("contributor"),
                "current": N_("current"), "future": N_("future"),
                "observed": N_("observed"), "assumed": N_("assumed"), "proposed": N_("proposed")}


class EmotionScale(Protocol):
    """What the wording needs of the handbook's settings (``Settings`` has both)."""

    @property
    def emotion_scale(self) -> tuple[float, float]: ...

    @property
    def neutral(self) -> float: ...


def emotion_tone(value: float, scale: EmotionScale) -> Tone:
    """Where an emotion lies on the handbook's own scale: a quarter of the way from neutral is a tone.

    Relative to the scale, not to fixed numbers, so that ``1`` reads "very negative" on a 1-to-5 scale
    and "positive" on the default -2-to-2 one.
    """
    low, high = scale.emotion_scale
    neutral = scale.neutral
    if value >= neutral:
        share = (value - neutral) / (high - neutral) if high > neutral else 0.0
    else:
        share = -(neutral - value) / (neutral - low) if neutral > low else 0.0
    if share <= -0.75:
        return "very-negative"
    if share <= -0.25:
        return "negative"
    if share < 0.25:
        return "neutral"
    return "positive" if share < 0.75 else "very-positive"


def emotion_word(value: float, scale: EmotionScale) -> str:
    """``very negative``, ``negative``, ``neutral``, ``positive`` or ``very positive``."""
    return _(_TONE_WORDS[emotion_tone(value, scale)])


def emotion_number(value: float, scale: EmotionScale) -> str:
    """The number as written, with a true minus sign; a ``+`` only on a scale that has negatives."""
    text = number(abs(value), f"{value:g}".lstrip("-"))
    if value < 0:
        return "\u2212" + text
    return f"+{text}" if value > 0 and scale.emotion_scale[0] < 0 else text


def emotion_label(value: float | None, scale: EmotionScale) -> str:
    """``−2 very negative``: the number and its word (``not recorded`` when there is none)."""
    if value is None:
        return _("not recorded")
    return f"{emotion_number(value, scale)} {emotion_word(value, scale)}"


def status_word(status: str) -> str:
    """A metric's status in the words the interface promises: ``met``, ``missed`` or ``no data``."""
    word = _STATUS_WORDS.get(status)
    return _(word) if word is not None else status


def word(value: str) -> str:
    """A department's role (``owner``), a journey's state (``current``) or a touchpoint's evidence
    (``observed``), as the page's language says it; the value itself is what the YAML holds."""
    found = _OTHER_WORDS.get(value)
    return _(found) if found is not None else value


def finding_title(code: FindingCode | str) -> str:
    """A finding's plain title ("Risky handoff"); the code itself is what ``ignore`` takes."""
    title = _TITLES.get(str(code))
    return _(title) if title else str(code).replace("-", " ").capitalize()


def is_author_advice(hint: str) -> bool:
    """A hint that names a field of the format (``add an `actual```) is for whoever edits the YAML.

    Readers of the handbook mostly do not edit it: pages put such advice behind a "How to fix"
    disclosure and show the others (what to do about the customer's experience) as they are.
    """
    return "`" in hint
