"""Keyset (cursor) pagination and sorting, shared by every list endpoint.

A cursor encodes the sort key and the (value, id) of the last row of a page, so rows inserted
while a client pages never cause a duplicate or a gap.
"""

from __future__ import annotations

import base64
import binascii
import decimal
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import marshmallow as ma
import sqlalchemy as sa

from crm.core.exceptions import BadRequest
from crm.core.i18n import N_
from crm.core.types import UTCDateTime
from crm.extensions import db

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


@dataclass(frozen=True)
class SortField:
    """A sortable attribute.

    A `nullable` one sorts its NULLs after every value when ascending (before them when
    descending), and the keyset handles NULL explicitly. (Coalescing NULL to a far-future
    literal instead breaks on MySQL/MariaDB: COALESCE(DATETIME, string) is a string there, and
    '2024-01-01 10:00:00.000000' does not equal the cursor's '2024-01-01 10:00:00'.)
    """

    attr: str
    nullable: bool = False

    def value_of(self, item):
        return getattr(item, self.attr)


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


def _kind_of(column) -> str | None:
    """How a sort key travels in a cursor: times, dates, decimals and integers as tagged
    strings."""
    if isinstance(column.type, UTCDateTime):
        return "dt"
    if isinstance(column.type, sa.Date):
        return "date"
    if isinstance(column.type, sa.Numeric) and not isinstance(column.type, sa.Float):
        return "dec"
    if isinstance(column.type, sa.Integer):
        return "int"
    return None


def _encode(sort: str, value: Any, row_id: int, kind: str | None) -> str:
    if kind is None:
        packed = {"s": sort, "v": value, "id": row_id}
    else:
        text = None
        if value is not None:
            if kind == "dec":
                text = format(value, "f")
            elif kind == "int":
                text = str(value)
            else:
                text = value.isoformat()
        packed = {"s": sort, "t": kind, "v": text, "id": row_id}
    raw = json.dumps(packed, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, sort: str, kind: str | None, nullable: bool) -> tuple[Any, int]:
    invalid = BadRequest(
        N_("The cursor is not valid for this list."), errors={"cursor": [N_("Invalid cursor.")]}
    )
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        packed = json.loads(base64.urlsafe_b64decode(padded.encode()))
        row_id, value = packed["id"], packed["v"]
        if packed["s"] != sort or not isinstance(row_id, int) or not 0 < row_id < 2**62:
            raise invalid
        if packed.get("t") != kind:
            raise invalid
        if value is None and nullable:
            return None, row_id
        if not isinstance(value, str):
            raise invalid
        if kind is None:
            return value, row_id
        if kind == "date":
            return date.fromisoformat(value), row_id
        if kind == "int":
            if len(value) > 20:
                raise invalid
            return int(value), row_id
        if kind == "dec":
            number = decimal.Decimal(value)
            if not number.is_finite() or len(value) > 40:
                raise invalid
            return number, row_id
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        # Normalised here so a time that leaves the calendar in UTC is a bad cursor, not a 500.
        return moment.astimezone(UTC), row_id
    except (
        ValueError,
        KeyError,
        TypeError,
        OverflowError,
        binascii.Error,
        UnicodeDecodeError,
        decimal.InvalidOperation,
    ) as exc:
        raise invalid from exc


def _after(column, row_id, value, last_id: int, descending: bool, nullable: bool):
    """Rows that come after (value, last_id) in the list's order."""
    if not nullable:
        if descending:
            return sa.or_(column < value, sa.and_(column == value, row_id < last_id))
        return sa.or_(column > value, sa.and_(column == value, row_id > last_id))
    if descending:  # NULLs first
        if value is None:
            return sa.or_(sa.and_(column.is_(None), row_id < last_id), column.is_not(None))
        return sa.or_(column < value, sa.and_(column == value, row_id < last_id))
    if value is None:  # NULLs last
        return sa.and_(column.is_(None), row_id > last_id)
    return sa.or_(column > value, sa.and_(column == value, row_id > last_id), column.is_(None))


def paginate(
    session, stmt, model, *, fields: dict[str, SortField], sort: str, limit: int, cursor: str | None
) -> Page:
    descending = sort.startswith("-")
    field = fields[sort.lstrip("-")]
    column = getattr(model, field.attr)
    kind = _kind_of(column)
    row_id = model.id
    if cursor:
        value, last_id = _decode(cursor, sort, kind, field.nullable)
        stmt = stmt.where(_after(column, row_id, value, last_id, descending, field.nullable))
    keys = [column, row_id]
    if field.nullable:
        keys.insert(0, sa.case((column.is_(None), 1), else_=0))
    order = [key.desc() if descending else key.asc() for key in keys]
    rows = list(session.scalars(stmt.order_by(*order).limit(limit + 1)))
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = _encode(sort, field.value_of(last), last.id, kind)
    return Page(items=rows, next_cursor=next_cursor)


@dataclass(frozen=True)
class ListQuery:
    """A list's filtered, scoped statement with what sorts it: the list endpoint pages it, an
    export or a bulk action walks every row of it in the same order, a batch at a time."""

    stmt: Any
    model: Any
    fields: dict[str, SortField]

    def page(self, args: dict) -> Page:
        """One page, as the list endpoint answers it (`sort`, `limit`, `cursor` of `args`)."""
        return paginate(
            db.session,
            self.stmt,
            self.model,
            fields=self.fields,
            sort=args["sort"],
            limit=args["limit"],
            cursor=args.get("cursor"),
        )

    def only(self, ids) -> ListQuery:
        """The same list narrowed to these ids (a selection); ids outside it are left out."""
        return ListQuery(self.stmt.where(self.model.id.in_(list(ids))), self.model, self.fields)

    def count(self, limit: int | None = None) -> int:
        """How many rows match (at most `limit` + 1 are counted when a limit is given)."""
        inner = self.stmt.with_only_columns(self.model.id).order_by(None)
        if limit is not None:
            inner = inner.limit(limit + 1)
        return db.session.scalar(sa.select(sa.func.count()).select_from(inner.subquery()))

    def ids(self, sort: str, batch_size: int = 1000):
        """Every matching id in the list's order, fetched in keyset batches."""
        for batch in self.batches(sort, batch_size):
            yield from (row.id for row in batch)

    def batches(self, sort: str, batch_size: int = 500):
        """Every matching row in the list's order, a keyset page (`batch_size` rows) at a time,
        so a whole table never sits in memory."""
        cursor = None
        while True:
            page = paginate(
                db.session,
                self.stmt,
                self.model,
                fields=self.fields,
                sort=sort,
                limit=batch_size,
                cursor=cursor,
            )
            if page.items:
                yield page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor
