"""``import csv|xlsx`` and ``export csv|xlsx``: one row per touchpoint, columns from the models, bad
rows with file:row, formulas never written, and an export that imports back to the same journeys."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
import yaml

from mkdocs_journeys.handbook import build_handbook
from mkdocs_journeys.interchange.columns import column_names, columns_markdown
from mkdocs_journeys.model import Touchpoint

from .interchange_helpers import REPO_HANDBOOK, passes_check, run

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
SHEET = """\
journey,stage,touchpoint,channel,owner,emotion,pain_points,moment_of_truth,personas,supported_by
Order a repair,Report,Books online,web,Service Desk,1,No evening slots; No reminder,,Busy tenant,
Order a repair,Report,Calls to book,phone,Service Desk,-1.5,,,Landlord,repairs/schedule
Order a repair,Visit,Engineer fixes it,home-visit,Field Team,2,,yes,,repairs/fix
"""


def _touchpoints(fragment: str) -> list[tuple[str, str, str, object, object, object]]:
    journeys = [d for d in yaml.safe_load_all(fragment) if d and d["kind"] == "journey"]
    return [(j["id"], s["id"], tp["id"], tp["name"], tp.get("channel"), tp.get("emotion"))
            for j in journeys for s in j["stages"] for tp in s.get("touchpoints", [])]


def test_the_columns_come_from_the_models_and_the_docs_list_them() -> None:
    names = column_names()
    assert names[:9] == ["journey", "journey_id", "journey_owner", "journey_personas", "stage", "stage_id",
                         "stage_owner", "touchpoint", "touchpoint_id"]
    assert set(Touchpoint.model_fields) - {"id", "name", "metrics"} <= set(names)
    assert columns_markdown() in DOCS.read_text(encoding="utf-8")


def test_a_hand_made_sheet_imports_into_a_fragment_that_passes_check(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sheet.csv").write_text(SHEET, encoding="utf-8")
    code, out, err = run(capsys, "import", "csv", str(tmp_path / "sheet.csv"))
    assert (code, err) == (0, "")
    passes_check(capsys, out, tmp_path / "handbook")
    docs = list(yaml.safe_load_all(out))
    assert {d["id"] for d in docs if d["kind"] == "department"} == {"owner-to-be-named", "service-desk",
                                                                      "field-team"}
    assert {d["id"] for d in docs if d["kind"] == "persona"} == {"busy-tenant", "landlord"}
    journey = docs[-1]
    assert journey["personas"] == ["busy-tenant", "landlord"]
    first = journey["stages"][0]["touchpoints"][0]
    assert first["pain_points"] == ["No evening slots", "No reminder"] and first["owner"] == "service-desk"
    assert journey["stages"][1]["touchpoints"][0]["moment_of_truth"] is True
    assert _touchpoints(out) == [("order-a-repair", "report", "books-online", "Books online", "web", 1),
                                 ("order-a-repair", "report", "calls-to-book", "Calls to book", "phone", -1.5),
                                 ("order-a-repair", "visit", "engineer-fixes-it", "Engineer fixes it", "home-visit", 2)]


def test_bad_rows_are_reported_with_file_and_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text("journey,stage,touchpoint,emotion,moment_of_truth,evidence\nJ,S,A,7,,\nJ,S,B,happy,maybe,\n"
                     "J,,C,,,guessed\n", encoding="utf-8")
    code, out, err = run(capsys, "import", "csv", str(sheet))
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"{sheet}:2: error: emotion: 7 is outside the handbook's scale (-2 to 2)",
        f"{sheet}:3: error: emotion: 'happy' is not a number",
        f"{sheet}:3: error: moment_of_truth: 'maybe' is not yes or no",
        f"{sheet}:4: error: evidence: 'guessed' is not one of observed, assumed, proposed",
        f"{sheet}:4: error: the row has no stage",
    ]
    sheet.write_text("journey,stage,stage_id,touchpoint\nJ,S,Stage One,A\n", encoding="utf-8")
    code, _, err = run(capsys, "import", "csv", str(sheet))
    assert (code, err) == (1, f"{sheet}:2: error: stage_id: 'Stage One' is not an id (lowercase letters, digits "
                              "and hyphens: 'stage-one'?)\n")
    sheet.write_text("journey,stage,touchpont\nJ,S,A\n", encoding="utf-8")
    code, _, err = run(capsys, "import", "csv", str(sheet))
    assert code == 1
    assert err.splitlines() == [f"{sheet}:1: error: unknown column 'touchpont' (did you mean 'touchpoint'?)",
                                f"{sheet}:1: error: the column 'touchpoint' is missing"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_template_is_an_empty_sheet_with_every_column(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          fmt: str) -> None:
    target = tmp_path / f"template.{fmt}"
    assert run(capsys, "import", fmt, "--template", str(target))[0] == 0
    if fmt == "csv":
        header = next(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    else:
        header = [c.value for c in openpyxl.load_workbook(target).worksheets[0][1]]
    assert header == column_names()
    assert run(capsys, "import", fmt, "--template", str(target))[0] == 2  # never over an existing file


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_back_to_the_same_touchpoints(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        fmt: str) -> None:
    target = tmp_path / f"handbook.{fmt}"
    code, _, err = run(capsys, "export", fmt, str(REPO_HANDBOOK), "--out", str(target))
    assert code == 0, err
    code, out, err = run(capsys, "import", fmt, str(target))
    assert (code, err) == (0, "")
    handbook = build_handbook(REPO_HANDBOOK)
    expected = [(j.id, s.id, tp.id, tp.name, tp.channel, None if tp.emotion is None else tp.emotion)
                for j in handbook.journeys.values() for s, tp in j.touchpoints()]
    assert _touchpoints(out) == expected
    back = {d["id"]: d for d in yaml.safe_load_all(out) if d["kind"] == "journey"}
    for journey in handbook.journeys.values():
        assert back[journey.id]["title"] == journey.title and back[journey.id]["owner"] == journey.owner
        owners = [tp.get("owner") for s in back[journey.id]["stages"] for tp in s["touchpoints"]]
        assert owners == [tp.owner for _, tp in journey.touchpoints()]
    passes_check(capsys, out, tmp_path / "again")


HOSTILE = {
    "d.yml": "kind: department\nid: d\nname: '=cmd|'' /C calc''!A0'\n",
    "j.yml": "kind: journey\nid: j\ntitle: '@SUM(1+1)'\nowner: d\nstages:\n  - name: '+stage'\n    touchpoints:\n"
             "      - {id: t, name: '=HYPERLINK(\"http://x.example\")', emotion: -1, doing: '-2+3',"
             " pain_points: ['=1+1']}\n",
}


def test_cells_that_would_be_formulas_are_written_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "hb"
    source.mkdir()
    for name, text in HOSTILE.items():
        (source / name).write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "export", "csv", str(source))
    assert code == 0
    row = dict(zip(*list(csv.reader(io.StringIO(out))), strict=True))
    assert row["journey"] == "'@SUM(1+1)" and row["stage"] == "'+stage"
    assert row["touchpoint"] == "'=HYPERLINK(\"http://x.example\")" and row["doing"] == "'-2+3"
    assert row["emotion"] == "-1"  # a number stays a number
    code, out, _ = run(capsys, "export", "csv", str(source), "--table", "ownership")
    assert "'=cmd|' /C calc'!A0" in out
    assert run(capsys, "export", "xlsx", str(source), "--out", str(tmp_path / "x.xlsx"))[0] == 0
    workbook = openpyxl.load_workbook(tmp_path / "x.xlsx")
    cells = [c for sheet in workbook.worksheets for r in sheet.iter_rows() for c in r if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert "'=HYPERLINK(\"http://x.example\")" in [c.value for c in cells]
    for fmt, path in (("csv", tmp_path / "back.csv"), ("xlsx", tmp_path / "x.xlsx")):
        if fmt == "csv":
            assert run(capsys, "export", "csv", str(source), "--out", str(path))[0] == 0
        code, out, _ = run(capsys, "import", fmt, str(path))
        journey = next(d for d in yaml.safe_load_all(out) if d["kind"] == "journey")
        assert journey["title"] == "@SUM(1+1)" and journey["stages"][0]["name"] == "+stage"
        assert journey["stages"][0]["touchpoints"][0]["doing"] == "-2+3"
        assert journey["stages"][0]["touchpoints"][0]["pain_points"] == ["=1+1"]
