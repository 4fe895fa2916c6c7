from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, validates

from crm.core.dedupe import company_name_key
from crm.core.models import OwnedRecordMixin
from crm.core.pagination import SortField
from crm.extensions import db

COMPANY_SIZES = ("1-10", "11-50", "51-200", "201-1000", "1001+")


class Company(OwnedRecordMixin, db.Model):
    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    industry: Mapped[str | None] = mapped_column(sa.String(100), index=True)
    size: Mapped[str | None] = mapped_column(sa.String(20))
    website: Mapped[str | None] = mapped_column(sa.String(255))
    phone: Mapped[str | None] = mapped_column(sa.String(32), index=True)
    address: Mapped[str | None] = mapped_column(sa.String(500))
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id"), index=True)
    description: Mapped[str | None] = mapped_column(sa.Text)
    # The name without legal form, case and punctuation (duplicate rules), kept by `name`.
    name_key: Mapped[str] = mapped_column(sa.String(200), default="", index=True)
    # A duplicate merged into another company points at it (and is soft-deleted).
    merged_into_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id"), index=True)

    __table_args__ = (
        sa.Index("ix_companies_created_at_id", "created_at", "id"),
        sa.Index("ix_companies_updated_at_id", "updated_at", "id"),
        sa.Index("ix_companies_name_id", "name", "id"),
    )

    @validates("name")
    def _keep_name_key(self, _key, name):
        self.name_key = company_name_key(name)
        return name


class Contact(OwnedRecordMixin, db.Model):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id"), index=True)
    title: Mapped[str | None] = mapped_column(sa.String(100))
    email: Mapped[str | None] = mapped_column(sa.String(254), index=True)
    phone: Mapped[str | None] = mapped_column(sa.String(32), index=True)
    description: Mapped[str | None] = mapped_column(sa.Text)
    merged_into_id: Mapped[int | None] = mapped_column(sa.ForeignKey("contacts.id"), index=True)

    __table_args__ = (
        sa.Index("ix_contacts_created_at_id", "created_at", "id"),
        sa.Index("ix_contacts_updated_at_id", "updated_at", "id"),
        sa.Index("ix_contacts_name_id", "name", "id"),
    )


COMPANY_SORT_FIELDS = {
    "created_at": SortField("created_at"),
    "updated_at": SortField("updated_at"),
    "name": SortField("name"),
}
CONTACT_SORT_FIELDS = COMPANY_SORT_FIELDS
