from __future__ import annotations

import re

import marshmallow as ma
import phonenumbers
from flask import current_app
from marshmallow import validate
from webargs.fields import DelimitedList

from crm.core.pagination import ListArgsSchema, sort_field
from crm.core.schemas import StrictId, StrictSchema, UtcDateTime, page_schema
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
    """A phone number, stored and answered in E.164; blank means 'none'."""

    def _deserialize(self, value, attr, data, **kwargs):
        raw = super()._deserialize(value, attr, data, **kwargs).strip()
        if raw == "":
            return None
        e164 = normalise_phone(raw)
        if e164 is None:
            raise ma.ValidationError("Not a valid phone number.")
        return e164


class _TrimmedText(ma.fields.String):
    """Free text with surrounding blanks trimmed and a maximum length.

    The length is checked here rather than by a `validate=` validator, because a blank value
    becomes None and validators would then be handed None.
    """

    def __init__(self, *, max: int, **kwargs):
        super().__init__(metadata={"maxLength": max, **kwargs.pop("metadata", {})}, **kwargs)
        self.max_length = max

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        if len(text) > self.max_length:
            raise ma.ValidationError(f"Longer than maximum length {self.max_length}.")
        return text


class RequiredText(_TrimmedText):
    """Free text that must say something: blank is refused."""

    def __init__(self, *, max: int, **kwargs):
        metadata = {"minLength": 1, "pattern": r"\S", **kwargs.pop("metadata", {})}
        super().__init__(max=max, metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if not text:
            raise ma.ValidationError("Field may not be blank.")
        return text


class OptionalText(_TrimmedText):
    """Free text where a blank string means 'none'."""

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs) or None


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
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class LeadUpdateSchema(LeadSchema):
    """PATCH body (loaded with partial=True)."""


LeadPageSchema = page_schema(LeadSchema, "LeadPage")


class LeadListArgsSchema(ListArgsSchema):
    # Validated as a whole list, so a bad value is reported under `status` / `source` (not
    # `status.0`), where a form shows it.
    status = DelimitedList(
        ma.fields.String(),
        validate=validate.ContainsOnly(LEAD_STATUSES),
        metadata={
            "description": "One or more of " + ", ".join(LEAD_STATUSES) + ", comma separated"
        },
    )
    source = DelimitedList(
        ma.fields.String(),
        validate=validate.ContainsOnly(LEAD_SOURCES),
        metadata={"description": "One or more of " + ", ".join(LEAD_SOURCES) + ", comma separated"},
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
    content = RequiredText(required=True, max=10000)
    due_at = UtcDateTime(allow_none=True)
    done_at = UtcDateTime(
        allow_none=True, metadata={"description": "Set to complete; null reopens"}
    )
    author_id = ma.fields.Integer(dump_only=True, allow_none=True)
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class FollowUpUpdateSchema(FollowUpSchema):
    """PATCH body (loaded with partial=True)."""


FollowUpPageSchema = page_schema(FollowUpSchema, "FollowUpPage")


class FollowUpListArgsSchema(ListArgsSchema):
    pass
