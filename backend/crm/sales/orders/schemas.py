"""The JSON of sales orders and the query parameters of their list."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import marshmallow as ma
from marshmallow import validate

from crm.core.fields import OptionalText, OwnerFilter, SearchText
from crm.core.i18n import N_, translate
from crm.core.money import Currency, Money, Percent, Quantity
from crm.core.pagination import ListArgsSchema, sort_field
from crm.core.schemas import (
    Id,
    OneOrMore,
    StrictId,
    StrictSchema,
    UtcDateTime,
    WholeNested,
    page_schema,
)
from crm.sales.orders.models import ORDER_SORT_FIELDS, ORDER_STATUSES


class OrderLineSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    product_id = StrictId(allow_none=True, metadata={"description": "Optional: free text lines"})
    product_name = ma.fields.String(dump_only=True, allow_none=True)
    description = OptionalText(
        allow_none=True, max=200, metadata={"description": "Default: the product's name"}
    )
    quantity = Quantity(required=True, positive=True)
    unit_price = Money(metadata={"description": "Default: the product's price"})
    discount = Percent(metadata={"description": "Percent, 0 to 100 (default 0)"})
    line_total = Money(dump_only=True)
    stock_on_hand = Quantity(
        dump_only=True,
        allow_none=True,
        metadata={"description": "The product's stock when the line was written (or confirmed)"},
    )
    stock_short = ma.fields.Boolean(
        dump_only=True, metadata={"description": "The order asks for more than is in stock"}
    )


class StockWarningSchema(ma.Schema):
    product_id = ma.fields.Integer(required=True)
    requested = Quantity(required=True, metadata={"description": "All lines of the product"})
    stock_on_hand = Quantity(required=True)
    message = ma.fields.String(required=True)


def stock_warnings(order) -> list[dict]:
    """One warning per product the order asks more of than is in stock."""
    requested: dict[int, Decimal] = defaultdict(Decimal)
    on_hand: dict[int, Decimal] = {}
    for line in order.lines:
        if line.stock_short and line.product_id is not None:
            requested[line.product_id] += line.quantity
            on_hand[line.product_id] = line.stock_on_hand
    return [
        {
            "product_id": product_id,
            "requested": quantity,
            "stock_on_hand": on_hand[product_id],
            # In the caller's language, like error messages (crm.core.i18n).
            "message": translate(
                N_("Asks for {requested}, {on_hand} in stock.").format(
                    requested=f"{quantity.normalize():f}",
                    on_hand=f"{on_hand[product_id].normalize():f}",
                )
            ),
        }
        for product_id, quantity in requested.items()
    ]


class _StockWarnings(ma.fields.List):
    def __init__(self, **kwargs):
        super().__init__(ma.fields.Nested(StockWarningSchema), dump_only=True, **kwargs)

    def get_value(self, obj, attr, accessor=None, default=ma.missing):
        return stock_warnings(obj)


class OrderSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    number = ma.fields.String(dump_only=True, metadata={"example": "SO-2026-000123"})
    opportunity_id = StrictId(
        allow_none=True,
        metadata={"description": "Create from this won opportunity: its lines, customer, owner"},
    )
    opportunity_name = ma.fields.String(dump_only=True, allow_none=True)
    company_id = StrictId(allow_none=True)
    company_name = ma.fields.String(dump_only=True, allow_none=True)
    contact_id = StrictId(allow_none=True)
    contact_name = ma.fields.String(dump_only=True, allow_none=True)
    owner_id = StrictId(
        allow_none=True, metadata={"description": "Writable by managers and admins"}
    )
    owner_name = ma.fields.String(dump_only=True, allow_none=True)
    status = ma.fields.String(
        dump_only=True,
        validate=validate.OneOf(ORDER_STATUSES),
        metadata={"description": "New orders are drafts; PATCH moves them on"},
    )
    currency = Currency()
    total = Money(dump_only=True)
    notes = OptionalText(allow_none=True, max=10000)
    lines = ma.fields.List(WholeNested(OrderLineSchema), validate=validate.Length(min=1, max=200))
    stock_warnings = _StockWarnings(
        metadata={"description": "Products the order asks more of than is in stock"}
    )
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class OrderUpdateSchema(OrderSchema):
    """PATCH body (loaded with partial=True): status moves along draft -> confirmed -> shipped
    -> completed (or cancelled from draft and confirmed); lines, company and contact change
    while the order is a draft."""

    opportunity_id = ma.fields.Integer(dump_only=True, allow_none=True)
    status = ma.fields.String(
        validate=validate.OneOf(ORDER_STATUSES),
        metadata={
            "description": "draft -> confirmed | cancelled, confirmed -> shipped | cancelled, "
            "shipped -> completed"
        },
    )


OrderPageSchema = page_schema(OrderSchema, "OrderPage")


class OrderListArgsSchema(ListArgsSchema):
    status = OneOrMore(ORDER_STATUSES)
    company_id = Id()
    opportunity_id = Id()
    owner_id = OwnerFilter()
    q = SearchText("Searches the number")
    sort = sort_field(ORDER_SORT_FIELDS, "-created_at")
