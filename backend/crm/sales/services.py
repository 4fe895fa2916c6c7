"""Leads: scoping, ownership rules, audit. (Follow-ups live in `crm.sales.follow_ups`.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa

from crm.auth import services as auth
from crm.core import audit
from crm.core.dedupe import DuplicateSource
from crm.core.exceptions import Conflict, DomainError, Invalid, NotFound
from crm.core.i18n import N_
from crm.core.pagination import ListQuery, Page
from crm.core.records import (
    get_or_404,
    mark_merged,
    merged_into,
    not_deleted,
    records_by_key,
    soft_delete,
    unmark_merged,
)
from crm.core.search import search
from crm.core.unit_of_work import flush_and_expire
from crm.extensions import db
from crm.sales.models import LEAD_SORT_FIELDS, Lead

if TYPE_CHECKING:
    from crm.auth.models import User

LEAD_FIELDS = (
    "name",
    "company_name",
    "title",
    "email",
    "phone",
    "source",
    "status",
    "owner_id",
    "description",
)
NOT_FOUND = N_("No such lead.")


# --- lookups -----------------------------------------------------------------------------


def _visible(user: User):
    return sa.and_(not_deleted(Lead), auth.visible_records(user, Lead.owner_id))


def get_lead(user: User, lead_id: int) -> Lead:
    return get_or_404(
        Lead, lead_id, _visible(user), not_found=NotFound(NOT_FOUND, code="lead_not_found")
    )


def get_lead_to_change(user: User, lead_id: int) -> Lead:
    """A lead the user is about to change: 404 outside their scope, then 403 for readers.

    Called before the If-Match check, so a reader learns "not allowed" rather than being asked
    for an ETag they could never use.
    """
    lead = get_lead(user, lead_id)
    auth.require_writer(user)
    return lead


def duplicate_source(user: User | None) -> DuplicateSource:
    """Where duplicate rules look for leads the user sees (every lead not deleted when `user` is
    None: the scan): same email, same phone, or an alike company name with an alike person
    name."""
    return DuplicateSource(
        entity="leads",
        model=Lead,
        visible=not_deleted(Lead) if user is None else _visible(user),
        label=_label,
        email=Lead.email,
        phone=Lead.phone,
        name_key=Lead.company_name_key,
        person=Lead.name,
    )


def _label(lead: Lead) -> str:
    return f"{lead.name} ({lead.company_name})" if lead.company_name else lead.name


# --- leads --------------------------------------------------------------------------------


def leads_query(user: User, args: dict) -> ListQuery:
    """The leads the list shows for `args` (its filters; not its page), scoped to the user."""
    stmt = sa.select(Lead).where(_visible(user))
    if args.get("status"):
        stmt = stmt.where(Lead.status.in_(args["status"]))
    if args.get("source"):
        stmt = stmt.where(Lead.source.in_(args["source"]))
    owner = args.get("owner_id")
    if owner == "me":
        stmt = stmt.where(Lead.owner_id == user.id)
    elif owner == "none":
        stmt = stmt.where(Lead.owner_id.is_(None))
    elif owner:
        stmt = stmt.where(Lead.owner_id == int(owner))
    if args.get("created_after"):
        stmt = stmt.where(Lead.created_at >= args["created_after"])
    if args.get("created_before"):
        stmt = stmt.where(Lead.created_at < args["created_before"])
    if args.get("next_follow_up_before"):
        stmt = stmt.where(Lead.next_follow_up_at < args["next_follow_up_before"])
    if args.get("q"):
        stmt = stmt.where(_search(args["q"].strip()))
    return ListQuery(stmt, Lead, LEAD_SORT_FIELDS)


def list_leads(user: User, args: dict) -> Page:
    return leads_query(user, args).page(args)


def _search(q: str):
    return search(q, (Lead.name, Lead.company_name, Lead.email, Lead.phone), Lead.phone)


def _new_lead(user: User, data: dict) -> Lead:
    """A valid new lead, added to the session (not flushed)."""
    data = dict(data)
    owner_id = data.pop("owner_id", user.id)
    auth.check_owner_change(user, owner_id, user.id)
    if data.get("status") == "converted":
        raise Invalid(
            N_("A lead becomes converted through conversion."),
            errors={"status": [N_("Cannot create a converted lead.")]},
        )
    lead = Lead(**data, owner_id=owner_id, created_by_id=user.id)
    db.session.add(lead)
    return lead


def create_lead(user: User, data: dict) -> Lead:
    auth.require_writer(user)
    lead = _new_lead(user, data)
    db.session.flush()
    audit.record("create", "lead", lead.id, changes=audit.snapshot(lead, LEAD_FIELDS))
    flush_and_expire()
    return lead


def create_leads(user: User, items: list[dict]) -> list[Lead | DomainError]:
    """Many leads at once (an import's batch), each checked as `create_lead` checks one: one
    answer per item, the lead or why it was refused; the valid ones are added in one flush and
    audited. The session is not expired (the caller goes on with its batch)."""
    auth.require_writer(user)
    answers: list[Lead | DomainError] = []
    for data in items:
        try:
            answers.append(_new_lead(user, data))
        except DomainError as error:
            answers.append(error)
    db.session.flush()
    for lead in answers:
        if isinstance(lead, Lead):
            audit.record("create", "lead", lead.id, changes=audit.snapshot(lead, LEAD_FIELDS))
    db.session.flush()
    return answers


def update_lead(user: User, lead: Lead, data: dict) -> Lead:
    auth.require_writer(user)
    if "owner_id" in data:
        auth.check_owner_change(user, data["owner_id"], lead.owner_id)
    if data.get("status") == "converted" and lead.status != "converted":
        raise Invalid(
            N_("A lead becomes converted through conversion."),
            errors={"status": [N_("Use the convert action.")]},
        )
    if lead.status == "converted" and data.get("status", "converted") != "converted":
        raise Conflict(
            N_("A converted lead stays converted; its company, contact and opportunity exist."),
            code="already_converted",
            errors={"status": [N_("The lead is converted.")]},
        )
    if "name" in data and data["name"] is None:
        raise Invalid(N_("A lead needs a name."), errors={"name": [N_("Field may not be null.")]})
    changes = audit.apply_changes(lead, data)
    if changes:
        audit.record("update", "lead", lead.id, changes=changes)
    flush_and_expire()
    return lead


def delete_lead(user: User, lead: Lead) -> None:
    auth.require_writer(user)
    soft_delete(lead, "lead")


def leads_by(user: User, kind: str, keys) -> dict[str, list[Lead]]:
    """Visible leads by `email`, `phone` or `name`, grouped by key (imports look up a batch)."""
    column = {"email": Lead.email, "phone": Lead.phone, "name": Lead.name}[kind]
    return records_by_key(sa.select(Lead).where(_visible(user)), column, kind, keys)


# --- merging duplicates (crm.imports) ----------------------------------------------------


def merge_lead_into(lead: Lead, primary_id: int) -> None:
    """A duplicate lead merged into `primary_id`: hidden, pointing at it, audited."""
    mark_merged(lead, "lead", primary_id)


def leads_merged_into(primary_id: int, ids) -> list[Lead]:
    """The leads among `ids` merged into `primary_id` (for undoing that merge)."""
    return merged_into(Lead, primary_id, ids)


def unmerge_lead(lead: Lead) -> None:
    unmark_merged(lead, "lead")
