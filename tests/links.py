"""Every link of a built page checked against the built site: the file exists and so does the anchor."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from .sites import Build, anchors


def broken_links(build: Build, url_path: str) -> list[str]:
    """The hrefs of a page's article that lead to no built file, or to an anchor the target lacks."""
    broken = []
    base = url_path if url_path.endswith("/") else posixpath.dirname(url_path) + "/"
    for href in anchors(build.article(url_path)).hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else url_path
        if href.endswith("/") or (parts.path.endswith("/") and not target.endswith("/")):
            target += "/"
        target = "" if target in (".", "./") else target
        file = build.site / target / "index.html" if target.endswith("/") or not target else build.site / target
        if not file.is_file():
            broken.append(f"{href} (no {file.relative_to(build.site)})")
        elif parts.fragment and parts.fragment not in anchors(file.read_text(encoding="utf-8")).ids:
            broken.append(f"{href} (no #{parts.fragment})")
    return broken
