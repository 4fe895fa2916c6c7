"""Tickets: scoping, assignment, references, SLA due times, status rules, comments, audit.
(The SLA policies themselves live in `crm.service.sla`.)"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import sqlalchemy as sa

from crm.auth import services as auth
from crm.core import audit
from crm.core.exceptions import Conflict, DomainError, Forbidden, Invalid, NotFound
from crm.core.i18n import N_
from crm.core.pagination import ListQuery, Page, paginate
from crm.core.permissions import ADMIN, MANAGER, SERVICE
from crm.core.records import get_or_404, move_links, not_deleted, put_back_links, soft_delete
from crm.core.schemas import MAX_ID
from crm.core.search import owner_filter, search
from crm.core.types import utcnow
from crm.core.unit_of_work import flush_and_expire
from crm.customers import services as customers
from crm.extensions import db
from crm.service import sla
from crm.service.models import (
    TICKET_COMMENT_SORT_FIELDS,
    TICKET_SORT_FIELDS,
    TICKET_TRANSITIONS,
    Ticket,
    TicketComment,
)

if TYPE_CHECKING:
    from crm.auth.models import User

TICKET_FIELDS = (
    "kind",
    "subject",
    "description",
    "priority",
    "status",
    "channel",
    "company_id",
    "contact_id",
    "assignee_id",
    "team_id",
    "first_response_due_at",
    "resolution_due_at",
    "first_responded_at",
    "resolved_at",
    "closed_at",
    "sla_paused_at",
    "customer_replied_at",
)
COMMENT_FIELDS = ("ticket_id", "body", "visibility", "author_id", "upload_link_id")
# The longest comment body; callers of `add_customer_comment` check their text against it.
COMMENT_MAX_LENGTH = 10000
# Who may be given a ticket by admins, managers and service staff (sales reps take their own).
ASSIGNEE_ROLES = (ADMIN, MANAGER, SERVICE)
# Moving a ticket here tells the customer something: it counts as the first response.
RESPONDING_STATUSES = ("waiting_on_customer", "resolved")
# With the customer, or done: moving a ticket here answers the customer's latest reply, and
# the customer's next files or message put it back to open.
OUT_OF_QUEUE_STATUSES = ("waiting_on_customer", "resolved", "closed")
# `q` of "#42" or "42" also finds ticket 42 (customers quote the number).
TICKET_NUMBER = re.compile(r"#?([1-9][0-9]{0,9})")
NOT_FOUND = N_("No such ticket.")
INVALID = N_("The request has invalid fields.")


def _invalid(field: str, message: str) -> DomainError:
    return Invalid(INVALID, errors={field: [message]})


# --- lookups -----------------------------------------------------------------------------


def _visible(user: User):
    return sa.and_(not_deleted(Ticket), auth.visible_records(user, Ticket.assignee_id))


def get_ticket(user: User, ticket_id: int) -> Ticket:
    """A ticket the user may see (404 otherwise): scoped by assignee like every record."""
    return get_or_404(
        Ticket, ticket_id, _visible(user), not_found=NotFound(NOT_FOUND, code="ticket_not_found")
    )


def ticket_for_upload_link(ticket_id: int) -> Ticket | None:
    """The ticket an upload link reaches, unless it was deleted. No user: the link (checked by
    the attachments domain) is its holder's authority, for this one ticket only."""
    return db.session.scalar(
        sa.select(Ticket).where(Ticket.id == ticket_id, Ticket.deleted_at.is_(None))
    )


def tickets_query(user: User, args: dict) -> ListQuery:
    """The tickets the list shows for `args` (its filters; not its page), scoped."""
    stmt = sa.select(Ticket).where(_visible(user))
    for name in ("status", "priority", "kind"):
        if args.get(name):
            stmt = stmt.where(getattr(Ticket, name).in_(args[name]))
    for name in ("company_id", "contact_id", "team_id"):
        if args.get(name) is not None:
            stmt = stmt.where(getattr(Ticket, name) == args[name])
    assignee = owner_filter(Ticket.assignee_id, args.get("assignee_id"), user.id)
    if assignee is not None:
        stmt = stmt.where(assignee)
    if args.get("sla_breached") is not None:
        stmt = stmt.where(Ticket.sla_breached if args["sla_breached"] else ~Ticket.sla_breached)
    if args.get("customer_replied") is not None:
        replied = Ticket.customer_replied_at
        stmt = stmt.where(replied.is_not(None) if args["customer_replied"] else replied.is_(None))
    if args.get("q"):
        stmt = stmt.where(_search(args["q"].strip()))
    return ListQuery(stmt, Ticket, TICKET_SORT_FIELDS)


def list_tickets(user: User, args: dict) -> Page:
    return tickets_query(user, args).page(args)


def _search(q: str):
    """Subject, description, the company's name, or the ticket's number."""
    companies = customers.company_ids_named(q)
    terms = [search(q, (Ticket.subject, Ticket.description)), Ticket.company_id.in_(companies)]
    number = TICKET_NUMBER.fullmatch(q)
    if number and int(number.group(1)) <= MAX_ID:
        terms.append(Ticket.id == int(number.group(1)))
    return sa.or_(*terms)


# --- rules --------------------------------------------------------------------------------


def _check_assignee(user: User, assignee_id: int | None, current_id: int | None) -> None:
    """Anyone may leave a ticket unassigned or take it; admins, managers and service staff
    also give it to any active admin, manager or service user."""
    if assignee_id is None or assignee_id == current_id or assignee_id == user.id:
        return
    if user.role not in ASSIGNEE_ROLES:
        raise Forbidden(
            N_("Sales reps can take a ticket or leave it unassigned, not give it to others."),
            errors={"assignee_id": [N_("You can only assign the ticket to yourself.")]},
        )
    assignee = auth.active_user(assignee_id)
    if assignee is None or assignee.role not in ASSIGNEE_ROLES:
        raise _invalid("assignee_id", N_("Not an active admin, manager or service user."))


def ticket_assignees(user: User) -> list[User]:
    """Whom `user` may give a ticket to (the choices `_check_assignee` accepts)."""
    if user.role not in ASSIGNEE_ROLES:
        return [user]
    return auth.active_users_in_roles(ASSIGNEE_ROLES)


def _check_team(team_id: int | None) -> None:
    if team_id is not None and not auth.team_exists(team_id):
        raise _invalid("team_id", N_("No such team."))


def _changed(data: dict, ticket: Ticket | None, field: str) -> bool:
    return field in data and (ticket is None or data[field] != getattr(ticket, field))


def _check_customer(user: User, data: dict, ticket: Ticket | None = None) -> None:
    """A company and contact the user can see (checked when they change), and the contact
    works for the company when both are named."""
    company_changed = _changed(data, ticket, "company_id")
    contact_changed = _changed(data, ticket, "contact_id")
    company_id = data.get("company_id") if "company_id" in data else ticket.company_id
    contact_id = data.get("contact_id") if "contact_id" in data else ticket.contact_id
    if company_changed and company_id is not None:
        try:
            customers.get_company(user, company_id)
        except NotFound:
            raise _invalid("company_id", N_("No such company.")) from None
    if contact_id is None or not (company_changed or contact_changed):
        return
    if contact_changed:
        try:
            contact = customers.get_contact(user, contact_id)
        except NotFound:
            raise _invalid("contact_id", N_("No such contact.")) from None
    else:
        contact = ticket.contact
    if company_id is not None and contact.company_id != company_id:
        raise _invalid("contact_id", N_("The contact does not work for this company."))


def _resume_sla(ticket: Ticket, now: datetime) -> dict:
    """The customer's turn is over: the wait moves the resolution due time back."""
    waited = max(now - ticket.sla_paused_at, timedelta(0))
    return {
        "sla_paused_at": None,
        "sla_paused_seconds": ticket.sla_paused_seconds + int(waited.total_seconds()),
        "resolution_due_at": ticket.resolution_due_at
        + timedelta(seconds=int(waited.total_seconds())),
    }


def _status_fields(current: str, new: str, ticket: Ticket | None, now: datetime) -> dict:
    """The fields a status change sets (409 for a move TICKET_TRANSITIONS does not allow)."""
    first_responded_at = ticket.first_responded_at if ticket is not None else None
    resolved_at = ticket.resolved_at if ticket is not None else None
    if new == current:
        return {}
    allowed = TICKET_TRANSITIONS[current]
    if new not in allowed:
        raise Conflict(
            N_("A ticket cannot go from {current} to {new}.").format(current=current, new=new),
            code="invalid_transition",
            errors={
                "status": [
                    N_("From {current} a ticket goes to: {allowed}.").format(
                        current=current, allowed=", ".join(allowed)
                    )
                ]
            },
        )
    fields: dict = {"status": new}
    if new in OUT_OF_QUEUE_STATUSES:
        fields["customer_replied_at"] = None
    if new == "waiting_on_customer":
        fields["sla_paused_at"] = now
    elif ticket is not None and ticket.sla_paused_at is not None:
        fields.update(_resume_sla(ticket, now))
    if new in RESPONDING_STATUSES and first_responded_at is None:
        fields["first_responded_at"] = now
    if new == "resolved":
        fields["resolved_at"] = now
    elif new == "closed":
        # Closing an unresolved ticket ends its resolution clock too (it is done either way).
        fields["closed_at"] = now
        if resolved_at is None:
            fields["resolved_at"] = now
    else:  # reopened or still being worked on: the clock runs again
        fields.update(resolved_at=None, closed_at=None)
    return fields


# --- tickets ------------------------------------------------------------------------------


def create_ticket(user: User, data: dict) -> Ticket:
    """A new ticket (status `new` unless given; due times from its priority's policy). Any
    role may create one; it is unassigned unless `assignee_id` says otherwise."""
    data = dict(data)
    data.setdefault("priority", "normal")
    data.setdefault("channel", "phone")
    _check_assignee(user, data.get("assignee_id"), None)
    _check_team(data.get("team_id"))
    _check_customer(user, {"company_id": None, "contact_id": None, **data})
    now = utcnow()
    status = _status_fields("new", data.pop("status", "new"), None, now)
    ticket = Ticket(
        **data,
        status="new",
        created_by_id=user.id,
        created_at=now,
        updated_at=now,
        **sla.due_times(data["priority"], now),
    )
    for field, value in status.items():
        setattr(ticket, field, value)
    db.session.add(ticket)
    db.session.flush()
    audit.record("create", "ticket", ticket.id, changes=audit.snapshot(ticket, TICKET_FIELDS))
    flush_and_expire()
    return ticket


def update_ticket(user: User, ticket: Ticket, data: dict) -> Ticket:
    """Change fields. A status change follows TICKET_TRANSITIONS and stamps its time; a new
    priority recomputes the due times from the creation time."""
    data = dict(data)
    now = utcnow()
    if "assignee_id" in data:
        _check_assignee(user, data["assignee_id"], ticket.assignee_id)
    if _changed(data, ticket, "team_id"):
        _check_team(data["team_id"])
    _check_customer(user, data, ticket)
    if "status" in data:
        new_status = data.pop("status")
        data.update(_status_fields(ticket.status, new_status, ticket, now))
    if _changed(data, ticket, "priority"):
        data.update(
            sla.due_times(
                data["priority"],
                ticket.created_at,
                paused_seconds=data.get("sla_paused_seconds", ticket.sla_paused_seconds),
            )
        )
    changes = audit.apply_changes(ticket, data)
    if changes:
        audit.record("update", "ticket", ticket.id, changes=changes)
    flush_and_expire()
    return ticket


def delete_ticket(user: User, ticket: Ticket) -> None:
    """Soft delete: hidden everywhere, kept for the audit trail."""
    soft_delete(ticket, "ticket")


# --- comments -----------------------------------------------------------------------------


def list_comments(user: User, ticket_id: int, args: dict) -> Page:
    """The ticket's comments, oldest first unless sorted otherwise (404 for a ticket the user
    cannot see)."""
    ticket = get_ticket(user, ticket_id)
    stmt = sa.select(TicketComment).where(TicketComment.ticket_id == ticket.id)
    if args.get("visibility"):
        stmt = stmt.where(TicketComment.visibility.in_(args["visibility"]))
    return paginate(
        db.session,
        stmt,
        TicketComment,
        fields=TICKET_COMMENT_SORT_FIELDS,
        sort=args["sort"],
        limit=args["limit"],
        cursor=args.get("cursor"),
    )


def _add_comment(ticket: Ticket, **fields) -> TicketComment:
    comment = TicketComment(ticket_id=ticket.id, **fields)
    db.session.add(comment)
    db.session.flush()
    audit.record(
        "create", "ticket_comment", comment.id, changes=audit.snapshot(comment, COMMENT_FIELDS)
    )
    return comment


def _update_ticket_fields(ticket: Ticket, fields: dict) -> None:
    changes = audit.apply_changes(ticket, fields)
    if changes:
        audit.record("update", "ticket", ticket.id, changes=changes)


def create_comment(user: User, ticket_id: int, data: dict) -> TicketComment:
    """A staff comment; the first one the customer sees is the ticket's first response."""
    ticket = get_ticket(user, ticket_id)
    comment = _add_comment(
        ticket,
        body=data["body"],
        visibility=data.get("visibility", "internal"),
        author_id=user.id,
    )
    if comment.visibility == "customer":
        answered = {"customer_replied_at": None}
        if ticket.first_responded_at is None:
            answered["first_responded_at"] = comment.created_at
        _update_ticket_fields(ticket, answered)
    flush_and_expire()
    return comment


def add_customer_comment(ticket: Ticket, body: str, upload_link_id: int | None) -> TicketComment:
    """A comment from the customer (through an upload link): visible to the customer, no
    author. Flushed and audited, NOT committed: the caller commits it with the rest of its
    work. `body` is non-blank text of at most COMMENT_MAX_LENGTH characters (the caller
    validates it)."""
    return _add_comment(
        ticket, body=body, visibility="customer", author_id=None, upload_link_id=upload_link_id
    )


def customer_replied(ticket: Ticket) -> None:
    """The customer sent files or a message: the ticket says so (`customer_replied_at`) until
    staff answer, and one waiting on them, or already resolved or closed, is open again, so it
    is back in an agent's queue instead of an answer lying unseen on a finished ticket (an
    agent resolves it again if it needs nothing). Audited, NOT committed: the caller commits
    it with the rest of its work."""
    now = utcnow()
    fields: dict = {}
    if ticket.status in OUT_OF_QUEUE_STATUSES:
        fields.update(_status_fields(ticket.status, "open", ticket, now))
    fields["customer_replied_at"] = now
    _update_ticket_fields(ticket, fields)


# --- merging duplicates (crm.imports) ----------------------------------------------------


def move_tickets(field: str, from_ids, to_id: int) -> dict[str, list[int]]:
    """Merge: the tickets of the records `from_ids` now belong to `to_id` (`field`:
    company_id or contact_id); the ids moved, per former record (what undo puts back)."""
    return move_links(Ticket, field, from_ids, to_id)


def put_back_tickets(field: str, moved: dict[str, list[int]], current_id: int) -> int:
    """Undo of a merge: the tickets moved to `current_id` go back to their former records."""
    return put_back_links(Ticket, field, moved, current_id)
