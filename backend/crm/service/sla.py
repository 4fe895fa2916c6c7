"""SLA policies: the hours each priority allows, and the due times they give a ticket."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa

from crm.core import audit
from crm.core.exceptions import Invalid
from crm.core.i18n import N_
from crm.core.unit_of_work import flush_and_expire
from crm.extensions import db
from crm.service.models import DEFAULT_SLA_HOURS, TICKET_PRIORITIES, SlaPolicy

if TYPE_CHECKING:
    from crm.auth.models import User


@dataclass(frozen=True)
class Policy:
    """The policy in force for one priority: the admin's, or the default."""

    priority: str
    first_response_hours: Decimal | int
    resolution_hours: Decimal | int
    is_default: bool
    updated_at: datetime | None = None


def _policy(priority: str, row: SlaPolicy | None) -> Policy:
    if row is None:
        first, resolution = DEFAULT_SLA_HOURS[priority]
        return Policy(priority, first, resolution, is_default=True)
    return Policy(
        priority,
        row.first_response_hours,
        row.resolution_hours,
        is_default=False,
        updated_at=row.updated_at,
    )


def list_policies() -> list[Policy]:
    """Every priority, lowest first, with the defaults filled in."""
    rows = {row.priority: row for row in db.session.scalars(sa.select(SlaPolicy))}
    return [_policy(priority, rows.get(priority)) for priority in TICKET_PRIORITIES]


def policy_for(priority: str) -> Policy:
    return _policy(priority, db.session.get(SlaPolicy, priority))


def _span(hours: Decimal | int) -> timedelta:
    # A hundredth of an hour is 36 whole seconds: exact, no float rounding.
    return timedelta(seconds=int(Decimal(hours) * 3600))


def due_times(priority: str, created_at: datetime, paused_seconds: int = 0) -> dict[str, datetime]:
    """`first_response_due_at` and `resolution_due_at` of a ticket created at `created_at`
    whose resolution clock stood still for `paused_seconds` (waits on the customer)."""
    policy = policy_for(priority)
    return {
        "first_response_due_at": created_at + _span(policy.first_response_hours),
        "resolution_due_at": created_at
        + _span(policy.resolution_hours)
        + timedelta(seconds=paused_seconds),
    }


def set_policy(user: User, priority: str, data: dict) -> Policy:
    """Set the hours of a priority (admin). Tickets created from now on use them; existing
    tickets keep their due times until their priority changes."""
    if data["first_response_hours"] > data["resolution_hours"]:
        raise Invalid(
            N_("The request has invalid fields."),
            errors={"resolution_hours": [N_("Must be at least the first response hours.")]},
        )
    row = db.session.get(SlaPolicy, priority)
    if row is None:
        row = SlaPolicy(priority=priority, **data, updated_by_id=user.id)
        db.session.add(row)
        changes = audit.snapshot(row, ("first_response_hours", "resolution_hours"))
    else:
        changes = audit.apply_changes(row, data)
        if changes:
            row.updated_by_id = user.id
    if changes:
        audit.record("update", "sla_policy", priority, changes=changes)
    flush_and_expire()
    return _policy(priority, row)
