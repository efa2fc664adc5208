"""The report for programs: the same facts as the Markdown, as one JSON document."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from .report import Report
from .summary import summary


def report_data(report: Report) -> dict[str, Any]:
    data = asdict(report)
    data.pop("department_names")
    return {
        "summary": summary(report),
        "content_changed": report.content_changed,
        "order_only": not report.content_changed and bool(report.order),
        **data,
        "metrics": [{**asdict(m), "verdict": m.verdict} for m in report.metrics],
        "extremes": [{**asdict(x), "verdict": x.verdict} for x in report.extremes],
        "errors_new": [asdict(e) for e in report.errors_new],
        "errors_fixed": [asdict(e) for e in report.errors_fixed],
        "departments": report.department_names,
    }


def report_json(report: Report) -> str:
    return json.dumps(report_data(report), indent=2, ensure_ascii=False)
