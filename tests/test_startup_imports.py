"""`check` imports only what checking needs: the page, chart and database libraries stay unloaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .sites import REPO, example_handbook

NOT_NEEDED = ("plotly", "markdown", "nh3", "duckdb", "sqlalchemy", "mkdocs", "material", "jinja2", "openpyxl")

PROBE = """
import contextlib, io, json, sys
from mkdocs_journeys.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(["check", sys.argv[1]])
print(json.dumps({"code": code, "loaded": [m for m in sys.argv[2:] if m in sys.modules]}))
"""


def _probe(probe: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """Run in a folder without a site config: no hand-written pages to check (those need the renderers)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-c", probe, str(example_handbook()), *NOT_NEEDED], cwd=folder,
                          env=env, capture_output=True, text=True, timeout=120)


def test_check_leaves_the_page_chart_and_database_libraries_unloaded(tmp_path: Path) -> None:
    result = _probe(PROBE, tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["code"] == 0
    assert report["loaded"] == []


def test_the_probe_sees_a_library_that_is_loaded(tmp_path: Path) -> None:
    """The probe itself can fail: a module imported before `check` runs is reported."""
    probe = PROBE.replace("from mkdocs_journeys.cli", "import markdown\nfrom mkdocs_journeys.cli")
    result = _probe(probe, tmp_path)
    assert json.loads(result.stdout)["loaded"] == ["markdown"]


HEAVY = ("pydantic", "networkx", "mkdocs_journeys.model", "mkdocs_journeys.analysis", "mkdocs_journeys.settings")

READ_AHEAD_PROBE = """
import contextlib, io, json, sys
import mkdocs_journeys.load.file_cache as file_cache
file_cache.PARALLEL_BYTES = 0  # any handbook is big enough
seen = []
real_read_ahead = file_cache.read_ahead
def read_ahead(files):
    seen.append([m for m in sys.argv[2:] if m in sys.modules])
    real_read_ahead(files)
file_cache.read_ahead = read_ahead
from mkdocs_journeys.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(["check", sys.argv[1]])
print(json.dumps({"code": code, "loaded_before_reading_ahead": seen}))
"""


def _read_ahead_probe(probe: str, folder: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([sys.executable, "-c", probe, str(example_handbook()), *HEAVY], cwd=folder, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout)
    return report


def test_check_starts_reading_ahead_before_it_imports_the_models_and_the_analysis(tmp_path: Path) -> None:
    """The point of reading ahead: the child parses while this process imports the heavy rest."""
    report = _read_ahead_probe(READ_AHEAD_PROBE, tmp_path)
    assert report == {"code": 0, "loaded_before_reading_ahead": [[]]}


def test_the_read_ahead_probe_sees_a_heavy_module_loaded_first(tmp_path: Path) -> None:
    probe = READ_AHEAD_PROBE.replace("import mkdocs_journeys.load", "import pydantic\nimport mkdocs_journeys.load")
    assert _read_ahead_probe(probe, tmp_path)["loaded_before_reading_ahead"] == [["pydantic"]]
