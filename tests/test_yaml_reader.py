"""The YAML reader: plain data with positions, YAML 1.2 scalars, and every refusal reported where it stands.

Each test runs with libyaml's parser and with PyYAML's pure-Python one (used when PyYAML is built
without libyaml): both must give the same data, positions and problems.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_journeys.load import yaml_reader
from mkdocs_journeys.load.yaml_reader import MAX_DEPTH, decode, read_file, read_text, resolve_plain
from mkdocs_journeys.source import Location, Map, Plain, Seq

FILE = Path("h.yml")
LOADERS = ["pure"] + (["libyaml"] if yaml.__with_libyaml__ else [])


@pytest.fixture(params=LOADERS, autouse=True)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if request.param == "pure":
        monkeypatch.setattr(yaml_reader, "_EventLoader", yaml.SafeLoader)
    else:
        monkeypatch.setattr(yaml_reader, "_EventLoader", yaml.CSafeLoader)
    yield request.param


def read(text: str) -> tuple[list[Any], list[str]]:
    """The documents' data and the problems as ``line:column: message`` lines."""
    result = read_text(text, FILE)
    problems = [f"{p.location.line}:{p.location.column}: {p.full_message()}" for p in result.problems]
    return [doc.data for doc in result.documents], problems


def one(text: str) -> Any:
    documents, problems = read(text)
    assert problems == [] and len(documents) == 1
    return documents[0]


# -- data and positions --------------------------------------------------------------------------


def test_mappings_and_lists_remember_where_everything_was_written() -> None:
    data = one("kind: journey\nstages:\n  - name: A\n    touchpoints: [{name: B}, {name: C}]\n")
    assert isinstance(data, Map) and data.pos == (1, 1)
    assert data.key_pos == {"kind": (1, 1), "stages": (2, 1)}
    assert data.value_pos == {"kind": (1, 7), "stages": (3, 3)}
    stages = data["stages"]
    assert isinstance(stages, Seq) and stages.item_pos == [(3, 5)]
    touchpoints = stages[0]["touchpoints"]
    assert touchpoints.pos == (4, 18) and touchpoints.item_pos == [(4, 19), (4, 30)]
    assert touchpoints[1].value_pos["name"] == (4, 37)
    assert data == {"kind": "journey", "stages": [{"name": "A", "touchpoints": [{"name": "B"}, {"name": "C"}]}]}


def test_locate_points_at_the_value_the_key_or_the_deepest_part_that_exists() -> None:
    document = read_text("kind: journey\nstages:\n  - name: A\n    owner: x\n", FILE).documents[0]
    assert document.locate(("stages", 0, "owner")) == Location(FILE, 4, 12)
    assert document.locate(("stages", 0, "owner"), key=True) == Location(FILE, 4, 5)
    assert document.locate(("stages", 0, "missing")) == Location(FILE, 3, 5)
    assert document.locate(("stages", 7)) == Location(FILE, 3, 3)
    assert document.locate(()) == Location(FILE, 1, 1)


def test_crlf_line_ends_count_as_one_line_break() -> None:
    data = one("kind: journey\r\nstages:\r\n  - name: A\r\n")
    assert data["stages"].item_pos == [(3, 5)]
    assert data["stages"][0] == {"name": "A"}


# -- scalars: YAML 1.2's core schema, text as written ----------------------------------------------


@pytest.mark.parametrize("text", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "2026-09-30", "2026-01",
                                  "2026-Q3", "12:30", "1_000", "0b101", "1.2.3", "nan", "inf", "-a", "TRUE1"])
def test_words_that_yaml_1_1_would_type_are_text(text: str) -> None:
    value = one(f"a: {text}\n")["a"]
    assert value == text and not isinstance(value, Plain)


@pytest.mark.parametrize(("text", "value"), [
    ("true", True), ("False", False), ("TRUE", True), ("0", 0), ("-12", -12), ("+7", 7), ("012", 12),
    ("0o17", 15), ("0x1F", 31), ("1.5", 1.5), ("1.", 1.0), (".5", 0.5), ("1e3", 1000.0), ("-2.5E-1", -0.25),
    (".inf", math.inf), ("-.Inf", -math.inf), ("+.INF", math.inf),
])
def test_numbers_and_booleans_keep_the_text_written(text: str, value: Any) -> None:
    read_value = one(f"a: {text}\n")["a"]
    assert isinstance(read_value, Plain)
    assert str(read_value) == text  # where text is expected, `1.10` stays `1.10`
    assert read_value.value == value and type(read_value.value) is type(value)


def test_nan_is_a_number_that_is_not_equal_to_itself() -> None:
    value = one("a: .NaN\n")["a"]
    assert isinstance(value, Plain) and str(value) == ".NaN" and math.isnan(value.value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "~", "null", "Null", "NULL"])
def test_nulls(text: str) -> None:
    assert one(f"a: {text}\n")["a"] is None


def test_quoted_and_block_scalars_are_always_text() -> None:
    data = one("a: '1.10'\nb: \"yes\"\nc: |\n  2030\nd: >-\n  true\ne: '~'\n")
    assert data == {"a": "1.10", "b": "yes", "c": "2030\n", "d": "true", "e": "~"}
    assert not any(isinstance(v, Plain) for v in data.values())


def test_integers_too_big_for_any_number_field_are_infinite_not_an_exception() -> None:
    data = one(f"a: {'9' * 5000}\nb: -{'9' * 400}\nc: 0x{'f' * 300}\nd: {'9' * 20}\n")
    assert data["a"].value == math.inf and data["b"].value == -math.inf and data["c"].value == math.inf
    assert data["a"] == "9" * 5000  # still the text written
    assert data["d"].value == 10**20 - 1


@pytest.mark.parametrize(("text", "value"), [
    ("!!str 2030", "2030"), ("!!str yes", "yes"), ("!!int 12", 12), ("!!int 0x10", 16), ("!!float 1", 1.0),
    ("!!float 1.5", 1.5), ("!!bool true", True), ("!!null ~", None), ("!!null", None), ("! 12", "12"),
])
def test_the_standard_scalar_tags_are_allowed(text: str, value: Any) -> None:
    read_value = one(f"a: {text}\n")["a"]
    assert (read_value.value if isinstance(read_value, Plain) else read_value) == value


@pytest.mark.parametrize(("text", "message"), [
    ("!!int 1.5", "'1.5' is not a valid !!int"),
    ("!!int x", "'x' is not a valid !!int"),
    ("!!float x", "'x' is not a valid !!float"),
    ("!!bool yes", "'yes' is not a valid !!bool"),
    ("!!null 0", "'0' is not a valid !!null"),
])
def test_a_standard_tag_on_the_wrong_value_is_an_error(text: str, message: str) -> None:
    documents, problems = read(f"a: {text}\n")
    assert problems == [f"1:4: {message}"]
    assert documents == [{"a": None}] and documents[0].pos == (1, 1)


# -- refusals ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/name:os.system", "!custom",
                                 "!!binary", "!!timestamp", "!<tag:example.com,2026:x>"])
def test_other_tags_are_refused_and_their_value_left_out(tag: str) -> None:
    result = read_text(f"a: {tag} x\nb: {tag} [1]\nc: {tag} {{k: v}}\n", FILE)
    assert [(p.location.line, p.location.column, p.code) for p in result.problems] == [
        (1, 4, "yaml-tag"), (2, 4, "yaml-tag"), (3, 4, "yaml-tag")]
    assert all("is not allowed: a handbook holds plain data only" in p.message for p in result.problems)
    document = result.documents[0]
    assert document.data == {"a": None, "b": None, "c": None}
    assert document.refused == {(1, 4), (2, 4), (3, 4)}


def test_the_standard_collection_tags_are_refused_too() -> None:
    _, problems = read("a: !!map {k: v}\nb: !!seq [1]\nc: !!set {x}\nd: !!omap [{x: 1}]\n")
    assert [p.split(": error")[0] for p in problems] == [
        "1:4: the tag 'tag:yaml.org,2002:map' is not allowed: a handbook holds plain data only (remove the tag)",
        "2:4: the tag 'tag:yaml.org,2002:seq' is not allowed: a handbook holds plain data only (remove the tag)",
        "3:4: the tag 'tag:yaml.org,2002:set' is not allowed: a handbook holds plain data only (remove the tag)",
        "4:4: the tag 'tag:yaml.org,2002:omap' is not allowed: a handbook holds plain data only (remove the tag)",
    ]


def test_anchors_and_aliases_are_reported_once_per_file_with_a_count() -> None:
    text = "a: &x [1, 2]\nb: *x\nc: [*x, *x]\n---\nd: &y v\ne: *y\n"
    result = read_text(text, FILE)
    assert [f"{p.location.line}:{p.location.column}: {p.message}" for p in result.problems] == [
        "1:4: anchors (&name) are not allowed: write each value out in full (1 more in this file)",
        "2:4: aliases (*name) are not allowed: write the value out in full (3 more in this file)",
    ]
    first, second = result.documents
    assert first.data == {"a": ["1", "2"], "b": None, "c": [None, None]}  # an alias never expands
    assert first.refused == {(2, 4), (3, 5), (3, 9)} and second.refused == {(6, 4)}


def test_a_billion_laughs_is_read_in_no_time_and_builds_nothing() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 30)]
    result = read_text("\n".join(lines) + "\n", FILE)
    assert [p.code for p in result.problems] == ["yaml-anchor", "yaml-alias"]
    assert result.problems[1].message.endswith(f"({29 * 9 - 1} more in this file)")
    assert result.documents[0].data["a29"] == [None] * 9


def test_merge_keys_are_refused() -> None:
    documents, problems = read("base: {a: 1}\nitem:\n  <<: {b: 2}\n  c: 3\n'<<': quoted is a plain key\n")
    assert problems == ["3:3: merge keys (<<) are not allowed: write the fields out in full"]
    assert documents[0]["item"] == {"c": "3"}
    assert documents[0]["<<"] == "quoted is a plain key"


def test_a_repeated_key_is_reported_at_its_second_use_and_the_first_kept() -> None:
    documents, problems = read("a: 1\nb: {x: 1, 'x': 2}\na: 3\n")
    assert problems == [
        "2:11: the key 'x' is repeated in this mapping (first at line 2) (keep one of the two)",
        "3:1: the key 'a' is repeated in this mapping (first at line 1) (keep one of the two)",
    ]
    assert documents == [{"a": "1", "b": {"x": "1"}}]


def test_keys_are_text_as_written_and_only_scalars_can_be_keys() -> None:
    documents, problems = read("1: a\ntrue: b\n~: c\n? [x]\n: d\n? {y: 1}\n: e\n")
    assert documents == [{"1": "a", "true": "b", "~": "c"}]
    assert problems == ["4:3: a mapping key must be plain text", "6:3: a mapping key must be plain text"]


def test_nesting_deeper_than_the_limit_ends_the_file_without_recursion() -> None:
    fine = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert read(fine)[1] == []
    deep = "---\nok: 1\n---\na: " + "[" * 100_000 + "]" * 100_000 + "\n"
    documents, problems = read(deep)
    assert documents == [{"ok": "1"}]
    assert problems == [f"4:{3 + MAX_DEPTH}: mappings and lists nested more than {MAX_DEPTH} levels deep: "
                        "this document is not read"]



def test_a_libyaml_that_stops_at_its_own_depth_gives_the_same_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    """Newer libyaml builds refuse 1,000 levels while scanning ahead, before the reader counts them."""
    base = yaml_reader._EventLoader
    problem = "exceeded maximum nesting depth"

    class Limited(base):  # type: ignore[misc, valid-type]
        def check_event(self, *choices: Any) -> bool:
            raise yaml.MarkedYAMLError("while increasing flow level", None, problem,
                                       yaml.Mark("h.yml", 1003, 0, 1003, None, None))

    monkeypatch.setattr(yaml_reader, "_EventLoader", Limited)
    deep = "a: " + "[" * 2000 + "]" * 2000 + "\n"
    assert read(deep) == ([], [f"1:1004: mappings and lists nested more than {MAX_DEPTH} levels deep: this "
                                "document is not read"])
    assert [p.code for p in read_text(deep, FILE).problems] == ["yaml-depth"]
    problem = "found something else"  # any other error of the parser stays a syntax error
    assert [p.code for p in read_text(deep, FILE).problems] == ["yaml-syntax"]

# -- documents -----------------------------------------------------------------------------------------


def test_several_documents_with_their_positions_and_empty_ones_ignored() -> None:
    text = "# a comment\nkind: a\n---\n---\n# nothing\n--- \nkind: b\n...\n---\nkind: c\n"
    result = read_text(text, FILE)
    assert result.problems == []
    assert [d.data for d in result.documents] == [{"kind": "a"}, {"kind": "b"}, {"kind": "c"}]
    assert [d.index for d in result.documents] == [0, 1, 2]
    assert [d.pos for d in result.documents] == [(2, 1), (6, 1), (9, 1)]
    assert [d.end for d in result.documents] == [(3, 1), (8, 1), (11, 1)]
    assert {d.documents_in_file for d in result.documents} == {3}


def test_an_empty_file_or_a_file_of_comments_has_no_documents() -> None:
    assert read("") == ([], [])
    assert read("# just a comment\n\n") == ([], [])
    assert read("---\n...\n") == ([], [])


def test_a_syntax_error_costs_only_its_own_document() -> None:
    """The file is read again document by document: the documents before and after still load, and
    positions stay those of the whole file."""
    documents, problems = read("kind: a\n---\nkind: b\nlist: [1, 2\n---\nkind: c\nat: 6\n")
    assert documents == [{"kind": "a"}, {"kind": "c", "at": "6"}]
    assert problems == ["4:12: YAML syntax error: the list in [ ] opened at line 4, column 7 is not closed, or an "
                        "item holds `: ` or `[` (close the ], and quote items that contain `, `, `: `, `[` or `]`)"]
    assert [d.pos for d in read_text("kind: a\n---\nlist: [1\n---\nkind: c\n", FILE).documents] == [(1, 1), (4, 1)]


def test_each_broken_document_is_reported_and_counted() -> None:
    """Three mistakes in three documents: three problems in one run; the documents lost still count, so a
    document without an id is not mistaken for the only one of its file."""
    text = "a: b: c\n---\nkind: ok\n---\nx: 'open\n---\n- a\nb: c\n"
    result = read_text(text, FILE)
    assert [d.data for d in result.documents] == [{"kind": "ok"}]
    assert result.documents[0].documents_in_file == 4
    assert [(p.location.line, p.location.column) for p in result.problems] == [(1, 5), (5, 9), (8, 1)]


def test_documents_split_at_markers_with_their_directives() -> None:
    from mkdocs_journeys.load.yaml_reader import split_documents
    text = "# head\na: 1\n%YAML 1.2\n---\nb: [\n--- # c\nc: 3\n---x: text\n...\n"
    assert split_documents(text) == [("# head\na: 1\n", 0), ("%YAML 1.2\n---\nb: [\n", 2),
                                     ("--- # c\nc: 3\n---x: text\n...\n", 5)]
    documents, problems = read(text)
    assert documents == [{"a": "1"}, {"c": "3", "---x": "text"}] and len(problems) == 1


def test_a_control_character_in_a_later_document_is_placed_in_the_file() -> None:
    documents, problems = read("a: 1\n---\nb: 2\n---\nc: x\x1by\n")
    assert documents == [{"a": "1"}, {"b": "2"}]
    assert problems == ["5:5: the control character U+001B is not allowed in a YAML file (remove it)"]


# The two parsers word some problems apart: both are told in the author's words, at the same place.
@pytest.mark.parametrize(("text", "where", "message"), [
    ("a: 'open\n", "1:9", "the quote opened at line 1, column 4 is not closed (close the quote"),
    ("a: [b\n", "1:6", "the list in [ ] opened at line 1, column 4 is not closed"),
    ("a: [b,\n  c\n\n  \n", "2:4", "the list in [ ] opened at line 1, column 4 is not closed"),
    ("[", "1:2", "a value is missing"),
    ("a: {b: 1\r\n# still open\r\n\r\n", "2:13", "the mapping in { } opened at line 1, column 4 is not closed"),
    ("- a\nb: c\n", "2:1", "this line is not indented as expected (check the indentation of this line and the "
     "line above"),
    ("a:\n  b: 1\n c: 2\n", "3:2", "this line is not indented as expected (check the indentation"),
    ("a: *\n", "1:5", "`*` starts an alias (quote text that starts with `*`)"),
    ("a: b: c\n", "1:5", "a `: ` inside a value (quote text that contains `: ` or `, `"),
    ("a: [b]]\n", "1:7", "more text after a complete value (quote the whole value"),
    ('a: "x" y\n', "1:8", "more text after a complete value"),
    ("a: @x\n", "1:4", "text cannot start with `@` (quote the value)"),
    ('a: "x\n---\nb: 1\n', "1:6", "the quote opened at line 1, column 4 is not closed"),
])
def test_syntax_errors_are_one_line_with_a_position(text: str, where: str, message: str) -> None:
    """At the end of the file, the position is the end of the last line with content (an editor has it)."""
    _, problems = read(text)
    assert len(problems) == 1 and "\n" not in problems[0]
    assert problems[0].startswith(f"{where}: YAML syntax error: {message}"), problems[0]
    assert "while " not in problems[0] and "did not find" not in problems[0]


def test_a_tab_used_for_indentation_gets_a_hint() -> None:
    _, problems = read("a:\n\t- b\n")
    assert len(problems) == 1 and problems[0].startswith("2:1: YAML syntax error: ")
    assert problems[0].endswith(" (indent with spaces: YAML does not allow tabs there)")
    assert read("a: 'tab\there'\n")[1] == []  # tabs inside text are fine


@pytest.mark.parametrize(("text", "where", "code"), [
    ("a: x\x00y\n", "1:5", "U+0000"),
    ("a: b\nc: 'caf\u00e9 \u20ac\x07'\n", "2:11", "U+0007"),
    ("a: b\r\n\r\nc: \x1b[31m\n", "3:4", "U+001B"),
    ("a: \ufffe\n", "1:4", "U+FFFE"),
])
def test_characters_yaml_refuses_are_reported_where_they_stand(text: str, where: str, code: str) -> None:
    documents, problems = read(text)
    assert documents == []
    assert len(problems) == 1 and problems[0].startswith(f"{where}: the ")
    assert f"character {code} is not allowed in a YAML file (remove it)" in problems[0]
    assert "\n" not in problems[0]


# -- bytes -------------------------------------------------------------------------------------------


def test_utf8_with_or_without_a_bom() -> None:
    assert decode(b"\xef\xbb\xbfkind: a\n", FILE) == ("kind: a\n", None)
    assert decode("name: caf\u00e9\n".encode(), FILE) == ("name: caf\u00e9\n", None)


@pytest.mark.parametrize(("raw", "line", "column", "detail"), [
    (b"a: caf\xe9\n", 1, 7, "byte 0xe9 at offset 6"),
    ("a: \u00e9\u00e9\nb: ".encode() + b"\xff\n", 2, 4, "byte 0xff at offset 11"),
    ("x: y\n".encode("utf-16"), 1, 1, "byte 0xff at offset 0"),
    (b"\xef\xbb\xbfa: \x80\n", 1, 4, "byte 0x80 at offset 3"),
])
def test_invalid_utf8_is_reported_at_the_first_bad_byte(raw: bytes, line: int, column: int, detail: str,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "bad.yml"
    path.write_bytes(raw)
    result = read_file(path)
    assert result.documents == []
    [problem] = result.problems
    assert problem.location == Location(path, line, column)
    assert problem.full_message() == f"the file is not valid UTF-8 ({detail}) (save the file as UTF-8)"


def test_a_file_that_cannot_be_read_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    result = read_file(tmp_path / "missing.yml")
    assert result.documents == [] and result.problems[0].message.startswith("cannot read the file")


def test_resolve_plain_never_raises_on_odd_text() -> None:
    for text in ["0x", "0o", "+", ".", "1e", "e3", "0x1G", "--1", "1__0", "\u0661\u0662"]:
        assert resolve_plain(text) == text


def test_a_document_lost_to_a_syntax_error_keeps_its_kind_and_id() -> None:
    """So that references to it are not reported as unknown on top of its syntax error."""
    result = read_text("kind: persona\nid: lost\nname: a: b\n---\nkind: persona\nid: fine\nname: Fine\n", FILE)
    lost = [d for d in result.documents if d.lost]
    assert [(d.data, d.pos) for d in lost] == [({"kind": "persona", "id": "lost"}, (1, 1))]
    assert [d.data["id"] for d in result.documents if not d.lost] == ["fine"]
    assert [d.documents_in_file for d in result.documents] == [2, 2]
    assert not any(d.lost for d in read_text("kind: persona\nname: a: b\n", FILE).documents)  # no id: nothing kept


def test_positions_after_a_cut_count_every_line_break_yaml_counts() -> None:
    documents, problems = read("a: 'b\u2028c'\r\nd: 1\n---\nx: [1\n")
    assert documents == [{"a": "b\u2028c", "d": "1"}]
    assert problems[0].startswith("5:6: YAML syntax error: the list in [ ] opened at line 5, column 4"), problems
