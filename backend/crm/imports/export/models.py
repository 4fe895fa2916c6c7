"""Exports built by a job: the file's metadata, and its bytes in chunks.

The bytes live in this domain's own table rather than the attachment store: an export is a
short-lived file with no record to hang on, the attachment sweep would take its bytes for an
orphan (no attachment row names them), and chunks written in the job's transaction leave no
half file behind after a crash (the retried job starts the file again). Chunks of 1 MB keep
memory flat both ways: the job writes one at a time, the download reads one at a time.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm.core.types import UTCDateTime, utcnow
from crm.extensions import db

if TYPE_CHECKING:
    from crm.auth.models import User

EXPORT_STATUSES = ("building", "ready", "failed")
EXPORT_FORMATS = ("csv", "xlsx")
CHUNK_BYTES = 1024 * 1024
# MEDIUMBLOB on MySQL (BLOB stops at 64 KB).
CHUNK_TYPE = sa.LargeBinary().with_variant(mysql.MEDIUMBLOB(), "mysql", "mariadb")


class Export(db.Model):
    __tablename__ = "exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    resource: Mapped[str] = mapped_column(sa.String(20))
    format: Mapped[str] = mapped_column(sa.String(4))
    # The list's query parameters as sent (its filters and sort), and the selected ids.
    filters: Mapped[dict] = mapped_column(sa.JSON)
    ids: Mapped[list | None] = mapped_column(sa.JSON)
    language: Mapped[str] = mapped_column(sa.String(10))
    file_name: Mapped[str] = mapped_column(sa.String(100))
    content_type: Mapped[str] = mapped_column(sa.String(100))
    status: Mapped[str] = mapped_column(sa.String(10), default="building")
    rows: Mapped[int | None] = mapped_column(sa.Integer)
    size: Mapped[int | None] = mapped_column(sa.BigInteger)
    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id], lazy="joined")


class ExportChunk(db.Model):
    __tablename__ = "export_chunks"

    id: Mapped[int] = mapped_column(primary_key=True)
    export_id: Mapped[int] = mapped_column(sa.ForeignKey("exports.id"))
    position: Mapped[int] = mapped_column(sa.Integer)
    data: Mapped[bytes] = mapped_column(CHUNK_TYPE)

    __table_args__ = (
        sa.UniqueConstraint("export_id", "position", name="uq_export_chunks_export_id_position"),
    )
