"""Settings as mkdocs.yml gives them, to the command line and to a real MkDocs build: where pages may go,
unquoted ``off``, mkdocs.yml files of the wrong shape, and settings nobody can change under the others."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from mkdocs_journeys.cli import main
from mkdocs_journeys.settings import Settings

from .sites import build, make_site

DEPARTMENT = "kind: department\nid: sales\nname: Sales\n"
JOURNEY = "kind: journey\nid: j\ntitle: J\nowner: sales\nstages: [{name: A, touchpoints: [{name: T}]}]\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def handbook_here(root: Path, mkdocs_yml: str | bytes | None, name: str = "mkdocs.yml") -> Path:
    (root / "journeys").mkdir(parents=True, exist_ok=True)
    (root / "journeys/departments.yml").write_text(DEPARTMENT, encoding="utf-8")
    (root / "journeys/j.yml").write_text(JOURNEY, encoding="utf-8")
    if isinstance(mkdocs_yml, bytes):
        (root / name).write_bytes(mkdocs_yml)
    elif mkdocs_yml is not None:
        (root / name).write_text(mkdocs_yml, encoding="utf-8")
    return root


@pytest.mark.parametrize("output", ["..", "../..", ".", "", "/abs", "a/../..", "a//b", "a b"])
def test_output_must_be_a_folder_strictly_inside_the_site(output: str) -> None:
    with pytest.raises(ValidationError, match="write a folder inside the site, such as `handbook`"):
        Settings(output=output)


def test_good_outputs_are_kept() -> None:
    assert Settings(output="guide/handbook/").output == "guide/handbook"
    assert Settings(output="v1.2_x-y").output == "v1.2_x-y"


def test_settings_are_frozen() -> None:
    settings = Settings()
    with pytest.raises(ValidationError, match="frozen"):
        settings.site_url = "https://example.com/"  # type: ignore[misc]
    assert settings.model_copy(update={"site_url": "https://example.com/"}).site_url == "https://example.com/"


def test_unquoted_off_means_off(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings.model_validate({"findings": False, "nav": False}).findings == "off"
    handbook_here(tmp_path, "site_name: x\nplugins:\n  - journeys:\n      findings: off\n      nav: off\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check")  # `check` prints findings whatever the build does with them
    assert (code, err) == (0, "") and out.splitlines()[-1].startswith("2 definitions in 2 files: ")


@pytest.mark.parametrize(("mkdocs_yml", "message"), [
    ("site_name: x\nplugins: 5\n", "mkdocs.yml: `plugins` must be a list of plugins"),
    ("site_name: x\nplugins:\n  - journeys: [1, 2]\n", "mkdocs.yml: the `journeys` plugin's options must be a mapping"),
    ("- a\n- b\n", "mkdocs.yml: it must be a mapping of settings"),
    ("site_name: [x\n", "mkdocs.yml: it is not valid YAML (line 2, column 1: "),
    (b"site_name: \xff\n", "mkdocs.yml: it is not UTF-8 text (byte 12)"),
    ("site_name: x\nplugins:\n  - journeys:\n      output: ../..\n",
     "mkdocs.yml: invalid `journeys` plugin options: output: '../..' has `..` (out of the site)"),
])
def test_a_bad_mkdocs_yml_is_a_usage_error(mkdocs_yml: str | bytes, message: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    handbook_here(tmp_path, mkdocs_yml)
    monkeypatch.chdir(tmp_path)
    for command in (["check"], ["generate", "out"], ["diff", "journeys", "journeys"]):
        code, out, err = run(capsys, *command)
        assert (code, out) == (2, ""), command
        assert err.startswith(f"mkdocs-journeys: error: {message}"), err
        assert err.count("\n") == 1 and "internal error" not in err
    assert not (tmp_path / "out").exists()


def test_a_folder_named_mkdocs_yml_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mkdocs.yml").mkdir()
    code, _, err = run(capsys, "check", "--config", str(tmp_path / "mkdocs.yml"))
    assert code == 2 and err == f"mkdocs-journeys: error: the config file '{tmp_path / 'mkdocs.yml'}' is a folder: " \
        "name the mkdocs.yml in it\n"


@pytest.mark.parametrize("name", ["mkdocs.yml", "mkdocs.yaml", "properdocs.yml"])
def test_every_command_finds_the_config_file_here(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    handbook_here(tmp_path, "site_name: x\nplugins:\n  - journeys:\n      source: elsewhere\n      output: guide\n",
                  name)
    (tmp_path / "journeys").rename(tmp_path / "elsewhere")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check", "--no-findings") == (0, "2 definitions in 2 files: no problems\n", "")
    assert run(capsys, "generate", "out")[0] == 0
    assert (tmp_path / "out/guide/journeys/j.md").is_file()
    code, out, _ = run(capsys, "diff", "elsewhere", "elsewhere")
    assert (code, out) == (0, "No changes to the handbook.\n")


def test_mkdocs_yml_comes_before_properdocs_yml(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    handbook_here(tmp_path, "plugins:\n  - journeys:\n      source: nowhere\n", "properdocs.yml")
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - journeys\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check", "--no-findings")[0] == 0
    (tmp_path / "mkdocs.yml").unlink()
    assert run(capsys, "check")[2] == "mkdocs-journeys: error: the handbook folder 'nowhere' does not exist\n"


# -- real MkDocs builds --------------------------------------------------------------------------------


def test_a_build_with_output_out_of_the_site_fails_with_a_config_error(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"departments.yml": DEPARTMENT, "j.yml": JOURNEY},
                     plugin={"output": "../.."})
    result = build(root)
    assert result.returncode == 1
    assert "'../..' has `..` (out of the site)" in result.log and "Traceback" not in result.log
    assert not (root / "site/index.html").exists()


def test_a_build_with_unquoted_findings_off(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"departments.yml": DEPARTMENT, "j.yml": JOURNEY})
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("journeys: {}", "journeys:\n      findings: off\n      nav: off"),
                                     encoding="utf-8")
    assert "findings: off" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    result = build(root, strict=True)
    assert result.returncode == 0, result.log
    assert "finding" not in result.log
    assert (root / "site/handbook/journeys/j/index.html").is_file()
