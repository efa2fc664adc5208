"""Read handbook YAML as plain data that remembers where every key, value and item was written.

The reader walks libyaml's event stream itself instead of using a constructor: that is what lets
it refuse anchors, aliases and object-building tags before anything is built, keep positions
without a second pass, and type plain scalars by YAML 1.2's core schema (``no`` is text) while
keeping the exact text the author wrote for fields that expect text (``1.10`` stays ``1.10``).
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problem
from ..source import Document, Location, Map, Plain, Pos, Seq

try:
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # PyYAML built without libyaml: same events, slower
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")
_FLOAT_MAX = int(sys.float_info.max)
# Scalars whose first character cannot start a number, boolean or null are text: skips the
# regular expressions for nearly every scalar of a handbook.
_MAYBE_TYPED = frozenset("0123456789-+.~nNtTfF")

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null")}
# A handbook nests about ten levels deep; far deeper input is a mistake or an attack, and would
# exhaust the stack of everything that walks the data afterwards.
MAX_DEPTH = 100


class _TooDeep(Exception):
    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = mark


@dataclass
class ReadResult:
    documents: list[Document]
    problems: list[Problem]


def decode(raw: bytes, file: Path) -> tuple[str | None, Problem | None]:
    """UTF-8 with or without a BOM; an undecodable byte is reported where it stands."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        problem = Problem(
            Location(file, line, column),
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
            "encoding",
            hint="save the file as UTF-8",
        )
        return None, problem


def read_text(text: str, file: Path) -> ReadResult:
    """Every complete document of ``text``; a syntax error ends the file but keeps what came before."""
    reader = _EventReader(file)
    try:
        reader.run(text)
    except _TooDeep as exc:
        reader._problem(exc.mark, f"mappings and lists nested more than {MAX_DEPTH} levels deep: the rest of "
                        "the file is not read", "yaml-depth")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = str(exc.problem or exc.context or "invalid YAML")
        if exc.context and exc.problem:
            start = exc.context_mark
            where = f" (line {start.line + 1}, column {start.column + 1})" if start and mark and (
                start.line, start.column) != (mark.line, mark.column) else ""
            message = f"{exc.context}{where}: {exc.problem}"
        location = Location(file, *_within_text(text, mark.line, mark.column)) if mark else Location(file)
        hint = "indent with spaces: YAML does not allow tabs there" if mark and _at(text, mark) == "\t" else None
        reader.problems.append(Problem(location, f"YAML syntax error: {message}", "yaml-syntax", hint=hint))
    except yaml.reader.ReaderError as exc:
        reader.problems.append(_unacceptable(exc, text, file))
    except yaml.YAMLError as exc:  # one line, like every problem
        reader.problems.append(Problem(Location(file), "YAML error: " + " ".join(str(exc).split()), "yaml-syntax"))
    for doc in reader.documents:
        doc.documents_in_file = len(reader.documents)
    return ReadResult(reader.documents, reader.problems)


_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # as YAML's reader counts lines


def _within_text(text: str, line: int, column: int) -> tuple[int, int]:
    """A 1-based position from a parser's 0-based one, moved back to the end of the last line with
    content when it lies past it: the parser reports the end of the file on a line after the last one,
    which an editor may not have."""
    lines = _LINE_BREAK.split(text)
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), None)
    if last is None:
        return 1, 1
    end = len(lines[last].rstrip())
    if (line, column) > (last, end):
        return last + 1, end + 1
    return line + 1, column + 1


def _at(text: str, mark: Any) -> str:
    """The character at a parser's mark (line and column count characters, as YAML breaks lines)."""
    lines = _LINE_BREAK.split(text)
    line = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    return line[mark.column] if 0 <= mark.column < len(line) else ""


def _unacceptable(exc: yaml.reader.ReaderError, text: str, file: Path) -> Problem:
    """A character YAML refuses anywhere (a control character such as NUL), where it first stands.

    Found by its first occurrence: libyaml counts its offset in bytes, the pure-Python reader in
    characters, and either way it is the first character YAML refuses.
    """
    character = exc.character if isinstance(exc.character, str) else chr(exc.character)
    offset = text.find(character)
    location = Location(file)
    if offset >= 0:
        lines = _LINE_BREAK.split(text[:offset])
        location = Location(file, len(lines), len(lines[-1]) + 1)
    what = "control character" if unicodedata.category(character) == "Cc" else "character"
    return Problem(location, f"the {what} U+{ord(character):04X} is not allowed in a YAML file",
                   "yaml-character", hint="remove it")


def read_file(file: Path) -> ReadResult:
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return ReadResult([], [Problem(Location(file), f"cannot read the file: {exc.strerror}", "io")])
    text, problem = decode(raw, file)
    if text is None:
        assert problem is not None
        return ReadResult([], [problem])
    return read_text(text, file)


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema typing of a plain scalar: text unless it is a number, bool or null."""
    if not text:
        return None
    if text[0] not in _MAYBE_TYPED:
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return Plain(text, True)
    if text in _FALSE:
        return Plain(text, False)
    if _INT.match(text):
        return Plain(text, _whole(text, 10))
    if _FLOAT.match(text):
        return Plain(text, float(text))
    if _OCT.match(text):
        return Plain(text, _whole(text[2:], 8))
    if _HEX.match(text):
        return Plain(text, _whole(text[2:], 16))
    if _INF.match(text):
        return Plain(text, -math.inf if text[0] == "-" else math.inf)
    if _NAN.match(text):
        return Plain(text, math.nan)
    return text


def _whole(digits: str, base: int) -> int | float:
    """An integer, or an infinity when it is too big for any number field (never an exception:
    Python refuses to convert decimal text of more than a few thousand digits)."""
    try:
        value = int(digits, base)
    except ValueError:
        return -math.inf if digits.startswith("-") else math.inf
    if abs(value) > _FLOAT_MAX:
        return -math.inf if value < 0 else math.inf
    return value


class _EventReader:
    """Builds :class:`Map`/:class:`Seq` trees from parser events, without recursion."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.documents: list[Document] = []
        self.problems: list[Problem] = []
        self._first: dict[str, int] = {}  # code → index of its first problem, for mistakes repeated
        self._more: dict[str, int] = {}

    def _problem(self, mark: Any, message: str, code: str, hint: str | None = None) -> None:
        self.problems.append(Problem(Location(self.file, mark.line + 1, mark.column + 1), message, code, hint=hint))

    def run(self, text: str) -> None:
        loader = _EventLoader(text)
        try:
            self._consume(loader)
        finally:
            loader.dispose()

    def _consume(self, loader: Any) -> None:
        # Each frame: [container, pending key or None, key position, awaiting key?, tag refused?]
        stack: list[list[Any]] = []
        doc_pos: Pos = (1, 1)
        refused_at: set[Pos] = set()  # values left out (refused tags, aliases) in this document
        root: Any = None
        has_root = False
        get_event = loader.get_event
        check_event = loader.check_event
        ScalarEvent = yaml.ScalarEvent
        maybe_typed = _MAYBE_TYPED
        MappingStartEvent = yaml.MappingStartEvent
        SequenceStartEvent = yaml.SequenceStartEvent
        while check_event():
            event = get_event()
            cls = type(event)
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            if cls is ScalarEvent:
                text = event.value
                if event.tag is None and text and text[0] not in maybe_typed and event.implicit[0]:
                    value = text  # the common case, inlined: plain text that YAML 1.2 cannot read as else
                else:
                    count = len(self.problems)
                    value = self._scalar(event)
                    if len(self.problems) != count:
                        refused_at.add(pos)
                if event.anchor is not None:
                    self._anchor(mark)
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                if event.anchor is not None:
                    self._anchor(mark)
                refused = event.tag is not None and event.tag not in ("!", "?")
                if refused:
                    self._problem(mark, f"the tag '{event.tag}' is not allowed: a handbook holds plain data only",
                                  "yaml-tag", hint="remove the tag")
                container: Map | Seq = Map(pos) if cls is MappingStartEvent else Seq(pos)
                if len(stack) >= MAX_DEPTH:
                    raise _TooDeep(mark)
                stack.append([container, None, None, True, refused])
                continue
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                frame = stack.pop()
                pos = frame[0].pos
                value = None if frame[4] else frame[0]  # a refused tag's value is not read as data either
                if frame[4]:
                    refused_at.add(pos)
            elif cls is yaml.AliasEvent:
                self._repeated(mark, "aliases (*name) are not allowed: write the value out in full", "yaml-alias")
                value = None
                refused_at.add(pos)
            elif cls is yaml.DocumentStartEvent:
                doc_pos = pos
                root, has_root = None, False
                refused_at = set()
                continue
            elif cls is yaml.DocumentEndEvent:
                if has_root and root is not None:
                    self.documents.append(Document(self.file, len(self.documents), root, doc_pos, end=pos,
                                                   refused=frozenset(refused_at)))
                continue
            else:  # stream start and end
                continue
            if not stack:
                root, has_root = value, True
                continue
            frame = stack[-1]
            parent = frame[0]
            if type(parent) is Seq:
                parent.append(value)
                parent.item_pos.append(pos)
            elif frame[3]:  # a key
                frame[1], frame[2], frame[3] = self._key(value, event, mark), pos, False
            else:
                key, key_pos = frame[1], frame[2]
                frame[1], frame[3] = None, True
                if key is None:
                    continue
                if key in parent:
                    line, col = key_pos
                    first = parent.key_pos[key]
                    self.problems.append(Problem(
                        Location(self.file, line, col),
                        f"the key '{key}' is repeated in this mapping (first at line {first[0]})",
                        "duplicate-key",
                        hint="keep one of the two",
                    ))
                    continue
                parent[key] = value
                parent.key_pos[key] = key_pos
                parent.value_pos[key] = pos

    def _anchor(self, mark: Any) -> None:
        self._repeated(mark, "anchors (&name) are not allowed: write each value out in full", "yaml-anchor")

    def _repeated(self, mark: Any, message: str, code: str) -> None:
        """The same mistake many times over (an alias bomb has dozens): reported once per file, at the
        first place, with how many more there are, so the real list of problems stays readable."""
        first = self._first.get(code)
        if first is None:
            self._first[code] = len(self.problems)
            self._problem(mark, message, code)
            return
        self._more[code] = self._more.get(code, 0) + 1
        earlier = self.problems[first]
        more = self._more[code]
        self.problems[first] = Problem(earlier.location, f"{message} ({more} more in this file)", code)

    def _key(self, value: Any, event: Any, mark: Any) -> str | None:
        """Keys are taken exactly as written; only plain text can be a key."""
        if type(event) is not yaml.ScalarEvent:
            if isinstance(value, (Map, Seq)):
                line, column = value.pos
                self.problems.append(Problem(Location(self.file, line, column),
                                             "a mapping key must be plain text", "yaml-key"))
            return None
        key: str = event.value
        if key == "<<" and not event.style:
            self._problem(mark, "merge keys (<<) are not allowed: write the fields out in full", "yaml-merge")
            return None
        return key

    def _scalar(self, event: Any) -> Any:
        text: str = event.value
        tag = event.tag
        if tag is None or tag == "!":
            if tag is None and event.implicit[0]:
                return resolve_plain(text)
            return text
        if tag not in _SCALAR_TAGS:
            self._problem(event.start_mark, f"the tag '{tag}' is not allowed: a handbook holds plain data only",
                          "yaml-tag", hint="remove the tag")
            return None
        kind = tag[len(_TAG):]
        if kind == "str":
            return text
        resolved = resolve_plain(text)
        value = resolved.value if isinstance(resolved, Plain) else resolved
        ok = {
            "null": value is None,
            "bool": isinstance(value, bool),
            "int": bool(_INT.match(text) or _OCT.match(text) or _HEX.match(text)),
            "float": isinstance(value, (int, float)) and not isinstance(value, bool),
        }[kind]
        if not ok:
            self._problem(event.start_mark, f"'{text}' is not a valid !!{kind}", "yaml-tag")
            return None
        if kind == "float" and isinstance(value, int):
            return Plain(text, float(value))
        return resolved
