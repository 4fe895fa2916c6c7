"""Duplicates as other domains and the HTTP layer use them: hints for a record just written,
the check before saving, the scan and its groups, and "not a duplicate" marks."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa

from crm.auth import services as auth
from crm.core.exceptions import Invalid
from crm.core.i18n import N_
from crm.core.jobs import Job, enqueue
from crm.extensions import db
from crm.imports import duplicate_rules as rules
from crm.imports.duplicate_rules import Candidate, find_candidates
from crm.imports.duplicates import dismissals
from crm.imports.duplicates.models import DuplicateGroup, DuplicateGroupMember

if TYPE_CHECKING:
    from crm.auth.models import User

HINT_FIELDS = {
    "companies": ("name", "phone"),
    "contacts": ("email", "phone"),
    "leads": ("name", "company_name", "email", "phone"),
}
INVALID = N_("The request has invalid fields.")


def hints(entity: str, user: User, record) -> list[Candidate]:
    """The duplicates of a record just created or changed (the `duplicates` of its answer)."""
    values = {field: getattr(record, field) for field in HINT_FIELDS[entity]}
    return find_candidates(entity, values, user=user, exclude_ids=(record.id,))


def check(user: User, args: dict) -> dict:
    """`GET /duplicates/check`: the records the values typed in a form may duplicate."""
    exclude = (args["exclude_id"],) if args.get("exclude_id") else ()
    items = find_candidates(args["entity"], args, user=user, exclude_ids=exclude)
    return {"items": items}


def start_scan(user: User, entity: str) -> Job:
    """Start a scan of every `entity` record (a job); its groups replace the previous ones."""
    auth.require_writer(user)
    return enqueue("duplicates.scan", params={"entity": entity}, user=user)


# --- groups -------------------------------------------------------------------------------


def _record(src, record) -> dict:
    owner = record.owner
    return {
        "id": record.id,
        "label": src.label(record),
        "email": getattr(record, src.email.key) if src.email is not None else None,
        "phone": getattr(record, src.phone.key) if src.phone is not None else None,
        "owner": {"id": owner.id, "name": owner.name} if owner is not None else None,
        "created_at": record.created_at,
    }


def _shown(entity: str, ids: list[int]) -> list[int]:
    """The members left once those marked "not a duplicate" of every other one are dropped."""
    pairs = dismissals.dismissed_pairs(entity, ids)
    if not pairs:
        return ids
    return [i for i in ids if any((min(i, j), max(i, j)) not in pairs for j in ids if j != i)]


def list_groups(user: User, args: dict) -> dict:
    """The scan's groups of `entity`, each with the records the user may see (groups left
    with fewer than two are not shown), oldest group first, a page at a time."""
    entity, limit = args["entity"], args["limit"]
    src = rules.source(entity, user)
    after = args.get("cursor") or 0
    items: list[dict] = []
    while len(items) < limit:
        groups = list(
            db.session.scalars(
                sa.select(DuplicateGroup)
                .where(DuplicateGroup.entity == entity, DuplicateGroup.id > after)
                .order_by(DuplicateGroup.id)
                .limit(limit)
            )
        )
        if not groups:
            return {"items": items, "next_cursor": None}
        members: dict[int, list[int]] = {g.id: [] for g in groups}
        for group_id, record_id in db.session.execute(
            sa.select(DuplicateGroupMember.group_id, DuplicateGroupMember.record_id).where(
                DuplicateGroupMember.group_id.in_(members)
            )
        ):
            members[group_id].append(record_id)
        wanted = {i for ids in members.values() for i in ids}
        records = {
            r.id: r
            for r in db.session.scalars(
                sa.select(src.model).where(src.visible, src.model.id.in_(wanted))
            )
        }
        for group in groups:
            after = group.id
            ids = _shown(entity, sorted(i for i in members[group.id] if i in records))
            if len(ids) < 2:
                continue
            items.append(
                {
                    "key": group.key,
                    "entity": entity,
                    "rule": group.rule,
                    "score": group.score,
                    "records": [_record(src, records[i]) for i in ids],
                }
            )
            if len(items) == limit:
                break
    more = db.session.scalar(
        sa.select(DuplicateGroup.id)
        .where(DuplicateGroup.entity == entity, DuplicateGroup.id > after)
        .limit(1)
    )
    return {"items": items, "next_cursor": str(after) if more is not None else None}


# --- "not a duplicate" --------------------------------------------------------------------


def dismiss(user: User, entity: str, ids: list[int]) -> None:
    """Mark every pair of `ids` (records the user may see) "not a duplicate": never shown
    again by hints, checks, the scan's groups or import."""
    auth.require_writer(user)
    src = rules.source(entity, user)
    ids = sorted(set(ids))
    seen = set(
        db.session.scalars(sa.select(src.model.id).where(src.visible, src.model.id.in_(ids)))
    )
    if len(ids) < 2:
        raise Invalid(INVALID, errors={"ids": [N_("Name at least two records.")]})
    missing = [i for i in ids if i not in seen]
    if missing:
        raise Invalid(INVALID, errors={"ids": [N_("No such record: {id}.").format(id=missing[0])]})
    dismissals.dismiss(entity, ids, user.id)
