from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm.core.models import CustomerLinksMixin, OwnedRecordMixin
from crm.core.pagination import SortField
from crm.extensions import db
from crm.sales.pipeline.models import Opportunity
from crm.sales.products.models import Product

ORDER_STATUSES = ("draft", "confirmed", "shipped", "completed", "cancelled")
MONEY = sa.Numeric(18, 2)
QUANTITY = sa.Numeric(18, 3)


class SalesOrder(CustomerLinksMixin, OwnedRecordMixin, db.Model):
    __tablename__ = "sales_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(sa.String(30), unique=True)
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(sa.ForeignKey("contacts.id"), index=True)
    opportunity_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("opportunities.id"), index=True
    )
    status: Mapped[str] = mapped_column(sa.String(20), default="draft", index=True)
    currency: Mapped[str] = mapped_column(sa.String(3), default="CNY")
    total: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    notes: Mapped[str | None] = mapped_column(sa.Text)

    # Read-only: the order JSON names it.
    opportunity: Mapped[Opportunity | None] = relationship(lazy="selectin", viewonly=True)
    lines: Mapped[list[OrderLine]] = relationship(
        order_by="OrderLine.position", lazy="selectin", cascade="all, delete-orphan"
    )

    __table_args__ = (
        sa.Index("ix_sales_orders_created_at_id", "created_at", "id"),
        sa.Index("ix_sales_orders_updated_at_id", "updated_at", "id"),
        sa.Index("ix_sales_orders_total_id", "total", "id"),
    )

    @property
    def opportunity_name(self) -> str | None:
        return self.opportunity.name if self.opportunity is not None else None


class OrderLine(db.Model):
    __tablename__ = "sales_order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(sa.ForeignKey("sales_orders.id"), index=True)
    product_id: Mapped[int | None] = mapped_column(sa.ForeignKey("products.id"), index=True)
    description: Mapped[str | None] = mapped_column(sa.String(200))
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    unit_price: Mapped[Decimal] = mapped_column(MONEY)
    discount: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2), default=Decimal("0"))
    line_total: Mapped[Decimal] = mapped_column(MONEY)
    stock_on_hand: Mapped[Decimal | None] = mapped_column(QUANTITY)
    stock_short: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    position: Mapped[int] = mapped_column(sa.Integer, default=0)

    # Read-only, loaded with the lines: the line JSON names its product.
    product: Mapped[Product | None] = relationship(lazy="joined", viewonly=True)

    @property
    def product_name(self) -> str | None:
        return self.product.name if self.product is not None else None


ORDER_SORT_FIELDS = {
    "created_at": SortField("created_at"),
    "updated_at": SortField("updated_at"),
    "total": SortField("total"),
}
