"""``diff``: a corpus of edits to a small handbook, each asserting what the report says about it.

Each test writes the handbook twice (before and after one kind of edit) into a temporary folder,
runs ``mkdocs-journeys diff OLD NEW`` and reads the Markdown (or JSON) it prints.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_journeys.cli import main

from .sites import REPO

Data = dict[str, Any]

DEPARTMENTS: list[Data] = [
    {"kind": "department", "id": "marketing", "name": "Marketing"},
    {"kind": "department", "id": "sales", "name": "Sales"},
    {"kind": "department", "id": "support", "name": "Customer Support"},
]
PERSONAS: list[Data] = [
    {"kind": "persona", "id": "saver", "name": "Lewis, the saver", "channels": ["web", "phone", "branch"]},
    {"kind": "persona", "id": "parent", "name": "Priya, the busy parent", "channels": ["web", "email"]},
]
JOURNEY: Data = {
    "kind": "journey", "id": "signup", "title": "Signing up", "owner": "marketing", "personas": ["saver", "parent"],
    "goal": "Open an account", "tags": ["retail", "onboarding"],
    "metrics": {"nps": {"target": 40, "actual": 31}, "churn": {"target": "3%", "actual": "4.5%"}},
    "stages": [
        {"id": "research", "name": "Research", "owner": "marketing", "touchpoints": [
            {"id": "compare", "name": "Compares prices online", "channel": "web", "emotion": 1,
             "supported_by": ["kyc"]},
            {"id": "call", "name": "Calls the hotline", "channel": "phone", "emotion": -1, "owner": "support",
             "supported_by": ["kyc"]},
        ]},
        {"id": "buy", "name": "Buying", "owner": "sales", "touchpoints": [
            {"id": "sign", "name": "Signs the contract", "channel": "branch", "emotion": 0,
             "supported_by": ["kyc/check"], "metrics": {"duration": {"target": "45m", "actual": "1h"}}},
            {"id": "welcome", "name": "Receives a welcome email", "channel": "email", "emotion": 2,
             "supported_by": ["kyc"]},
        ]},
    ],
}
PROCESS: Data = {
    "kind": "process", "id": "kyc", "title": "Know your customer", "owner": "support",
    "steps": [
        {"id": "check", "name": "Checks the ID", "sla": "4h"},
        {"id": "approve", "name": "Approves the account", "owner": "sales"},
    ],
}


def base() -> dict[str, list[Data]]:
    """File (relative to the handbook) → its documents."""
    return copy.deepcopy({"departments.yml": DEPARTMENTS, "personas/saver.yml": [PERSONAS[0]],
                          "personas/parent.yml": [PERSONAS[1]], "journeys/signup.yml": [JOURNEY],
                          "processes/kyc.yml": [PROCESS]})


def write(folder: Path, files: dict[str, list[Data]]) -> Path:
    for name, documents in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump_all(documents, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


Edit = Callable[[dict[str, list[Data]]], None]


def journey(files: dict[str, list[Data]]) -> Data:
    return files["journeys/signup.yml"][0]


def touchpoint(files: dict[str, list[Data]], tp_id: str) -> Data:
    return next(t for s in journey(files)["stages"] for t in s["touchpoints"] if t["id"] == tp_id)


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths in reports are relative to the current folder, as in ``check``."""
    monkeypatch.chdir(tmp_path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def diff(tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: Edit, *extra: str) -> str:
    """The report of one edit of the small handbook (exit code 0)."""
    old = write(tmp_path / "old", base())
    files = base()
    edit(files)
    new = write(tmp_path / "new", files)
    code, out, err = run(capsys, str(old.relative_to(tmp_path)), str(new.relative_to(tmp_path)), *extra)
    assert code == 0, err
    return out


def summary_of(report: str) -> str:
    return report.splitlines()[2]


def rows(report: str) -> list[list[str]]:
    """The cells of every table row in the report."""
    return [[c.strip() for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])] for line in report.splitlines()
            if line.strip().startswith("|") and not line.strip().startswith("|---")]


# -- nothing, order only -----------------------------------------------------------------------------


def test_identical_handbooks_print_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert diff(tmp_path, capsys, lambda files: None) == "No changes to the handbook.\n"


def test_comments_and_layout_of_the_yaml_are_no_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write(tmp_path / "old", base())
    new = write(tmp_path / "new", base())
    text = (new / "journeys/signup.yml").read_text(encoding="utf-8")
    (new / "journeys/signup.yml").write_text("# reviewed in May\n" + text.replace("goal:", "goal:  "), encoding="utf-8")
    assert run(capsys, str(old), str(new))[1] == "No changes to the handbook.\n"


def test_reordering_only_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def reorder(files: dict[str, list[Data]]) -> None:
        journey(files)["personas"].reverse()
        journey(files)["tags"].reverse()
        touchpoint(files, "compare")["supported_by"] = ["kyc"]
        files["departments.yml"].reverse()
        files["journeys/renamed-file.yml"] = files.pop("journeys/signup.yml")

    out = diff(tmp_path, capsys, reorder)
    assert summary_of(out) == ("The content is unchanged: only the order of definitions or list items, "
                               "or their files, changed.")
    assert "### Journeys" not in out and "### Departments" not in out and "### Findings" not in out
    order = out[out.index("### Order"):]
    assert "- journey 'Signing up' › personas: saver, parent → parent, saver" in order
    assert "- journey 'Signing up' › tags: retail, onboarding → onboarding, retail" in order
    assert "- the file of journey 'Signing up': journeys/signup.yml → journeys/renamed-file.yml" in order
    assert ("- order of the definitions in departments.yml: department 'Marketing', department 'Sales', "
            "department 'Customer Support' → department 'Customer Support', department 'Sales', "
            "department 'Marketing'") in order


def test_the_order_of_stages_and_touchpoints_is_a_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def reorder(files: dict[str, list[Data]]) -> None:
        journey(files)["stages"].reverse()
        journey(files)["stages"][0]["touchpoints"].reverse()

    out = diff(tmp_path, capsys, reorder)
    assert summary_of(out).startswith("1 journey changed")
    assert ["order of stages", "Research, Buying", "Buying, Research"] in rows(out)
    assert ["stage 'Buying' › order of touchpoints", "Signs the contract, Receives a welcome email",
            "Receives a welcome email, Signs the contract"] in rows(out)


# -- fields --------------------------------------------------------------------------------------------


def test_field_edits_of_a_journey_its_stages_and_touchpoints(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        journey(files)["goal"] = "Open an account in one visit"
        journey(files)["personas"] = ["saver"]
        journey(files)["stages"][1]["name"] = "Purchase"
        touchpoint(files, "welcome")["channel"] = "mobile-app"
        touchpoint(files, "call")["pain_points"] = ["Long wait", "Nobody knows the answer"]
        touchpoint(files, "sign")["moment_of_truth"] = True
        touchpoint(files, "sign")["supported_by"] = ["kyc/check", "kyc/approve"]

    out = diff(tmp_path, capsys, edit)
    assert summary_of(out) == "1 journey changed; findings: 1 introduced."
    table = rows(out)
    assert ["goal", "Open an account", "Open an account in one visit"] in table
    assert ["personas", "− parent", "—"] in table
    assert ["stage 'Purchase' › name", "Buying", "Purchase"] in table
    assert ["touchpoint 'Receives a welcome email' › channel", "email", "mobile-app"] in table
    assert ["touchpoint 'Calls the hotline' › pain_points", "—", "+ Long wait, + Nobody knows the answer"] \
        in table
    assert ["touchpoint 'Signs the contract' › moment_of_truth", "no", "yes"] in table
    assert ["touchpoint 'Signs the contract' › supported_by", "—", "+ kyc/approve"] in table


def test_field_edits_of_a_process_and_its_steps(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        steps = files["processes/kyc.yml"][0]["steps"]
        steps[0]["sla"] = "2d"
        steps[0]["decision"] = "Is the ID valid?"
        steps[0]["branches"] = [{"when": "valid", "next": "approve"}, {"when": "invalid", "next": []}]
        steps[1]["supports"] = ["signup/welcome"]

    out = diff(tmp_path, capsys, edit)
    assert summary_of(out).startswith("1 process changed")
    table = rows(out)
    assert ["step 'Checks the ID' › sla", "4h", "2d ▲"] in table
    assert ["step 'Checks the ID' › decision", "—", "Is the ID valid?"] in table
    assert ["step 'Checks the ID' › branches", "—", "+ if valid → approve, + if invalid → end"] in table
    assert ["step 'Approves the account' › supports", "—", "+ signup/welcome"] in table


def test_long_text_is_shortened_around_the_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long = "The customer reads every line of the terms and conditions, twice, with a pen in hand, " * 3

    def before(files: dict[str, list[Data]]) -> None:
        touchpoint(files, "sign")["doing"] = long + "then signs."

    old = write(tmp_path / "old", base())
    files = base()
    before(files)
    old = write(tmp_path / "old", files)
    touchpoint(files, "sign")["doing"] = long + "then refuses to sign."
    new = write(tmp_path / "new", files)
    out = run(capsys, str(old), str(new))[1]
    row = next(r for r in rows(out) if r[0].endswith("doing"))
    assert row[1].startswith("…") and row[1].endswith("then signs.")
    assert row[2].startswith("…") and row[2].endswith("then refuses to sign.")
    assert all(len(cell) < 200 for cell in row)


def test_a_touchpoint_moved_to_another_stage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def move(files: dict[str, list[Data]]) -> None:
        stages = journey(files)["stages"]
        stages[1]["touchpoints"].insert(0, stages[0]["touchpoints"].pop(0))

    out = diff(tmp_path, capsys, move)
    assert ["touchpoint 'Compares prices online' › stage", "Research", "Buying"] in rows(out)
    assert "removed" not in out and "added" not in out
    # it inherits its stage's owner: it moves from Marketing to Sales
    assert "- **Sales** gains 1: Signing up: touchpoint 'Compares prices online'" in out


def test_parts_added_and_removed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        journey(files)["stages"][0]["touchpoints"].pop(0)
        journey(files)["stages"].append({"id": "use", "name": "Everyday use", "touchpoints": [
            {"id": "pays", "name": "Pays by card", "channel": "card", "emotion": 1}]})
        files["processes/kyc.yml"][0]["steps"].append({"id": "archive", "name": "Archives the file"})

    out = diff(tmp_path, capsys, edit)
    table = rows(out)
    assert ["touchpoint 'Compares prices online'", "removed", "—"] in table
    assert ["stage 'Everyday use'", "—", "added"] in table
    assert ["touchpoint 'Pays by card'", "—", "added"] in table
    assert ["step 'Archives the file'", "—", "added"] in table
    assert summary_of(out).startswith("1 journey changed, 1 process changed")


# -- the emotion curve ---------------------------------------------------------------------------------


def test_an_emotion_change_with_a_new_lowest_point(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        touchpoint(files, "sign")["emotion"] = -2

    out = diff(tmp_path, capsys, edit)
    assert "lowest point of 'Signing up' worse" in summary_of(out)
    assert ["touchpoint 'Signs the contract' › emotion", "0", "-2 ▼"] in rows(out)
    curve = out[out.index("### Emotion curve"):]
    assert "- **Signing up**\n" in curve
    assert "  - lowest point worse: -1 at 'Calls the hotline' → -2 at 'Signs the contract'" in curve
    assert "  - Signs the contract: 0 → -2 ▼" in curve
    findings = out[out.index("### Findings"):]
    assert "- introduced: `lowest-point` 'Signs the contract' is the journey's lowest point" in findings
    assert "- resolved: `lowest-point` 'Calls the hotline' is the journey's lowest point" in findings


def test_a_better_highest_point_and_a_tie(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        touchpoint(files, "compare")["emotion"] = 2  # reaches the highest point too
        touchpoint(files, "call")["emotion"] = 0  # the lowest point gets better

    out = diff(tmp_path, capsys, edit)
    curve = out[out.index("### Emotion curve"):]
    assert "highest point moved: +2 at 'Receives a welcome email' → +2 at 'Compares prices online', " \
           "'Receives a welcome email'" in curve
    assert "lowest point better: -1 at 'Calls the hotline' → 0 at 'Calls the hotline', 'Signs the contract'" in curve
    assert "  - Compares prices online: +1 → +2 ▲" in curve
    assert "lowest point of 'Signing up' better; highest point of 'Signing up' moved" in summary_of(out)


# -- owners ----------------------------------------------------------------------------------------------


def test_an_ownership_move_carries_the_inherited_owners(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        journey(files)["stages"][1]["owner"] = "support"
        files["processes/kyc.yml"][0]["owner"] = "marketing"

    out = diff(tmp_path, capsys, edit)
    assert "5 ownership moves" in summary_of(out)
    table = rows(out)
    assert ["stage 'Buying' › owner", "Sales", "Customer Support"] in table  # as written
    assert ["the process › owner", "Customer Support", "Marketing"] not in table
    assert ["owner", "Customer Support", "Marketing"] in table
    moves = out[out.index("### Ownership moves"):]
    assert "| **Signing up** › stage 'Buying' | Sales | Customer Support |" in moves
    assert "| **Signing up** › touchpoint 'Signs the contract' | Sales | Customer Support |" in moves
    assert "| **Know your customer** › step 'Checks the ID' | Customer Support | Marketing |" in moves
    assert "Calls the hotline" not in moves and "Approves the account" not in moves  # owners of their own
    assert ("- **Customer Support** gains 3: Signing up: stage 'Buying', touchpoint 'Signs the contract', "
            "touchpoint 'Receives a welcome email'") in moves
    assert "| **Know your customer** › the process | Customer Support | Marketing |" in moves
    assert "- **Customer Support** loses 2: Know your customer: the process, step 'Checks the ID'" in moves
    assert "- **Sales** loses 3: Signing up: stage 'Buying'" in moves


def test_a_renamed_department_moves_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        files["departments.yml"][1].update(id="sales-team", name="Sales team")
        journey(files)["stages"][1]["owner"] = "sales-team"
        files["processes/kyc.yml"][0]["steps"][1]["owner"] = "sales-team"

    out = diff(tmp_path, capsys, edit)
    assert summary_of(out) == "1 department changed, 1 department renamed."
    assert "- **Sales team** (renamed: `sales` → `sales-team`)" in out
    assert ["name", "Sales", "Sales team"] in rows(out)
    assert "### Ownership moves" not in out and "### Journeys" not in out


# -- metrics ---------------------------------------------------------------------------------------------


def test_metric_targets_actuals_and_statuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        metrics = journey(files)["metrics"]
        metrics["nps"]["target"] = 30  # missed → met
        metrics["churn"]["actual"] = "5%"  # still missed
        metrics["csat"] = {"target": "80%"}  # new, no data
        touchpoint(files, "sign")["metrics"]["duration"]["actual"] = "40m"  # missed → met

    out = diff(tmp_path, capsys, edit)
    assert "1 journey changed; 2 metric statuses changed;" in summary_of(out)
    table = out[out.index("### Metrics"):]
    assert "| **Signing up** › the journey | Net Promoter Score | 40 → 30 ▼ | 31 | missed → **met** |" in table
    assert "| **Signing up** › the journey | Churn rate | 3% | 4.5% → 5% ▲ worse | missed |" in table
    assert "| **Signing up** › the journey | Customer satisfaction | — → 80% | — | — → **no data** |" in table
    assert ("| **Signing up** › touchpoint 'Signs the contract' | Time to complete | 45m | 1h → 40m ▼ better "
            "| missed → **met** |") in table
    findings = out[out.index("### Findings"):]
    assert "- resolved: `missed-target` Net Promoter Score of the journey is 31" in findings
    assert "- reworded: `missed-target` Churn rate of the journey is 4.5%" in findings
    assert "- introduced: `metric-without-actual`" in findings


def test_a_custom_metric_definition(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    metric = {"kind": "metric", "id": "fcr", "name": "First-contact resolution", "unit": "%", "better": "higher"}

    def edit(files: dict[str, list[Data]]) -> None:
        files["metrics.yml"] = [{**metric, "better": "lower"}]

    old_files = base()
    old_files["metrics.yml"] = [metric]
    journey(old_files)["metrics"]["fcr"] = {"target": "80%", "actual": "72%"}
    old = write(tmp_path / "old", old_files)
    new_files = copy.deepcopy(old_files)
    edit(new_files)
    new = write(tmp_path / "new", new_files)
    out = run(capsys, str(old), str(new))[1]
    assert "1 journey changed, 1 metric changed; 1 metric status changed" in summary_of(out)
    assert ["better", "higher", "lower"] in rows(out)
    assert ("| **Signing up** › the journey | First-contact resolution | 80% | 72% | missed → **met** "
            "| better: higher → lower |") in out


# -- definitions added, removed, renamed ------------------------------------------------------------------


def test_added_and_removed_definitions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        files["personas/owl.yml"] = [{"kind": "persona", "id": "owl", "name": "Olu, who banks at night"}]
        del files["personas/parent.yml"]
        journey(files)["personas"] = ["saver"]
        files["departments.yml"].append({"kind": "department", "id": "risk", "name": "Risk", "parent": "sales"})

    out = diff(tmp_path, capsys, edit)
    assert summary_of(out) == "1 journey changed, 1 persona added, 1 persona removed, 1 department added."
    assert "- added: **Olu, who banks at night** (`owl`)" in out
    assert "- removed: **Priya, the busy parent** (`parent`)" in out
    assert "- added: **Risk** (`risk`)" in out


def test_a_changed_id_is_a_rename(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        files["processes/kyc.yml"][0]["id"] = "identity-check"
        for _, tp in [(s, t) for s in journey(files)["stages"] for t in s["touchpoints"]]:
            tp["supported_by"] = [ref.replace("kyc", "identity-check") for ref in tp["supported_by"]]

    out = diff(tmp_path, capsys, edit)
    assert summary_of(out) == "1 process renamed."
    assert "- **Know your customer** (renamed: `kyc` → `identity-check`)" in out
    assert "added" not in out and "removed" not in out
    assert "### Journeys" not in out  # the references follow the rename: no change to report
    assert "### Findings" not in out


def test_a_renamed_touchpoint_and_a_renamed_journey(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        journey(files)["id"] = "sign-up"
        tp = touchpoint(files, "compare")
        tp["id"] = "compares-prices-and-fees"
        tp["name"] = "Compares prices and fees online"

    out = diff(tmp_path, capsys, edit)
    assert summary_of(out) == "1 journey changed, 1 journey renamed."
    assert "- **Signing up** (renamed: `signup` → `sign-up`)" in out
    table = rows(out)
    assert ["touchpoint 'Compares prices and fees online' › id", "compare", "compares-prices-and-fees"] in table
    assert ["touchpoint 'Compares prices and fees online' › name", "Compares prices online",
            "Compares prices and fees online"] in table
    assert "### Findings" not in out  # the same findings, under the new ids


def test_different_definitions_are_not_a_rename(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        files["personas/parent.yml"] = [{"kind": "persona", "id": "student", "name": "Sam, the student",
                                         "channels": ["mobile-app"]}]
        journey(files)["personas"] = ["saver", "student"]

    out = diff(tmp_path, capsys, edit)
    assert "- added: **Sam, the student** (`student`)" in out
    assert "- removed: **Priya, the busy parent** (`parent`)" in out
    assert ["personas", "− parent", "+ student"] in rows(out)


# -- findings, errors ------------------------------------------------------------------------------------


def test_findings_introduced_and_resolved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        touchpoint(files, "welcome")["supported_by"] = []  # nothing supports it any more
        journey(files)["metrics"]["churn"]["actual"] = "2%"  # the target is met

    out = diff(tmp_path, capsys, edit)
    assert "findings: 1 introduced, 1 resolved." in summary_of(out)
    findings = out[out.index("### Findings"):]
    assert re.search(r"- introduced: `unsupported-touchpoint` no process supports 'Receives a welcome email' "
                     r"\(new/journeys/signup\.yml:\d+:\d+\)", findings)
    assert "- resolved: `missed-target` Churn rate of the journey is 4.5% against a target of 3%" in findings


def test_a_finding_reworded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        journey(files)["metrics"]["churn"]["actual"] = "5%"  # still missed, by more

    out = diff(tmp_path, capsys, edit)
    assert ("- reworded: `missed-target` Churn rate of the journey is 4.5% against a target of 3% → "
            "Churn rate of the journey is 5% against a target of 3%") in out
    assert "findings: 1 reworded" in summary_of(out)


def test_a_change_that_breaks_a_definition_still_compares_the_rest(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        touchpoint(files, "sign")["emotion"] = -3  # outside the scale: the journey is left out
        files["personas/saver.yml"][0]["name"] = "Lewis, the careful saver"

    out = diff(tmp_path, capsys, edit)
    assert summary_of(out) == "1 persona changed; 1 definition made invalid; errors: 0 → 1."
    assert ["name", "Lewis, the saver", "Lewis, the careful saver"] in rows(out)
    assert "removed" not in out and "### Findings" not in out  # not removed: invalid, and its findings wait
    errors = out[out.index("### Errors"):]
    assert "The new handbook has 1 error (before: 0)." in errors
    assert "- made invalid: journey `signup`: emotion: -3 is outside the handbook's scale" in errors
    assert re.search(r"- new: new/journeys/signup\.yml:\d+:\d+: emotion: -3 is outside", errors)


def test_a_fix_makes_a_definition_valid_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = base()
    touchpoint(files, "sign")["emotion"] = -3
    old = write(tmp_path / "old", files)
    new = write(tmp_path / "new", base())
    code, out, _ = run(capsys, str(old), str(new))
    assert code == 0
    assert "1 definition valid again; errors: 1 → 0." in summary_of(out)
    assert "- valid again: **Signing up** (`signup`)" in out
    assert "- fixed: old/journeys/signup.yml" in out
    assert "- added" not in out


# -- escaping, links, JSON -------------------------------------------------------------------------------


def test_hostile_names_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = "Sign | up <script>alert(1)</script> *now* [x](javascript:y)"

    def edit(files: dict[str, list[Data]]) -> None:
        journey(files)["title"] = hostile
        touchpoint(files, "sign")["name"] = "Signs | here\n\n# and there"
        files["departments.yml"][2]["name"] = "Support | <b>desk</b>"
        journey(files)["stages"][1]["owner"] = "support"
        files["personas/bad.yml"] = [{"kind": "persona", "id": "x|<i>`y`</i>", "name": "Bad"}]

    out = diff(tmp_path, capsys, edit)
    assert not re.search(r"(?<!\\)<(script|b|i)>", out) and not re.search(r"(?<!\\)\]\(javascript", out)
    assert "\\<script\\>alert(1)\\</script\\>" in out
    for row in rows(out):
        if len(row) != 3:  # every table has three columns
            assert len(row) == 5 and row[1] in ("Metric", "Net Promoter Score"), row
    assert ["title", "Signing up",
            "Sign \\| up \\<script\\>alert(1)\\</script\\> \\*now\\* \\[x\\](javascript:y)"] in rows(out)
    assert "Signs \\| here # and there" in out  # one line: the # is mid-line, no heading
    assert "| Sales | Support \\| \\<b\\>desk\\</b\\> |" in out
    assert "- made invalid: persona x\\|\\<i\\>\\`y\\`\\</i\\>: " in out  # not a code span


def test_links_to_the_published_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(yaml.safe_dump({"site_name": "x", "site_url": "https://cx.example.org/docs/",
                                      "plugins": [{"journeys": {"output": "cx"}}]}), encoding="utf-8")

    def edit(files: dict[str, list[Data]]) -> None:
        touchpoint(files, "sign")["emotion"] = 1
        del files["personas/parent.yml"]
        journey(files)["personas"] = ["saver"]
        files["personas/owl.yml"] = [{"kind": "persona", "id": "owl", "name": "Olu"}]

    out = diff(tmp_path, capsys, edit, "--config", str(config))
    page = "https://cx.example.org/docs/cx/journeys/signup/"
    assert f"- [**Signing up**]({page}) (`signup`)" in out
    assert f"| [touchpoint 'Signs the contract']({page}#touchpoint-sign) › emotion | 0 | 1 ▲ |" in out
    assert "- removed: [**Priya, the busy parent**](https://cx.example.org/docs/cx/personas/parent/)" in out
    assert "- added: **Olu** (`owl`)" in out  # not published yet: no link
    config.write_text(yaml.safe_dump({"site_name": "x", "use_directory_urls": False,
                                      "plugins": [{"journeys": {"site_url": "https://h.example.org"}}]}),
                      encoding="utf-8")
    out = run(capsys, str(tmp_path / "old"), str(tmp_path / "new"), "--config", str(config))[1]
    assert "(https://h.example.org/handbook/journeys/signup.html#touchpoint-sign)" in out


def test_no_links_without_a_site_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = diff(tmp_path, capsys, lambda files: touchpoint(files, "sign").update(emotion=1))
    assert "](" not in out


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(files: dict[str, list[Data]]) -> None:
        journey(files)["metrics"]["nps"]["actual"] = 45
        journey(files)["goal"] = "Open an account today"

    out = diff(tmp_path, capsys, edit, "--format", "json")
    report = json.loads(out)
    assert report["summary"] == "1 journey changed; 1 metric status changed; findings: 1 resolved."
    assert report["content_changed"] is True and report["order_only"] is False
    (nps,) = report["metrics"]
    assert nps["metric"] == "nps" and nps["actual"] == ["31", "45"] and nps["status"] == ["missed", "met"]
    (journey_changes,) = report["changed"]
    assert journey_changes["entity"]["id"] == "signup"
    assert {"part": "", "field": "goal", "before": "Open an account", "after": "Open an account today"}.items() \
        <= journey_changes["changes"][0].items()
    assert report["findings_resolved"][0]["code"] == "missed-target"


def test_json_of_identical_handbooks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = json.loads(diff(tmp_path, capsys, lambda files: None, "--format", "json"))
    assert report["summary"] == "No changes to the handbook." and report["content_changed"] is False


# -- the command line ------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [[], ["only-one"], ["a", "b", "c"], ["--git", "HEAD", "a", "b"],
                                  ["a", "b", "--source", "x"], ["--format", "html", "a", "b"]])
def test_bad_usage_exits_2_with_one_line(args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert "Traceback" not in err and err.strip()


def test_a_missing_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "old", base())
    code, _, err = run(capsys, str(tmp_path / "old"), str(tmp_path / "nowhere"))
    assert code == 2
    assert err.strip().splitlines() == [f"mkdocs-journeys: error: the handbook folder '{tmp_path / 'nowhere'}' "
                                        "does not exist"]


# -- git revisions ---------------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=repo,
                            capture_output=True, text=True, check=True)
    return result.stdout


def test_diff_between_git_revisions_and_the_work_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - journeys:\n      source: handbook\n",
                                     encoding="utf-8")
    write(repo / "handbook", base())
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    files = base()
    journey(files)["owner"] = "sales"
    write(repo / "handbook", files)
    git(repo, "commit", "-q", "-am", "second")
    uncommitted = copy.deepcopy(files)
    files["personas/saver.yml"][0]["name"] = "Lewis, work in progress"
    write(repo / "handbook", files)
    status = git(repo, "status", "--porcelain")
    monkeypatch.chdir(repo)

    code, out, err = run(capsys, "--git", "HEAD~1", "HEAD")
    assert code == 0, err
    assert summary_of(out) == "1 journey changed; 1 ownership move."
    assert "| **Signing up** › the journey | Marketing | Sales |" in out
    assert "work in progress" not in out

    code, out, _ = run(capsys, "--git", "HEAD~1")  # HEAD left out: the work tree, uncommitted edits too
    assert code == 0
    assert summary_of(out) == "1 journey changed, 1 persona changed; 1 ownership move."
    assert ["name", "Lewis, the saver", "Lewis, work in progress"] in rows(out)

    assert run(capsys, "--git", "HEAD", "HEAD")[1] == "No changes to the handbook.\n"
    assert run(capsys, "--git", "HEAD~1", "HEAD", "--source", "handbook")[0] == 0

    # the work tree, the index and the branch are as they were
    assert git(repo, "status", "--porcelain") == status
    assert yaml.safe_load((repo / "handbook/personas/saver.yml").read_text(encoding="utf-8"))["name"] == \
        "Lewis, work in progress"
    assert uncommitted != files

    code, out, err = run(capsys, "--git", "no-such-revision")
    assert code == 2 and out == ""
    assert err.splitlines() == [f"mkdocs-journeys: error: git: 'no-such-revision' is not a revision of the "
                                f"repository at '{repo.resolve()}'"]


def test_git_errors_from_a_broken_handbook_name_the_files_in_the_repository(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo / "journeys", base())
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    files = base()
    touchpoint(files, "sign")["emotion"] = 9
    write(repo / "journeys", files)
    git(repo, "commit", "-q", "-am", "broken")
    monkeypatch.chdir(repo)
    code, out, _ = run(capsys, "--git", "HEAD~1", "HEAD")
    assert code == 0
    assert re.search(r"- new: journeys/journeys/signup\.yml:\d+:\d+: emotion: 9 is outside", out)


def test_git_outside_a_repository_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "journeys", base())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, _, err = run(capsys, "--git", "HEAD")
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("mkdocs-journeys: error: git: ")


def test_a_handbook_new_at_head_is_all_added(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "README.md").write_text("hello\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    write(repo / "journeys", base())
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "handbook")
    monkeypatch.chdir(repo)
    code, out, _ = run(capsys, "--git", "HEAD~1", "HEAD")
    assert code == 0
    assert summary_of(out).startswith("1 journey added, 2 personas added, 1 process added, 3 departments added")


# -- the workflow to copy ---------------------------------------------------------------------------------


ALLOWED_COMMANDS = {"mkdocs-journeys", "mkdocs", "pip", "gh", "python"}


def test_the_workflow_is_valid_and_uses_only_the_projects_commands() -> None:
    workflow = yaml.safe_load((REPO / "docs/github-workflow.yml").read_text(encoding="utf-8"))
    assert isinstance(workflow, dict)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers is not None and "pull_request" in triggers
    assert workflow["jobs"]
    runs: list[str] = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                assert step["uses"].split("@")[0] in {"actions/checkout", "actions/setup-python"}, step
                if step["uses"].startswith("actions/checkout"):
                    assert step["with"]["fetch-depth"] == 0
                continue
            for line in step["run"].splitlines():
                if line.strip():
                    assert line.split()[0] in ALLOWED_COMMANDS, line
                    runs.append(line)
    script = "\n".join(runs)
    assert "mkdocs-journeys check --format github" in script
    assert "mkdocs build --strict" in script
    assert re.search(r"mkdocs-journeys diff --git \"?origin/\$\{\{ github\.base_ref \}\}\"? HEAD > \S+\.md", script)
    assert "gh pr comment" in script
