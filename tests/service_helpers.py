"""Shared by the ticket, comment and SLA tests: a factory for tickets, and HTTP shortcuts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import factory

from crm.core.types import utcnow
from crm.extensions import db
from crm.service.models import DEFAULT_SLA_HOURS, Ticket
from tests.factories import _Base
from tests.sales_helpers import ok

TICKETS = "/api/v1/tickets"
SLA_POLICIES = "/api/v1/sla-policies"
TICKET_TIMES = (
    "created_at",
    "first_response_due_at",
    "resolution_due_at",
    "first_responded_at",
    "resolved_at",
    "closed_at",
    "sla_paused_at",
    "customer_replied_at",
)


class TicketFactory(_Base):
    """A ticket written straight to the database, with the default policy's due times."""

    class Meta:
        model = Ticket

    kind = "inquiry"
    subject = factory.Sequence(lambda n: f"Pump {n} leaks at the seal")
    priority = "normal"
    status = "new"
    channel = "phone"
    created_at = factory.LazyFunction(utcnow)
    updated_at = factory.LazyAttribute(lambda o: o.created_at)
    first_response_due_at = factory.LazyAttribute(
        lambda o: o.created_at + timedelta(hours=DEFAULT_SLA_HOURS[o.priority][0])
    )
    resolution_due_at = factory.LazyAttribute(
        lambda o: o.created_at + timedelta(hours=DEFAULT_SLA_HOURS[o.priority][1])
    )


def make_ticket(**fields) -> Ticket:
    return TicketFactory(**fields)


def create_ticket(api, **body) -> dict:
    """A ticket created through the API (201 asserted)."""
    body.setdefault("kind", "complaint")
    body.setdefault("subject", "The pump is noisy")
    return ok(api.post(TICKETS, json=body), 201)


def move_back(ticket_id: int, hours: float) -> None:
    """Make a ticket `hours` older: all its times move back together."""
    ticket = db.session.get(Ticket, ticket_id)
    shift = timedelta(hours=hours)
    for field in TICKET_TIMES:
        if getattr(ticket, field) is not None:
            setattr(ticket, field, getattr(ticket, field) - shift)
    db.session.commit()


def set_policy(admin, priority: str, first: float, resolution: float) -> dict:
    """PUT an SLA policy as `admin` (the test client has no `put` shortcut)."""
    response = admin.client.put(
        f"{SLA_POLICIES}/{priority}",
        json={"first_response_hours": first, "resolution_hours": resolution},
        headers=admin.headers,
    )
    return ok(response)


def at(value: str) -> datetime:
    """An ISO 8601 time from the API, which must carry a UTC offset."""
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    assert parsed.utcoffset() == timedelta(0), value
    return parsed.astimezone(UTC)


def ticket_ids(api, **params) -> list[int]:
    """The ids of one page of the ticket list (asserts it is the only page)."""
    body = ok(api.get(TICKETS, query_string={"limit": 200, **params}))
    assert body["next_cursor"] is None
    return [item["id"] for item in body["items"]]
