from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from crm.core.models import TimestampMixin, VersionMixin
from crm.core.pagination import SortField
from crm.extensions import db


class Product(TimestampMixin, VersionMixin, db.Model):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(sa.String(64), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    unit: Mapped[str] = mapped_column(sa.String(20), default="pcs")
    price: Mapped[Decimal] = mapped_column(sa.Numeric(18, 2), default=Decimal("0"))
    currency: Mapped[str] = mapped_column(sa.String(3), default="CNY")
    stock_quantity: Mapped[Decimal | None] = mapped_column(sa.Numeric(18, 3))
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True, index=True)

    __table_args__ = (
        sa.Index("ix_products_name_id", "name", "id"),
        sa.Index("ix_products_created_at_id", "created_at", "id"),
        sa.Index("ix_products_updated_at_id", "updated_at", "id"),
    )


PRODUCT_SORT_FIELDS = {
    "sku": SortField("sku"),
    "name": SortField("name"),
    "created_at": SortField("created_at"),
    "updated_at": SortField("updated_at"),
}
