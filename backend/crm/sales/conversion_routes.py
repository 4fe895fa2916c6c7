"""HTTP layer of lead conversion: `POST /leads/{id}/convert` and its suggestions."""

from __future__ import annotations

import marshmallow as ma

from crm.core.blueprint import Blueprint
from crm.core.etag import check_if_match
from crm.core.fields import OptionalText, RequiredText
from crm.core.money import Currency, Money
from crm.core.openapi import ID, IF_MATCH
from crm.core.permissions import login_required, me
from crm.core.schemas import StrictId, StrictSchema
from crm.customers.contracts import CompanySchema, ContactSchema
from crm.sales import conversion
from crm.sales.pipeline.schemas import OpportunitySchema, date_field
from crm.sales.schemas import LeadSchema

blp = Blueprint("conversion", __name__, url_prefix="/api/v1", description="Lead conversion")


class ConversionOpportunitySchema(StrictSchema):
    name = RequiredText(required=True, max=200)
    amount = Money(metadata={"description": "Decimal string (default 0.00)"})
    currency = Currency()
    expected_close_date = date_field(allow_none=True)
    pipeline_id = StrictId(metadata={"description": "Default: the default pipeline"})
    stage_id = StrictId(metadata={"description": "Default: the pipeline's first open stage"})
    description = OptionalText(allow_none=True, max=10000)


class ConvertLeadSchema(StrictSchema):
    company_id = StrictId(
        allow_none=True,
        metadata={"description": "Link this company; default: the contact's, or a new one"},
    )
    contact_id = StrictId(
        allow_none=True, metadata={"description": "Link this contact; default: a new one"}
    )
    opportunity = ma.fields.Nested(
        ConversionOpportunitySchema,
        allow_none=True,
        metadata={"description": "Also open an opportunity (owned by the lead's owner)"},
    )


class ConversionSchema(ma.Schema):
    lead = ma.fields.Nested(LeadSchema, required=True)
    company = ma.fields.Nested(CompanySchema, required=True)
    contact = ma.fields.Nested(ContactSchema, required=True)
    opportunity = ma.fields.Nested(OpportunitySchema, required=True, allow_none=True)


class ConversionSuggestionsSchema(ma.Schema):
    companies = ma.fields.List(ma.fields.Nested(CompanySchema), required=True)
    contacts = ma.fields.List(ma.fields.Nested(ContactSchema), required=True)


@blp.route(f"/leads/<{ID}:lead_id>/convert", methods=["POST"])
@login_required()
@blp.arguments(ConvertLeadSchema)
@blp.response(200, ConversionSchema)
@blp.doc(
    parameters=[{**IF_MATCH, "description": "The lead's ETag; checked when sent"}],
    responses={"409": "CONFLICT", "412": "PRECONDITION_FAILED"},
)
def convert_lead(body, lead_id):
    """Convert a lead: link the given company and contact or create them from the lead, and
    optionally open an opportunity, in one transaction (all or nothing). The lead becomes
    `converted`; converting it again is 409."""
    return conversion.convert_lead(
        me(), lead_id, body, check=lambda lead: check_if_match(lead, required=False)
    )


@blp.route(f"/leads/<{ID}:lead_id>/conversion-suggestions", methods=["GET"])
@login_required()
@blp.response(200, ConversionSuggestionsSchema)
def conversion_suggestions(lead_id):
    """Existing companies and contacts (that you can see) matching the lead's company name,
    email or phone: link them instead of creating duplicates."""
    return conversion.conversion_suggestions(me(), lead_id)
