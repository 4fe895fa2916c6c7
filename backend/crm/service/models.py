from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm.core.models import CustomerLinksMixin, SoftDeleteMixin, TimestampMixin, VersionMixin
from crm.core.pagination import SortField
from crm.core.types import UTCDateTime, utcnow
from crm.extensions import db

if TYPE_CHECKING:  # annotations only: relationships find these classes by name
    from crm.auth.models import User

TICKET_KINDS = ("complaint", "inquiry", "feedback", "request")
TICKET_PRIORITIES = ("low", "normal", "high", "urgent")
TICKET_STATUSES = ("new", "open", "waiting_on_customer", "resolved", "closed")
TICKET_CHANNELS = ("phone", "email", "web", "upload_link", "api")
COMMENT_VISIBILITIES = ("internal", "customer")

# Where a ticket may go from each status; anything else answers 409.
TICKET_TRANSITIONS = {
    "new": ("open", "waiting_on_customer", "resolved", "closed"),
    "open": ("waiting_on_customer", "resolved", "closed"),
    "waiting_on_customer": ("open", "resolved", "closed"),
    "resolved": ("open", "closed"),
    "closed": ("open",),
}

# Used for a priority the admin has not set (hours): first response, resolution.
DEFAULT_SLA_HOURS = {
    "urgent": (1, 4),
    "high": (4, 24),
    "normal": (8, 72),
    "low": (24, 120),
}


class SlaPolicy(db.Model):
    """Due times of one priority, in hours from the ticket's creation."""

    __tablename__ = "sla_policies"

    priority: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    # Hours to two decimals, so an urgent first response can be due in half an hour (0.5).
    first_response_hours: Mapped[Decimal] = mapped_column(sa.Numeric(7, 2))
    resolution_hours: Mapped[Decimal] = mapped_column(sa.Numeric(7, 2))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))


class Ticket(CustomerLinksMixin, TimestampMixin, SoftDeleteMixin, VersionMixin, db.Model):
    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(20), index=True)
    subject: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str | None] = mapped_column(sa.Text)
    priority: Mapped[str] = mapped_column(sa.String(20), default="normal", index=True)
    status: Mapped[str] = mapped_column(sa.String(30), default="new", index=True)
    channel: Mapped[str] = mapped_column(sa.String(20), default="phone")
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("companies.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(sa.ForeignKey("contacts.id"), index=True)
    assignee_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(sa.ForeignKey("teams.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    first_response_due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolution_due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The resolution clock stops while the ticket waits on the customer: since when, and how
    # long earlier waits lasted (already added to resolution_due_at, kept for priority changes).
    sla_paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sla_paused_seconds: Mapped[int] = mapped_column(sa.Integer, default=0)
    # The customer's latest reply through an upload link that no staff answer has followed yet:
    # the agent's cue that something arrived (cleared by a reply to the customer, or by asking
    # them again, resolving or closing).
    customer_replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id], lazy="joined")

    __table_args__ = (
        sa.Index("ix_tickets_created_at_id", "created_at", "id"),
        sa.Index("ix_tickets_updated_at_id", "updated_at", "id"),
        sa.Index("ix_tickets_first_response_due_at_id", "first_response_due_at", "id"),
        sa.Index("ix_tickets_resolution_due_at_id", "resolution_due_at", "id"),
    )

    @property
    def assignee_name(self) -> str | None:
        return self.assignee.name if self.assignee is not None else None

    @hybrid_property
    def priority_rank(self) -> int:
        """0 (low) to 3 (urgent): what `sort=-priority` orders by, most urgent first."""
        return TICKET_PRIORITIES.index(self.priority)

    @priority_rank.inplace.expression
    @classmethod
    def _priority_rank_expression(cls):
        return sa.case(
            {priority: rank for rank, priority in enumerate(TICKET_PRIORITIES)},
            value=cls.priority,
            else_=0,
        )

    @hybrid_property
    def sla_breached(self) -> bool:
        """A due time has passed without the response or resolution, or was met late.
        Resolving (or closing) a ticket also answers its first response."""
        now = utcnow()
        answered_at = self.first_responded_at or self.resolved_at
        first_late = (answered_at or now) > self.first_response_due_at
        # A paused clock stands still: late only if it was late when the pause began.
        resolution_late = (self.resolved_at or self.sla_paused_at or now) > self.resolution_due_at
        return first_late or resolution_late

    @sla_breached.inplace.expression
    @classmethod
    def _sla_breached_expression(cls):
        # Each term is NULL-free, so `~Ticket.sla_breached` finds the tickets on time (a bare
        # `responded > due` is NULL while unanswered, and NOT NULL matches nothing). No
        # COALESCE with `now`: on MySQL that mixes DATETIME with a string parameter.
        now = utcnow()
        answered_at = sa.func.coalesce(cls.first_responded_at, cls.resolved_at)
        return sa.or_(
            sa.and_(answered_at.is_(None), cls.first_response_due_at < now),
            sa.and_(answered_at.is_not(None), answered_at > cls.first_response_due_at),
            sa.and_(
                cls.resolved_at.is_(None), cls.sla_paused_at.is_(None), cls.resolution_due_at < now
            ),
            sa.and_(
                cls.resolved_at.is_(None),
                cls.sla_paused_at.is_not(None),
                cls.resolution_due_at < cls.sla_paused_at,
            ),
            sa.and_(cls.resolved_at.is_not(None), cls.resolved_at > cls.resolution_due_at),
        )


class TicketComment(db.Model):
    """A note on a ticket: internal (staff only) or for the customer. Written by a user, or by
    the customer through an upload link."""

    __tablename__ = "ticket_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(sa.ForeignKey("tickets.id"))
    body: Mapped[str] = mapped_column(sa.Text)
    visibility: Mapped[str] = mapped_column(sa.String(20), default="internal")
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    upload_link_id: Mapped[int | None] = mapped_column(sa.ForeignKey("upload_links.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User | None] = relationship(foreign_keys=[author_id], lazy="joined")

    __table_args__ = (
        sa.Index("ix_ticket_comments_ticket_id_created_at_id", "ticket_id", "created_at", "id"),
    )

    @property
    def author_name(self) -> str | None:
        return self.author.name if self.author is not None else None

    @property
    def author_kind(self) -> str:
        """`user` for staff, `customer` for what came in through an upload link."""
        return "user" if self.author_id is not None else "customer"


TICKET_SORT_FIELDS = {
    "created_at": SortField("created_at"),
    "updated_at": SortField("updated_at"),
    "first_response_due_at": SortField("first_response_due_at"),
    "resolution_due_at": SortField("resolution_due_at"),
    "priority": SortField("priority_rank"),
}
TICKET_COMMENT_SORT_FIELDS = {"created_at": SortField("created_at")}
