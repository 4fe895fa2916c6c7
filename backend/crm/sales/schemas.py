from __future__ import annotations

import re

import marshmallow as ma
import phonenumbers
from flask import current_app
from marshmallow import validate
from webargs.fields import DelimitedList

from crm.core.pagination import ListArgsSchema, sort_field
from crm.core.schemas import Id, NonBlank, StrictSchema, UtcDateTime, page_schema
from crm.sales.models import (
    FOLLOW_UP_KINDS,
    LEAD_SORT_FIELDS,
    LEAD_SOURCES,
    LEAD_STATUSES,
)


def normalise_phone(value: str) -> str | None:
    """E.164 for a number typed any common way ("138 0013 8000" -> "+8613800138000")."""
    region = current_app.config["PHONE_DEFAULT_REGION"]
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class PhoneNumber(ma.fields.String):
    """A phone number, stored and answered in E.164."""

    def _deserialize(self, value, attr, data, **kwargs):
        raw = super()._deserialize(value, attr, data, **kwargs).strip()
        if raw == "":
            return None
        e164 = normalise_phone(raw)
        if e164 is None:
            raise ma.ValidationError("Not a valid phone number.")
        return e164


class OptionalText(ma.fields.String):
    """Free text where an empty string means 'none'."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        return text or None


class LeadSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    name = NonBlank(required=True, max=200)
    company_name = OptionalText(allow_none=True, validate=validate.Length(max=200))
    title = OptionalText(allow_none=True, validate=validate.Length(max=100))
    email = ma.fields.Email(allow_none=True, validate=validate.Length(max=254))
    phone = PhoneNumber(
        allow_none=True,
        validate=validate.Length(max=40),
        metadata={"description": "Answered in E.164, e.g. +8613800138000"},
    )
    source = ma.fields.String(validate=validate.OneOf(LEAD_SOURCES))
    status = ma.fields.String(validate=validate.OneOf(LEAD_STATUSES))
    owner_id = Id(allow_none=True, metadata={"description": "Writable by managers and admins"})
    description = OptionalText(allow_none=True, validate=validate.Length(max=10000))
    last_contacted_at = UtcDateTime(dump_only=True)
    next_follow_up_at = UtcDateTime(dump_only=True)
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class LeadUpdateSchema(LeadSchema):
    """PATCH body (loaded with partial=True)."""


LeadPageSchema = page_schema(LeadSchema, "LeadPage")


class LeadListArgsSchema(ListArgsSchema):
    status = DelimitedList(
        ma.fields.String(validate=validate.OneOf(LEAD_STATUSES)),
        metadata={"description": "One or more, comma separated"},
    )
    source = DelimitedList(
        ma.fields.String(validate=validate.OneOf(LEAD_SOURCES)),
        metadata={"description": "One or more, comma separated"},
    )
    owner_id = ma.fields.String(
        validate=validate.Regexp(re.compile(r"^(me|none|[1-9][0-9]{0,9})$")),
        metadata={"description": "`me`, `none` (unassigned) or a user id"},
    )
    created_after = UtcDateTime()
    created_before = UtcDateTime()
    next_follow_up_before = UtcDateTime(
        metadata={"description": "Leads with an open follow-up due before this time"}
    )
    q = ma.fields.String(
        validate=validate.Length(min=1, max=100),
        metadata={"description": "Searches name, company, email and phone"},
    )
    sort = sort_field(LEAD_SORT_FIELDS, "-created_at")


class FollowUpSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    lead_id = ma.fields.Integer(dump_only=True)
    kind = ma.fields.String(required=True, validate=validate.OneOf(FOLLOW_UP_KINDS))
    content = NonBlank(required=True, max=10000)
    due_at = UtcDateTime(allow_none=True)
    done_at = UtcDateTime(
        allow_none=True, metadata={"description": "Set to complete; null reopens"}
    )
    author_id = ma.fields.Integer(dump_only=True)
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class FollowUpUpdateSchema(FollowUpSchema):
    """PATCH body (loaded with partial=True)."""


FollowUpPageSchema = page_schema(FollowUpSchema, "FollowUpPage")


class FollowUpListArgsSchema(ListArgsSchema):
    pass
