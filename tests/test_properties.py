"""Property-based: arbitrary YAML (text, structures, bytes) never produces a traceback, only problems, each
on one line at a position that exists in its file."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_journeys.cli import main
from mkdocs_journeys.commands.check import run_check
from mkdocs_journeys.handbook import build_handbook
from mkdocs_journeys.settings import Settings

TEXT_LINE = re.compile(r"^[^\n]+?(:\d+:\d+)?: (error|warning): [^\n]+$")
SUMMARY = re.compile(r"^\d+ definitions? in \d+ files?: (no problems|\d+ errors?(, \d+ warnings?)?|\d+ warnings?)$")
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _lines_in(data: bytes) -> int:
    """Lines as YAML counts them (CR LF, CR, LF, NEL, LS and PS break lines)."""
    text = data.decode("utf-8", "replace")
    return len(re.split(r"\r\n|[\r\n\x85\u2028\u2029]", text))


def check_folder(files: dict[str, bytes]) -> None:
    """Every way of checking the files: in process, through ``main``, in each format; never an exception."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, data in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        handbook = build_handbook(root)
        assert not handbook.rejected or handbook.problems  # nothing is left out silently
        for problem in handbook.problems:
            loc = problem.location
            assert loc.file in handbook.files
            assert "\n" not in problem.full_message()
            if loc.line is not None:  # a position that exists (the end of the file at most)
                assert 1 <= loc.line <= _lines_in(loc.file.read_bytes()) and (loc.column or 1) >= 1, problem
        lines, code = run_check(root, Settings(), fmt="text")
        assert code == (1 if handbook.problems else 0)
        assert all(TEXT_LINE.match(line) for line in lines[:-1]), lines
        assert SUMMARY.match(lines[-1]), lines[-1]
        assert len([line for line in lines if ": error: " in line]) == len(handbook.problems)
        json_lines, json_code = run_check(root, Settings(), fmt="json")
        assert json_code == code
        assert len([p for p in json.loads(json_lines[0]) if p["severity"] == "error"]) == len(handbook.problems)
        github, github_code = run_check(root, Settings(), fmt="github", strict=True)
        assert github_code in (0, 1) and all(line.startswith("::") for line in github[:-1])
        assert main(["check", str(root)]) == code
        assert main(["check", str(root), "--format", "json", "--no-findings"]) == code


# -- arbitrary structures, dumped as YAML -------------------------------------------------------------

KEYS = st.sampled_from(["kind", "id", "title", "name", "owner", "stages", "touchpoints", "emotion", "metrics",
                        "nps", "churn", "duration", "volume", "target", "actual", "history", "period", "value",
                        "steps", "next", "branches", "when", "parent", "personas", "supported_by", "supports",
                        "transitions", "from", "to", "sla", "channels", "contributors", "x", "<<"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                    st.text(max_size=12), st.sampled_from(["journey", "persona", "process", "department", "metric",
                                                          "a", "b", "a/b", "b/a", "4h", "45%", "yes", "2026-01",
                                                          "", " ", "a/b/c", "-1", "1e400", ".nan"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6),
                      max_leaves=25)
DOCUMENTS = st.dictionaries(KEYS, VALUES, max_size=8).map(lambda d: {"kind": d.pop("kind", "journey"), **d})


@SETTINGS
@given(st.lists(DOCUMENTS, min_size=1, max_size=4))
def test_arbitrary_documents_never_raise(documents: list[dict[str, Any]]) -> None:
    text = yaml.safe_dump_all(documents, allow_unicode=True)
    check_folder({"a.yml": text.encode("utf-8"), "departments.yml": b"kind: department\nid: a\nname: A\n"})


# -- nearly valid handbooks: every reference drawn from a small pool, so some resolve ---------------------

IDS = st.sampled_from(["a", "b", "c", "d"])
REFS = st.one_of(IDS, st.builds(lambda x, y: f"{x}/{y}", IDS, IDS))
OPTIONAL_NUMBER = st.one_of(st.none(), st.integers(-3, 3), st.floats(-3, 3), st.sampled_from(["1", "x", True]))
METRIC_VALUES = st.one_of(st.integers(-200, 200), st.sampled_from(["45%", "3d 4h", "x", "150%"]),
                          st.fixed_dictionaries({}, optional={
                              "target": st.one_of(st.integers(-200, 200), st.just("2h")),
                              "actual": st.floats(-200, 200),
                              "history": st.lists(st.fixed_dictionaries({"period": IDS}, optional={
                                  "value": st.integers(-200, 200)}), max_size=3)}))
METRICS = st.dictionaries(st.sampled_from(["nps", "csat", "churn", "duration", "volume", "ces", "a", "npss"]),
                          METRIC_VALUES, max_size=3)


TOUCHPOINT = st.fixed_dictionaries({"name": st.sampled_from(["Calls", "Pays", "Waits", "a", "b", "€"])}, optional={
    "id": IDS, "owner": IDS, "emotion": OPTIONAL_NUMBER, "channel": st.sampled_from(["web", "phone", "Web"]),
    "supported_by": st.lists(REFS, max_size=3), "moment_of_truth": st.booleans(), "metrics": METRICS})
STAGE = st.fixed_dictionaries({"name": st.sampled_from(["Research", "Buy", "Use", "a", "b"])}, optional={
    "id": IDS, "owner": IDS, "contributors": st.lists(IDS, max_size=3), "touchpoints": st.lists(TOUCHPOINT, max_size=3),
    "metrics": METRICS})
JOURNEY = st.fixed_dictionaries({"kind": st.just("journey"), "id": IDS, "title": st.just("J"), "owner": IDS,
                                 "stages": st.lists(STAGE, max_size=4)}, optional={
    "personas": st.lists(IDS, max_size=3), "metrics": METRICS, "state": st.sampled_from(["current", "future", "x"]),
    "transitions": st.lists(st.fixed_dictionaries({"from": IDS, "to": IDS}), max_size=3)})
STEP = st.fixed_dictionaries({"name": st.sampled_from(["Check", "Approve", "a", "b", "c"])}, optional={
    "id": IDS, "owner": IDS, "sla": st.sampled_from(["4h", "x", 60, -1]), "decision": st.just("OK?"),
    "next": st.one_of(IDS, st.lists(IDS, max_size=2)), "supports": st.lists(REFS, max_size=2),
    "branches": st.lists(st.fixed_dictionaries({"when": st.just("w"), "next": st.one_of(IDS, st.just([]))}),
                         max_size=2)})
PROCESS = st.fixed_dictionaries({"kind": st.just("process"), "id": IDS, "title": st.just("P"), "owner": IDS,
                                 "steps": st.lists(STEP, max_size=4)})
DEPARTMENT = st.fixed_dictionaries({"kind": st.just("department"), "id": IDS, "name": st.just("D")}, optional={
    "parent": IDS})
PERSONA = st.fixed_dictionaries({"kind": st.just("persona"), "id": IDS, "name": st.just("P")}, optional={
    "channels": st.lists(st.sampled_from(["web", "phone", "branch"]), max_size=3),
    "avoid_channels": st.lists(st.sampled_from(["web", "phone", "branch"]), max_size=2)})
METRIC = st.fixed_dictionaries({"kind": st.just("metric"), "id": IDS, "name": st.just("M"),
                                "better": st.sampled_from(["higher", "lower", "none", "up"])}, optional={
    "unit": st.sampled_from(["%", "count", "duration", "EUR"]), "min": st.integers(-5, 5), "max": st.integers(-5, 5)})


@SETTINGS
@given(st.lists(st.one_of(JOURNEY, PROCESS, DEPARTMENT, PERSONA, METRIC), min_size=1, max_size=8))
def test_nearly_valid_handbooks_never_raise(documents: list[dict[str, Any]]) -> None:
    check_folder({f"{i}-{doc['kind']}.yml": yaml.safe_dump(doc, allow_unicode=True).encode()
                  for i, doc in enumerate(documents)})


# -- arbitrary text, YAML-flavoured text, bytes ------------------------------------------------------------

TOKENS = st.sampled_from([
    "kind: ", "journey", "process", "department", "id: ", "name: ", "title: ", "owner: ", "stages:", "steps:",
    "touchpoints:", "emotion: ", "metrics: ", "nps: ", "next: ", "a", "b", "\n", "\r\n", "\r", "  ", "    ", "- ",
    "[", "]", "{", "}", ": ", ", ", "&a ", "*a", "!!int ", "!!str ", "!!python/object:os.system ", "!x ", "<<: ",
    "---\n", "...\n", "'", '"', "\t", "# c", "? ", "|\n", ">-\n", "%YAML 1.2\n", "%TAG ! tag:x,2026:\n", "\x00",
    "\ufeff", "\u2028", "\x85", "9" * 400, ".nan", "-.inf", "yes", "~", "0x1F", "1e3", "\\", "\u00e9", "@", "`",
])


@SETTINGS
@given(st.lists(TOKENS, max_size=60).map("".join))
def test_yaml_flavoured_text_never_raises(text: str) -> None:
    check_folder({"a.yml": text.encode("utf-8"), "b/c.yaml": text.encode("utf-8")})


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    check_folder({"a.yml": text.encode("utf-8", errors="surrogatepass")})


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    check_folder({"a.yml": data})


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["[", "{a: ", "- ", "{? ", "[{b: "]), min_size=1, max_size=400),
       st.sampled_from(["kind: journey\ntags: ", "kind: journey\nstages:\n  - touchpoints: ", ""]))
def test_deep_nesting_never_raises(openers: list[str], prefix: str) -> None:
    closers = "".join({"[": "]", "{a: ": "}", "- ": "", "{? ": "}", "[{b: ": "}]"}[o] for o in reversed(openers))
    check_folder({"a.yml": (prefix + "".join(openers) + "x" + closers + "\n").encode()})


# -- hostile input: huge numbers anywhere, deep nesting in one document, control characters ------------------

HUGE = st.builds(lambda sign, digits, form: form.format(sign=sign, digits=digits),
                 st.sampled_from(["", "-", "+"]), st.integers(400, 6000).map(lambda n: "9" * n),
                 st.sampled_from(["{sign}{digits}", "{sign}{digits}.5", "{sign}1e{digits}", "0x{digits}",
                                  "{sign}{digits}%", "{sign}{digits}h", "'{sign}{digits}'"]))
HUGE_FIELDS = st.sampled_from(["title: {n}", "goal: {n}", "tags: [{n}]", "metrics: {{nps: {n}}}",
                               "metrics: {{csat: {{target: {n}, actual: {n}}}}}", "metrics: {{duration: {n}}}",
                               "stages: [{{name: {n}, touchpoints: [{{name: x, emotion: {n}}}]}}]"])
HANDBOOK = ("kind: department\nid: a\nname: A\n---\nkind: metric\nid: m\nname: M\nbetter: none\nmin: {min}\n---\n"
            "kind: process\nid: p\ntitle: P\nowner: a\nsteps: [{{name: s, sla: {sla}}}]\n---\n"
            "kind: journey\nid: j\nowner: a\ntitle: J\nstages: [{{name: s}}]\n{field}\n")


@SETTINGS
@given(HUGE, HUGE_FIELDS, st.sampled_from(["min", "sla", "field"]))
def test_huge_numbers_anywhere_never_raise(number: str, field: str, where: str) -> None:
    """As text they stay text; as a number they are an error at their position."""
    values = {"min": "0", "sla": "4h", "field": field.format(n="1")}
    values[where] = number if where != "field" else field.format(n=number)
    check_folder({"a.yml": HANDBOOK.format(**values).encode()})


@settings(max_examples=20, deadline=None)
@given(st.integers(500, 1000), st.sampled_from(["[", "{a: ", "- ", "[{b: "]),
       st.sampled_from(["tags: ", "metrics: {nps: ", "stages: [{name: s, touchpoints: "]))
def test_deep_nesting_costs_one_document(depth: int, opener: str, field: str) -> None:
    closer = {"[": "]", "{a: ": "}", "- ": "", "[{b: ": "}]"}[opener]
    inner = (opener * depth + "x" + closer * depth) if opener != "- " else "\n" + "".join(
        " " * (2 * i) + "- " + ("\n" if i < depth - 1 else "x\n") for i in range(depth))
    text = ("kind: persona\nid: kept\nname: K\n---\nkind: journey\nid: j\ntitle: J\nowner: a\n" + field + inner
            + ("}]" if field.startswith("stages") else "}" if field.startswith("metrics") else "") + "\n")
    files = {"a.yml": text.encode(), "d.yml": b"kind: department\nid: a\nname: A\n"}
    check_folder(files)
    with tempfile.TemporaryDirectory() as folder:
        for name, data in files.items():
            (Path(folder) / name).write_bytes(data)
        handbook = build_handbook(Path(folder))
        assert "kept" in handbook.personas
        assert any(p.location.line is not None for p in handbook.problems)


CONTROL = st.characters(codec="utf-8", categories=["Cc"]).filter(lambda c: c not in "\t\n\r")


@SETTINGS
@given(st.lists(st.tuples(CONTROL, st.integers(0, 10_000)), min_size=1, max_size=3))
def test_control_characters_are_reported_with_a_position(inserts: list[tuple[str, int]]) -> None:
    text = HANDBOOK.format(min="0", sla="4h", field="goal: go")
    for character, at in inserts:
        at %= len(text) + 1
        text = text[:at] + character + text[at:]
    files = {"a.yml": text.encode("utf-8")}
    check_folder(files)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "a.yml").write_bytes(files["a.yml"])
        handbook = build_handbook(Path(folder))
        refused = [p for p in handbook.problems if p.code == "yaml-character"]
        if any(c not in "\x85" for c, _ in inserts):  # NEL is a line break in YAML
            assert refused and all(p.location.line is not None and p.location.column for p in refused)
