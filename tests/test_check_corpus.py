"""A corpus of bad handbooks: each folder under ``corpus/`` must fail ``check`` with exactly the error
lines in its ``expected.txt`` (text format, paths relative to the folder), and never with a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_journeys.cli import main

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": error: " in line]


@pytest.mark.parametrize("case", CASES)
def test_bad_handbook(case: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = CORPUS / case
    monkeypatch.chdir(folder)
    assert main(["check", "."]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and err == ""
    expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, "a corpus case lists at least one error"
    assert errors(out) == expected
    summary = out.splitlines()[-1]
    assert f": {len(expected)} error{'s' if len(expected) != 1 else ''}" in summary, summary


def test_the_corpus_covers_every_kind_of_mistake() -> None:
    assert set(CASES) >= {"syntax-error", "wrong-types", "out-of-range", "duplicate-key", "duplicate-ids",
                          "broken-references", "parent-cycle", "unknown-kind-and-fields", "python-tag",
                          "alias-bomb", "invalid-utf8", "bad-file-name", "empty-stages"}


def test_an_object_building_tag_runs_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "pwned"
    (tmp_path / "j.yml").write_text(
        f"kind: journey\ntitle: !!python/object/apply:os.system ['touch {marker}']\nowner: x\nstages: [{{name: A}}]\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "."]) == 1
    assert not marker.exists()
    assert "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in capsys.readouterr().out
