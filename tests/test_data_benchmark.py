"""The data benchmark at a tiny size: it runs, and its cache figures say what a rebuild reads (no
timing is asserted: speed is measured by hand at ten million events)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .sites import REPO


def test_the_data_benchmark_runs_at_a_tiny_size(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, "benchmarks/data_bench.py", "--events", "3000", "--json", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["machine"] and figures["date"]
    for kind in ("parquet", "csv"):
        measured = figures[kind]
        # The handbook's figures count every event the file holds, as DuckDB alone does.
        assert 2900 < measured["events"] < 3100 and measured["cases"] > 300
        assert measured["baseline_s"] > 0 and measured["with_s"] > 0 and measured["peak_mib"] > 0
        assert measured["per_case_s"] > 0
    assert figures["parquet"]["events"] == figures["csv"]["events"]
    assert figures["cache"]["first"]["reads"] == 1
    assert figures["cache"]["second"]["reads"] == 0
    assert figures["mkdocs_twice"]["same_cache"] is True
    for key in ("start_s", "yaml_edit_s", "data_touched_s"):
        assert figures["serve"][key] > 0
    assert "| parquet |" in result.stdout and "| csv |" in result.stdout
