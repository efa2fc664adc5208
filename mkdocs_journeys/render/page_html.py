"""A generated page's body as finished HTML, leaving MkDocs only its headings.

The pages are written in a small Markdown dialect of our own (pipe tables, ``**Label:**`` lines,
lists of links, raw HTML blocks), which ``generate`` hands to any Markdown tool as is. Inside a
MkDocs build, parsing that Markdown back costs most of the build, though the dialect needs no
parser: this module turns each block into the HTML Python-Markdown would give it, links resolved
to browser URLs. Headings stay Markdown, so that MkDocs still makes the table of contents and the
heading ids; each run of other blocks becomes one placeholder, filled once MkDocs has rendered the
page. A block the dialect does not cover exactly (or a link to a page that does not exist) stays
Markdown too, so MkDocs renders it, and reports the broken link, as before.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown.util import BLOCK_LEVEL_ELEMENTS

# A link's target (a path below the docs folder) → its URL from this page, None when no page is there.
Resolver = Callable[[str], "str | None"]

PLACEHOLDER = "<!--journeys-html:{}-->"
_BLANK = re.compile(r"\n(?:[ \t]*\n)+")
_HEADING = re.compile(r"#{1,6} ")
_TABLE_RULE = re.compile(r"\|(?:---\|)+")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(/?)>|<!--.*?-->", re.S)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"})
_BLOCK = frozenset(BLOCK_LEVEL_ELEMENTS)
# The inline constructs of the dialect, as Python-Markdown reads them: raw tags, links, strong, hard
# line breaks and character references.
_INLINE = re.compile(
    r"(?P<tag><(?:/?[A-Za-z][^<>@ ]*(?: [^<>]*)?|!--(?:(?!<!--|-->).)*--)>)"
    r"|\[(?P<text>[^\[\]]*)\]\((?P<url>[^()\s]*)\)"
    r"|(?P<strong>\*\*)"
    r"|(?P<br> {2,}\n)"
    r"|(?P<entity>&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)",
    re.S)
# Anything else that means something to Markdown: the block is left to it.
_MARKUP = re.compile(r"[*_`\\\[\]{}<>]")
# A line that starts a list, a quote or a code block, or underlines a heading: not a paragraph's line.
_LINE_START = re.compile(r"^(?: {4}|\t| {0,3}(?:[-=+*>#]|\d+[.)])(?: |$)| {0,3}[-=_*]+[ \t]*$)", re.M)
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9.+-]*:|<[^>]*@")
_ID = re.compile(r'\sid="([^"]+)"')


class Unsupported(Exception):
    """A block outside the dialect: Markdown renders it."""


# A table row as converted: its HTML, and the (target, anchor, link) of each anchored link in it.
_Row = tuple[str, tuple[tuple[str, str, str], ...]]


@dataclass
class RowMemo:
    """The table rows of each page as the last build converted them, for `mkdocs serve`: a page
    built again (a department page, after one journey's edit) keeps most of its rows, a row per
    journey. A row's HTML depends on its text, its page and where the links resolve; ``start``
    with another set of pages (or URLs) forgets them all."""

    pages: dict[str, dict[tuple[int, str], _Row]] = field(default_factory=dict)
    key: object = None

    def start(self, key: object) -> None:
        if key != self.key:
            self.pages, self.key = {}, key


@dataclass
class PageHtml:
    """The Markdown MkDocs still renders, the HTML for its placeholders, and what the HTML holds."""

    markdown: str
    blocks: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    # (target path, anchor, link as written) of each link with an anchor into another page
    anchored_links: list[tuple[str, str, str]] = field(default_factory=list)

    def fill(self, content: str) -> str:
        """The rendered page with every placeholder replaced by its HTML (each stands alone)."""
        parts = content.split("<!--journeys-html:")
        out = [parts[0]]
        for part in parts[1:]:
            number, sep, rest = part.partition("-->")
            if not sep or not number.isdigit() or int(number) >= len(self.blocks):
                raise ValueError("a placeholder of a generated page was changed before it was filled")
            out += [self.blocks[int(number)], rest]
        return "".join(out)


class _Converter:
    def __init__(self, page: str, resolve: Resolver, rows: dict[tuple[int, str], _Row] | None = None) -> None:
        self.page = page
        self.folder = posixpath.dirname(page)
        self.resolve = resolve
        self.anchored: list[tuple[str, str, str]] = []
        self.remembered = rows or {}
        self.rows: dict[tuple[int, str], _Row] = {}  # this page's rows, for the next build

    def block(self, block: str) -> str:
        lines = block.split("\n")
        first = lines[0]
        if first.startswith("<") and _starts_block_tag(first):
            return _raw(block)
        if first.startswith("|"):
            return self.table(lines)
        if first.startswith("- "):
            return self.bullets(lines)
        if first[:1] in "#>!:~`|" or _LINE_START.search(block):
            raise Unsupported
        return f"<p>{self.inline(block.strip())}</p>"

    def table(self, lines: list[str]) -> str:
        if len(lines) < 3 or not _TABLE_RULE.fullmatch(lines[1]):
            raise Unsupported
        headers = _cells(lines[0])
        width = len(headers)
        head = "".join(f"<th>{self.inline(h)}</th>" for h in headers)
        rows = [self.row(line, width) for line in lines[2:]]
        return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"

    def row(self, line: str, width: int) -> str:
        key = (width, line)
        row = self.remembered.get(key)
        if row is None:
            links = len(self.anchored)
            cells = (_cells(line) + [""] * width)[:width]
            html = "<tr>" + "".join(f"<td>{self.inline(c)}</td>" for c in cells) + "</tr>"
            row = (html, tuple(self.anchored[links:]))
        else:
            self.anchored += row[1]
        self.rows[key] = row
        return row[0]

    def bullets(self, lines: list[str]) -> str:
        if not all(line.startswith("- ") for line in lines):
            raise Unsupported
        return "<ul>" + "".join(f"<li>{self.inline(line[2:].strip())}</li>" for line in lines) + "</ul>"

    def inline(self, text: str) -> str:
        out: list[str] = []
        last = 0
        strong_open = False
        for match in _INLINE.finditer(text):
            out.append(_text(text[last:match.start()]))
            last = match.end()
            kind = match.lastgroup
            if kind == "tag":
                if _AUTOLINK.match(match.group(0)):
                    raise Unsupported
                out.append(match.group(0))
            elif kind == "text" or kind == "url":
                out.append(self.link(match.group("text"), match.group("url")))
            elif kind == "strong":
                # An opening ** before a space, or a closing one after it, is not emphasis for Markdown.
                beside = text[match.start() - 1:match.start()] if strong_open else text[last:last + 1]
                if beside in ("", " ", "\n"):
                    raise Unsupported
                out.append("</strong>" if strong_open else "<strong>")
                strong_open = not strong_open
            elif kind == "br":
                out.append("<br />\n")
            else:
                out.append(match.group(0))
        if strong_open:
            raise Unsupported
        out.append(_text(text[last:]))
        return "".join(out)

    def link(self, label: str, url: str) -> str:
        path, _, anchor = url.partition("#")
        if not path:
            href = url
        else:
            if not path.endswith(".md") or ":" in path or path.startswith("/"):
                raise Unsupported
            target = posixpath.normpath(posixpath.join(self.folder, path))
            resolved = self.resolve(target)
            if resolved is None:
                raise Unsupported  # Markdown keeps it, and MkDocs reports the link
            href = f"{resolved}#{anchor}" if anchor else resolved
            if anchor:
                self.anchored.append((target, anchor, url))
        return f'<a href="{href}">{self.inline(label)}</a>'


def page_html(markdown: str, page: str, resolve: Resolver, memo: RowMemo | None = None) -> PageHtml:
    """Split a generated page into the Markdown MkDocs renders and the HTML of everything else."""
    converter = _Converter(page, resolve, memo.pages.get(page) if memo is not None else None)
    result = PageHtml("")
    kept: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            kept.append(PLACEHOLDER.format(len(result.blocks)))
            result.blocks.append("\n".join(run))
            run.clear()

    for block in _BLANK.split(markdown.strip("\n")):
        if not block.strip():
            continue
        if _HEADING.match(block) and "\n" not in block:
            flush()
            kept.append(block)
            continue
        links = len(converter.anchored)
        try:
            run.append(converter.block(block))
        except Unsupported:
            del converter.anchored[links:]
            flush()
            kept.append(block)
    flush()
    if memo is not None:
        memo.pages[page] = converter.rows
    result.markdown = "\n\n".join(kept) + "\n"
    result.anchored_links = converter.anchored
    for block in result.blocks:
        if ' id="' in block:
            result.ids.update(html.unescape(value) for value in _ID.findall(block))
    return result


def _starts_block_tag(line: str) -> bool:
    match = _TAG.match(line)
    return bool(match and match.group(2) and match.group(2).lower() in _BLOCK and not match.group(1))


def _raw(block: str) -> str:
    """A raw HTML block as Markdown passes it through: block-level elements only, no loose text."""
    depth = 0
    last = 0
    for match in _TAG.finditer(block):
        if depth == 0 and block[last:match.start()].strip():
            raise Unsupported
        last = match.end()
        name = (match.group(2) or "").lower()
        if not name:  # a comment
            continue
        if match.group(1):
            depth -= 1
            if depth < 0:
                raise Unsupported
        elif name not in _VOID and not match.group(3):
            if depth == 0 and name not in _BLOCK:
                raise Unsupported
            depth += 1
        elif depth == 0 and name not in _BLOCK:
            raise Unsupported
    if depth != 0 or block[last:].strip():
        raise Unsupported
    return block


def _cells(line: str) -> list[str]:
    if not line.endswith("|"):
        raise Unsupported
    return [cell.strip() for cell in line[1:-1].split("|")]


def _text(text: str) -> str:
    """Text between the constructs: nothing in it may mean anything to Markdown."""
    if not text:
        return text
    if _MARKUP.search(text):
        raise Unsupported
    return text.replace("&", "&amp;")
