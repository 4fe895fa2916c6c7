"""Domain events in an outbox: written in the same transaction as the change they describe.

`emit` adds an `OutboxEvent` to the current session, so an event exists exactly when its change
commits (a rolled-back change leaves no event, a committed change always has one). Delivery to
webhooks reads the outbox after the commit; nothing here knows who listens.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from crm.core.types import UTCDateTime, utcnow
from crm.extensions import db


class OutboxEvent(db.Model):
    __tablename__ = "outbox_events"

    # Ascending in commit order per database: delivery keeps each resource's events in this order.
    id: Mapped[int] = mapped_column(primary_key=True)
    # The event's public id (the webhook body's `id`).
    uid: Mapped[str] = mapped_column(sa.String(36), unique=True)
    # e.g. "lead.created", "opportunity.won", "approval.decided"
    type: Mapped[str] = mapped_column(sa.String(60))
    resource_type: Mapped[str] = mapped_column(sa.String(30))
    resource_id: Mapped[str] = mapped_column(sa.String(64))
    # The resource as the API shows it, at the moment of the change.
    data: Mapped[dict] = mapped_column(sa.JSON)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set once the event has been fanned out to the webhooks subscribed at that time.
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (sa.Index("ix_outbox_events_dispatched_at_id", "dispatched_at", "id"),)


def emit(type: str, resource_type: str, resource_id: Any, data: dict) -> OutboxEvent:
    """Record that `type` happened to a resource; commits (or rolls back) with the caller's work."""
    event = OutboxEvent(
        uid=str(uuid.uuid4()),
        type=type,
        resource_type=resource_type,
        resource_id=str(resource_id),
        data=data,
        occurred_at=utcnow(),
    )
    db.session.add(event)
    return event
