"""YAML mistakes as an author reads them: where, in words, and what to do instead of the parser's jargon.

libyaml and PyYAML's own parser word their errors differently; both are matched here. A message the
table does not know keeps the parser's words, so nothing is ever hidden.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problem
from ..source import Location

_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # as YAML's reader counts lines

_INDENTATION = ("check the indentation of this line and the line above: items of one mapping or list "
                "start in the same column")
_QUOTE_COLON = "quote text that contains `: ` or `, `, e.g. title: \"Step 1: sign up\""

_CLOSE_QUOTE = "close the quote; inside \"…\" write \\\" for a quote, inside '…' write ''"
_INDENT_WORDS = ("expected <block end>", "did not find expected key", "expected '-' indicator",
                 "could not find expected ':'")

# (words in the parser's message, what the author reads, what to do), first match wins; {opened} is
# where the quote or bracket that is not closed was opened
_PHRASES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("mapping values are not allowed",), "a `: ` inside a value", _QUOTE_COLON),
    (("mapping keys are not allowed",), "a `? ` inside a value", "quote the text"),
    (("quoted scalar", "document indicator"), "the quote opened{opened} is not closed before the next `---`",
     _CLOSE_QUOTE),
    (("quoted scalar", "end of stream"), "the quote opened{opened} is not closed", _CLOSE_QUOTE),
    (("flow sequence",), "the list in [ ] opened{opened} is not closed, or an item holds `: ` or `[`",
     "close the ], and quote items that contain `, `, `: `, `[` or `]`"),
    (("flow mapping",), "the mapping in { } opened{opened} is not closed, or a value holds `: ` or `{`",
     "close the }, and quote values that contain `, `, `: `, `{` or `}`"),
    (("node content",), "a value is missing", "finish the list or mapping, or quote text that starts with "
     "`[`, `{` or `,`"),
    (("block sequence entries are not allowed",), "a list item `- ` where a value was expected",
     "put the list on its own lines below the key, or quote text that starts with `- `"),
    (("while scanning an alias",), "`*` starts an alias", "quote text that starts with `*`"),
    (("while scanning an anchor",), "`&` starts an anchor", "quote text that starts with `&`"),
    (("while scanning a tag",), "`!` starts a tag", "quote text that starts with `!`"),
    (("block scalar",), "a `|` or `>` block is not written as YAML expects",
     "put the block's text on the lines below, indented"),
)


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: Path, line_offset: int) -> Problem:
    """A parser error in ``text`` (a part of ``file`` starting ``line_offset`` lines in)."""
    mark = exc.problem_mark or exc.context_mark
    where = Location(file, *_within_text(text, mark.line, mark.column, line_offset)) if mark else Location(file)
    jargon = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    start = exc.context_mark
    opened = ""
    if start is not None and mark is not None and (start.line, start.column) != (mark.line, mark.column):
        opened = f" at line {start.line + 1 + line_offset}, column {start.column + 1}"
    plain, hint = _phrase(jargon, text, mark, opened)
    if plain is None:
        plain = str(exc.problem or exc.context or "invalid YAML")
        if exc.context and exc.problem:
            plain = f"{exc.context}{opened and ' (' + opened.strip() + ')'}: {exc.problem}"
    return Problem(where, f"YAML syntax error: {plain}", "yaml-syntax", hint=hint)


def _phrase(jargon: str, text: str, mark: Any, opened: str) -> tuple[str | None, str | None]:
    """The author's words for the parser's, or (None, None) for a message not known here."""
    character = _at(text, mark) if mark else ""
    if "cannot start any token" in jargon:
        if character == "\t":
            return "a tab in the indentation", "indent with spaces: YAML does not allow tabs there"
        return f"text cannot start with `{character}`", "quote the value"
    if "mapping values are not allowed" in jargon and mark is not None and _indented_key(text, mark):
        return ("this line is indented more than the one above, so it reads as the rest of that value",
                "indent it like the line above, or quote text that contains `: `")
    for words, plain, hint in _PHRASES:
        if all(word in jargon for word in words):
            return plain.replace("{opened}", opened), hint
    if any(word in jargon for word in _INDENT_WORDS):
        if mark is not None and not _starts_line(text, mark):
            return "more text after a complete value", "quote the whole value, or start a new line for a new key"
        return "this line is not indented as expected", _INDENTATION
    return None, None


def _indented_key(text: str, mark: Any) -> bool:
    """Whether the mark follows a lone word that starts its line, deeper than the line above: a key
    indented by mistake, read by YAML as the continuation of the value above."""
    lines = _LINE_BREAK.split(text)
    if not 0 < mark.line < len(lines):
        return False
    line = lines[mark.line]
    before = line[: mark.column].strip()
    above = next((x for x in reversed(lines[: mark.line]) if x.strip() and not x.lstrip().startswith("#")), "")
    depth = len(line) - len(line.lstrip(" "))
    return bool(before) and " " not in before and depth > len(above) - len(above.lstrip(" "))


def _starts_line(text: str, mark: Any) -> bool:
    """Whether only spaces stand before the parser's mark on its line."""
    lines = _LINE_BREAK.split(text)
    line = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    return not line[: mark.column].strip(" -")


def _within_text(text: str, line: int, column: int, line_offset: int) -> tuple[int, int]:
    """A 1-based position from a parser's 0-based one, moved back to the end of the last line with
    content when it lies past it: the parser reports the end of the file on a line after the last one,
    which an editor may not have."""
    lines = _LINE_BREAK.split(text)
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), None)
    if last is None:
        return 1 + line_offset, 1
    end = len(lines[last].rstrip())
    if (line, column) > (last, end):
        return last + 1 + line_offset, end + 1
    return line + 1 + line_offset, column + 1


def _at(text: str, mark: Any) -> str:
    """The character at a parser's mark (line and column count characters, as YAML breaks lines)."""
    lines = _LINE_BREAK.split(text)
    line = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    return line[mark.column] if 0 <= mark.column < len(line) else ""


def unacceptable(exc: yaml.reader.ReaderError, text: str, file: Path, line_offset: int) -> Problem:
    """A character YAML refuses anywhere (a control character such as NUL), where it first stands.

    Found by its first occurrence: libyaml counts its offset in bytes, the pure-Python reader in
    characters, and either way it is the first character YAML refuses.
    """
    character = exc.character if isinstance(exc.character, str) else chr(exc.character)
    offset = text.find(character)
    location = Location(file)
    if offset >= 0:
        lines = _LINE_BREAK.split(text[:offset])
        location = Location(file, len(lines) + line_offset, len(lines[-1]) + 1)
    what = "control character" if unicodedata.category(character) == "Cc" else "character"
    return Problem(location, f"the {what} U+{ord(character):04X} is not allowed in a YAML file",
                   "yaml-character", hint="remove it")
