"""Reading an uploaded file: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030 detected with
charset-normalizer; `,` `;` or tab) or XLSX (openpyxl, read-only, first sheet or a chosen one).

`inspect` looks at the file once (encoding, delimiter, sheets, columns, row count, samples) and
`iter_rows` streams its data rows again later (the dry-run and the commit jobs), one at a time:
neither holds more than a row plus the decoder's buffer. A file that cannot be read is a
`BadRequest`/`Invalid` with a stable code, never a 500.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from charset_normalizer import from_bytes

from crm.core.exceptions import BadRequest, Invalid
from crm.core.i18n import N_

DELIMITERS = (",", ";", "\t")
SAMPLE_ROWS = 5
SNIFF_BYTES = 64 * 1024
XLSX_MAGIC = b"PK\x03\x04"
# charset-normalizer's names for what Chinese spreadsheets are saved in, and what we read them as
# (GB18030 is a superset of GBK and GB2312).
CHINESE_ENCODINGS = {"gbk", "gb2312", "gb18030", "hz", "big5", "cp936"}


@dataclass
class FileInfo:
    kind: str  # "csv" | "xlsx"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    row_count: int = 0
    samples: list[dict[str, Any]] = field(default_factory=list)


def _unreadable(message: str, code: str = "file_unreadable") -> BadRequest:
    return BadRequest(message, code=code)


# --- CSV ----------------------------------------------------------------------------------


def detect_encoding(data: bytes) -> str:
    """utf-8-sig (a BOM), utf-8, or what charset-normalizer finds (GBK and GB2312 read as the
    GB18030 superset); refuse a file that is no text."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    head = data[:SNIFF_BYTES]
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(head))
    if not matches:
        raise _unreadable(N_("The file is not text in a known encoding."), "file_encoding_unknown")
    best = matches[0]
    encoding = best.encoding.lower().replace("_", "")
    # A short Chinese header reads as Korean or Japanese as well as Chinese: a CRM in China
    # prefers GB18030 when it reads the bytes as well as the best guess.
    chinese = [m for m in matches if m.encoding.lower().replace("_", "") in CHINESE_ENCODINGS]
    if encoding in CHINESE_ENCODINGS or any(m.chaos <= best.chaos + 0.05 for m in chinese):
        encoding = "gb18030"
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise _unreadable(
            N_("The file is not text in a known encoding."), "file_encoding_unknown"
        ) from None
    return encoding


def detect_delimiter(text_head: str) -> str:
    """The delimiter of the header line: csv.Sniffer among `,` `;` tab, else the most frequent."""
    first_lines = "\n".join(text_head.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(first_lines, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        header = text_head.splitlines()[0] if text_head else ""
        counts = {d: header.count(d) for d in DELIMITERS}
        return max(counts, key=counts.get) if any(counts.values()) else ","


def _csv_reader(data: bytes, encoding: str, delimiter: str) -> Iterator[list[str]]:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
    try:
        yield from csv.reader(stream, delimiter=delimiter)
    except csv.Error as error:
        raise _unreadable(
            N_("The CSV file is malformed: {error}").format(error=str(error))
        ) from None
    except UnicodeDecodeError:
        raise _unreadable(
            N_("The file is not text in a known encoding."), "file_encoding_unknown"
        ) from None


# --- XLSX ---------------------------------------------------------------------------------


def _workbook(data: bytes):
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise _unreadable(N_("The file is not a readable XLSX workbook.")) from None


def _sheet_rows(data: bytes, sheet: str | None) -> tuple[list[str], str, Iterator[tuple]]:
    workbook = _workbook(data)
    names = list(workbook.sheetnames)
    if not names:
        raise _unreadable(N_("The workbook has no sheet."))
    name = sheet or names[0]
    if name not in names:
        raise Invalid(
            N_("The workbook has no sheet named {name}.").format(name=name),
            code="sheet_not_found",
        )

    def rows() -> Iterator[tuple]:
        try:
            yield from workbook[name].iter_rows(values_only=True)
        finally:
            workbook.close()

    return names, name, rows()


def _cell(value: Any) -> Any:
    """A cell as the import reads it: text stripped of nothing (normalisation reports that),
    numbers and dates as openpyxl gives them (normalisation turns them into our values)."""
    if value is None:
        return ""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value) if not isinstance(value, str) else value


# --- both ---------------------------------------------------------------------------------


def _raw_rows(data: bytes, info: FileInfo) -> Iterator[list[Any]]:
    if info.kind == "xlsx":
        _, _, rows = _sheet_rows(data, info.sheet)
        for row in rows:
            yield [_cell(value) for value in row]
    else:
        yield from _csv_reader(data, info.encoding or "utf-8", info.delimiter or ",")


def _is_blank(row: list[Any]) -> bool:
    return all(value is None or str(value).strip() == "" for value in row)


def _columns(header: list[Any]) -> list[str]:
    """Header cells as column names: trimmed; blanks and repeats named so each is unique."""
    columns: list[str] = []
    for index, raw in enumerate(header):
        name = str(raw).strip() if raw is not None else ""
        name = name or f"column_{index + 1}"
        base, n = name, 2
        while name in columns:
            name, n = f"{base} ({n})", n + 1
        columns.append(name)
    while columns and columns[-1].startswith("column_"):
        columns.pop()  # trailing empty header cells of a spreadsheet
    return columns


def inspect(data: bytes, file_name: str, *, sheet: str | None, max_rows: int) -> FileInfo:
    """What the file holds: its kind, encoding or sheets, columns, data row count and samples.
    More than `max_rows` data rows is a 422 (`too_many_rows`)."""
    if not data:
        raise _unreadable(N_("The file is empty."), "file_empty")
    if data.startswith(XLSX_MAGIC) or file_name.lower().endswith((".xlsx", ".xlsm")):
        info = FileInfo(kind="xlsx")
        info.sheets, info.sheet, _ = _sheet_rows(data, sheet)
    else:
        if sheet:
            raise Invalid(N_("Only a workbook has sheets."), code="sheet_not_found")
        info = FileInfo(kind="csv", encoding=detect_encoding(data))
        head = data[:SNIFF_BYTES].decode(info.encoding, errors="ignore")
        info.delimiter = detect_delimiter(head)
    rows = _raw_rows(data, info)
    header = next((row for row in rows if not _is_blank(row)), None)
    if header is None:
        raise _unreadable(N_("The file is empty."), "file_empty")
    info.columns = _columns(header)
    for row in rows:
        if _is_blank(row):
            continue
        info.row_count += 1
        if info.row_count > max_rows:
            raise Invalid(
                N_("The file has more than {max} rows; split it.").format(max=max_rows),
                code="too_many_rows",
            )
        if len(info.samples) < SAMPLE_ROWS:
            info.samples.append(_as_record(info.columns, row))
    return info


EXTRA = "(extra {n})"


def _as_record(columns: list[str], row: list[Any]) -> dict[str, Any]:
    """The row's cells by column; cells past the header's last column are kept too, under
    `(extra 1)`, `(extra 2)`... (the import reports them: nothing is silently dropped)."""
    values = list(row) + [""] * (len(columns) - len(row))
    record = {column: values[i] for i, column in enumerate(columns)}
    extras = values[len(columns) :]
    while extras and (extras[-1] is None or str(extras[-1]).strip() == ""):
        extras.pop()
    for n, value in enumerate(extras, start=1):
        record[EXTRA.format(n=n)] = value
    return record


def iter_rows(data: bytes, info: FileInfo, *, start: int = 1) -> Iterator[tuple[int, dict]]:
    """(row number, {column: cell}) of each data row from `start` (1 = the first row under
    the header; blank lines are skipped and not counted)."""
    rows = _raw_rows(data, info)
    seen_header = False
    number = 0
    for row in rows:
        if _is_blank(row):
            continue
        if not seen_header:
            seen_header = True
            continue
        number += 1
        if number >= start:
            yield number, _as_record(info.columns, row)
