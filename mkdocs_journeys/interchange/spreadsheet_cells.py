"""Reading and writing spreadsheet files: CSV (UTF-8, with the header row) and xlsx (openpyxl).

Handbook text is untrusted: a text cell starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
return) would run as a formula when opened, so it is written with a leading apostrophe, which
spreadsheet programs show as text and the import removes again.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from .fragment import BadInput

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GENERATOR = "mkdocs-journeys export"  # the xlsx marker of a workbook a previous export wrote
Table = tuple[list[str], list[list[Any]]]


def escape(value: Any) -> Any:
    """A cell as written: numbers as numbers, text that would start a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(_FORMULA_STARTS):
        return "'" + value  # an apostrophe of the author's own survives the round trip
    return value


def unescape(value: str) -> str:
    if value.startswith("'") and value[1:].startswith((*_FORMULA_STARTS, "'")):
        return value[1:]
    return value


def csv_text(table: Table) -> str:
    header, rows = table
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[("" if v is None else escape(v)) for v in row] for row in rows])
    return out.getvalue()


def read_csv(file: Path) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """The header and the rows (with their 1-based row number in the file)."""
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start}): save the sheet as CSV UTF-8") \
            from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        lines = list(reader)
    except csv.Error as exc:
        raise BadInput(f"{file}:{reader.line_num}: {exc}") from None
    if not lines:
        raise BadInput(f"{file}:1: the file is empty: the first row names the columns")
    header = [h.strip() for h in lines[0]]
    rows = []
    for number, cells in enumerate(lines[1:], start=2):
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            raise BadInput(f"{file}:{number}: the row has {len(cells)} cells, the header {len(header)}")
        rows.append((number, dict(zip(header, cells, strict=False))))
    return header, rows


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise BadInput("xlsx needs openpyxl, the package's `spreadsheets` extra: "
                       "pip install -e '.[spreadsheets]' in a clone of mkdocs-journeys") from None
    return openpyxl


def read_xlsx(file: Path) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """The first sheet's header and rows, as :func:`read_csv`."""
    openpyxl = _openpyxl()
    try:
        workbook = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise BadInput(f"{file}: not an xlsx workbook ({type(exc).__name__})") from None
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    workbook.close()
    if not rows:
        raise BadInput(f"{file}:1: the first sheet is empty: its first row names the columns")
    header = ["" if h is None else str(h).strip() for h in rows[0]]
    return header, [(n, dict(zip(header, cells, strict=False))) for n, cells in enumerate(rows[1:], start=2)]


def write_xlsx(file: Path, sheets: dict[str, Table]) -> None:
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = GENERATOR
    for title, (header, rows) in sheets.items():
        sheet = workbook.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append([escape(v) for v in row])
        for cell in sheet[1]:
            cell.font = openpyxl.styles.Font(bold=True)
        sheet.freeze_panes = "A2"
    workbook.save(file)


def workbook_by_export(file: Path) -> bool:
    """Whether an xlsx file is a workbook a previous export wrote (so it may be replaced)."""
    try:
        workbook = _openpyxl().load_workbook(file, read_only=True)
    except Exception:  # not a workbook, or openpyxl missing: not ours to replace
        return False
    return bool(workbook.properties.creator == GENERATOR)
