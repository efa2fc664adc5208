"""Hand-written pages: ``journey:``/``persona:``/``process:``/``department:`` links, and embeds.

Links: ``[text](journey:ID)``, ``[text](journey:ID/STAGE-OR-TOUCHPOINT)``, ``[](persona:ID)`` (empty
text: the entity's own title). Embeds, a line of their own: ``[[journeys owners ID]]``,
``[[journeys metrics ID]]``, ``[[journeys emotion ID]]``, ``[[journeys map ID]]``. Code blocks and code
spans are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..escape import plain
from ..kinds import KINDS, PAGE_KINDS
from ..kinds import PageKind as Kind
from ..language import _
from ..problems import did_you_mean
from .context import RenderContext
from .journey_map import journey_map
from .journey_page import emotion_chart, owner_table

_LINK = re.compile(r"\[([^\]\n]*)\]\((" + "|".join(PAGE_KINDS) + r"):([a-z0-9/_.-]*)\)")
_EMBED = re.compile(r"^[ ]{0,3}\[\[journeys[ \t]+([a-z-]+)[ \t]+([^\]\s]*)[ \t]*\]\][ \t]*$")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
EMBEDS = ("owners", "metrics", "emotion", "map")


def uses_handbook(markdown: str) -> bool:
    """Whether a hand-written page may hold a link to an entity or an embed (a quick look, erring
    towards yes): a build can let the handbook go before MkDocs reads the pages only when none does."""
    return "[[journeys" in markdown or _LINK.search(markdown) is not None


@dataclass
class Rewritten:
    markdown: str
    problems: list[tuple[int, str]] = field(default_factory=list)


# (kind, entity id, anchor) -> the link's URL, for a site whose page paths are not known.
LinkUrl = Callable[[Kind, str, "str | None"], str]


class _Rewriter:
    def __init__(self, page: str, ctx: RenderContext, link_url: LinkUrl | None = None) -> None:
        self.page = page
        self.link_url = link_url
        self.handbook = ctx.handbook
        self.site = ctx.site
        self.ctx = ctx
        self.problems: list[tuple[int, str]] = []
        self.line = 0

    def _parts(self, kind: Kind, ref: str) -> tuple[str, str | None, str | None] | None:
        """(entity id, anchor, title) for a reference, or None (reported) when it does not resolve."""
        entity_id, _, part = ref.partition("/")
        hb = self.handbook
        pool: dict[str, Any] = getattr(hb, KINDS[kind].collection)
        if entity_id not in pool:
            hint = did_you_mean(entity_id, pool)
            self.problems.append((self.line, f"unknown {kind} '{entity_id}'" + (f" ({hint})" if hint else "")))
            return None
        if not part:
            return entity_id, None, self.site.title(kind, entity_id)
        if kind == "journey":
            journey = hb.journeys[entity_id]
            for stage in journey.stages:
                if stage.id == part:
                    return entity_id, f"stage-{part}", stage.name
                for tp in stage.touchpoints:
                    if tp.id == part:
                        return entity_id, f"touchpoint-{part}", tp.name
            names = [s.id for s in journey.stages] + [t.id for _, t in journey.touchpoints()]
        elif kind == "process":
            process = hb.processes[entity_id]
            step = process.step(part)
            if step is not None:
                return entity_id, f"step-{part}", step.name
            names = [s.id for s in process.steps]
        else:
            self.problems.append((self.line, f"a {kind} has no parts to link to: '{kind}:{ref}'"))
            return None
        hint = did_you_mean(part, names)
        self.problems.append((self.line, f"{kind} '{entity_id}' has no part '{part}'" + (f" ({hint})" if hint else "")))
        return None

    def link(self, match: re.Match[str]) -> str:
        text, kind, ref = match.group(1), match.group(2), match.group(3)
        parts = self._parts(kind, ref)  # type: ignore[arg-type]
        if parts is None:
            return text or f"{kind}:{ref}"
        entity_id, anchor, title = parts
        label = text if text.strip() else plain(title)
        if self.link_url is not None:
            return f"[{label}]({self.link_url(kind, entity_id, anchor)})"  # type: ignore[arg-type]
        return f"[{label}]({self.site.url(self.page, kind, entity_id, anchor)})"  # type: ignore[arg-type]

    def embed(self, what: str, ref: str) -> str | None:
        if what not in EMBEDS:
            hint = did_you_mean(what, EMBEDS)
            self.problems.append((self.line, f"unknown embed '{what}': use one of {', '.join(EMBEDS)}"
                                  + (f" ({hint})" if hint else "")))
            return None
        if ref not in self.handbook.journeys:
            hint = did_you_mean(ref, self.handbook.journeys)
            self.problems.append((self.line, f"unknown journey '{ref}'" + (f" ({hint})" if hint else "")))
            return None
        journey = self.handbook.journeys[ref]
        if what == "owners":
            return owner_table(self.ctx, self.page, journey, target=ref)
        if what == "metrics":
            return self.ctx.metrics_table(self.page, journey.metrics, None) or _("No metrics.")
        base = self.ctx.page_url(self.page, self.site.path("journey", ref))
        if what == "map":
            return journey_map(self.ctx, self.page, journey, href_base=base) or _("No touchpoints in this journey.")
        chart = emotion_chart(self.ctx, self.page, journey, href_base=base)
        return chart or _("No emotions recorded for this journey.")

    def run(self, markdown: str) -> str:
        out: list[str] = []
        fence: str | None = None
        for self.line, text in enumerate(markdown.split("\n"), start=1):
            opening = _FENCE.match(text)
            if fence is not None:
                if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                    fence = None
                out.append(text)
                continue
            if opening:
                fence = opening.group(1)
                out.append(text)
                continue
            embed = _EMBED.match(text)
            if embed:
                rendered = self.embed(embed.group(1), embed.group(2))
                out.append(f"\n{rendered}\n" if rendered is not None else text)
                continue
            out.append(self._outside_code(text))
        return "\n".join(out)

    def _outside_code(self, text: str) -> str:
        pieces, last = [], 0
        for span in _CODE_SPAN.finditer(text):
            pieces.append(_LINK.sub(self.link, text[last:span.start()]))
            pieces.append(span.group(0))
            last = span.end()
        pieces.append(_LINK.sub(self.link, text[last:]))
        return "".join(pieces)


def rewrite(markdown: str, page: str, ctx: RenderContext, link_url: LinkUrl | None = None) -> Rewritten:
    """The page's Markdown with handbook links resolved and embeds rendered, and what did not resolve.

    ``link_url`` replaces the relative ``.md`` links (the site cannot tell where the page is).
    """
    if not uses_handbook(markdown):
        return Rewritten(markdown)
    rewriter = _Rewriter(page, ctx, link_url)
    return Rewritten(rewriter.run(markdown), rewriter.problems)
