"""MkDocs hook for this repository's own documentation: the format and configuration references
are generated from the models (``<!-- reference:format -->``, ``<!-- reference:settings -->``,
``<!-- reference:findings -->``)."""

from __future__ import annotations

from typing import Any

from mkdocs_journeys.format_reference import findings_reference, format_reference, settings_reference


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    return (markdown.replace("<!-- reference:format -->", format_reference())
            .replace("<!-- reference:settings -->", settings_reference())
            .replace("<!-- reference:findings -->", findings_reference()))
