"""Merging duplicates: the chosen values go to the primary record; follow-ups, attachments,
contacts, opportunities, tickets and orders of the duplicates move to it; the duplicates are
hidden with a pointer to it. A `Merge` stores exactly what moved and the primary's previous
values, so undo (within MERGE_UNDO_DAYS) restores everything. Both run as jobs, each in one
transaction: a merge is applied whole or not at all.

Who may merge: managers and admins, any records they see; a sales rep, records they own.
Every write goes through the owning domain's services (audited there)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import marshmallow as ma
from flask import current_app

from crm.auth import services as auth
from crm.core import audit
from crm.core.exceptions import Conflict, Forbidden, Invalid, NotFound
from crm.core.i18n import N_
from crm.core.jobs import Job, JobContext, enqueue, job_handler
from crm.core.permissions import SALES
from crm.core.types import utcnow
from crm.extensions import db
from crm.imports.duplicates.merge_entities import ENTITIES, MOVED_KINDS, Entity
from crm.imports.duplicates.models import Merge

if TYPE_CHECKING:
    from crm.auth.models import User

INVALID = N_("The request has invalid fields.")


# --- checks -------------------------------------------------------------------------------


def _check_may_merge(user: User, records) -> None:
    """Managers and admins merge what they see; a sales rep only records they own."""
    auth.require_writer(user)
    if user.role == SALES and any(record.owner_id != user.id for record in records):
        raise Forbidden(N_("Sales reps merge only records they own."), code="merge_not_owner")


def _load_values(entity: Entity, values: dict) -> dict:
    """The chosen values, read as the entity's own update would read them (422 under
    `values.<field>` otherwise)."""
    try:
        return entity.schema(partial=True).load(values)
    except ma.ValidationError as error:
        messages = error.messages if isinstance(error.messages, dict) else {"_": error.messages}
        raise Invalid(
            INVALID, errors={f"values.{field}": m for field, m in messages.items()}
        ) from None


def _records(user: User, entity: Entity, primary_id: int, duplicate_ids: list[int]):
    if primary_id in duplicate_ids:
        raise Invalid(
            INVALID,
            errors={"duplicate_ids": [N_("The primary record cannot be one of the duplicates.")]},
        )
    if len(set(duplicate_ids)) != len(duplicate_ids):
        raise Invalid(INVALID, errors={"duplicate_ids": [N_("Each record once.")]})
    primary = entity.get(user, primary_id)
    duplicates = [entity.get(user, record_id) for record_id in duplicate_ids]
    _check_may_merge(user, [primary, *duplicates])
    return primary, duplicates


# --- merge --------------------------------------------------------------------------------


def start_merge(user: User, entity_name: str, body: dict) -> Job:
    """Check the merge (404, 403, 422 at once) and start it as a job."""
    entity = ENTITIES[entity_name]
    _records(user, entity, body["primary_id"], body["duplicate_ids"])
    _load_values(entity, body.get("values") or {})
    params = {
        "entity": entity_name,
        "primary_id": body["primary_id"],
        "duplicate_ids": body["duplicate_ids"],
        "values": body.get("values") or {},
    }
    return enqueue("merges.merge", params=params, user=user)


def merge(user: User, entity_name: str, primary_id: int, duplicate_ids: list[int], values):
    entity = ENTITIES[entity_name]
    primary, duplicates = _records(user, entity, primary_id, duplicate_ids)
    data = _load_values(entity, values)
    # The writable fields of these records hold text, numbers or null: stored as they are.
    previous = {field: getattr(primary, field) for field in data}
    entity.update(user, primary, data)
    moved: dict[str, dict[str, list[int]]] = {}
    for link in entity.links:
        moved[link.kind] = link.move(link.field, duplicate_ids, primary_id)
    for duplicate in duplicates:
        entity.mark(duplicate, primary_id)
    days = current_app.config["MERGE_UNDO_DAYS"]
    now = utcnow()
    record = Merge(
        entity=entity_name,
        primary_id=primary_id,
        duplicate_ids=list(duplicate_ids),
        moved=moved,
        previous=previous,
        created_by_id=user.id,
        created_at=now,
        undo_until=now + timedelta(days=days),
    )
    db.session.add(record)
    db.session.flush()
    audit.record(
        "merge",
        entity.audit_name,
        primary_id,
        changes={
            "merged_ids": {"old": None, "new": list(duplicate_ids)},
            "merge_id": {"old": None, "new": record.id},
        },
    )
    db.session.flush()
    return record


@job_handler("merges.merge")
def run_merge(ctx: JobContext) -> dict:
    p = ctx.params
    record = merge(ctx.user, p["entity"], p["primary_id"], p["duplicate_ids"], p["values"])
    return {"merge_id": record.id, "primary_id": record.primary_id}


# --- undo ---------------------------------------------------------------------------------


def get_merge(user: User, merge_id: int) -> Merge:
    """A merge whose primary record the user sees; 404 otherwise."""
    record = db.session.get(Merge, merge_id)
    not_found = NotFound(N_("No such merge."), code="merge_not_found")
    if record is None:
        raise not_found
    try:
        ENTITIES[record.entity].get(user, record.primary_id)
    except NotFound:
        raise not_found from None
    return record


def _check_undo(user: User, record: Merge):
    entity = ENTITIES[record.entity]
    primary = entity.get(user, record.primary_id)
    _check_may_merge(user, [primary])
    if record.undone_at is not None:
        raise Conflict(N_("This merge was already undone."), code="merge_already_undone")
    if utcnow() > record.undo_until:
        raise Conflict(
            N_("A merge can be undone for {days} days only.").format(
                days=current_app.config["MERGE_UNDO_DAYS"]
            ),
            code="merge_undo_expired",
        )
    return entity, primary


def start_undo(user: User, merge_id: int) -> Job:
    record = get_merge(user, merge_id)
    _check_undo(user, record)
    return enqueue("merges.undo", params={"merge_id": merge_id}, user=user)


def undo(user: User, merge_id: int) -> Merge:
    """Restore every moved record, the duplicates and the primary's previous values."""
    record = get_merge(user, merge_id)
    entity, primary = _check_undo(user, record)
    for link in entity.links:
        link.put_back(link.field, record.moved.get(link.kind, {}), record.primary_id)
    for duplicate in entity.merged(record.primary_id, record.duplicate_ids):
        entity.unmark(duplicate)
    if record.previous:
        entity.update(user, primary, dict(record.previous))
    record.undone_at = utcnow()
    audit.record(
        "unmerge",
        entity.audit_name,
        record.primary_id,
        changes={"merge_id": {"old": record.id, "new": None}},
    )
    db.session.flush()
    return record


@job_handler("merges.undo")
def run_undo(ctx: JobContext) -> dict:
    record = undo(ctx.user, ctx.params["merge_id"])
    return {"merge_id": record.id, "primary_id": record.primary_id}


def merge_answer(record: Merge) -> dict:
    """The merge as `GET /merges/{id}` answers it: counts of what moved, per kind."""
    creator = record.created_by
    return {
        "id": record.id,
        "entity": record.entity,
        "primary_id": record.primary_id,
        "duplicate_ids": record.duplicate_ids,
        "moved": {
            kind: sum(len(ids) for ids in record.moved.get(kind, {}).values())
            for kind in MOVED_KINDS
        },
        "created_at": record.created_at,
        "undo_until": record.undo_until,
        "undone_at": record.undone_at,
        "created_by": {"id": creator.id, "name": creator.name} if creator else None,
    }
