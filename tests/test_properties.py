"""Property-based: arbitrary YAML (and arbitrary bytes) never produce a traceback, only problems."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_journeys.analysis import analyse
from mkdocs_journeys.cli import main
from mkdocs_journeys.handbook import build_handbook

KEYS = st.sampled_from(["kind", "id", "title", "name", "owner", "stages", "touchpoints", "emotion", "metrics",
                        "nps", "target", "actual", "history", "steps", "next", "branches", "parent", "personas",
                        "supported_by", "supports", "transitions", "from", "to", "sla", "channels", "x"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                    st.text(max_size=12), st.sampled_from(["journey", "persona", "process", "department", "metric",
                                                          "a", "b", "a/b", "4h", "45%", "yes", "2026-01"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6),
                      max_leaves=25)
DOCUMENTS = st.dictionaries(KEYS, VALUES, max_size=8).map(
    lambda d: {"kind": d.pop("kind", "journey"), **d})


def _check(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, data in files.items():
            (root / name).write_bytes(data)
        handbook = build_handbook(root)
        analyse(handbook)  # the analysis runs on whatever survived validation
        assert main(["check", str(root)]) in (0, 1)
        assert main(["check", str(root), "--format", "json"]) in (0, 1)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DOCUMENTS, min_size=1, max_size=4))
def test_arbitrary_documents_never_raise(documents: list[dict[str, Any]]) -> None:
    text = yaml.safe_dump_all(documents, allow_unicode=True)
    _check({"a.yml": text.encode("utf-8"), "departments.yml": b"kind: department\nid: a\nname: A\n"})


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    _check({"a.yml": text.encode("utf-8", errors="surrogatepass")})


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    _check({"a.yml": data})
