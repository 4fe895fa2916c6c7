"""Duplicates as other domains and the HTTP layer use them: hints for a record just written,
the check before saving, groups found by the scan, and "not a duplicate" marks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crm.imports.duplicate_rules import Candidate, find_candidates

if TYPE_CHECKING:
    from crm.auth.models import User

HINT_FIELDS = {
    "companies": ("name", "phone"),
    "contacts": ("email", "phone"),
    "leads": ("name", "company_name", "email", "phone"),
}


def hints(entity: str, user: User, record) -> list[Candidate]:
    """The duplicates of a record just created or changed (the `duplicates` of its answer)."""
    values = {field: getattr(record, field) for field in HINT_FIELDS[entity]}
    return find_candidates(entity, values, user=user, exclude_ids=(record.id,))


def check(user: User, args: dict) -> dict:
    """`GET /duplicates/check`: the records the values typed in a form may duplicate."""
    exclude = (args["exclude_id"],) if args.get("exclude_id") else ()
    items = find_candidates(args["entity"], args, user=user, exclude_ids=exclude)
    return {"items": items}
