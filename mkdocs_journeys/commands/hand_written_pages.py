"""The entity links and embeds of the hand-written pages in the site's docs folder, checked as the
build resolves them (the same rewriter, so the rules cannot drift apart), each problem at
``file:line:column``. The handbook's own pages, which the build generates, are not looked at.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..analysis import Analysis
from ..handbook import Handbook
from ..kinds import PAGE_KINDS
from ..problems import Problem
from ..source import Location

if TYPE_CHECKING:  # the renderers (and Markdown with them) are loaded only for a page that links
    from ..render import RenderContext

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


def page_problems(handbook: Handbook, analysis: Callable[[], Analysis | None], folder: Path) -> list[Problem]:
    """Every link or embed of a hand-written page that does not resolve, in file order. ``analysis``
    is made only when a page refers to the handbook (``check`` itself needs only the findings)."""
    if not folder.is_dir():
        return []
    generated = folder / handbook.settings.output
    context: RenderContext | None = None
    problems: list[Problem] = []
    for path in sorted(folder.rglob("*.md")):
        if not path.is_file() or path.is_relative_to(generated):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # not a page the build reads either
        if "journey" not in text and not any(f"{kind}:" in text for kind in PAGE_KINDS):
            continue
        from ..render import RenderContext
        from ..render.hand_written import rewrite

        context = context or RenderContext.for_build(handbook, analysis())
        result = rewrite(text, path.relative_to(folder).as_posix(), context)
        lines = text.split("\n")
        for line, message in result.problems:
            column = _column(lines[line - 1], message) if 0 < line <= len(lines) else None
            problems.append(Problem(Location(path, line or None, column), message, CODE))
    return problems
