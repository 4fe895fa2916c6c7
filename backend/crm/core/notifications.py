"""In-app notifications for a user (an approval decided, a webhook disabled, ...).

`notify` adds a row in the caller's transaction. The message is English source text marked with
`N_` plus its parameters, translated when read, in the reader's language.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from crm.core.types import UTCDateTime, utcnow
from crm.extensions import db


class Notification(db.Model):
    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    # A stable kind clients may branch on, e.g. "approval_decided", "webhook_disabled".
    kind: Mapped[str] = mapped_column(sa.String(40))
    # English source text (marked with N_), formatted with `params` after translation.
    message: Mapped[str] = mapped_column(sa.String(500))
    params: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    # Where the SPA takes the user, e.g. "/orders/12".
    link: Mapped[str | None] = mapped_column(sa.String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (sa.Index("ix_notifications_user_id_id", "user_id", "id"),)


def notify(
    user_id: int, kind: str, message: str, *, params: dict | None = None, link: str | None = None
) -> Notification:
    """Tell a user something; commits (or rolls back) with the caller's work."""
    notification = Notification(
        user_id=user_id, kind=kind, message=message, params=params or {}, link=link
    )
    db.session.add(notification)
    return notification
