"""The audit trail: one event per create, update, delete, login and failed login.

Services call `record` inside their own transaction, so an event is stored exactly when the change
it describes is. Later features (webhooks, history tabs) read the same events.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask import g, has_request_context, request
from sqlalchemy.orm import Mapped, mapped_column

from crm.core.types import UTCDateTime, utcnow
from crm.extensions import db


class AuditEvent(db.Model):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(sa.String(40))
    entity: Mapped[str] = mapped_column(sa.String(40))
    entity_id: Mapped[str | None] = mapped_column(sa.String(64))
    changes: Mapped[dict | None] = mapped_column(sa.JSON)
    ip_address: Mapped[str | None] = mapped_column(sa.String(45))

    __table_args__ = (sa.Index("ix_audit_events_entity_entity_id", "entity", "entity_id"),)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        # Times are recorded in UTC, however the client wrote them ("+08:00" or "Z").
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def apply_changes(record, data: dict) -> dict[str, dict[str, Any]]:
    """Set the given attributes and return {field: {"old", "new"}} for those that changed."""
    changes = {}
    for field, new in data.items():
        old = getattr(record, field)
        if old != new:
            setattr(record, field, new)
            changes[field] = {"old": _jsonable(old), "new": _jsonable(new)}
    return changes


def snapshot(record, fields) -> dict[str, dict[str, Any]]:
    """The fields of a newly created record, in the same shape as `apply_changes`."""
    return {
        f: {"old": None, "new": _jsonable(getattr(record, f))}
        for f in fields
        if getattr(record, f) is not None
    }


def record(
    action: str, entity: str, entity_id, *, changes: dict | None = None, actor_id: int | None = None
) -> AuditEvent:
    if actor_id is None:
        actor = g.get("current_user") if has_request_context() else None
        actor_id = actor.id if actor is not None else None
    event = AuditEvent(
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        changes=changes or None,
        actor_id=actor_id,
        ip_address=request.remote_addr if has_request_context() else None,
    )
    db.session.add(event)
    return event
