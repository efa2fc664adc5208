"""``export``: the tables and JSON of a handbook, and never over a file an export did not write."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from .interchange_helpers import REPO_HANDBOOK, run


def _table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_ownership_matrix_and_the_metrics_with_status(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", "csv", str(REPO_HANDBOOK), "--table", "ownership")
    assert (code, err) == (0, "")
    rows = {row["department_id"]: row for row in _table(out)}
    assert rows["advisers"]["open-current-account/purchase"] == "responsible"
    assert rows["bank-compliance"]["open-current-account/purchase"] == "contributing"
    assert rows["harbour-bank"]["open-current-account/purchase"] == ""
    code, out, _ = run(capsys, "export", "csv", str(REPO_HANDBOOK), "--table", "metrics")
    metrics = _table(out)
    assert {row["status"] for row in metrics} == {"met", "missed", "no data"}
    nps = next(r for r in metrics if r["journey_id"] == "broadband-installation" and r["metric"] == "nps"
               and not r["stage_id"])
    assert (nps["target"], nps["actual"], nps["period"], nps["status"]) == ("30", "12", "2026-Q3", "missed")


def test_xlsx_holds_one_sheet_per_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "handbook.xlsx"
    assert run(capsys, "export", "xlsx", str(REPO_HANDBOOK), "--out", str(target))[0] == 0
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["touchpoints", "ownership", "metrics"]
    header = [c.value for c in workbook["touchpoints"][1]]
    supported = [row[header.index("supported_by")] for row in workbook["touchpoints"].iter_rows(min_row=2,
                                                                                                values_only=True)]
    assert "account-opening/verify-identity" in supported  # a link stated on the step's side
    assert run(capsys, "export", "xlsx", str(REPO_HANDBOOK))[0] == 2  # xlsx needs --out


def test_json_is_the_resolved_handbook_with_stable_refs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "json", str(REPO_HANDBOOK))
    assert code == 0
    data = json.loads(out)
    journey = next(j for j in data["journeys"] if j["id"] == "open-current-account")
    assert journey["ref"] == "journey:open-current-account"
    stage = journey["stages"][0]
    touchpoint = stage["touchpoints"][0]
    assert stage["ref"] == f"journey:open-current-account/{stage['id']}"
    assert touchpoint["ref"] == f"journey:open-current-account/{touchpoint['id']}"
    assert touchpoint["owner"]  # inherited owners are filled in
    assert all({"ref", "metric", "status"} <= set(m) for m in journey["metrics"])
    identity = next(tp for s in journey["stages"] for tp in s["touchpoints"] if tp["id"] == "identity-check")
    assert "process:account-opening/verify-identity" in identity["supported_by"]
    assert {d["ref"] for d in data["departments"]} >= {"department:advisers"}
    assert run(capsys, "export", "json", str(REPO_HANDBOOK))[1] == out  # the same every time


def test_no_export_overwrites_a_file_it_did_not_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("notes.csv", "budget.xlsx", "data.json"):
        theirs = tmp_path / name
        theirs.write_text("someone's own work\n", encoding="utf-8")
        fmt = name.rsplit(".", 1)[1]
        code, _out, err = run(capsys, "export", fmt, str(REPO_HANDBOOK), "--out", str(theirs))
        assert code == 2 and "was not written by `mkdocs-journeys export`" in err
        assert theirs.read_text(encoding="utf-8") == "someone's own work\n"
    for fmt in ("csv", "xlsx", "json"):
        ours = tmp_path / f"export.{fmt}"
        assert run(capsys, "export", fmt, str(REPO_HANDBOOK), "--out", str(ours))[0] == 0
        assert run(capsys, "export", fmt, str(REPO_HANDBOOK), "--out", str(ours))[0] == 0  # its own: replaced
    ownership = tmp_path / "ownership.csv"
    assert run(capsys, "export", "csv", str(REPO_HANDBOOK), "--table", "ownership", "--out", str(ownership))[0] == 0
    assert run(capsys, "export", "csv", str(REPO_HANDBOOK), "--table", "ownership", "--out", str(ownership))[0] == 0


def test_an_invalid_handbook_is_not_exported(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # problems name files relative to the current folder
    (tmp_path / "j.yml").write_text("kind: journey\nid: j\ntitle: J\nowner: nobody\nstages: [{name: A}]\n",
                                    encoding="utf-8")
    code, out, err = run(capsys, "export", "json", str(tmp_path))
    assert code == 1 and out == ""
    assert err.startswith("j.yml:4:8: error: ") and "nothing exported" in err
    assert run(capsys, "export", "mermaid", str(tmp_path), "j")[0] == 1
    assert run(capsys, "export", "csv", "a", "b")[0] == 2
