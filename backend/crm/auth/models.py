from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm.core.models import TimestampMixin, VersionMixin
from crm.core.pagination import SortField
from crm.core.types import UTCDateTime, utcnow
from crm.extensions import db


class Team(db.Model):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(TimestampMixin, VersionMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(100))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[str] = mapped_column(sa.String(20), index=True)
    team_id: Mapped[int | None] = mapped_column(sa.ForeignKey("teams.id"), index=True)
    locale: Mapped[str] = mapped_column(sa.String(10), default="zh-CN")
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)

    team: Mapped[Team | None] = relationship(lazy="joined")


class LoginSession(db.Model):
    """One login: its refresh tokens rotate, and only the newest one may be used."""

    __tablename__ = "login_sessions"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    refresh_jti: Mapped[str] = mapped_column(sa.String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ip_address: Mapped[str | None] = mapped_column(sa.String(45))
    user_agent: Mapped[str | None] = mapped_column(sa.String(255))


USER_SORT_FIELDS = {
    "created_at": SortField("created_at"),
    "name": SortField("name"),
    "email": SortField("email"),
}
