"""MongoDB stops while the CRM runs: attachment calls answer 503 with Retry-After within 5
seconds, metadata and every other part keep working, and no `ready` row is left without bytes."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from crm.attachments.models import Attachment
from crm.extensions import db as _db
from tests.attachment_helpers import (
    PNG,
    TicketFactory,
    login_on,
    png_of,
    post_files,
    post_public,
)
from tests.factories import UserFactory
from tests.helpers import problem
from tests.mongo_server import MongoServer

BUDGET = 5.0  # seconds an attachment call may take to say the store is down


def timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def assert_store_down(response, elapsed):
    body = problem(response, 503)
    assert "store" in body["detail"]
    assert int(response.headers["Retry-After"]) > 0
    assert elapsed < BUDGET, elapsed


@pytest.fixture
def stopped_mongo_app(make_app, tmp_path_factory, db):
    """An app on a private MongoDB with one stored file, and then MongoDB stopped."""
    server = MongoServer(tmp_path_factory.mktemp("mongo-stops")).start()
    try:
        crm_app = make_app(MONGODB_URI=server.uri, MONGODB_DATABASE="crm_store_down")
        ticket = TicketFactory()
        api = login_on(crm_app, UserFactory(role="service"))
        created = post_files(api, f"/api/v1/tickets/{ticket.id}/attachments", [("a.png", PNG)])
        assert created.status_code == 201, created.get_json()
        link = api.post(f"/api/v1/tickets/{ticket.id}/upload-links", json={}).get_json()
    finally:
        server.stop()
    return api, ticket, created.get_json()["items"][0], link


def test_attachment_calls_answer_503_fast_and_the_rest_works(stopped_mongo_app, make_lead):
    api, ticket, stored, link = stopped_mongo_app
    path = f"/api/v1/tickets/{ticket.id}/attachments"

    assert_store_down(*timed(lambda: post_files(api, path, [("b.png", png_of(600 * 1024))])))
    assert_store_down(*timed(lambda: api.get(f"/api/v1/attachments/{stored['id']}/content")))
    assert_store_down(*timed(lambda: post_public(api.client, link["token"], [("c.png", PNG)])))

    # Metadata lives in the SQL database: listing and reading it still work.
    listed = api.get(path)
    assert listed.status_code == 200
    assert [item["id"] for item in listed.get_json()["items"]] == [stored["id"]]
    assert api.get(f"/api/v1/attachments/{stored['id']}").status_code == 200
    # Tickets and the rest of the CRM do not need MongoDB.
    assert api.get(f"/api/v1/tickets/{ticket.id}").status_code == 200
    assert api.get(f"/api/v1/tickets/{ticket.id}/upload-links").status_code == 200
    assert api.client.get("/api/health").get_json()["status"] == "degraded"

    # The failed uploads left no ready row: only the stored file is ready, the rest (if any)
    # is pending, invisible, for `crm attachments sweep` once MongoDB is back.
    _db.session.commit()
    ready = _db.session.scalars(sa.select(Attachment.id).where(Attachment.status == "ready"))
    assert list(ready) == [stored["id"]]


def test_deleting_while_the_store_is_down_removes_the_record(stopped_mongo_app):
    api, _ticket, stored, _link = stopped_mongo_app
    response, elapsed = timed(lambda: api.delete(f"/api/v1/attachments/{stored['id']}"))
    assert response.status_code == 204
    assert elapsed < BUDGET
    problem(api.get(f"/api/v1/attachments/{stored['id']}"), 404)
