"""Small Markdown building blocks: tables, definition lines, status chips, heading ids."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..escape import attr, plain
from ..model import Status


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
    return f'<span class="journeys-status journeys-status--{css}">{value}</span>'


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
