"""Read handbook YAML as plain data that remembers where every key, value and item was written.

The reader walks libyaml's event stream itself instead of using a constructor: that is what lets
it refuse anchors, aliases and object-building tags before anything is built, keep positions
without a second pass, and type plain scalars by YAML 1.2's core schema (``no`` is text) while
keeping the exact text the author wrote for fields that expect text (``1.10`` stays ``1.10``).

A syntax error does not cost the whole file: the file is then read again document by document
(split at the ``---`` lines), so every document that parses is still checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..problems import Problem
from ..source import Document, Location, Map, Pos, Seq, pack, unpack
from .scalars import MAYBE_TYPED, SCALAR_TAGS, resolve_plain, tagged
from .yaml_documents import identity, split_documents
from .yaml_errors import syntax_problem, unacceptable

try:
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # PyYAML built without libyaml: same events, slower
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]

__all__ = ["MAX_DEPTH", "ReadResult", "decode", "read_bytes", "read_file", "read_text", "resolve_plain",
           "split_documents", "unreadable"]

# A handbook nests about ten levels deep; far deeper input is a mistake or an attack, and would
# exhaust the stack of everything that walks the data afterwards.
MAX_DEPTH = 100
# Newer builds of libyaml stop at a depth of their own (1,000), and in flow style their scanner gets
# there before the parser gives this reader the events that count to MAX_DEPTH.
_LIBYAML_DEPTH = "maximum nesting depth"


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


def read_file(file: Path) -> ReadResult:
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return unreadable(file, exc)
    return read_bytes(raw, file)


def unreadable(file: Path, exc: OSError) -> ReadResult:
    return ReadResult([], [Problem(Location(file), f"cannot read the file: {exc.strerror}", "io")])


def read_bytes(raw: bytes, file: Path) -> ReadResult:
    """The documents of a file's bytes (see :func:`read_text`), or why it cannot be decoded."""
    text, problem = decode(raw, file)
    if text is None:
        assert problem is not None
        return ReadResult([], [problem])
    return read_text(text, file)


def read_text(text: str, file: Path) -> ReadResult:
    """Every document of ``text`` that parses, and the problems of the others."""
    reader = _EventReader(file)
    if not reader.read(text, 0):
        parts = split_documents(text)
        if len(parts) > 1:  # read again, one document at a time, so that one mistake costs one document
            reader = _EventReader(file)
            for part, line_offset in parts:
                if not reader.read(part, line_offset):
                    reader.keep_lost(part, line_offset)
        else:
            reader.keep_lost(text, 0)
    for doc in reader.documents:
        doc.documents_in_file = len(reader.documents) + reader.broken
    return ReadResult(reader.documents, reader.problems)


@dataclass(slots=True)
class _Frame:
    """A mapping or list being read: for a mapping, the key whose value comes next."""

    container: Map | Seq
    refused: bool  # an object-building tag: the whole value is left out
    key: str | None = None
    key_at: int = 0  # the key's position, packed (see source.pack)
    awaiting_key: bool = True


@dataclass
class _DocumentState:
    pos: Pos = (1, 1)
    root: Any = None
    has_root: bool = False
    refused_at: set[Pos] = field(default_factory=set)  # values left out (refused tags, aliases)


class _EventReader:
    """Builds :class:`Map`/:class:`Seq` trees from parser events, without recursion.

    Each event is first turned into a value and its position (``_value_of``), then placed in the
    mapping or list being read (``_place``).
    """

    def __init__(self, file: Path) -> None:
        self.file = file
        self.documents: list[Document] = []
        self.problems: list[Problem] = []
        self.broken = 0  # documents lost to a syntax error
        self._first: dict[str, int] = {}  # code → index of its first problem, for mistakes repeated
        self._more: dict[str, int] = {}
        self._offset = 0
        self._stack: list[_Frame] = []
        self._doc = _DocumentState()

    def read(self, text: str, line_offset: int) -> bool:
        """Read the documents of ``text``, which starts ``line_offset`` lines into the file; False
        when a mistake stopped the reading."""
        self._offset, self._stack, self._doc = line_offset, [], _DocumentState()
        loader: Any = None
        try:
            loader = _EventLoader(text)  # the pure-Python reader checks the characters here already
            self._consume(loader)
            return True
        except _TooDeep as exc:
            self._too_deep(exc.mark)
        except yaml.MarkedYAMLError as exc:
            if _LIBYAML_DEPTH in str(exc.problem):  # a libyaml with its own limit, met while looking ahead
                self._too_deep(exc.problem_mark)
            else:
                self.problems.append(syntax_problem(exc, text, self.file, line_offset))
        except yaml.reader.ReaderError as exc:
            self.problems.append(unacceptable(exc, text, self.file, line_offset))
        except yaml.YAMLError as exc:  # one line, like every problem
            self.problems.append(Problem(Location(self.file), "YAML error: " + " ".join(str(exc).split()),
                                         "yaml-syntax"))
        finally:
            if loader is not None:
                loader.dispose()
        self.broken += 1
        return False

    def keep_lost(self, text: str, line_offset: int) -> None:
        """Remember the `kind` and `id` written at the start of the lines of a document that did not
        parse: references to it are then not reported as unknown too."""
        found = identity(text)
        if found is not None:
            data = Map((line_offset + 1, 1))
            data.update(kind=found[0], id=found[1])
            self.documents.append(Document(self.file, len(self.documents), data, data.pos, lost=True))
            self.broken -= 1  # counted among the documents

    def _too_deep(self, mark: Any) -> None:
        self._problem(mark, f"mappings and lists nested more than {MAX_DEPTH} levels deep: this document is "
                      "not read", "yaml-depth")

    def _pos(self, mark: Any) -> Pos:
        return (mark.line + 1 + self._offset, mark.column + 1)

    def _problem(self, mark: Any, message: str, code: str, hint: str | None = None) -> None:
        self.problems.append(Problem(Location(self.file, *self._pos(mark)), message, code, hint=hint))

    def _consume(self, loader: Any) -> None:
        get_event, check_event = loader.get_event, loader.check_event
        scalar_event, maybe_typed, seq, stack = yaml.ScalarEvent, MAYBE_TYPED, Seq, self._stack
        first_line = 1 + self._offset
        while check_event():
            event = get_event()
            value = event.value if type(event) is scalar_event else None
            if value and event.tag is None and event.implicit[0] and value[0] not in maybe_typed and (
                    event.anchor is None) and stack:
                # The common case, inlined (a handbook has a million of them): plain text that YAML 1.2
                # cannot read as anything else, as a list item, a key or a key's value. Anything that
                # is not plain sailing (a merge key, a repeated key) goes the long way, _place.
                mark = event.start_mark
                at = pack(mark.line + first_line, mark.column + 1)
                frame = stack[-1]
                parent: Any = frame.container
                if type(parent) is seq:
                    parent.append_packed(value, at)
                    continue
                if frame.awaiting_key:
                    if value != "<<":
                        frame.key, frame.key_at, frame.awaiting_key = value, at, False
                        continue
                elif frame.key is not None and frame.key not in parent:
                    parent[frame.key] = value
                    parent.place_packed(frame.key, frame.key_at, at)
                    frame.key, frame.awaiting_key = None, True
                    continue
                self._place(value, self._pos(mark), event)
                continue
            read = self._value_of(event)
            if read is not None:
                self._place(read[0], read[1], event)

    def _value_of(self, event: Any) -> tuple[Any, Pos] | None:
        """The value an event completes, with its position; None for events that complete none."""
        cls = type(event)
        mark = event.start_mark
        if cls is yaml.ScalarEvent:
            return self._scalar(event), self._pos(mark)
        if cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
            self._open(event, Map if cls is yaml.MappingStartEvent else Seq)
            return None
        if cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            frame = self._stack.pop()
            if frame.refused:  # a refused tag's value is not read as data either
                self._doc.refused_at.add(frame.container.pos)
                return None, frame.container.pos
            return frame.container, frame.container.pos
        if cls is yaml.AliasEvent:
            self._repeated(mark, "aliases (*name) are not allowed: write the value out in full", "yaml-alias")
            self._doc.refused_at.add(self._pos(mark))
            return None, self._pos(mark)
        if cls is yaml.DocumentStartEvent:
            self._doc = _DocumentState(pos=self._pos(mark))
        elif cls is yaml.DocumentEndEvent:
            self._close_document(self._pos(mark))
        return None

    def _open(self, event: Any, kind: type[Map] | type[Seq]) -> None:
        mark = event.start_mark
        if event.anchor is not None:
            self._anchor(mark)
        refused = event.tag is not None and event.tag not in ("!", "?")
        if refused:
            self._problem(mark, f"the tag '{event.tag}' is not allowed: a handbook holds plain data only",
                          "yaml-tag", hint="remove the tag")
        if len(self._stack) >= MAX_DEPTH:
            raise _TooDeep(mark)
        self._stack.append(_Frame(kind(self._pos(mark)), refused))

    def _close_document(self, end: Pos) -> None:
        doc = self._doc
        if doc.has_root and doc.root is not None:
            self.documents.append(Document(self.file, len(self.documents), doc.root, doc.pos, end=end,
                                           refused=frozenset(doc.refused_at)))

    def _place(self, value: Any, pos: Pos, event: Any) -> None:
        """Put a complete value where it belongs: the document's root, a list item, a key or a value."""
        if not self._stack:
            self._doc.root, self._doc.has_root = value, True
            return
        frame = self._stack[-1]
        parent = frame.container
        if type(parent) is Seq:
            parent.append_packed(value, pack(*pos))
        elif frame.awaiting_key:
            frame.key, frame.key_at, frame.awaiting_key = self._key(value, event), pack(*pos), False
        else:
            key = frame.key
            frame.key, frame.awaiting_key = None, True
            if key is not None:
                self._set(parent, key, frame.key_at, value, pos)

    def _set(self, mapping: Any, key: str, key_at: int, value: Any, pos: Pos) -> None:
        if key in mapping:
            key_pos = unpack(key_at)
            first = mapping.key_position(key) or key_pos
            self.problems.append(Problem(
                Location(self.file, *key_pos), f"the key '{key}' is repeated in this mapping (first at line "
                f"{first[0]})", "duplicate-key", hint="keep one of the two"))
            return
        mapping[key] = value
        mapping.place_packed(key, key_at, pack(*pos))

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
        self.problems[first] = Problem(earlier.location, f"{message} ({self._more[code]} more in this file)", code)

    def _key(self, value: Any, event: Any) -> str | None:
        """Keys are taken exactly as written; only plain text can be a key."""
        if type(event) is not yaml.ScalarEvent:
            if isinstance(value, (Map, Seq)):
                self.problems.append(Problem(Location(self.file, *value.pos), "a mapping key must be plain text",
                                             "yaml-key"))
            return None
        key: str = event.value
        if key == "<<" and not event.style:
            self._problem(event.start_mark, "merge keys (<<) are not allowed: write the fields out in full",
                          "yaml-merge")
            return None
        return key

    def _scalar(self, event: Any) -> Any:
        if event.anchor is not None:
            self._anchor(event.start_mark)
        text: str = event.value
        tag = event.tag
        if tag is None or tag == "!":
            return resolve_plain(text) if tag is None and event.implicit[0] else text
        if tag not in SCALAR_TAGS:
            self._problem(event.start_mark, f"the tag '{tag}' is not allowed: a handbook holds plain data only",
                          "yaml-tag", hint="remove the tag")
            self._doc.refused_at.add(self._pos(event.start_mark))
            return None
        value, mistake = tagged(text, tag)
        if mistake is not None:
            self._problem(event.start_mark, mistake, "yaml-tag")
            self._doc.refused_at.add(self._pos(event.start_mark))
        return value
