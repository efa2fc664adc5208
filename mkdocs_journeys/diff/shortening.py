"""Long texts shortened for a table cell, around the first difference so that the change stays visible."""

from __future__ import annotations

MAX_TEXT = 120
CONTEXT = 30  # characters kept before the first difference when a long text is shortened


def shorten(text: str, start: int = 0) -> str:
    """One line of at most MAX_TEXT characters, from ``start`` (with … where text was cut)."""
    text = " ".join(text.split())
    start = max(0, min(start, len(text) - MAX_TEXT))
    if start:
        text = "…" + text[start + 1:]
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…"


def shorten_pair(before: str | None, after: str | None) -> tuple[str | None, str | None]:
    """Both texts shortened alike, around their first difference (``None`` stays ``None``)."""
    a = " ".join(before.split()) if before is not None else None
    b = " ".join(after.split()) if after is not None else None
    start = 0
    if a is not None and b is not None:
        same = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        start = max(0, same - CONTEXT) if same > MAX_TEXT - CONTEXT else 0
    return (shorten(a, start) if a is not None else None, shorten(b, start) if b is not None else None)
