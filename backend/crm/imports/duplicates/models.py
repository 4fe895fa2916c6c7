"""What duplicates and merges store: the groups a scan found, the pairs marked "not a
duplicate", and each merge with exactly what it moved and changed (so it can be undone)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm.core.types import UTCDateTime, utcnow
from crm.extensions import db

if TYPE_CHECKING:
    from crm.auth.models import User


class DuplicateDismissal(db.Model):
    """A pair of records of one entity marked "not a duplicate" (lower id first)."""

    __tablename__ = "duplicate_dismissals"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(sa.String(20))
    low_id: Mapped[int] = mapped_column(sa.Integer)
    high_id: Mapped[int] = mapped_column(sa.Integer)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        sa.UniqueConstraint("entity", "low_id", "high_id", name="uq_duplicate_dismissals_pair"),
        sa.Index("ix_duplicate_dismissals_entity_high_id", "entity", "high_id"),
    )


class DuplicateGroup(db.Model):
    """Records of one entity a scan found alike by one rule."""

    __tablename__ = "duplicate_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(sa.String(20))
    key: Mapped[str] = mapped_column(sa.String(255))
    rule: Mapped[str] = mapped_column(sa.String(10))
    score: Mapped[int] = mapped_column(sa.Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (sa.Index("ix_duplicate_groups_entity_id", "entity", "id"),)


class DuplicateGroupMember(db.Model):
    __tablename__ = "duplicate_group_members"

    group_id: Mapped[int] = mapped_column(
        sa.ForeignKey("duplicate_groups.id", ondelete="CASCADE"), primary_key=True
    )
    record_id: Mapped[int] = mapped_column(sa.Integer, primary_key=True)


class Merge(db.Model):
    """One merge: the primary, the duplicates, every linked record moved (per kind, per
    duplicate) and the primary's values before it (what undo restores)."""

    __tablename__ = "merges"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(sa.String(20))
    primary_id: Mapped[int] = mapped_column(sa.Integer)
    duplicate_ids: Mapped[list] = mapped_column(sa.JSON)
    # {kind: {duplicate id (str): [moved record ids]}}
    moved: Mapped[dict] = mapped_column(sa.JSON)
    # The primary's fields the merge changed, as they were.
    previous: Mapped[dict] = mapped_column(sa.JSON)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    undo_until: Mapped[datetime] = mapped_column(UTCDateTime)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id], lazy="joined")

    __table_args__ = (sa.Index("ix_merges_entity_primary_id", "entity", "primary_id"),)
