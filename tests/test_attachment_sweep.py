"""`crm attachments sweep`: removes what crashed uploads left behind, on both sides, on GridFS.

nx-27017 may share one bucket between databases, so the test names the ids it expects gone
and kept rather than asserting an empty store."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
import sqlalchemy as sa

from crm.attachments.models import Attachment
from crm.attachments.store import StoredFileMissing, new_store_id
from crm.core.types import utcnow
from crm.extensions import attachment_store
from crm.extensions import db as _db
from tests.attachment_helpers import PNG, TicketFactory


def stored_file(store) -> str:
    return store.save(io.BytesIO(PNG), filename="a.png", content_type="image/png").store_id


def attachment(ticket, store, *, status, age_minutes, with_bytes=True) -> tuple[int, str]:
    """A row (and its bytes): its id and store id."""
    store_id = stored_file(store) if with_bytes else new_store_id()
    row = Attachment(
        ticket_id=ticket.id,
        store_backend=store.backend,
        store_id=store_id,
        filename="a.png",
        content_type="image/png",
        status=status,
        size=len(PNG),
        created_at=utcnow() - timedelta(minutes=age_minutes),
    )
    _db.session.add(row)
    _db.session.commit()
    return row.id, store_id


def exists(store, store_id) -> bool:
    try:
        store.open(store_id).close()
    except StoredFileMissing:
        return False
    return True


@pytest.fixture
def leftovers(gridfs_app, db):
    store = attachment_store.get(gridfs_app)
    ticket = TicketFactory()
    return store, {
        "ready": attachment(ticket, store, status="ready", age_minutes=600),
        "old_pending": attachment(ticket, store, status="pending", age_minutes=120),
        "old_pending_no_bytes": attachment(
            ticket, store, status="pending", age_minutes=120, with_bytes=False
        ),
        "fresh_pending": attachment(ticket, store, status="pending", age_minutes=5),
        "orphan": stored_file(store),
    }


def invoke(crm_app, *args):
    # Its own app context: the `db` fixture keeps the session app's pushed, which the command
    # would otherwise run in.
    with crm_app.app_context():
        return crm_app.test_cli_runner().invoke(args=["attachments", "sweep", *args])


def sweep(crm_app, *args):
    result = invoke(crm_app, *args)
    assert result.exit_code == 0, result.output
    return result.output


def row_ids() -> set[int]:
    _db.session.commit()
    return set(_db.session.scalars(sa.select(Attachment.id)))


def test_sweep_removes_old_pending_uploads_and_orphans(gridfs_app, leftovers):
    store, made = leftovers
    ready, old, fresh = made["ready"], made["old_pending"], made["fresh_pending"]

    output = sweep(gridfs_app)

    assert "Removed 2 pending upload(s) older than 60 minutes" in output
    assert made["orphan"] in output
    assert row_ids() == {ready[0], fresh[0]}
    assert exists(store, ready[1]) and exists(store, fresh[1])
    assert not exists(store, old[1])
    assert not exists(store, made["orphan"])


def test_dry_run_changes_nothing(gridfs_app, leftovers):
    store, made = leftovers
    before_rows, before_ids = row_ids(), set(store.ids())

    output = sweep(gridfs_app, "--dry-run")

    assert "Would remove 2 pending upload(s)" in output
    assert made["orphan"] in output
    assert row_ids() == before_rows
    assert set(store.ids()) == before_ids


def test_older_than_overrides_the_setting(gridfs_app, leftovers):
    store, made = leftovers
    sweep(gridfs_app, "--older-than", "1")
    assert row_ids() == {made["ready"][0]}
    assert exists(store, made["ready"][1])
    assert not exists(store, made["fresh_pending"][1])


def test_sweep_says_when_the_store_is_down(make_app, db):
    from tests.mongo_server import free_port

    crm_app = make_app(MONGODB_URI=f"mongodb://127.0.0.1:{free_port()}/?directConnection=true")
    result = invoke(crm_app)
    assert result.exit_code == 1
    assert "not reachable" in result.output
