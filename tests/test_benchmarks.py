"""The benchmark script runs end to end at tiny sizes (no timing is asserted: speed is measured by hand)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mkdocs_journeys.handbook import build_handbook

from .sites import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic import write_handbook


def test_the_generator_is_deterministic_and_valid(tmp_path: Path) -> None:
    write_handbook(tmp_path / "a", 5, seed=3)
    write_handbook(tmp_path / "b", 5, seed=3)
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*.yml")}
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*.yml")}
    assert first == second
    handbook = build_handbook(tmp_path / "a")
    assert handbook.problems == []
    assert len(handbook.journeys) == 5 and len(handbook.departments) == 30
    assert all(len(j.stages) == 8 and all(len(s.touchpoints) == 4 for s in j.stages)
               for j in handbook.journeys.values())


def test_the_benchmark_script_runs_at_tiny_sizes(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    result = subprocess.run([sys.executable, "benchmarks/bench.py", "--quick", "--json", str(out)], cwd=REPO,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["overhead"]["plugin_s"] > 0 and figures["overhead"]["plain_s"] > 0
    assert figures["check"]["check_s"] > 0 and figures["check"]["libyaml_parse_s"] > 0
    assert figures["bytes"]["figure_kib"] > 0 and figures["bytes"]["pages_loading_plotly_src"] == 0
    assert figures["serve_rebuild"]["seconds"] > 0
    assert "Plugin overhead" in result.stdout
