"""``check`` also checks the entity links and embeds of the hand-written pages in the site's docs
folder, with the build's own rules, each at file:line:column."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

from mkdocs_journeys.cli import main

checking = importlib.import_module("mkdocs_journeys.commands.check")

HANDBOOK = {
    "departments.yml": "kind: department\nid: sales\nname: Sales\n",
    "journeys/signup.yml": ("kind: journey\nid: signup\ntitle: Signing up\nowner: sales\n"
                            "stages: [{id: buy, name: Buying, touchpoints: [{id: sign, name: Signs, "
                            "channel: web}]}]\n"),
}
GUIDE = """# Guide

See [the sign-up](journey:signup) and [a typo](journey:sigup) here.

[Signing](journey:signup/sign), [no such part](journey:signup/nope)

[[journeys map nosuch]]

Not a link: `[x](journey:ghost)`.

```
[in a fence](journey:ghost)
```
"""


def _site(root: Path, config: str = "mkdocs.yml", docs: str = "docs") -> Path:
    for name, text in HANDBOOK.items():
        path = root / "journeys" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    pages = root / docs
    (pages / "more").mkdir(parents=True)
    (pages / "guide.md").write_text(GUIDE, encoding="utf-8")
    (pages / "more" / "fine.md").write_text("[ok](journey:signup/buy) [persona](persona:nobody)\n", encoding="utf-8")
    (pages / "handbook").mkdir()  # the generated pages' folder: not hand-written
    (pages / "handbook" / "x.md").write_text("[x](journey:ghost)\n", encoding="utf-8")
    extra = f"docs_dir: {docs}\n" if docs != "docs" else ""
    (root / config).write_text(f"site_name: x\n{extra}plugins:\n  - journeys\n", encoding="utf-8")
    return root


def test_broken_links_of_hand_written_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_site(tmp_path))
    assert main(["check", "--no-findings"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[:-1] == [
        "docs/guide.md:3:39: error: unknown journey 'sigup' (did you mean 'signup'?)",
        "docs/guide.md:5:33: error: journey 'signup' has no part 'nope'",
        "docs/guide.md:7:1: error: unknown journey 'nosuch'",
        "docs/more/fine.md:1:26: error: unknown persona 'nobody'",
    ]
    assert lines[-1] == "2 definitions in 2 files: 4 errors"


def test_annotations_for_hand_written_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_site(tmp_path))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert main(["check", "--format", "github", "--no-findings"]) == 1
    out = capsys.readouterr().out
    assert "::error file=docs/guide.md,line=3,col=39,title=page-link::unknown journey 'sigup'" in out


def test_the_docs_dir_of_properdocs(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_site(tmp_path, "properdocs.yml", "pages"))
    assert main(["check", "--no-findings"]) == 1
    assert "pages/guide.md:3:39: error: unknown journey 'sigup'" in capsys.readouterr().out


def test_without_a_config_no_pages_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _site(tmp_path)
    (tmp_path / "mkdocs.yml").unlink()
    monkeypatch.chdir(tmp_path)
    assert main(["check", "journeys", "--no-findings"]) == 0
    assert capsys.readouterr().out == "2 definitions in 2 files: no problems\n"


@pytest.mark.parametrize("linked", [True, False])
def test_the_handbook_is_analysed_once_and_wholly_only_for_pages_that_link(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, linked: bool) -> None:
    root = _site(tmp_path)
    if not linked:
        for page in (root / "docs").rglob("*.md"):
            page.write_text("# Nothing of the handbook here\n", encoding="utf-8")
    monkeypatch.chdir(root)
    real = checking.analyse
    calls: list[bool] = []

    def analyse(handbook: Any, measurements: Any = None, *, findings_only: bool = False) -> Any:
        calls.append(findings_only)
        return real(handbook, measurements, findings_only=findings_only)

    monkeypatch.setattr(checking, "analyse", analyse)
    main(["check"])
    assert calls == [not linked]  # the embeds need the whole analysis; the findings alone do not
    out = capsys.readouterr().out
    assert ("unknown journey 'sigup'" in out) is linked
