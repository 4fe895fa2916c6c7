"""Leads and follow-ups: scoping, ownership rules, derived follow-up times, audit."""

from __future__ import annotations

import re

import sqlalchemy as sa

from crm.auth import services as auth
from crm.auth.models import User
from crm.core import audit
from crm.core.errors import ApiError
from crm.core.pagination import Page, paginate
from crm.core.types import utcnow
from crm.extensions import db
from crm.sales.models import FOLLOW_UP_SORT_FIELDS, LEAD_SORT_FIELDS, FollowUp, Lead
from crm.sales.schemas import normalise_phone

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
FOLLOW_UP_FIELDS = ("lead_id", "kind", "content", "due_at", "done_at")
NOT_FOUND = "No such lead."
PHONE_TYPING = re.compile(r"[0-9+\-(). ]+")


# --- lookups -----------------------------------------------------------------------------


def get_lead(user: User, lead_id: int) -> Lead:
    lead = db.session.scalar(
        sa.select(Lead).where(
            Lead.id == lead_id, Lead.deleted_at.is_(None), auth.visible_records(user, Lead.owner_id)
        )
    )
    if lead is None:
        raise ApiError(404, NOT_FOUND)
    return lead


def get_lead_to_change(user: User, lead_id: int) -> Lead:
    """A lead the user is about to change: 404 outside their scope, then 403 for readers.

    Called before the If-Match check, so a reader learns "not allowed" rather than being asked
    for an ETag they could never use.
    """
    lead = get_lead(user, lead_id)
    auth.require_writer(user)
    return lead


# --- leads --------------------------------------------------------------------------------


def list_leads(user: User, args: dict) -> Page:
    stmt = sa.select(Lead).where(
        Lead.deleted_at.is_(None), auth.visible_records(user, Lead.owner_id)
    )
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
    return paginate(
        db.session,
        stmt,
        Lead,
        fields=LEAD_SORT_FIELDS,
        sort=args["sort"],
        limit=args["limit"],
        cursor=args.get("cursor"),
    )


def _search(q: str):
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    terms = [
        column.ilike(pattern, escape="\\")
        for column in (Lead.name, Lead.company_name, Lead.email, Lead.phone)
    ]
    # A phone typed the local way ("138 0013 8000") also finds the stored E.164 number, and
    # digits typed with spaces or dashes ("415-555 2671") find the numbers that contain them.
    e164 = normalise_phone(q) if any(ch.isdigit() for ch in q) else None
    if e164:
        terms.append(Lead.phone == e164)
    digits = "".join(ch for ch in q if ch.isdigit())
    if len(digits) >= 3 and PHONE_TYPING.fullmatch(q):
        terms.append(Lead.phone.like(f"%{digits}%"))
    return sa.or_(*terms)


def create_lead(user: User, data: dict) -> Lead:
    auth.require_writer(user)
    data = dict(data)
    owner_id = data.pop("owner_id", user.id)
    auth.check_owner_change(user, owner_id, user.id)
    if data.get("status") == "converted":
        raise ApiError(
            422,
            "A lead becomes converted through conversion.",
            errors={"status": ["Cannot create a converted lead."]},
        )
    lead = Lead(**data, owner_id=owner_id, created_by_id=user.id)
    db.session.add(lead)
    db.session.flush()
    audit.record("create", "lead", lead.id, changes=audit.snapshot(lead, LEAD_FIELDS))
    db.session.commit()
    return lead


def update_lead(user: User, lead: Lead, data: dict) -> Lead:
    auth.require_writer(user)
    if "owner_id" in data:
        auth.check_owner_change(user, data["owner_id"], lead.owner_id)
    if data.get("status") == "converted" and lead.status != "converted":
        raise ApiError(
            422,
            "A lead becomes converted through conversion.",
            errors={"status": ["Use the convert action."]},
        )
    if "name" in data and data["name"] is None:
        raise ApiError(422, "A lead needs a name.", errors={"name": ["Field may not be null."]})
    changes = audit.apply_changes(lead, data)
    if changes:
        audit.record("update", "lead", lead.id, changes=changes)
    db.session.commit()
    return lead


def delete_lead(user: User, lead: Lead) -> None:
    auth.require_writer(user)
    lead.deleted_at = utcnow()
    audit.record("delete", "lead", lead.id)
    db.session.commit()


# --- follow-ups ---------------------------------------------------------------------------


def _refresh_lead_times(lead: Lead) -> None:
    """Recompute the lead's derived times from its follow-ups (same transaction)."""
    db.session.flush()
    live = sa.and_(FollowUp.lead_id == lead.id, FollowUp.deleted_at.is_(None))
    last = db.session.scalar(sa.select(sa.func.max(FollowUp.done_at)).where(live))
    upcoming = db.session.scalar(
        sa.select(sa.func.min(FollowUp.due_at)).where(
            live, FollowUp.done_at.is_(None), FollowUp.due_at.is_not(None)
        )
    )
    lead.last_contacted_at = last
    lead.next_follow_up_at = upcoming


def list_follow_ups(user: User, lead_id: int, args: dict) -> Page:
    lead = get_lead(user, lead_id)
    stmt = sa.select(FollowUp).where(FollowUp.lead_id == lead.id, FollowUp.deleted_at.is_(None))
    return paginate(
        db.session,
        stmt,
        FollowUp,
        fields=FOLLOW_UP_SORT_FIELDS,
        sort="-created_at",
        limit=args["limit"],
        cursor=args.get("cursor"),
    )


def get_follow_up(user: User, follow_up_id: int) -> FollowUp:
    follow_up = db.session.scalar(
        sa.select(FollowUp)
        .join(Lead, Lead.id == FollowUp.lead_id)
        .where(
            FollowUp.id == follow_up_id,
            FollowUp.deleted_at.is_(None),
            Lead.deleted_at.is_(None),
            auth.visible_records(user, Lead.owner_id),
        )
    )
    if follow_up is None:
        raise ApiError(404, "No such follow-up.")
    return follow_up


def get_follow_up_to_change(user: User, follow_up_id: int) -> FollowUp:
    """A follow-up the user is about to change: 404 outside their scope, then 403 for readers."""
    follow_up = get_follow_up(user, follow_up_id)
    auth.require_writer(user)
    return follow_up


def create_follow_up(user: User, lead_id: int, data: dict) -> FollowUp:
    lead = get_lead(user, lead_id)
    auth.require_writer(user)
    follow_up = FollowUp(**data, lead_id=lead.id, author_id=user.id)
    db.session.add(follow_up)
    _refresh_lead_times(lead)
    audit.record(
        "create", "follow_up", follow_up.id, changes=audit.snapshot(follow_up, FOLLOW_UP_FIELDS)
    )
    db.session.commit()
    return follow_up


def update_follow_up(user: User, follow_up: FollowUp, data: dict) -> FollowUp:
    auth.require_writer(user)
    for field in ("kind", "content"):
        if field in data and data[field] is None:
            raise ApiError(422, "Invalid follow-up.", errors={field: ["Field may not be null."]})
    changes = audit.apply_changes(follow_up, data)
    if changes:
        _refresh_lead_times(db.session.get(Lead, follow_up.lead_id))
        audit.record("update", "follow_up", follow_up.id, changes=changes)
    db.session.commit()
    return follow_up


def delete_follow_up(user: User, follow_up: FollowUp) -> None:
    auth.require_writer(user)
    follow_up.deleted_at = utcnow()
    _refresh_lead_times(db.session.get(Lead, follow_up.lead_id))
    audit.record("delete", "follow_up", follow_up.id)
    db.session.commit()
