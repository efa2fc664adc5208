"""The benchmark generator and script (no timing is asserted: speed is measured by hand)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from mkdocs_journeys.handbook import build_handbook

from .sites import REPO, synthetic


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    write_handbook = synthetic().write_handbook
    write_handbook(tmp_path / "a", 5, seed=3)
    write_handbook(tmp_path / "b", 5, seed=3)
    write_handbook(tmp_path / "c", 5, seed=4)
    first, second, other = _files(tmp_path / "a"), _files(tmp_path / "b"), _files(tmp_path / "c")
    assert first == second
    assert set(first) == set(other) and first != other
    assert sorted(first) == [
        "departments.yml",
        *[f"journeys/journey-{n:05d}.yml" for n in range(5)],
        "metrics.yml",
        "personas/persona-00000.yml",
        "processes/process-00000.yml",
    ]


def test_the_generated_handbook_loads_without_a_problem(tmp_path: Path) -> None:
    synthetic().write_handbook(tmp_path, 5)
    handbook = build_handbook(tmp_path)
    assert handbook.problems == []
    assert len(handbook.journeys) == 5 and len(handbook.personas) == 1 and len(handbook.processes) == 1
    assert len(handbook.departments) == 30
    for journey in handbook.journeys.values():
        assert len(journey.stages) == 8
        assert all(len(stage.touchpoints) == 4 for stage in journey.stages)
    (process,) = handbook.processes.values()
    assert len(process.steps) == 6
    assert [len(step.branches) for step in process.steps if step.decision] == [2]


def test_every_journey_title_survives_the_serve_benchmarks_edit(tmp_path: Path) -> None:
    """bench.py's serve test prefixes the first ``title: `` of a journey file: the file must stay valid."""
    synthetic().write_handbook(tmp_path, 20, seed=1)
    for path in sorted((tmp_path / "journeys").glob("*.yml")):
        changed = path.read_text(encoding="utf-8").replace("title: ", "title: Changed ", 1)
        original = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert yaml.safe_load(changed)["title"] == "Changed " + original["title"], path.name


def _positive(figures: dict[str, Any], *path: str) -> None:
    value: Any = figures
    for key in path:
        assert key in value, f"{'.'.join(path)} missing from {json.dumps(figures)[:2000]}"
        value = value[key]
    assert isinstance(value, int | float) and value > 0, f"{'.'.join(path)} = {value!r}"


def test_the_benchmark_script_runs_at_tiny_sizes(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, "benchmarks/bench.py", "--quick", "--json", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["machine"] and figures["date"]
    for key in ("journeys", "plugin_s", "plain_s", "ratio"):
        _positive(figures, "overhead", key)
    assert sorted(figures["growth"], key=int) == ["2", "4", "10"]
    for size in figures["growth"]:
        _positive(figures, "growth", size, "seconds")
        _positive(figures, "growth", size, "peak_mib")
    for key in ("from", "to", "ratio"):
        _positive(figures, "growth_ratio", key)
    for key in ("journeys", "check_s", "libyaml_parse_s", "ratio"):
        _positive(figures, "check", key)
    for key in ("journey_pages", "html_kib", "figure_kib", "plotly_kib", "script_kib", "pages_with_figures"):
        _positive(figures, "bytes", key)
    assert figures["bytes"]["journey_pages"] == 10
    assert figures["bytes"]["pages_loading_plotly_src"] == 0
    _positive(figures, "serve_rebuild", "journeys")
    _positive(figures, "serve_rebuild", "seconds")
    assert "Plugin overhead" in result.stdout


def test_the_authoring_loop_alone_runs_at_a_tiny_size() -> None:
    result = subprocess.run([sys.executable, "benchmarks/bench.py", "--serve-only", "--quick"],
                            cwd=REPO, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    rows = re.findall(r"^\| (.+?) \| 10 \| ([\d.]+) \| ([\d.]+) \|$", result.stdout, re.M)
    assert [name for name, *_ in rows] == ["full build (`mkdocs build`), for comparison", "`mkdocs serve`",
                                           "`mkdocs serve --dirty`"]
    assert all(float(seconds) > 0 for _, seconds, _ in rows)
