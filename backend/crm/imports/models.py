"""An import (the uploaded file, its mapping and mode, its state and counts), the file's bytes,
and one report row per data row of the file."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm.core.pagination import SortField
from crm.core.types import UTCDateTime, utcnow
from crm.extensions import db

if TYPE_CHECKING:
    from crm.auth.models import User

IMPORT_STATUSES = (
    "uploaded",
    "checking",
    "checked",
    "importing",
    "imported",
    "reverting",
    "reverted",
    "failed",
)
OUTCOMES = ("created", "updated", "unchanged", "duplicate", "error", "skipped")
COUNT_KEYS = (*OUTCOMES, "normalised")
# LONGBLOB on MySQL/MariaDB (BLOB stops at 64 KB).
FILE_BYTES = sa.LargeBinary().with_variant(mysql.LONGBLOB(), "mysql", "mariadb")


class Import(db.Model):
    __tablename__ = "imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(sa.String(20))
    mode: Mapped[str] = mapped_column(sa.String(10), default="create")
    match_on: Mapped[str | None] = mapped_column(sa.String(20))
    create_duplicates: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    file_name: Mapped[str] = mapped_column(sa.String(255))
    file_kind: Mapped[str] = mapped_column(sa.String(10))
    encoding: Mapped[str | None] = mapped_column(sa.String(30))
    delimiter: Mapped[str | None] = mapped_column(sa.String(2))
    sheet: Mapped[str | None] = mapped_column(sa.String(100))
    sheets: Mapped[list] = mapped_column(sa.JSON, default=list)
    row_count: Mapped[int] = mapped_column(sa.Integer, default=0)
    columns: Mapped[list] = mapped_column(sa.JSON, default=list)
    mapping: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    samples: Mapped[list] = mapped_column(sa.JSON, default=list)
    status: Mapped[str] = mapped_column(sa.String(20), default="uploaded", index=True)
    counts: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    job_id: Mapped[int | None] = mapped_column(sa.Integer)
    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    committed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    created_by: Mapped[User] = relationship("User", lazy="joined")

    __table_args__ = (sa.Index("ix_imports_created_at_id", "created_at", "id"),)

    @property
    def fields(self) -> list[dict]:
        from crm.imports.mapping import fields_of

        return [{"name": f.name, "required": f.required} for f in fields_of(self.entity)]


class ImportFile(db.Model):
    """The uploaded bytes, read again by the dry-run and the commit jobs (a row of its own so
    loading an import never loads its file)."""

    __tablename__ = "import_files"

    import_id: Mapped[int] = mapped_column(sa.ForeignKey("imports.id"), primary_key=True)
    content: Mapped[bytes] = mapped_column(FILE_BYTES)
    size: Mapped[int] = mapped_column(sa.Integer)


class ImportRow(db.Model):
    """What happened to one data row (the dry-run's verdict, then the commit's)."""

    __tablename__ = "import_rows"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(sa.ForeignKey("imports.id"))
    row_number: Mapped[int] = mapped_column(sa.Integer)
    outcome: Mapped[str] = mapped_column(sa.String(20))
    normalised: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    original: Mapped[dict] = mapped_column(sa.JSON)
    values: Mapped[dict] = mapped_column(sa.JSON)
    changes: Mapped[list] = mapped_column(sa.JSON)
    problems: Mapped[list] = mapped_column(sa.JSON)
    candidates: Mapped[list] = mapped_column(sa.JSON)
    record_id: Mapped[int | None] = mapped_column(sa.Integer)
    # What revert restores: the updated record's fields as they were before this import.
    previous: Mapped[dict | None] = mapped_column(sa.JSON)
    reverted: Mapped[bool] = mapped_column(sa.Boolean, default=False)

    __table_args__ = (
        sa.Index(
            "ix_import_rows_import_id_outcome_row_number", "import_id", "outcome", "row_number"
        ),
        sa.Index("ix_import_rows_import_id_row_number", "import_id", "row_number", unique=True),
        sa.Index(
            "ix_import_rows_import_id_normalised_row_number",
            "import_id",
            "normalised",
            "row_number",
        ),
    )

    @property
    def public_values(self) -> dict:
        """The values without the job's own notes (keys starting with `_`)."""
        return {k: v for k, v in (self.values or {}).items() if not k.startswith("_")}


IMPORT_SORT_FIELDS = {"created_at": SortField("created_at")}
ROW_SORT_FIELDS = {"row_number": SortField("row_number")}
