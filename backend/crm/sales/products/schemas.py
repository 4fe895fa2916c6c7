"""The JSON of products, the list's query parameters, and the ERP's bulk upsert."""

from __future__ import annotations

import re

import marshmallow as ma
from marshmallow import validate

from crm.core.errors import flatten_messages
from crm.core.fields import RequiredText, SearchText
from crm.core.i18n import N_
from crm.core.money import Currency, Money, Quantity
from crm.core.pagination import ListArgsSchema, sort_field
from crm.core.schemas import StrictSchema, UtcDateTime, page_schema
from crm.sales.products.models import PRODUCT_SORT_FIELDS

MAX_BATCH = 1000
# Printable ASCII, single inner spaces: the same SKU compares equal on every database (MySQL's
# case-insensitive collation and SQLite's binary one agree on ASCII once case is folded).
SKU_PATTERN = re.compile(r"^[!-~]+( [!-~]+)*$")
UPSERT_STATUSES = ("created", "updated", "unchanged", "error")


class Sku(ma.fields.String):
    """A stock-keeping unit: trimmed, 1-64 printable ASCII characters."""

    def __init__(self, **kwargs):
        metadata = {
            "description": "Unique, case-insensitive; printable ASCII, at most 64 characters",
            "minLength": 1,
            "maxLength": 64,
            "pattern": SKU_PATTERN.pattern,
            **kwargs.pop("metadata", {}),
        }
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        if not text:
            raise ma.ValidationError(N_("Field may not be blank."))
        if len(text) > 64:
            raise ma.ValidationError(N_("Longer than maximum length 64."))
        if not SKU_PATTERN.fullmatch(text):
            raise ma.ValidationError(N_("Use letters, digits and punctuation (ASCII), no tabs."))
        return text


class ProductSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    sku = Sku(required=True)
    name = RequiredText(required=True, max=200)
    unit = RequiredText(max=20, metadata={"description": "pcs, set, kg ... (default pcs)"})
    price = Money(metadata={"description": "List price, decimal string (default 0.00)"})
    currency = Currency()
    stock_quantity = Quantity(
        allow_none=True,
        metadata={"description": "On hand, as the ERP reports it; null when unknown"},
    )
    active = ma.fields.Boolean(metadata={"description": "Inactive products are not sold"})
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class ProductUpdateSchema(ProductSchema):
    """PATCH body (loaded with partial=True)."""


ProductPageSchema = page_schema(ProductSchema, "ProductPage")


class ProductListArgsSchema(ListArgsSchema):
    q = SearchText("Searches SKU and name")
    active = ma.fields.Boolean()
    sort = sort_field(PRODUCT_SORT_FIELDS, "sku")


class ProductUpsertItemSchema(ProductSchema):
    """One item of a bulk upsert: `sku` finds the product; the fields sent are set, the others
    kept (`name` is needed to create a product)."""

    name = RequiredText(max=200, metadata={"description": "Required for a new SKU"})


class PerItemList(ma.fields.List):
    """A list documented with its item schema, whose items are checked one by one afterwards,
    so a malformed item fails alone instead of failing the request."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, list | tuple):
            raise self.make_error("invalid")
        return list(value)


class BulkUpsertSchema(StrictSchema):
    items = PerItemList(
        ma.fields.Nested(ProductUpsertItemSchema),
        required=True,
        validate=validate.Length(
            min=1, max=MAX_BATCH, error=N_("Send between {min} and {max} items per request.")
        ),
        metadata={"description": f"1 to {MAX_BATCH} products, matched by SKU"},
    )


class UpsertResultSchema(ma.Schema):
    sku = ma.fields.String(required=True, allow_none=True)
    status = ma.fields.String(required=True, validate=validate.OneOf(UPSERT_STATUSES))
    id = ma.fields.Integer(
        allow_none=True,
        metadata={"description": "The product, unless error", "optional_in_response": True},
    )
    errors = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.List(ma.fields.String()),
        metadata={
            "description": "Messages per field, for an item in error",
            "optional_in_response": True,
        },
    )


class BulkUpsertResultSchema(ma.Schema):
    results = ma.fields.List(
        ma.fields.Nested(UpsertResultSchema),
        required=True,
        metadata={"description": "One per item, in the order sent"},
    )


def parse_upsert_items(items: list) -> list[dict]:
    """Each item loaded on its own: `{"sku", "data"}` when valid, `{"sku", "errors"}` when not."""
    schema = ProductUpsertItemSchema()
    parsed = []
    for item in items:
        sku = item.get("sku") if isinstance(item, dict) else None
        sku = sku.strip() if isinstance(sku, str) else None
        if not isinstance(item, dict):
            parsed.append({"sku": None, "errors": {"_schema": ["Each item must be an object."]}})
            continue
        try:
            data = schema.load(item)
        except ma.ValidationError as exc:
            parsed.append({"sku": sku, "errors": flatten_messages(exc.messages)})
            continue
        parsed.append({"sku": data["sku"], "data": data})
    return parsed
