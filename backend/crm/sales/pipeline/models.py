from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm.core.models import CustomerLinksMixin, OwnedRecordMixin, TimestampMixin, VersionMixin
from crm.core.pagination import SortField
from crm.core.types import UTCDateTime, utcnow
from crm.extensions import db
from crm.sales.products.models import Product

STAGE_KINDS = ("open", "won", "lost")
OPPORTUNITY_STATUSES = STAGE_KINDS
MONEY = sa.Numeric(18, 2)
QUANTITY = sa.Numeric(18, 3)


class Pipeline(TimestampMixin, VersionMixin, db.Model):
    __tablename__ = "pipelines"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(100))
    template: Mapped[str | None] = mapped_column(sa.String(30))
    is_default: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    stages: Mapped[list[Stage]] = relationship(
        back_populates="pipeline", order_by="Stage.position", lazy="selectin"
    )


class Stage(db.Model):
    __tablename__ = "stages"

    id: Mapped[int] = mapped_column(primary_key=True)
    pipeline_id: Mapped[int] = mapped_column(sa.ForeignKey("pipelines.id"))
    name: Mapped[str] = mapped_column(sa.String(100))
    position: Mapped[int] = mapped_column(sa.Integer)
    probability: Mapped[int] = mapped_column(sa.Integer, default=0)
    kind: Mapped[str] = mapped_column(sa.String(10), default="open")
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    pipeline: Mapped[Pipeline] = relationship(back_populates="stages")

    __table_args__ = (sa.Index("ix_stages_pipeline_id_position", "pipeline_id", "position"),)


class Opportunity(CustomerLinksMixin, OwnedRecordMixin, db.Model):
    __tablename__ = "opportunities"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(sa.ForeignKey("contacts.id"), index=True)
    lead_id: Mapped[int | None] = mapped_column(sa.ForeignKey("leads.id"), index=True)
    pipeline_id: Mapped[int] = mapped_column(sa.ForeignKey("pipelines.id"))
    stage_id: Mapped[int] = mapped_column(sa.ForeignKey("stages.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    currency: Mapped[str] = mapped_column(sa.String(3), default="CNY")
    expected_close_date: Mapped[date | None] = mapped_column(sa.Date)
    probability: Mapped[int | None] = mapped_column(sa.Integer)
    status: Mapped[str] = mapped_column(sa.String(10), default="open", index=True)
    lost_reason: Mapped[str | None] = mapped_column(sa.String(500))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    description: Mapped[str | None] = mapped_column(sa.Text)

    stage: Mapped[Stage] = relationship(lazy="joined")
    lines: Mapped[list[OpportunityLine]] = relationship(
        order_by="OpportunityLine.position", lazy="selectin", cascade="all, delete-orphan"
    )

    __table_args__ = (
        sa.Index("ix_opportunities_pipeline_id_stage_id", "pipeline_id", "stage_id"),
        sa.Index("ix_opportunities_created_at_id", "created_at", "id"),
        sa.Index("ix_opportunities_updated_at_id", "updated_at", "id"),
        sa.Index("ix_opportunities_name_id", "name", "id"),
        sa.Index("ix_opportunities_amount_id", "amount", "id"),
        sa.Index("ix_opportunities_expected_close_date_id", "expected_close_date", "id"),
    )


class OpportunityLine(db.Model):
    __tablename__ = "opportunity_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(sa.ForeignKey("opportunities.id"), index=True)
    product_id: Mapped[int] = mapped_column(sa.ForeignKey("products.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    unit_price: Mapped[Decimal] = mapped_column(MONEY)
    discount: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2), default=Decimal("0"))
    position: Mapped[int] = mapped_column(sa.Integer, default=0)

    # Read-only, loaded with the lines: the line JSON names its product.
    product: Mapped[Product] = relationship(lazy="joined", viewonly=True)

    @property
    def product_name(self) -> str | None:
        return self.product.name if self.product is not None else None


class StageChange(db.Model):
    """A stage move of an opportunity: who moved it where, and when."""

    __tablename__ = "stage_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(sa.ForeignKey("opportunities.id"))
    from_stage_id: Mapped[int | None] = mapped_column(sa.ForeignKey("stages.id"))
    to_stage_id: Mapped[int] = mapped_column(sa.ForeignKey("stages.id"))
    changed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        sa.Index("ix_stage_changes_opportunity_id_changed_at", "opportunity_id", "changed_at"),
    )


OPPORTUNITY_SORT_FIELDS = {
    "created_at": SortField("created_at"),
    "updated_at": SortField("updated_at"),
    "name": SortField("name"),
    "amount": SortField("amount"),
    "expected_close_date": SortField("expected_close_date", nullable=True),
}
