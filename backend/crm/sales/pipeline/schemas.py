"""The JSON of pipelines, stages, opportunities and the board, and their lists' parameters."""

from __future__ import annotations

from datetime import date

import marshmallow as ma
from marshmallow import validate

from crm.core.fields import OptionalText, OwnerFilter, RequiredText, SearchText
from crm.core.i18n import N_
from crm.core.money import Currency, Money, Percent, Quantity, line_total
from crm.core.pagination import ListArgsSchema, SortField, sort_field
from crm.core.schemas import (
    Id,
    OneOrMore,
    StrictId,
    StrictSchema,
    UtcDateTime,
    WholeNested,
    page_schema,
)
from crm.sales.pipeline.models import OPPORTUNITY_SORT_FIELDS, OPPORTUNITY_STATUSES, STAGE_KINDS

TEMPLATES = ("manufacturing", "services")
PIPELINE_SORT_FIELDS = {"name": SortField("name"), "created_at": SortField("created_at")}
MAX_STAGES = 30
EARLIEST_DATE = "1970-01-01"
LATEST_DATE = "2999-12-31"


def date_field(**kwargs) -> ma.fields.Date:
    metadata = {"description": "YYYY-MM-DD"}
    metadata.update(kwargs.pop("metadata", {}))
    metadata["description"] += f", between {EARLIEST_DATE} and {LATEST_DATE}"
    return ma.fields.Date(
        validate=validate.Range(min=date(1970, 1, 1), max=date(2999, 12, 31)),
        metadata=metadata,
        **kwargs,
    )


# --- pipelines and stages -----------------------------------------------------------------


class StageSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    name = RequiredText(required=True, max=100)
    position = ma.fields.Integer(
        dump_only=True, metadata={"description": "0 first; change the order with PATCH stages"}
    )
    probability = ma.fields.Integer(
        strict=True,
        validate=validate.Range(min=0, max=100),
        metadata={"description": "Default win probability (percent) of its opportunities"},
    )
    kind = ma.fields.String(
        validate=validate.OneOf(STAGE_KINDS),
        metadata={"description": "open, or won / lost: moving there closes the opportunity"},
    )
    archived_at = UtcDateTime(
        dump_only=True,
        allow_none=True,
        metadata={"description": "Set when archived: no new opportunities go there"},
    )


class StageCreateSchema(StageSchema):
    position = ma.fields.Integer(
        strict=True,
        validate=validate.Range(min=0, max=MAX_STAGES),
        metadata={"description": "Where to insert (0 first); default: before the won/lost stages"},
    )


class StageUpdateSchema(StageSchema):
    """PATCH body of a stage (loaded with partial=True)."""


class StageOrderSchema(StrictSchema):
    stage_ids = ma.fields.List(
        StrictId(),
        required=True,
        validate=validate.Length(min=1, max=MAX_STAGES),
        metadata={"description": "Every stage that is not archived, in the new order"},
    )


class PipelineSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    name = RequiredText(required=True, max=100)
    template = ma.fields.String(dump_only=True, allow_none=True)
    is_default = ma.fields.Boolean(
        metadata={"description": "Where new opportunities go unless told otherwise"}
    )
    archived_at = UtcDateTime(dump_only=True, allow_none=True)
    stages = ma.fields.List(
        ma.fields.Nested(StageSchema),
        dump_only=True,
        metadata={"description": "Ordered by position; archived ones too (see archived_at)"},
    )
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class PipelineCreateSchema(StrictSchema):
    name = RequiredText(max=100, metadata={"description": "Default: the template's name"})
    template = ma.fields.String(
        validate=validate.OneOf(TEMPLATES),
        metadata={"description": "manufacturing or services: a pipeline with ready-made stages"},
    )
    is_default = ma.fields.Boolean()
    stages = ma.fields.List(
        ma.fields.Nested(StageSchema),
        validate=validate.Length(min=1, max=MAX_STAGES),
        metadata={"description": "The stages, in order (when not from a template)"},
    )

    @ma.validates_schema
    def _template_or_stages(self, data, **kwargs):
        if "template" in data and "stages" in data:
            raise ma.ValidationError(N_("Send a template or stages, not both."), "stages")
        if "template" not in data:
            if "stages" not in data:
                raise ma.ValidationError(N_("Send a template, or a name and stages."), "template")
            if "name" not in data:
                raise ma.ValidationError(N_("Missing data for required field."), "name")
            if not any(stage.get("kind", "open") == "open" for stage in data["stages"]):
                raise ma.ValidationError(N_("At least one stage must be open."), "stages")


class PipelineUpdateSchema(PipelineSchema):
    """PATCH body (loaded with partial=True)."""


PipelinePageSchema = page_schema(PipelineSchema, "PipelinePage")


class PipelineListArgsSchema(ListArgsSchema):
    archived = ma.fields.Boolean(
        load_default=False, metadata={"description": "true lists the archived pipelines"}
    )
    sort = sort_field(PIPELINE_SORT_FIELDS, "name")


class BoardArgsSchema(ma.Schema):
    owner_id = OwnerFilter()
    currency = Currency(
        load_default="CNY",
        metadata={"description": "Totals add up the opportunities in this currency (CNY)"},
    )


class BoardColumnSchema(ma.Schema):
    stage = ma.fields.Nested(StageSchema, required=True)
    count = ma.fields.Integer(required=True, metadata={"description": "Opportunities you see"})
    total_amount = Money(required=True)
    weighted_amount = Money(
        required=True, metadata={"description": "Sum of amount x probability / 100"}
    )
    other_currency_count = ma.fields.Integer(
        required=True, metadata={"description": "Counted, but not in the totals"}
    )


class BoardSchema(ma.Schema):
    pipeline_id = ma.fields.Integer(required=True)
    currency = ma.fields.String(required=True)
    columns = ma.fields.List(
        ma.fields.Nested(BoardColumnSchema),
        required=True,
        metadata={
            "description": "The stages in order; an archived stage only while it holds "
            "opportunities you see"
        },
    )


# --- opportunities ------------------------------------------------------------------------


class _LineTotal(ma.fields.Decimal):
    """quantity x unit_price x (1 - discount/100), computed when answering."""

    def __init__(self, **kwargs):
        metadata = {"type": "string", "format": "decimal", "description": "Computed"}
        super().__init__(places=2, as_string=True, dump_only=True, metadata=metadata, **kwargs)

    def get_value(self, obj, attr, accessor=None, default=ma.missing):
        return line_total(obj.quantity, obj.unit_price, obj.discount)


class OpportunityLineSchema(StrictSchema):
    product_id = StrictId(required=True)
    product_name = ma.fields.String(dump_only=True, allow_none=True)
    quantity = Quantity(required=True, positive=True)
    unit_price = Money(metadata={"description": "Default: the product's price"})
    discount = Percent(metadata={"description": "Percent, 0 to 100 (default 0)"})
    line_total = _LineTotal()


class _EffectiveProbability(ma.fields.Integer):
    """Written as given (null: the stage's default); answered as the value in effect."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None and getattr(obj, "stage", None) is not None:
            value = obj.stage.probability
        return super()._serialize(value, attr, obj, **kwargs)


class OpportunitySchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    name = RequiredText(required=True, max=200)
    company_id = StrictId(allow_none=True)
    company_name = ma.fields.String(dump_only=True, allow_none=True)
    contact_id = StrictId(allow_none=True)
    contact_name = ma.fields.String(dump_only=True, allow_none=True)
    lead_id = ma.fields.Integer(dump_only=True, allow_none=True)
    pipeline_id = StrictId(metadata={"description": "Default: the stage's, or the default one"})
    stage_id = StrictId(
        metadata={
            "description": "Move it by changing this; default: the pipeline's first open stage"
        }
    )
    amount = Money(
        metadata={"description": "Decimal string; default: the sum of the lines' totals"}
    )
    currency = Currency()
    expected_close_date = date_field(allow_none=True)
    probability = _EffectiveProbability(
        allow_none=True,
        strict=True,
        validate=validate.Range(min=0, max=100),
        metadata={"description": "Percent; null follows the stage's default (answered)"},
    )
    owner_id = StrictId(
        allow_none=True, metadata={"description": "Writable by managers and admins"}
    )
    owner_name = ma.fields.String(dump_only=True, allow_none=True)
    status = ma.fields.String(
        dump_only=True,
        validate=validate.OneOf(OPPORTUNITY_STATUSES),
        metadata={"description": "From the stage's kind: open, won or lost"},
    )
    lost_reason = OptionalText(
        allow_none=True, max=500, metadata={"description": "Only when in a lost stage"}
    )
    closed_at = UtcDateTime(dump_only=True, allow_none=True)
    description = OptionalText(allow_none=True, max=10000)
    lines = ma.fields.List(
        WholeNested(OpportunityLineSchema),
        validate=validate.Length(max=200),
        metadata={"description": "Products quoted; sending lines replaces them all"},
    )
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class OpportunityUpdateSchema(OpportunitySchema):
    """PATCH body (loaded with partial=True)."""


OpportunityPageSchema = page_schema(OpportunitySchema, "OpportunityPage")


class OpportunityListArgsSchema(ListArgsSchema):
    pipeline_id = Id()
    stage_id = Id()
    owner_id = OwnerFilter()
    company_id = Id()
    close_after = date_field(metadata={"description": "expected_close_date on or after"})
    close_before = date_field(metadata={"description": "expected_close_date on or before"})
    status = OneOrMore(OPPORTUNITY_STATUSES)
    q = SearchText("Searches the name and description")
    sort = sort_field(OPPORTUNITY_SORT_FIELDS, "-created_at")


class StageChangeSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    from_stage_id = ma.fields.Integer(required=True, allow_none=True)
    from_stage_name = ma.fields.String(required=True, allow_none=True)
    to_stage_id = ma.fields.Integer(required=True)
    to_stage_name = ma.fields.String(required=True)
    changed_by_id = ma.fields.Integer(required=True, allow_none=True)
    changed_by_name = ma.fields.String(required=True, allow_none=True)
    changed_at = UtcDateTime(required=True)


StageChangePageSchema = page_schema(StageChangeSchema, "StageChangePage")


class StageHistoryArgsSchema(ListArgsSchema):
    pass
