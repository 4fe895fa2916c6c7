"""Keyset (cursor) pagination and sorting, shared by every list endpoint.

A cursor encodes the sort key and the (value, id) of the last row of a page, so rows inserted
while a client pages never cause a duplicate or a gap.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import marshmallow as ma
import sqlalchemy as sa

from crm.core.errors import ApiError
from crm.core.types import UTCDateTime

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
FAR_FUTURE = datetime.fromisoformat("9999-12-31T00:00:00+00:00")


@dataclass(frozen=True)
class SortField:
    """A sortable attribute; `nulls_as` stands in for NULL so the keyset stays total."""

    attr: str
    nulls_as: Any = None

    def expression(self, model):
        column = getattr(model, self.attr)
        if self.nulls_as is None:
            return column
        literal = sa.literal(
            self.nulls_as, UTCDateTime() if isinstance(self.nulls_as, datetime) else None
        )
        return sa.func.coalesce(column, literal)

    def value_of(self, item):
        value = getattr(item, self.attr)
        return self.nulls_as if value is None else value


@dataclass
class Page:
    items: list
    next_cursor: str | None


def sort_choices(fields: dict[str, SortField]) -> list[str]:
    return [prefix + name for name in fields for prefix in ("", "-")]


class ListArgsSchema(ma.Schema):
    """Query parameters every list accepts; resources extend it with filters and `sort`."""

    limit = ma.fields.Integer(
        load_default=DEFAULT_LIMIT, validate=ma.validate.Range(min=1, max=MAX_LIMIT)
    )
    cursor = ma.fields.String(load_default=None, metadata={"description": "From `next_cursor`"})


def sort_field(fields: dict[str, SortField], default: str) -> ma.fields.String:
    return ma.fields.String(
        load_default=default,
        validate=ma.validate.OneOf(sort_choices(fields)),
        metadata={"description": "Sort key; prefix with `-` for descending"},
    )


def _encode(sort: str, value: Any, row_id: int) -> str:
    if isinstance(value, datetime):
        packed = {"s": sort, "t": "dt", "v": value.isoformat(), "id": row_id}
    else:
        packed = {"s": sort, "v": value, "id": row_id}
    raw = json.dumps(packed, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, sort: str, expects_time: bool) -> tuple[Any, int]:
    invalid = ApiError(
        400, "The cursor is not valid for this list.", errors={"cursor": ["Invalid cursor."]}
    )
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        packed = json.loads(base64.urlsafe_b64decode(padded.encode()))
        row_id, value = packed["id"], packed["v"]
        if packed["s"] != sort or not isinstance(row_id, int) or not 0 < row_id < 2**62:
            raise invalid
        if expects_time != (packed.get("t") == "dt") or not isinstance(value, str):
            raise invalid
        return (datetime.fromisoformat(value) if expects_time else value), row_id
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise invalid from exc


def paginate(
    session, stmt, model, *, fields: dict[str, SortField], sort: str, limit: int, cursor: str | None
) -> Page:
    descending = sort.startswith("-")
    field = fields[sort.lstrip("-")]
    key = field.expression(model)
    row_id = model.id
    if cursor:
        expects_time = isinstance(getattr(model, field.attr).type, UTCDateTime)
        value, last_id = _decode(cursor, sort, expects_time)
        if descending:
            stmt = stmt.where(sa.or_(key < value, sa.and_(key == value, row_id < last_id)))
        else:
            stmt = stmt.where(sa.or_(key > value, sa.and_(key == value, row_id > last_id)))
    order = (key.desc(), row_id.desc()) if descending else (key.asc(), row_id.asc())
    rows = list(session.scalars(stmt.order_by(*order).limit(limit + 1)))
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = _encode(sort, field.value_of(last), last.id)
    return Page(items=rows, next_cursor=next_cursor)
