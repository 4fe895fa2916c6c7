"""Follow-ups on every customer record (lead, company, contact, opportunity): scoping by the
record's owner, timelines that gather related records' follow-ups, the lead's derived times,
and audit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa

from crm.auth import services as auth
from crm.core import audit
from crm.core.exceptions import Invalid, NotFound
from crm.core.i18n import N_
from crm.core.pagination import Page, paginate
from crm.core.records import get_or_404, move_links, not_deleted, put_back_links, soft_delete
from crm.core.unit_of_work import flush_and_expire
from crm.customers import services as customers
from crm.extensions import db
from crm.sales import services as leads
from crm.sales.models import FOLLOW_UP_SORT_FIELDS, FollowUp, Lead
from crm.sales.pipeline.models import Opportunity

if TYPE_CHECKING:
    from crm.auth.models import User

PARENTS = ("lead", "company", "contact", "opportunity")
FOLLOW_UP_FIELDS = (
    "lead_id",
    "company_id",
    "contact_id",
    "opportunity_id",
    "kind",
    "content",
    "due_at",
    "done_at",
)
NOT_FOUND = N_("No such follow-up.")


# --- the record a follow-up is on -----------------------------------------------------------


def _visible_leads(user: User):
    return sa.and_(Lead.deleted_at.is_(None), auth.visible_records(user, Lead.owner_id))


def _visible_opportunities(user: User):
    return sa.and_(
        Opportunity.deleted_at.is_(None), auth.visible_records(user, Opportunity.owner_id)
    )


def _get_opportunity(user: User, opportunity_id: int):
    """(id, lead_id) of an opportunity the user can see; 404 otherwise."""
    row = db.session.execute(
        sa.select(Opportunity.id, Opportunity.lead_id).where(
            Opportunity.id == opportunity_id, _visible_opportunities(user)
        )
    ).first()
    if row is None:
        raise NotFound(N_("No such opportunity."), code="opportunity_not_found")
    return row


def _get_parent(user: User, parent: str, parent_id: int):
    """The record (404 outside the user's scope); anything with `id` (and `lead_id` for an
    opportunity)."""
    if parent == "lead":
        return leads.get_lead(user, parent_id)
    if parent == "company":
        return customers.get_company(user, parent_id)
    if parent == "contact":
        return customers.get_contact(user, parent_id)
    if parent == "opportunity":
        return _get_opportunity(user, parent_id)
    raise ValueError(parent)


def _parent_of(follow_up: FollowUp) -> tuple[str, int] | None:
    for parent in PARENTS:
        parent_id = getattr(follow_up, f"{parent}_id")
        if parent_id is not None:
            return parent, parent_id
    return None


# --- timelines ----------------------------------------------------------------------------


def _ids(condition) -> sa.Select:
    return sa.select(FollowUp.id).where(condition, FollowUp.deleted_at.is_(None))


def _timeline(user: User, parent: str, record) -> sa.Select:
    """The follow-ups on the record's timeline: its own, and those of the related records the
    user can see.

    - a contact: plus the leads converted into it;
    - an opportunity: plus its source lead;
    - a company: plus its contacts, its opportunities, and the leads converted into it (or into
      its contacts, or that are the source of its opportunities).

    Related records' follow-ups are gathered as a UNION of id lists joined back to the table
    (MySQL and MariaDB materialise it), one part per parent column, so each part walks that
    column's (parent_id, created_at, id) index rather than the whole table.
    """
    if parent == "lead":
        return sa.select(FollowUp).where(
            FollowUp.lead_id == record.id, FollowUp.deleted_at.is_(None)
        )
    visible_leads = sa.select(Lead.id).where(_visible_leads(user))
    if parent == "contact":
        parts = [
            _ids(FollowUp.contact_id == record.id),
            _ids(FollowUp.lead_id.in_(visible_leads.where(Lead.converted_contact_id == record.id))),
        ]
    elif parent == "opportunity":
        parts = [_ids(FollowUp.opportunity_id == record.id)]
        if record.lead_id is not None:
            parts.append(_ids(FollowUp.lead_id.in_(visible_leads.where(Lead.id == record.lead_id))))
    else:  # a company
        contacts = customers.visible_contact_ids(user, record.id)
        opportunities = sa.select(Opportunity.id).where(
            Opportunity.company_id == record.id, _visible_opportunities(user)
        )
        source_leads = sa.select(Opportunity.lead_id).where(
            Opportunity.company_id == record.id,
            Opportunity.lead_id.is_not(None),
            _visible_opportunities(user),
        )
        parts = [
            _ids(FollowUp.company_id == record.id),
            _ids(FollowUp.contact_id.in_(contacts)),
            _ids(FollowUp.opportunity_id.in_(opportunities)),
            _ids(FollowUp.lead_id.in_(visible_leads.where(Lead.converted_company_id == record.id))),
            _ids(
                FollowUp.lead_id.in_(visible_leads.where(Lead.converted_contact_id.in_(contacts)))
            ),
            _ids(FollowUp.lead_id.in_(visible_leads.where(Lead.id.in_(source_leads)))),
        ]
    # UNION, not UNION ALL: one lead can be converted into the company and be the source of
    # its opportunity.
    ids = sa.union(*parts).subquery("timeline") if len(parts) > 1 else parts[0].subquery("timeline")
    # STRAIGHT_JOIN: MySQL and MariaDB otherwise prefer to scan every follow-up and probe the
    # (materialised, small) id list, rather than the other way round.
    return (
        sa.select(FollowUp)
        .select_from(ids)
        .join(FollowUp, FollowUp.id == ids.c.id)
        .prefix_with("STRAIGHT_JOIN", dialect="mysql")
        .prefix_with("STRAIGHT_JOIN", dialect="mariadb")
    )


def list_follow_ups(user: User, parent: str, parent_id: int, args: dict) -> Page:
    """The record's timeline, newest first (404 when the user cannot see the record)."""
    record = _get_parent(user, parent, parent_id)
    return paginate(
        db.session,
        _timeline(user, parent, record),
        FollowUp,
        fields=FOLLOW_UP_SORT_FIELDS,
        sort="-created_at",
        limit=args["limit"],
        cursor=args.get("cursor"),
    )


# --- one follow-up ------------------------------------------------------------------------


def get_follow_up(user: User, follow_up_id: int) -> FollowUp:
    """A follow-up on a record the user can see; 404 otherwise (or when either is deleted)."""
    not_found = NotFound(NOT_FOUND, code="follow_up_not_found")
    follow_up = get_or_404(FollowUp, follow_up_id, not_deleted(FollowUp), not_found=not_found)
    parent = _parent_of(follow_up)
    if parent is None:
        raise not_found
    try:
        _get_parent(user, *parent)
    except NotFound:
        raise not_found from None
    return follow_up


def get_follow_up_to_change(user: User, follow_up_id: int) -> FollowUp:
    """A follow-up the user is about to change: 404 outside their scope, then 403 for readers."""
    follow_up = get_follow_up(user, follow_up_id)
    auth.require_writer(user)
    return follow_up


def _refresh_lead_times(lead_id: int | None) -> None:
    """Recompute a lead's derived times from its follow-ups (same transaction)."""
    db.session.flush()
    if lead_id is None:
        return
    lead = db.session.get(Lead, lead_id)
    live = sa.and_(FollowUp.lead_id == lead_id, FollowUp.deleted_at.is_(None))
    last = db.session.scalar(sa.select(sa.func.max(FollowUp.done_at)).where(live))
    upcoming = db.session.scalar(
        sa.select(sa.func.min(FollowUp.due_at)).where(
            live, FollowUp.done_at.is_(None), FollowUp.due_at.is_not(None)
        )
    )
    lead.last_contacted_at = last
    lead.next_follow_up_at = upcoming


def create_follow_up(user: User, parent: str, parent_id: int, data: dict) -> FollowUp:
    record = _get_parent(user, parent, parent_id)
    auth.require_writer(user)
    follow_up = FollowUp(**data, **{f"{parent}_id": record.id}, author_id=user.id)
    db.session.add(follow_up)
    _refresh_lead_times(follow_up.lead_id)
    audit.record(
        "create", "follow_up", follow_up.id, changes=audit.snapshot(follow_up, FOLLOW_UP_FIELDS)
    )
    flush_and_expire()
    return follow_up


def update_follow_up(user: User, follow_up: FollowUp, data: dict) -> FollowUp:
    auth.require_writer(user)
    for field in ("kind", "content"):
        if field in data and data[field] is None:
            raise Invalid(N_("Invalid follow-up."), errors={field: [N_("Field may not be null.")]})
    changes = audit.apply_changes(follow_up, data)
    if changes:
        _refresh_lead_times(follow_up.lead_id)
        audit.record("update", "follow_up", follow_up.id, changes=changes)
    flush_and_expire()
    return follow_up


def delete_follow_up(user: User, follow_up: FollowUp) -> None:
    auth.require_writer(user)
    soft_delete(follow_up, "follow_up")
    _refresh_lead_times(follow_up.lead_id)
    flush_and_expire()


# --- merging duplicates (crm.imports) ----------------------------------------------------


def move_follow_ups(field: str, from_ids, to_id: int) -> dict[str, list[int]]:
    """Merge: the follow-ups of the records `from_ids` now belong to `to_id` (`field`:
    lead_id, company_id or contact_id); the ids moved, per former record (what undo puts back)."""
    return move_links(FollowUp, field, from_ids, to_id)


def put_back_follow_ups(field: str, moved: dict[str, list[int]], current_id: int) -> int:
    """Undo of a merge: the follow-ups moved to `current_id` go back to their former records."""
    return put_back_links(FollowUp, field, moved, current_id)
