"""``diff``: a corpus of edits to the example handbook, each asserting what the report says."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from mkdocs_journeys.cli import main

from .sites import REPO, example_handbook

JOURNEY = "journeys/open-current-account.yml"
PROCESS = "processes/account-onboarding.yml"


def edited(tmp_path: Path, edits: dict[str, Callable[[str], str]], name: str = "new") -> Path:
    target = tmp_path / name
    shutil.copytree(example_handbook(), target)
    for rel, edit in edits.items():
        path = target / rel
        path.write_text(edit(path.read_text(encoding="utf-8") if path.exists() else ""), encoding="utf-8")
    return target


def diff(tmp_path: Path, edits: dict[str, Callable[[str], str]], capsys: pytest.CaptureFixture[str],
         *extra: str) -> str:
    old = edited(tmp_path, {}, "old")
    new = edited(tmp_path, edits)
    assert main(["diff", str(old), str(new), *extra]) == 0
    return capsys.readouterr().out


def replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return edit


def test_identical_handbooks_print_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert diff(tmp_path, {}, capsys) == "No changes to the handbook.\n"


def test_a_field_edit_and_an_emotion_that_ties_the_lowest_point(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = diff(tmp_path, {JOURNEY: lambda t: t.replace("Open an account and make the first deposit",
                                                       "Open an account in one visit")
                          .replace("        emotion: 0\n", "        emotion: -2\n", 1)}, capsys)
    assert out.startswith("## Handbook changes\n\n1 journey changed; findings: ")
    assert "| goal | Open an account and make the first deposit | Open an account in one visit |" in out
    assert "| stage 'Purchase' › touchpoint 'Shows an identity document' › emotion | 0 | &#45;2 ▼ |" in out
    assert "- new `lowest-point` 'Shows an identity document' is the journey's lowest point" in out
    assert "### Emotion curve" not in out  # the lowest value is unchanged: -2 before and after


def test_lowest_point_worse_and_emotion_direction(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = diff(tmp_path, {JOURNEY: replace("        emotion: -1\n", "        emotion: -2\n")}, capsys)
    assert "› emotion | &#45;1 | &#45;2 ▼ |" in out
    curve = tmp_path / "curve"
    out = diff(curve, {JOURNEY: replace("        emotion: -2\n", "        emotion: -1.5\n")}, capsys)
    assert "the lowest point of 'Opening a current account' is better&#58; -2 → -1.5" in out


def test_an_ownership_move(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = diff(tmp_path, {JOURNEY: replace("  - id: purchase\n    name: Purchase\n    owner: sales",
                                           "  - id: purchase\n    name: Purchase\n    owner: customer-support")},
               capsys)
    moves = out[out.index("### Ownership moves"):]
    assert "| **Opening a current account**: stage 'Purchase' | Sales | Customer Support |" in moves
    # touchpoints inheriting the stage's owner move with it; the one with its own owner stays
    assert "touchpoint 'Shows an identity document' | Sales | Customer Support |" in moves
    assert "Checks in at the branch kiosk" not in moves
    assert "Net: Customer Support +3, Sales -3." in moves
    assert "3 ownership moves" in out.splitlines()[2]


def test_metric_targets_actuals_and_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = diff(tmp_path, {JOURNEY: replace("nps: {target: 40, actual: 31", "nps: {target: 30, actual: 31")}, capsys)
    assert "| metrics › nps › target | 40 | 30 ▼ |" in out
    assert "the journey: Net Promoter Score missed → **met**" in out
    assert "- resolved `missed-target` Net Promoter Score of the journey is 31" in out


def test_added_and_removed_definitions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    persona = "kind: persona\nid: night-owl\nname: Olu, who banks at night\nchannels: [mobile-app]\n"
    old = edited(tmp_path, {}, "old")
    new = edited(tmp_path, {"personas/night-owl.yml": lambda _: persona})
    (new / "personas/busy-parent.yml").unlink()
    (new / JOURNEY).write_text((new / JOURNEY).read_text(encoding="utf-8").replace(
        "personas: [first-time-saver, busy-parent]", "personas: [first-time-saver]"), encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "1 journey changed; 1 persona added; 1 persona removed." in out
    assert "- **added** **Olu, who banks at night** (`night-owl`)" in out
    assert "- **removed** **Priya, the busy parent** (`busy-parent`)" in out
    assert "| personas | first-time-saver, busy-parent | first-time-saver |" in out


def test_a_changed_id_is_a_rename(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = diff(tmp_path, {PROCESS: replace("id: account-onboarding", "id: onboarding"),
                          JOURNEY: lambda t: t.replace("account-onboarding/", "onboarding/")}, capsys)
    assert "renamed from `account-onboarding` to `onboarding`" in out
    assert "removed" not in out and "added" not in out
    assert "| stage 'Purchase' › touchpoint 'Shows an identity document' › supported&#95;by |" in out
    assert "1 journey changed; 1 process renamed." in out


def test_reordering_only_is_said_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def swap_personas(text: str) -> str:
        return text.replace("personas: [first-time-saver, busy-parent]", "personas: [busy-parent, first-time-saver]")

    assert diff(tmp_path, {JOURNEY: swap_personas}, capsys) == "No changes to the handbook.\n"
    documents = (example_handbook() / "departments.yml").read_text(encoding="utf-8").split("\n---\n")
    moved = tmp_path / "files-moved"
    out = diff(moved, {"departments.yml": lambda _: "\n---\n".join(reversed(documents))}, capsys)
    assert out == "No changes to the handbook.\n"
    touchpoints = tmp_path / "touchpoints"

    def swap_touchpoints(text: str) -> str:
        first = text.index("      - id: kiosk-check-in")
        second = text.index("      - id: upload-id")
        third = text.index("      - id: signs-contract")
        return text[:first] + text[second:third] + text[first:second] + text[third:]

    out = diff(touchpoints, {JOURNEY: swap_touchpoints}, capsys)
    assert "### Journeys" not in out  # no field changed...
    assert "journey 'Opening a current account'&#58; stage 'Purchase' › touchpoints&#58; order changed" in out
    assert "### Findings" in out  # ...but the customer now meets the touchpoints in another order


def test_a_change_that_breaks_a_definition(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = diff(tmp_path, {JOURNEY: replace("        emotion: -2\n", "        emotion: -3\n")}, capsys)
    assert "1 definition invalid" in out and "removed" not in out
    assert "- journey `open-current-account`: emotion&#58; -3 is outside the handbook's scale" in out


def test_hostile_text_is_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = diff(tmp_path, {JOURNEY: replace("title: Opening a current account",
                                           "title: 'Opening | <script>alert(1)</script>'")}, capsys)
    assert "<script>" not in out
    assert "| title | Opening a current account | Opening &#124; &#60;script&#62;alert&#40;1&#41;" in out


def test_links_to_the_published_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(yaml.safe_dump({"site_name": "x", "site_url": "https://handbook.example.org/",
                                      "plugins": [{"journeys": {"output": "cx"}}]}), encoding="utf-8")
    out = diff(tmp_path, {JOURNEY: replace("        emotion: -1\n", "        emotion: 0\n")}, capsys,
               "--config", str(config))
    assert "[**Opening a current account**](https://handbook.example.org/cx/journeys/open-current-account/)" in out
    assert "(https://handbook.example.org/cx/journeys/open-current-account/#touchpoint-compares-products-online)" in out


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = diff(tmp_path, {JOURNEY: replace("nps: {target: 40, actual: 31", "nps: {target: 40, actual: 45")}, capsys,
               "--format", "json")
    report = json.loads(out)
    assert report["statuses"][0]["before"] == "missed" and report["statuses"][0]["after"] == "met"
    assert report["changed"][0]["changes"][0]["where"] == "metrics › nps › actual"


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args], cwd=repo,
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_diff_between_git_revisions_leaves_the_work_tree_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copytree(example_handbook(), repo / "journeys")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "first")
    journey = repo / "journeys" / JOURNEY
    journey.write_text(journey.read_text(encoding="utf-8").replace("owner: retail-banking", "owner: sales", 1),
                       encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "second")
    journey.write_text("uncommitted: work in progress\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert main(["diff", "--git", "HEAD~1"]) == 0
    out = capsys.readouterr().out
    assert "| **Opening a current account**: the journey | Retail Banking | Sales |" in out
    assert journey.read_text(encoding="utf-8") == "uncommitted: work in progress\n"
    assert main(["diff", "--git", "HEAD", "HEAD"]) == 0
    assert capsys.readouterr().out == "No changes to the handbook.\n"
    assert main(["diff", "--git", "no-such-revision"]) == 2
    assert "mkdocs-journeys: error: git:" in capsys.readouterr().err
    assert main(["diff", "--git", "HEAD~1", "--source", "journeys"]) == 0


def test_the_workflow_is_valid_and_uses_only_the_projects_commands() -> None:
    workflow = yaml.safe_load((REPO / "docs/github-workflow.yml").read_text(encoding="utf-8"))
    assert True in workflow or "on" in workflow  # YAML 1.1 reads `on` as true
    steps = workflow["jobs"]["handbook"]["steps"]
    assert all(set(step) <= {"name", "uses", "with", "run", "if", "env"} for step in steps)
    uses = {step["uses"].split("@")[0] for step in steps if "uses" in step}
    assert uses == {"actions/checkout", "actions/setup-python"}
    runs = " ".join(step["run"] for step in steps if "run" in step)
    assert "mkdocs-journeys check --format github" in runs and "mkdocs build --strict" in runs
    assert "mkdocs-journeys diff --git" in runs
    for step in steps:
        if "run" in step:
            assert step["run"].split()[0] in {"python", "mkdocs-journeys", "mkdocs", "gh"}, step["run"]
