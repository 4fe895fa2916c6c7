"""Tickets: scoping, SLA due times, status rules, comments, audit."""

from __future__ import annotations

import sqlalchemy as sa

from crm.auth import services as auth
from crm.auth.models import User
from crm.core.errors import ApiError
from crm.extensions import db
from crm.service.models import Ticket

NOT_FOUND = "No such ticket."


def get_ticket(user: User, ticket_id: int) -> Ticket:
    """A ticket the user may see (404 otherwise): scoped by assignee like every record."""
    ticket = db.session.scalar(
        sa.select(Ticket).where(
            Ticket.id == ticket_id,
            Ticket.deleted_at.is_(None),
            auth.visible_records(user, Ticket.assignee_id),
        )
    )
    if ticket is None:
        raise ApiError(404, NOT_FOUND)
    return ticket
