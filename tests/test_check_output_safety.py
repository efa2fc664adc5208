"""``check``'s output under hostile text: every problem one printable line, and no line a CI runner
reads as a workflow command (``::add-mask::``, a forged ``::error``, ``##[stop-commands]``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_journeys.cli import main
from mkdocs_journeys.commands.problem_formats import as_json, format_github, format_text
from mkdocs_journeys.escape import _CONTROLS, _LINE_BREAKS, one_line
from mkdocs_journeys.problems import Problem
from mkdocs_journeys.source import Location

HOSTILE = [
    "x\n::add-mask::secret",
    "x\r\n::error file=.github/workflows/ci.yml,line=1::forged",
    "x\x1b[2J\x1b]8;;https://example.com\x07link",
    "x\x00y\x7fz\x9bq",
    "x\u2028::warning::a\u2029b\x85c",
    "x\u202egnp.exe",
    "x ##[stop-commands]token",
    "100% :: a, b",
]
# GitHub's runner: `::` at the start of a line (after whitespace) is a command, `##[` anywhere too.
COMMAND = re.compile(r"^\s*::|##\[")
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def hostile_handbook(folder: Path) -> Path:
    """Each hostile value as an unknown field's name, an id and a title: all three are quoted in errors."""
    lines = ["kind: department\nid: sales\nname: Sales\n"]
    for n, value in enumerate(HOSTILE):
        text = json.dumps(value)  # a YAML double-quoted scalar with escapes
        lines.append(f"---\nkind: journey\nid: {text}\ntitle: t{n}\nowner: {text}\nstages: [{{name: A}}]\n"
                     f"{text}: 1\n")
    (folder / "hostile.yml").write_text("".join(lines), encoding="utf-8")
    return folder


def output_of(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["check", *args, "--no-findings"]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    return out


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_every_problem_is_one_printable_line_and_no_command(fmt: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(hostile_handbook(tmp_path))
    out = output_of(capsys, ".", "--format", fmt)
    lines = out.split("\n")[:-1]  # str.splitlines would also split at \x85 and \u2028: split at \n only
    if fmt == "github":  # more errors than GitHub shows: counted per code first, in our words only
        assert lines.pop(0).startswith(f"::notice title={3 * len(HOSTILE)} errors::")
    assert len(lines) == 3 * len(HOSTILE) + 1, lines  # an invalid id, an unknown owner, an unknown field each
    for line in lines:
        assert not UNPRINTABLE.search(line), line
        assert not COMMAND.search(line) or (fmt == "github" and line.startswith(("::error file=hostile.yml,",)))
    if fmt == "text":
        assert "'x\\n::add-mask::secret'" in out and "'x\\x1b[2J\\x1b]8;;https://example.com\\x07link'" in out
        assert "'x\\u2028::warning::a\\u2029b\\x85c'" in out and "'x\\u202egnp.exe'" in out
        assert "'x ##\\[stop-commands]token'" in out
    else:  # the annotation's own escapes for `%`; the message still reads as the author wrote it
        assert "'100%25 :: a, b' is not a valid id" in out
        assert all(line.count("::") >= 2 for line in lines[:-1])


def test_json_keeps_the_exact_strings_in_valid_json(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(hostile_handbook(tmp_path))
    out = output_of(capsys, ".", "--format", "json")
    assert not UNPRINTABLE.search(out.replace("\n", ""))  # nothing raw but the indentation's line breaks
    messages = [p["message"] for p in json.loads(out)]
    for value in HOSTILE:  # exactly the text written, no escaping of ours
        assert any(m.startswith(f"id: '{value}' is not a valid id") for m in messages), value
        assert f"unknown field '{value}' in a journey" in messages


def test_a_file_name_that_is_a_command_is_not_one(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "::add-mask::x.yml").write_text("kind: persona\nid: p\nname: P\nx: 1\n", encoding="utf-8")
    (tmp_path / "a\nb.yml").write_text("kind: persona\nid: q\nname: Q\nx: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    lines = output_of(capsys, ".").split("\n")
    assert lines[0] == "./::add-mask::x.yml:4:1: error: unknown field 'x' in a persona (valid fields: " \
        + lines[0].split("(valid fields: ")[1]
    assert lines[1].startswith("a\\nb.yml:4:1: error: unknown field 'x'")
    github = output_of(capsys, ".", "--format", "github").split("\n")
    assert github[0].startswith("::error file=%3A%3Aadd-mask%3A%3Ax.yml,line=4,col=1,title=unknown-field::")
    assert github[1].startswith("::error file=a\\nb.yml,line=4,col=1,")


# -- any text at all --------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(message=st.text(), hint=st.none() | st.text(),
       name=st.text(min_size=1).filter(lambda name: "/" not in name and name not in (".", "..")))
def test_any_text_gives_one_safe_line_and_exact_json(message: str, hint: str | None, name: str) -> None:
    problem = Problem(Location(Path("/handbook") / name, 3, 4), message, "invalid", hint=hint)
    for line in (format_text(problem, Path("/handbook")), format_github(problem, Path("/handbook"))):
        assert "\n" not in line and "\r" not in line
        assert not UNPRINTABLE.search(line) and not re.search("[\ud800-\udfff]", line)
        assert not COMMAND.search(line) or line.startswith("::error file=")
        assert "##[" not in line
        line.encode("utf-8")  # printable on any UTF-8 terminal or log, lone surrogates included
    text = as_json([problem], Path("/handbook"))
    assert not UNPRINTABLE.search(text.replace("\n", ""))
    [item] = json.loads(text)
    assert (item["message"], item["hint"], item["file"]) == (message, hint, Path(name).as_posix())


@given(st.text())
def test_one_line_leaves_no_line_break_or_control_character(text: str) -> None:
    """Printable text is passed through untouched (the quick way), anything else is escaped."""
    shown = one_line(text)
    assert not any(c in shown for c in _CONTROLS)
    assert shown == text.translate(_LINE_BREAKS)
