from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from crm.core.fields import OptionalText, OwnerFilter, PhoneNumber, RequiredText, SearchText
from crm.core.pagination import ListArgsSchema, sort_field
from crm.core.schemas import OneOrMore, StrictId, StrictSchema, UtcDateTime, page_schema
from crm.imports.contracts import DuplicatesField
from crm.sales.models import (
    FOLLOW_UP_KINDS,
    LEAD_SORT_FIELDS,
    LEAD_SOURCES,
    LEAD_STATUSES,
)


class LeadSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    name = RequiredText(required=True, max=200)
    company_name = OptionalText(allow_none=True, max=200)
    title = OptionalText(allow_none=True, max=100)
    email = ma.fields.Email(allow_none=True, validate=validate.Length(max=254))
    phone = PhoneNumber(
        allow_none=True,
        metadata={"description": "Answered in E.164, e.g. +8613800138000"},
    )
    source = ma.fields.String(validate=validate.OneOf(LEAD_SOURCES))
    status = ma.fields.String(validate=validate.OneOf(LEAD_STATUSES))
    owner_id = StrictId(
        allow_none=True, metadata={"description": "Writable by managers and admins"}
    )
    owner_name = ma.fields.String(dump_only=True, allow_none=True)
    description = OptionalText(allow_none=True, max=10000)
    last_contacted_at = UtcDateTime(dump_only=True, allow_none=True)
    next_follow_up_at = UtcDateTime(dump_only=True, allow_none=True)
    converted_at = UtcDateTime(dump_only=True, allow_none=True)
    converted_company_id = ma.fields.Integer(dump_only=True, allow_none=True)
    converted_company_name = ma.fields.String(dump_only=True, allow_none=True)
    converted_contact_id = ma.fields.Integer(dump_only=True, allow_none=True)
    converted_contact_name = ma.fields.String(dump_only=True, allow_none=True)
    converted_opportunity_id = ma.fields.Integer(dump_only=True, allow_none=True)
    converted_opportunity_name = ma.fields.String(dump_only=True, allow_none=True)
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)
    duplicates = DuplicatesField()


class LeadUpdateSchema(LeadSchema):
    """PATCH body (loaded with partial=True)."""


LeadPageSchema = page_schema(LeadSchema, "LeadPage")


class LeadListArgsSchema(ListArgsSchema):
    # Validated as a whole list, so a bad value is reported under `status` / `source` (not
    # `status.0`), where a form shows it.
    status = OneOrMore(LEAD_STATUSES)
    source = OneOrMore(LEAD_SOURCES)
    owner_id = OwnerFilter()
    created_after = UtcDateTime()
    created_before = UtcDateTime()
    next_follow_up_before = UtcDateTime(
        metadata={"description": "Leads with an open follow-up due before this time"}
    )
    q = SearchText("Searches name, company, email and phone")
    sort = sort_field(LEAD_SORT_FIELDS, "-created_at")


class FollowUpSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    # The record it is on: exactly one of these is set.
    lead_id = ma.fields.Integer(dump_only=True, allow_none=True)
    company_id = ma.fields.Integer(dump_only=True, allow_none=True)
    contact_id = ma.fields.Integer(dump_only=True, allow_none=True)
    opportunity_id = ma.fields.Integer(dump_only=True, allow_none=True)
    kind = ma.fields.String(required=True, validate=validate.OneOf(FOLLOW_UP_KINDS))
    content = RequiredText(required=True, max=10000)
    due_at = UtcDateTime(allow_none=True)
    done_at = UtcDateTime(
        allow_none=True, metadata={"description": "Set to complete; null reopens"}
    )
    author_id = ma.fields.Integer(dump_only=True, allow_none=True)
    author_name = ma.fields.String(dump_only=True, allow_none=True)
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class FollowUpUpdateSchema(FollowUpSchema):
    """PATCH body (loaded with partial=True)."""


FollowUpPageSchema = page_schema(FollowUpSchema, "FollowUpPage")


class FollowUpListArgsSchema(ListArgsSchema):
    pass
