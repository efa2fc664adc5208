"""Markdown fields (``summary``, ``description``): rendered here, then cleaned to an allow-list.

A Markdown field is written by whoever edits the YAML, and the page is read by everyone in the
organisation: raw HTML in it (``<script>``, ``<img onerror>``, ``<iframe srcdoc>``) and links with
``javascript:`` or ``data:`` (in any case, or written as entities) must not reach a reader. So the
field is rendered with Python-Markdown and the HTML cleaned by ``nh3`` (a parser, not a pattern),
and the page carries the clean HTML as a block: MkDocs, or any other Markdown tool that reads the
``generate`` output, passes it through unchanged. ``docs/pages.md`` lists what survives.
"""

from __future__ import annotations

import functools
import re

import markdown
import nh3

TAGS = frozenset({
    "p", "br", "hr", "strong", "b", "em", "i", "del", "s", "sub", "sup", "code", "pre", "kbd", "blockquote",
    "ul", "ol", "li", "dl", "dt", "dd", "h2", "h3", "h4", "h5", "h6", "a", "img",
    "table", "thead", "tbody", "tr", "th", "td",
})
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Dropped with everything inside them, not only the tags: their content is code or another document.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template", "textarea",
                                  "noscript", "svg", "math", "title", "frame", "frameset", "noembed"})
_HAS_SCHEME = re.compile(r"^\s*(//|[a-zA-Z][a-zA-Z0-9+.-]*:)")


def _attribute(tag: str, name: str, value: str) -> str | None:
    """An image loads by itself: only from the site (a relative address), never from another host."""
    if tag == "img" and name == "src" and _HAS_SCHEME.match(value):
        return None
    return value


@functools.cache
def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=["tables", "fenced_code"],
                             extension_configs={"tables": {"use_align_attribute": True}})


def sanitise(html: str) -> str:
    """HTML reduced to the allow-list: tags, attributes and URL schemes above, nothing else."""
    return nh3.clean(html, tags=set(TAGS), attributes={k: set(v) for k, v in ATTRIBUTES.items()},
                     url_schemes=set(URL_SCHEMES), clean_content_tags=set(DROPPED_WITH_CONTENT),
                     attribute_filter=_attribute, link_rel="noopener noreferrer", strip_comments=True)


@functools.lru_cache(maxsize=4096)
def render_markdown(text: str) -> str:
    """A Markdown field as clean HTML (cached: the same summary shows on several pages)."""
    renderer = _renderer()
    renderer.reset()
    return sanitise(renderer.convert(text))


def markdown_block(text: str | None) -> str:
    """A Markdown field as a block of clean HTML of its own in a page ("" for an empty field)."""
    if not text or not text.strip():
        return ""
    html = render_markdown(text)
    if not html.strip():
        return ""
    # A blank line ends a raw HTML block for CommonMark tools reading the ``generate`` output: keep the
    # block in one piece (a line break inside <pre> becomes an entity, which shows the same). Braces
    # become entities too, so that a templating plugin finds no ``{{ }}`` to run.
    body = _BLANK_LINE.sub("&#10;", html.strip()).translate(_BRACES)
    return f'<div class="journeys-text">\n{body}\n</div>'


_BLANK_LINE = re.compile(r"\n(?=[ \t]*(?:\n|$))")
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
