"""Finding one record within the caller's scope, and deleting one softly: written once for every
entity. The scope itself (whose records a user sees) belongs to each domain's services; they
pass it in as conditions."""

from __future__ import annotations

from typing import TypeVar

import sqlalchemy as sa

from crm.core import audit
from crm.core.types import utcnow
from crm.core.unit_of_work import flush_and_expire
from crm.extensions import db

Record = TypeVar("Record")


def not_deleted(model) -> sa.ColumnElement[bool]:
    """The condition that hides soft-deleted rows of `model`."""
    return model.deleted_at.is_(None)


def get_or_404(
    model: type[Record],
    record_id: int,
    *scope: sa.ColumnElement[bool],
    not_found: Exception,
    for_update: bool = False,
) -> Record:
    """The `model` row with this id that meets every condition of `scope`; `not_found` (a 404)
    otherwise, so an id of another team's record answers as an id that does not exist.
    `for_update` locks the row until the request's transaction ends."""
    stmt = sa.select(model).where(model.id == record_id, *scope)
    if for_update:
        stmt = stmt.with_for_update()
    record = db.session.scalar(stmt)
    if record is None:
        raise not_found
    return record


def soft_delete(record, entity: str) -> None:
    """Hide the record everywhere and keep it for the audit trail, which records the deletion."""
    record.deleted_at = utcnow()
    audit.record("delete", entity, record.id)
    flush_and_expire()


KEY_CHUNK = 500


def key_expression(column, kind: str):
    """How a lookup key is compared in SQL: `email` and `name` case-folded (names trimmed),
    `phone` (E.164) and `exact` as stored. `key_of` is the same in Python."""
    if kind == "email":
        return sa.func.lower(column)
    if kind == "name":
        return sa.func.lower(sa.func.trim(column))
    return column


def key_of(value, kind: str) -> str | None:
    if value is None:
        return None
    text = str(value)
    if kind == "email":
        return text.lower()
    if kind == "name":
        return text.strip().lower()
    return text


def records_by_key(stmt: sa.Select, column, kind: str, keys) -> dict[str, list]:
    """The records of `stmt` whose `column` (compared as `kind`) is one of `keys`, grouped by
    key, oldest first; one query per 500 keys (bulk work such as imports looks up a batch)."""
    wanted = sorted({k for k in keys if k})
    found: dict[str, list] = {}
    expression = key_expression(column, kind)
    attribute = column.key
    for start in range(0, len(wanted), KEY_CHUNK):
        chunk = wanted[start : start + KEY_CHUNK]
        rows = db.session.scalars(stmt.where(expression.in_(chunk)).order_by(column.class_.id))
        for record in rows:
            key = key_of(getattr(record, attribute), kind)
            found.setdefault(key, []).append(record)
    return found
