"""The entity links and embeds of the hand-written pages in the site's docs folder, checked as the
build resolves them (the same rewriter, so the rules cannot drift apart), each problem at
``file:line:column``. The handbook's own pages, which the build generates, are not looked at.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..analysis import Analysis
from ..handbook import Handbook
from ..kinds import PAGE_KINDS
from ..problems import Problem
from ..source import Location

CODE = "page-link"
_LINK = re.compile(r"\[[^\]\n]*\]\((?:" + "|".join(PAGE_KINDS) + r"):([^)\s]*)\)")
_EMBED = re.compile(r"\[\[journeys\b")
_QUOTED = re.compile(r"'([^']*)'")


def docs_dir(base: Path | None, site: dict[str, object]) -> Path | None:
    """The docs folder of the site's config (``docs`` unless it names another), when there is a config."""
    if base is None:
        return None
    named = site.get("docs_dir")
    return base / (named if isinstance(named, str) and named else "docs")


def _column(text: str, message: str) -> int:
    """Where on the line the link or embed the message is about starts (1-based; 1 when unsure)."""
    quoted = [q for q in _QUOTED.findall(message.split(" (did you mean", 1)[0]) if q]
    for match in _LINK.finditer(text):
        if quoted and all(q in match.group(0) for q in quoted):
            return match.start() + 1
    embed = _EMBED.search(text)
    return embed.start() + 1 if embed else 1


def pages_to_check(handbook: Handbook, folder: Path) -> list[tuple[Path, str]]:
    """The hand-written pages that may refer to the handbook, with their text, in file order."""
    if not folder.is_dir():
        return []
    generated = folder / handbook.settings.output
    pages: list[tuple[Path, str]] = []
    for path in sorted(folder.rglob("*.md")):
        if not path.is_file() or path.is_relative_to(generated):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # not a page the build reads either
        if "journey" in text or any(f"{kind}:" in text for kind in PAGE_KINDS):
            pages.append((path, text))
    return pages


def page_problems(handbook: Handbook, analysis: Analysis | None, folder: Path,
                  pages: list[tuple[Path, str]]) -> list[Problem]:
    """Every link or embed of ``pages`` (from :func:`pages_to_check`) that does not resolve."""
    if not pages:
        return []
    # the renderers (and Markdown with them) are loaded only when a page may link
    from ..render import RenderContext
    from ..render.hand_written import rewrite

    context = RenderContext.for_build(handbook, analysis)
    problems: list[Problem] = []
    for path, text in pages:
        result = rewrite(text, path.relative_to(folder).as_posix(), context)
        lines = text.split("\n")
        for line, message in result.problems:
            column = _column(lines[line - 1], message) if 0 < line <= len(lines) else None
            problems.append(Problem(Location(path, line or None, column), message, CODE))
    return problems
