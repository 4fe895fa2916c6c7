"""The JSON of tickets, their comments and the SLA policies, and the query parameters of their
lists."""

from __future__ import annotations

from decimal import Decimal

import marshmallow as ma
from marshmallow import validate

from crm.core.fields import OptionalText, OwnerFilter, RequiredText, SearchText
from crm.core.i18n import N_
from crm.core.pagination import ListArgsSchema, sort_field
from crm.core.schemas import Id, OneOrMore, StrictId, StrictSchema, UtcDateTime, page_schema
from crm.service.models import (
    COMMENT_VISIBILITIES,
    TICKET_CHANNELS,
    TICKET_COMMENT_SORT_FIELDS,
    TICKET_KINDS,
    TICKET_PRIORITIES,
    TICKET_SORT_FIELDS,
    TICKET_STATUSES,
)
from crm.service.services import COMMENT_MAX_LENGTH

# SLA hours: from 36 seconds (handy to try the flagging out) to a year.
HUNDREDTH = Decimal("0.01")
MIN_SLA_HOURS = HUNDREDTH
MAX_SLA_HOURS = 8760


class TicketSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    kind = ma.fields.String(required=True, validate=validate.OneOf(TICKET_KINDS))
    subject = RequiredText(required=True, max=200)
    description = OptionalText(allow_none=True, max=10000)
    priority = ma.fields.String(
        validate=validate.OneOf(TICKET_PRIORITIES),
        metadata={"description": "Default `normal`; its SLA policy sets the due times"},
    )
    status = ma.fields.String(
        validate=validate.OneOf(TICKET_STATUSES),
        metadata={
            "description": "Default `new`. Moves: new -> open, waiting_on_customer, resolved, "
            "closed; open -> waiting_on_customer, resolved, closed; waiting_on_customer -> "
            "open, resolved, closed; resolved -> open, closed; closed -> open (409 otherwise)"
        },
    )
    channel = ma.fields.String(
        validate=validate.OneOf(TICKET_CHANNELS), metadata={"description": "Default `phone`"}
    )
    company_id = StrictId(allow_none=True)
    company_name = ma.fields.String(dump_only=True, allow_none=True)
    contact_id = StrictId(
        allow_none=True, metadata={"description": "Works for the company, when both are set"}
    )
    contact_name = ma.fields.String(dump_only=True, allow_none=True)
    assignee_id = StrictId(
        allow_none=True,
        metadata={
            "description": "Yourself or nobody; admins, managers and service staff may also "
            "name any active admin, manager or service user"
        },
    )
    assignee_name = ma.fields.String(dump_only=True, allow_none=True)
    team_id = StrictId(allow_none=True)
    created_by_id = ma.fields.Integer(dump_only=True, allow_none=True)
    first_response_due_at = UtcDateTime(dump_only=True)
    resolution_due_at = UtcDateTime(dump_only=True)
    first_responded_at = UtcDateTime(
        dump_only=True,
        allow_none=True,
        metadata={
            "description": "The first comment for the customer, or the first move to "
            "waiting_on_customer or resolved"
        },
    )
    resolved_at = UtcDateTime(dump_only=True, allow_none=True)
    closed_at = UtcDateTime(dump_only=True, allow_none=True)
    sla_paused_at = UtcDateTime(
        dump_only=True,
        allow_none=True,
        metadata={
            "description": "Set while the ticket waits on the customer: the resolution clock "
            "stands still, and resolution_due_at moves back by the wait when it ends"
        },
    )
    customer_replied_at = UtcDateTime(
        dump_only=True,
        allow_none=True,
        metadata={
            "description": "When the customer's latest files or message (through an upload "
            "link) arrived, while no staff answer has followed: cleared by a comment for the "
            "customer or a move to waiting_on_customer, resolved or closed"
        },
    )
    sla_breached = ma.fields.Boolean(
        dump_only=True,
        metadata={"description": "A due time passed without the response or resolution"},
    )
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class TicketUpdateSchema(TicketSchema):
    """PATCH body (loaded with partial=True)."""


TicketPageSchema = page_schema(TicketSchema, "TicketPage")


class TicketListArgsSchema(ListArgsSchema):
    # Validated as a whole list, so a bad value is reported under `status` (not `status.0`).
    status = OneOrMore(TICKET_STATUSES)
    priority = OneOrMore(TICKET_PRIORITIES)
    kind = OneOrMore(TICKET_KINDS)
    assignee_id = OwnerFilter()
    sla_breached = ma.fields.Boolean(
        metadata={"description": "`true`: past a due time; `false`: on time"}
    )
    customer_replied = ma.fields.Boolean(
        metadata={"description": "`true`: the customer replied and no staff answer followed"}
    )
    company_id = Id()
    contact_id = Id()
    team_id = Id()
    q = SearchText("Searches subject, description, company name; `#42` the number")
    sort = sort_field(TICKET_SORT_FIELDS, "-created_at")


class TicketCommentSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    ticket_id = ma.fields.Integer(dump_only=True)
    body = RequiredText(required=True, max=COMMENT_MAX_LENGTH)
    visibility = ma.fields.String(
        validate=validate.OneOf(COMMENT_VISIBILITIES),
        metadata={
            "description": "Default `internal` (staff only); `customer` comments are meant for "
            "the customer, and the first one is the ticket's first response"
        },
    )
    author_id = ma.fields.Integer(dump_only=True, allow_none=True)
    author_name = ma.fields.String(dump_only=True, allow_none=True)
    author_kind = ma.fields.String(
        dump_only=True,
        metadata={
            "enum": ["user", "customer"],
            "description": "`customer` when written through an upload link",
        },
    )
    upload_link_id = ma.fields.Integer(dump_only=True, allow_none=True)
    created_at = UtcDateTime(dump_only=True)


TicketCommentPageSchema = page_schema(TicketCommentSchema, "TicketCommentPage")


class TicketCommentListArgsSchema(ListArgsSchema):
    visibility = OneOrMore(COMMENT_VISIBILITIES)
    sort = sort_field(TICKET_COMMENT_SORT_FIELDS, "created_at")


class Hours(ma.fields.Decimal):
    """Hours as a JSON number with up to two decimals (`0.5` is half an hour); a string or
    more decimals are refused rather than rounded, and whole hours come back as integers."""

    def __init__(self, description: str):
        super().__init__(
            required=True,
            allow_nan=False,
            validate=validate.Range(min=MIN_SLA_HOURS, max=MAX_SLA_HOURS),
            metadata={"description": description, "multipleOf": 0.01},
        )

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.make_error("invalid")
        number = super()._deserialize(value, attr, data, **kwargs)
        if number != number.quantize(HUNDREDTH):
            raise ma.ValidationError(N_("Use at most two decimals."))
        return number.quantize(HUNDREDTH)

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        number = Decimal(value)
        return int(number) if number == number.to_integral_value() else float(number)


class SlaPolicySchema(StrictSchema):
    priority = ma.fields.String(dump_only=True, metadata={"enum": list(TICKET_PRIORITIES)})
    first_response_hours = Hours("Hours from creation to the first response")
    resolution_hours = Hours("Hours from creation to the resolution; at least the above")
    is_default = ma.fields.Boolean(
        dump_only=True, metadata={"description": "The built-in hours: no admin has set them"}
    )
    updated_at = UtcDateTime(dump_only=True, allow_none=True)


class SlaPolicyListSchema(ma.Schema):
    items = ma.fields.List(ma.fields.Nested(SlaPolicySchema), required=True)
