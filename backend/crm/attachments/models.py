from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm.core.pagination import SortField
from crm.core.types import UTCDateTime, utcnow
from crm.extensions import db

if TYPE_CHECKING:
    from crm.auth.models import User

ATTACHMENT_STATUSES = ("pending", "ready")
# The records a file can be attached to: the URL segment, and the column naming the record.
ATTACHMENT_OWNERS = {
    "tickets": "ticket_id",
    "leads": "lead_id",
    "companies": "company_id",
    "opportunities": "opportunity_id",
}
# The `record_type` of each owner column in the API.
RECORD_TYPES = {
    "ticket_id": "ticket",
    "lead_id": "lead",
    "company_id": "company",
    "opportunity_id": "opportunity",
}


class Attachment(db.Model):
    """Metadata of a stored file. The row is written `pending` before the bytes are streamed
    into the store and becomes `ready` after, so a crash never leaves a visible half file."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The record it is attached to: exactly one of these is set.
    ticket_id: Mapped[int | None] = mapped_column(sa.ForeignKey("tickets.id"))
    lead_id: Mapped[int | None] = mapped_column(sa.ForeignKey("leads.id"))
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id"))
    opportunity_id: Mapped[int | None] = mapped_column(sa.ForeignKey("opportunities.id"))
    store_backend: Mapped[str] = mapped_column(sa.String(10))
    store_id: Mapped[str] = mapped_column(sa.String(64), unique=True)
    filename: Mapped[str] = mapped_column(sa.String(255))
    content_type: Mapped[str] = mapped_column(sa.String(100))
    size: Mapped[int | None] = mapped_column(sa.BigInteger)
    sha256: Mapped[str | None] = mapped_column(sa.String(64))
    status: Mapped[str] = mapped_column(sa.String(10), default="pending")
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    upload_link_id: Mapped[int | None] = mapped_column(sa.ForeignKey("upload_links.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ready_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    uploaded_by: Mapped[User | None] = relationship(foreign_keys=[uploaded_by_id], lazy="joined")

    __table_args__ = (
        sa.Index("ix_attachments_ticket_id_created_at_id", "ticket_id", "created_at", "id"),
        sa.Index("ix_attachments_lead_id_created_at_id", "lead_id", "created_at", "id"),
        sa.Index("ix_attachments_company_id_created_at_id", "company_id", "created_at", "id"),
        sa.Index(
            "ix_attachments_opportunity_id_created_at_id", "opportunity_id", "created_at", "id"
        ),
        sa.Index("ix_attachments_status_created_at", "status", "created_at"),
    )

    @property
    def uploaded_by_name(self) -> str | None:
        return self.uploaded_by.name if self.uploaded_by is not None else None

    @property
    def owner_column(self) -> str:
        return next(column for column in RECORD_TYPES if getattr(self, column) is not None)

    @property
    def record_type(self) -> str:
        return RECORD_TYPES[self.owner_column]

    @property
    def record_id(self) -> int:
        return getattr(self, self.owner_column)

    @property
    def uploaded_via(self) -> str:
        return "upload_link" if self.upload_link_id is not None else "user"


class UploadLink(db.Model):
    """A link a customer uses to send files to one ticket, without an account. Only the
    SHA-256 of its random token is stored; the token itself is shown once, at creation."""

    __tablename__ = "upload_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(sa.ForeignKey("tickets.id"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    max_files: Mapped[int] = mapped_column(sa.Integer)
    max_total_bytes: Mapped[int] = mapped_column(sa.BigInteger)
    files_used: Mapped[int] = mapped_column(sa.Integer, default=0)
    bytes_used: Mapped[int] = mapped_column(sa.BigInteger, default=0)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def files_remaining(self) -> int:
        return max(self.max_files - self.files_used, 0)

    @property
    def bytes_remaining(self) -> int:
        return max(self.max_total_bytes - self.bytes_used, 0)

    @property
    def active(self) -> bool:
        """Still usable: not revoked, not expired, and neither quota used up."""
        return (
            self.revoked_at is None
            and self.expires_at > utcnow()
            and self.files_remaining > 0
            and self.bytes_remaining > 0
        )


ATTACHMENT_SORT_FIELDS = {"created_at": SortField("created_at")}
UPLOAD_LINK_SORT_FIELDS = {"created_at": SortField("created_at")}
