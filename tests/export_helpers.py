"""Shared by the export and bulk tests: reading exported files, and rows made fast."""

from __future__ import annotations

import csv
import io

import sqlalchemy as sa
from openpyxl import load_workbook

from crm.core.types import utcnow
from crm.extensions import db
from crm.sales.models import Lead
from tests.sales_helpers import ok

EVENTS = "/api/v1/audit-events"
BOM = b"\xef\xbb\xbf"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export(api, resource: str, expect: int = 200, headers=None, **params):
    response = api.get(f"/api/v1/{resource}/export", query_string=params, headers=headers)
    assert response.status_code == expect, (response.status_code, response.get_data()[:500])
    return response


def csv_rows(response) -> list[list[str]]:
    data = response.get_data()
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def xlsx_rows(response) -> list[list]:
    workbook = load_workbook(io.BytesIO(response.get_data()), read_only=True)
    sheet = workbook.worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def xlsx_cells(data: bytes):
    """Every cell of the first sheet (with its data type)."""
    workbook = load_workbook(io.BytesIO(data))
    for row in workbook.worksheets[0].iter_rows():
        yield from row


def ids_of(rows: list[list]) -> list[int]:
    """The ID column (the first) of the data rows, after the header."""
    return [int(row[0]) for row in rows[1:]]


def insert_leads(count: int, owner_id: int | None, name=lambda n: f"Lead {n}", **fields) -> None:
    """`count` leads in one executemany (fast enough for ten thousand)."""
    now = utcnow()
    rows = [
        {
            "name": name(n),
            "source": "web",
            "status": "new",
            "owner_id": owner_id,
            "created_at": now,
            "updated_at": now,
            "version": 1,
            **fields,
        }
        for n in range(count)
    ]
    db.session.execute(sa.insert(Lead), rows)
    db.session.commit()


def events(admin, action: str, entity: str | None = None) -> list[dict]:
    """Every audit event of this action (and entity), newest first, following the cursors."""
    query = {"action": action, "limit": 200}
    if entity:
        query["entity"] = entity
    found = []
    while True:
        page = ok(admin.get(EVENTS, query_string=query))
        found += page["items"]
        if not page["next_cursor"]:
            return found
        query["cursor"] = page["next_cursor"]
