"""The JSON of companies and contacts, and the query parameters of their lists."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from crm.core.fields import (
    OptionalText,
    OwnerFilter,
    PhoneNumber,
    RequiredText,
    SearchText,
    Website,
)
from crm.core.pagination import ListArgsSchema, sort_field
from crm.core.schemas import Id, OneOrMore, StrictId, StrictSchema, UtcDateTime, page_schema
from crm.customers.models import COMPANY_SIZES, COMPANY_SORT_FIELDS, CONTACT_SORT_FIELDS
from crm.imports.contracts import DuplicatesField

PHONE_DESCRIPTION = "Answered in E.164, e.g. +8613800138000"
OWNER_DESCRIPTION = "Writable by managers and admins"


class CompanySchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    name = RequiredText(required=True, max=200)
    industry = OptionalText(allow_none=True, max=100)
    size = ma.fields.String(
        allow_none=True,
        validate=validate.OneOf(COMPANY_SIZES),
        metadata={"description": "Head count: " + ", ".join(COMPANY_SIZES)},
    )
    website = Website(allow_none=True)
    phone = PhoneNumber(allow_none=True, metadata={"description": PHONE_DESCRIPTION})
    address = OptionalText(allow_none=True, max=500)
    parent_id = StrictId(
        allow_none=True, metadata={"description": "The parent company (group, head office)"}
    )
    owner_id = StrictId(allow_none=True, metadata={"description": OWNER_DESCRIPTION})
    owner_name = ma.fields.String(dump_only=True, allow_none=True)
    description = OptionalText(allow_none=True, max=10000)
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)
    duplicates = DuplicatesField()


class CompanyUpdateSchema(CompanySchema):
    """PATCH body (loaded with partial=True)."""


CompanyPageSchema = page_schema(CompanySchema, "CompanyPage")


class CompanyListArgsSchema(ListArgsSchema):
    q = SearchText("Searches name, website and phone")
    owner_id = OwnerFilter()
    industry = ma.fields.String(
        validate=validate.Length(min=1, max=100), metadata={"description": "Exact industry"}
    )
    # Validated as a whole list, so a bad value is reported under `size` (not `size.0`).
    size = OneOrMore(COMPANY_SIZES)
    parent_id = Id(metadata={"description": "Subsidiaries of this company"})
    sort = sort_field(COMPANY_SORT_FIELDS, "-created_at")


class ContactSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    name = RequiredText(required=True, max=200)
    company_id = StrictId(allow_none=True, metadata={"description": "The company they work for"})
    title = OptionalText(allow_none=True, max=100)
    email = ma.fields.Email(allow_none=True, validate=validate.Length(max=254))
    phone = PhoneNumber(allow_none=True, metadata={"description": PHONE_DESCRIPTION})
    owner_id = StrictId(allow_none=True, metadata={"description": OWNER_DESCRIPTION})
    owner_name = ma.fields.String(dump_only=True, allow_none=True)
    description = OptionalText(allow_none=True, max=10000)
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)
    duplicates = DuplicatesField()


class ContactUpdateSchema(ContactSchema):
    """PATCH body (loaded with partial=True)."""


ContactPageSchema = page_schema(ContactSchema, "ContactPage")


class CompanyContactListArgsSchema(ListArgsSchema):
    """The contacts of one company."""

    q = SearchText("Searches name, email and phone")
    owner_id = OwnerFilter()
    sort = sort_field(CONTACT_SORT_FIELDS, "-created_at")


class ContactListArgsSchema(CompanyContactListArgsSchema):
    company_id = Id(metadata={"description": "Contacts of this company"})
