"""The build log in CI: a value from the handbook cannot start a line (GitHub Actions runs a line
``::error file=...`` or ``::add-mask::`` as a command) nor steer the terminal."""

from __future__ import annotations

from pathlib import Path

from .sites import build, make_site

FORGED = r"\n::error file=x::forged\r::add-mask::secret\u2028::warning::u2028\x1b]0;pwned\x07\0end"
HANDBOOK = {
    "departments.yml": """
        kind: department
        id: ops
        name: Ops
        """,
    "journeys/j.yml": f"""
        kind: journey
        id: j
        title: "Title{FORGED}"
        owner: "nobody{FORGED}"
        stages:
          - {{id: s, name: S, touchpoints: [{{id: t, name: T}}]}}
        """,
    "journeys/k.yml": f"""
        kind: journey
        id: k
        title: "Kept{FORGED}"
        owner: ops
        stages:
          - {{id: s, name: S, touchpoints: [{{id: t, name: T}}]}}
        """,
}


def test_no_log_line_is_forged_by_a_value(tmp_path: Path) -> None:
    docs = {"index.md": "# Home\n\n[x](journey:missing)\n"}
    result = build(make_site(tmp_path, HANDBOOK, docs=docs, plugin={"findings": "warning"}))
    lines = result.log.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("::")], result.log
    assert "\x1b]0;pwned" not in result.log and "\x00" not in result.log and "\u2028" not in result.log
    warnings = result.warnings()
    # the problem (an invalid owner) and a finding (about the valid journey) quote the value, escaped
    assert any("journeys/j.yml" in w and r"\n::error file=x::forged\r::add-mask::secret" in w for w in warnings), \
        result.log
    assert any(r"Kept\n::error file=x::forged" in w and r"\x1b]0;pwned\x07\x00end" in w for w in warnings), result.log
