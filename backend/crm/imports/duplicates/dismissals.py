"""Pairs marked "not a duplicate": stored once per pair (lower id first), never shown again by
hints, checks, the scan's groups or import."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from crm.extensions import db
from crm.imports.duplicates.models import DuplicateDismissal


def dismissed_with(entity: str, ids: Iterable[int]) -> set[int]:
    """The ids marked "not a duplicate" of any of `ids`."""
    ids = set(ids)
    if not ids:
        return set()
    rows = db.session.execute(
        sa.select(DuplicateDismissal.low_id, DuplicateDismissal.high_id).where(
            DuplicateDismissal.entity == entity,
            sa.or_(DuplicateDismissal.low_id.in_(ids), DuplicateDismissal.high_id.in_(ids)),
        )
    )
    found = set()
    for low, high in rows:
        found.update((low, high))
    return found - ids


def dismissed_pairs(entity: str, ids: Iterable[int]) -> set[tuple[int, int]]:
    """The (low, high) pairs among `ids` marked "not a duplicate"."""
    ids = set(ids)
    if len(ids) < 2:
        return set()
    rows = db.session.execute(
        sa.select(DuplicateDismissal.low_id, DuplicateDismissal.high_id).where(
            DuplicateDismissal.entity == entity,
            DuplicateDismissal.low_id.in_(ids),
            DuplicateDismissal.high_id.in_(ids),
        )
    )
    return {(low, high) for low, high in rows}


def dismiss(entity: str, ids: list[int], user_id: int) -> int:
    """Mark every pair of `ids` "not a duplicate" (pairs already marked stay); how many new."""
    ids = sorted(set(ids))
    known = dismissed_pairs(entity, ids)
    added = 0
    for index, low in enumerate(ids):
        for high in ids[index + 1 :]:
            if (low, high) not in known:
                db.session.add(
                    DuplicateDismissal(
                        entity=entity, low_id=low, high_id=high, created_by_id=user_id
                    )
                )
                added += 1
    db.session.flush()
    return added
