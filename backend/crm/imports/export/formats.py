"""Writing rows as CSV (UTF-8 with a BOM, so Excel reads Chinese right) or XLSX (openpyxl's
write-only mode, rows streamed to a temporary file), with every text cell neutralised against
formula injection.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and tab or CR
can hide such a start), so such a text cell gets a leading `'`: it shows as text and never
runs. Numbers stay numbers (a negative amount is a number, not a formula); only text is
prefixed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import BinaryIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_BOM = "\ufeff"
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralise(text: str) -> str:
    """Text a spreadsheet shows as text, never runs."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return _utc(value).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, Decimal, float)):
        return str(value)
    return neutralise(str(value))


def xlsx_cell(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, datetime):
        return _utc(value).replace(tzinfo=None)  # a UTC time, as Excel has no zones
    if value is None or isinstance(value, (bool, int, float, Decimal, date)):
        return value
    # A worksheet cannot hold control characters (a pasted \x12): left out, not a failed file.
    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def csv_chunks(header: list[str], rows: Iterable[list]) -> Iterator[bytes]:
    """The CSV's bytes: the BOM and header first, then a piece per 500 rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(CSV_BOM)
    writer.writerow([neutralise(label) for label in header])
    for n, row in enumerate(rows, start=1):
        writer.writerow([csv_cell(value) for value in row])
        if n % 500 == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def write_xlsx(target: BinaryIO, sheet_title: str, header: list[str], rows: Iterable[list]) -> None:
    """The workbook into `target` (a file): openpyxl's write-only mode keeps rows on disk."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.append([neutralise(label) for label in header])
    for row in rows:
        sheet.append([xlsx_cell(value) for value in row])
    workbook.save(target)
