from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from crm.core.dedupe import company_name_key
from crm.core.models import OwnedRecordMixin, TimestampMixin, VersionMixin
from crm.core.pagination import SortField
from crm.core.types import UTCDateTime
from crm.extensions import db

if TYPE_CHECKING:
    from crm.auth.models import User
    from crm.customers.models import Company, Contact
    from crm.sales.pipeline.models import Opportunity

LEAD_SOURCES = ("web", "referral", "event", "cold_call", "advertisement", "partner", "other")
LEAD_STATUSES = ("new", "contacted", "qualified", "unqualified", "converted")
FOLLOW_UP_KINDS = ("call", "email", "meeting", "visit", "note", "task")


class Lead(OwnedRecordMixin, db.Model):
    __tablename__ = "leads"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    company_name: Mapped[str | None] = mapped_column(sa.String(200))
    title: Mapped[str | None] = mapped_column(sa.String(100))
    email: Mapped[str | None] = mapped_column(sa.String(254), index=True)
    phone: Mapped[str | None] = mapped_column(sa.String(32), index=True)
    source: Mapped[str] = mapped_column(sa.String(20), default="other", index=True)
    status: Mapped[str] = mapped_column(sa.String(20), default="new", index=True)
    description: Mapped[str | None] = mapped_column(sa.Text)
    last_contacted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_follow_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # What a converted lead became.
    converted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    converted_company_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("companies.id"), index=True
    )
    converted_contact_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("contacts.id"), index=True
    )
    converted_opportunity_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("opportunities.id", use_alter=True), index=True
    )
    # `company_name` without legal form, case and punctuation (duplicate rules; indexed with
    # the person's name, the order in which the rules compare leads).
    company_name_key: Mapped[str] = mapped_column(sa.String(200), default="")
    # A duplicate merged into another lead points at it (and is soft-deleted).
    merged_into_id: Mapped[int | None] = mapped_column(sa.ForeignKey("leads.id"), index=True)

    # Read-only: what the lead became, named in the lead JSON (one query per list, and only
    # when the page has converted leads).
    converted_company: Mapped[Company | None] = relationship(
        foreign_keys=[converted_company_id], lazy="selectin", viewonly=True
    )
    converted_contact: Mapped[Contact | None] = relationship(
        foreign_keys=[converted_contact_id], lazy="selectin", viewonly=True
    )
    converted_opportunity: Mapped[Opportunity | None] = relationship(
        foreign_keys=[converted_opportunity_id], lazy="selectin", viewonly=True
    )
    __table_args__ = (
        # Keyset pagination walks (sort key, id) for every sort we offer.
        sa.Index("ix_leads_created_at_id", "created_at", "id"),
        sa.Index("ix_leads_updated_at_id", "updated_at", "id"),
        sa.Index("ix_leads_name_id", "name", "id"),
        sa.Index("ix_leads_next_follow_up_at_id", "next_follow_up_at", "id"),
        sa.Index("ix_leads_last_contacted_at_id", "last_contacted_at", "id"),
        sa.Index("ix_leads_company_name_key_name", "company_name_key", "name"),
    )

    @validates("company_name")
    def _keep_company_name_key(self, _key, company_name):
        self.company_name_key = company_name_key(company_name)
        return company_name

    @property
    def converted_company_name(self) -> str | None:
        return self.converted_company.name if self.converted_company is not None else None

    @property
    def converted_contact_name(self) -> str | None:
        return self.converted_contact.name if self.converted_contact is not None else None

    @property
    def converted_opportunity_name(self) -> str | None:
        opportunity = self.converted_opportunity
        return opportunity.name if opportunity is not None else None


class FollowUp(TimestampMixin, VersionMixin, db.Model):
    """A call, visit, meeting, task... on exactly one customer record."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int | None] = mapped_column(sa.ForeignKey("leads.id"))
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id"))
    contact_id: Mapped[int | None] = mapped_column(sa.ForeignKey("contacts.id"))
    opportunity_id: Mapped[int | None] = mapped_column(sa.ForeignKey("opportunities.id"))
    kind: Mapped[str] = mapped_column(sa.String(20))
    content: Mapped[str] = mapped_column(sa.Text)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    author: Mapped[User | None] = relationship(foreign_keys=[author_id], lazy="joined")

    __table_args__ = (
        sa.Index("ix_follow_ups_lead_id_created_at_id", "lead_id", "created_at", "id"),
        sa.Index("ix_follow_ups_lead_id_done_at_due_at", "lead_id", "done_at", "due_at"),
        sa.Index("ix_follow_ups_company_id_created_at_id", "company_id", "created_at", "id"),
        sa.Index("ix_follow_ups_contact_id_created_at_id", "contact_id", "created_at", "id"),
        sa.Index(
            "ix_follow_ups_opportunity_id_created_at_id", "opportunity_id", "created_at", "id"
        ),
    )

    @property
    def author_name(self) -> str | None:
        return self.author.name if self.author is not None else None


LEAD_SORT_FIELDS = {
    "created_at": SortField("created_at"),
    "updated_at": SortField("updated_at"),
    "name": SortField("name"),
    "next_follow_up_at": SortField("next_follow_up_at", nullable=True),
    "last_contacted_at": SortField("last_contacted_at", nullable=True),
}
FOLLOW_UP_SORT_FIELDS = {"created_at": SortField("created_at")}
