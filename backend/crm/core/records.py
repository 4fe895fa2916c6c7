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


# --- merging duplicates (crm.imports): linked rows move to the record kept ---------------------


def _relink(model, field: str, ids: list[int], to_id: int, *, only_from: int | None = None):
    """Point rows `ids` of `model` at `to_id` through `field` (bumping their row version, so
    their ETags change); with `only_from`, only those still pointing there."""
    column = getattr(model, field)
    values: dict = {field: to_id}
    if hasattr(model, "version"):
        values["version"] = model.version + 1
    if hasattr(model, "updated_at"):
        values["updated_at"] = utcnow()
    stmt = sa.update(model).where(model.id.in_(ids))
    if only_from is not None:
        stmt = stmt.where(column == only_from)
    db.session.execute(stmt.values(values).execution_options(synchronize_session=False))


def move_links(model, field: str, from_ids, to_id: int) -> dict[str, list[int]]:
    """Point every `model` row whose `field` names one of `from_ids` at `to_id` instead;
    answer the ids moved, per former id (string keys: stored as JSON to undo the move)."""
    column = getattr(model, field)
    rows = db.session.execute(
        sa.select(model.id, column).where(column.in_(list(from_ids))).order_by(model.id)
    ).all()
    moved: dict[str, list[int]] = {}
    for row_id, former in rows:
        moved.setdefault(str(former), []).append(row_id)
    if rows:
        _relink(model, field, [row_id for row_id, _ in rows], to_id)
        db.session.expire_all()
    return moved


def put_back_links(model, field: str, moved: dict[str, list[int]], current_id: int) -> int:
    """Undo `move_links`: rows still pointing at `current_id` point at their former id again."""
    count = 0
    for former, ids in moved.items():
        if ids:
            _relink(model, field, ids, int(former), only_from=current_id)
            count += len(ids)
    db.session.expire_all()
    return count


def mark_merged(record, entity: str, primary_id: int) -> None:
    """A duplicate merged into the record `primary_id`: hidden like a deleted one, pointing at
    the record kept; audited."""
    record.merged_into_id = primary_id
    record.deleted_at = utcnow()
    audit.record(
        "merge", entity, record.id, changes={"merged_into_id": {"old": None, "new": primary_id}}
    )
    db.session.flush()


def unmark_merged(record, entity: str) -> None:
    """Undo `mark_merged`: the duplicate is back where it was; audited."""
    former = record.merged_into_id
    record.merged_into_id = None
    record.deleted_at = None
    audit.record(
        "unmerge", entity, record.id, changes={"merged_into_id": {"old": former, "new": None}}
    )
    db.session.flush()


def merged_into(model, primary_id: int, ids) -> list:
    """The records among `ids` merged into `primary_id` (hidden; for undoing the merge)."""
    return list(
        db.session.scalars(
            sa.select(model)
            .where(model.id.in_(list(ids)), model.merged_into_id == primary_id)
            .order_by(model.id)
        )
    )
