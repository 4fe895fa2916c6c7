"""What a crash (or a store outage) left behind, on either side, found and removed.

- pending rows older than the cut-off: an upload that never finished; its bytes go with it;
- stored files no row names: bytes whose row was removed while the store was down.

The store is listed before the rows are read: an upload writes its row before its first byte,
so any file the listing shows already has its row in the later read, and a running upload's
file is never taken for an orphan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa

from crm.attachments.models import Attachment
from crm.core.types import utcnow
from crm.extensions import attachment_store, db


@dataclass
class SweepResult:
    pending_rows: list[int] = field(default_factory=list)
    orphan_files: list[str] = field(default_factory=list)


def sweep(older_than_minutes: int, *, dry_run: bool = False) -> SweepResult:
    store = attachment_store.get()
    stored_ids = set(store.ids())
    cutoff = utcnow() - timedelta(minutes=older_than_minutes)
    stale = list(
        db.session.scalars(
            sa.select(Attachment).where(
                Attachment.status == "pending", Attachment.created_at < cutoff
            )
        )
    )
    known = set(db.session.scalars(sa.select(Attachment.store_id)))
    result = SweepResult(
        pending_rows=[attachment.id for attachment in stale],
        orphan_files=sorted(stored_ids - known),
    )
    if dry_run:
        return result
    for attachment in stale:
        store.delete(attachment.store_id)  # bytes first: if that fails, the row stays for later
        db.session.delete(attachment)
        db.session.commit()
    for store_id in result.orphan_files:
        store.delete(store_id)
    return result
