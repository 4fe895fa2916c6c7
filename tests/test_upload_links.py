"""Customer upload links: staff create, list and revoke them; a customer without an account sends
files and a message to that one ticket, within the link's time, file and byte quotas."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
import sqlalchemy as sa

from crm.attachments.models import Attachment, UploadLink
from crm.core.types import utcnow
from crm.extensions import attachment_store
from crm.extensions import db as _db
from crm.service.models import TicketComment
from tests.attachment_helpers import (
    HTML,
    PDF,
    PNG,
    TicketFactory,
    png_of,
    post_public,
    sha256,
)
from tests.helpers import problem
from tests.sales_helpers import two_teams
from tests.service_helpers import create_ticket, ticket_ids

INVALID = "This upload link is not valid. Ask for a new link."


@pytest.fixture
def staff(login_as):
    return login_as("service")


@pytest.fixture
def ticket(db):
    return TicketFactory(subject="水泵漏水 Pump leaking")


def create_link(api, ticket_id, **body):
    response = api.post(f"/api/v1/tickets/{ticket_id}/upload-links", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def info(client, token):
    return client.get(f"/api/v1/public/upload-links/{token}")


def link_row(link_id) -> UploadLink:
    _db.session.commit()
    return _db.session.get(UploadLink, link_id)


def test_create_list_and_describe(staff, client, ticket):
    link = create_link(staff, ticket.id, expires_in_hours=24, max_files=3, max_total_bytes=10_000)

    assert link["ticket_id"] == ticket.id
    assert link["url"] == f"http://localhost/u/{link['token']}"
    assert len(link["token"]) >= 43
    assert (link["max_files"], link["max_total_bytes"]) == (3, 10_000)
    assert (link["files_used"], link["bytes_used"], link["active"]) == (0, 0, True)
    assert link["revoked_at"] is None
    # Only the token's hash is stored.
    row = link_row(link["id"])
    assert row.token_hash == hashlib.sha256(link["token"].encode()).hexdigest()
    assert link["token"] not in (row.token_hash,)

    listed = staff.get(f"/api/v1/tickets/{ticket.id}/upload-links").get_json()
    assert [item["id"] for item in listed["items"]] == [link["id"]]
    assert "token" not in listed["items"][0] and "url" not in listed["items"][0]

    described = info(client, link["token"])
    assert described.status_code == 200
    body = described.get_json()
    assert body["ticket_reference"] == f"#{ticket.id}"
    assert body["ticket_subject"] == "水泵漏水 Pump leaking"
    assert (body["max_files"], body["files_remaining"]) == (3, 3)
    assert (body["max_total_bytes"], body["bytes_remaining"]) == (10_000, 10_000)
    assert body["max_file_bytes"] == 10_000
    assert "image/heic" in body["accepted_types"] and "video/quicktime" in body["accepted_types"]
    assert ".heic" in body["accept"] and "image/*" in body["accept"]


def test_defaults_and_limits(staff, ticket, app):
    link = create_link(staff, ticket.id)
    assert (link["max_files"], link["max_total_bytes"]) == (10, 500 * 1024 * 1024)
    expires = link_row(link["id"]).expires_at
    assert timedelta(hours=71) < expires - utcnow() <= timedelta(hours=72)
    for body in ({"expires_in_hours": 0}, {"expires_in_hours": 721}, {"max_files": 51}):
        response = staff.post(f"/api/v1/tickets/{ticket.id}/upload-links", json=body)
        problem(response, 422)


def test_public_base_url_names_the_customers_page(make_app, db, ticket):
    from tests.attachment_helpers import login_on
    from tests.factories import UserFactory

    crm_app = make_app(PUBLIC_BASE_URL="https://crm.example.cn/")
    api = login_on(crm_app, UserFactory(role="service"))
    link = create_link(api, ticket.id)
    assert link["url"] == f"https://crm.example.cn/u/{link['token']}"


def test_customer_uploads_files_and_a_message(staff, client, ticket):
    link = create_link(staff, ticket.id)
    data = png_of(100_000)

    response = post_public(
        client,
        link["token"],
        [("漏水.png", data), ("invoice.pdf", PDF)],
        {"message": "  泵底部一直滴水。  "},
    )

    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["message_saved"] is True
    assert body["items"] == [
        {"filename": "漏水.png", "size": len(data), "content_type": "image/png"},
        {"filename": "invoice.pdf", "size": len(PDF), "content_type": "application/pdf"},
    ]
    # Staff see the files on the ticket, marked as coming through the link.
    items = staff.get(f"/api/v1/tickets/{ticket.id}/attachments").get_json()["items"]
    assert {item["filename"] for item in items} == {"漏水.png", "invoice.pdf"}
    assert all(item["uploaded_via"] == "upload_link" for item in items)
    assert all(item["upload_link_id"] == link["id"] for item in items)
    assert all(item["uploaded_by_id"] is None for item in items)
    png = next(item for item in items if item["filename"] == "漏水.png")
    assert staff.get(png["content_url"]).get_data() == data
    assert png["sha256"] == sha256(data)
    # The message is a comment from the customer.
    [comment] = _db.session.scalars(
        sa.select(TicketComment).where(TicketComment.ticket_id == ticket.id)
    )
    assert (comment.body, comment.visibility) == ("泵底部一直滴水。", "customer")
    assert (comment.author_id, comment.upload_link_id) == (None, link["id"])
    # Usage is counted.
    row = link_row(link["id"])
    assert (row.files_used, row.bytes_used) == (2, len(data) + len(PDF))
    remaining = info(client, link["token"]).get_json()
    assert remaining["files_remaining"] == 8


def test_message_only(staff, client, ticket):
    link = create_link(staff, ticket.id)
    response = post_public(client, link["token"], [], {"message": "Please call me back."})
    assert response.status_code == 201
    assert response.get_json() == {"items": [], "message_saved": True}
    assert link_row(link["id"]).files_used == 0


@pytest.mark.parametrize("status", ["waiting_on_customer", "resolved", "closed"])
@pytest.mark.parametrize("sent", ["files", "message"])
def test_what_the_customer_sends_puts_a_finished_or_waiting_ticket_back_in_the_queue(
    staff, client, status, sent
):
    """Photos asked for while waiting, or "still leaking" after the ticket was resolved, must
    not lie unseen on a ticket nobody looks at any more."""
    ticket = create_ticket(staff)
    link = create_link(staff, ticket["id"])
    etag = staff.get(f"/api/v1/tickets/{ticket['id']}").headers["ETag"]
    moved = staff.patch(
        f"/api/v1/tickets/{ticket['id']}", json={"status": status}, headers={"If-Match": etag}
    )
    assert moved.status_code == 200, moved.get_json()
    files, fields = ([("leak.png", PNG)], {}) if sent == "files" else ([], {"message": "Still"})

    assert post_public(client, link["token"], files, fields).status_code == 201

    reopened = staff.get(f"/api/v1/tickets/{ticket['id']}").get_json()
    assert reopened["status"] == "open"
    assert reopened["sla_paused_at"] is None
    assert reopened["resolved_at"] is None and reopened["closed_at"] is None


@pytest.mark.parametrize("status", ["new", "open"])
def test_a_ticket_being_worked_on_keeps_its_status_when_the_customer_sends_files(
    staff, client, status
):
    ticket = create_ticket(staff, status=status)
    link = create_link(staff, ticket["id"])
    assert post_public(client, link["token"], [("leak.png", PNG)]).status_code == 201
    assert staff.get(f"/api/v1/tickets/{ticket['id']}").get_json()["status"] == status


def ticket_after(api, ticket_id, status=None, comment=None) -> dict:
    """The ticket once staff moved it to `status` or wrote `comment` (visibility, body)."""
    url = f"/api/v1/tickets/{ticket_id}"
    if status:
        etag = api.get(url).headers["ETag"]
        moved = api.patch(url, json={"status": status}, headers={"If-Match": etag})
        assert moved.status_code == 200, moved.get_json()
    if comment:
        visibility, body = comment
        sent = api.post(f"{url}/comments", json={"visibility": visibility, "body": body})
        assert sent.status_code == 201, sent.get_json()
    return api.get(url).get_json()


def test_a_customer_reply_shows_until_staff_answer_it(staff, client):
    ticket = create_ticket(staff, status="open")
    link = create_link(staff, ticket["id"])
    assert ticket["customer_replied_at"] is None

    assert post_public(client, link["token"], [("leak.png", PNG)]).status_code == 201
    replied = ticket_after(staff, ticket["id"])
    assert replied["customer_replied_at"] is not None
    assert ticket_ids(staff, customer_replied="true") == [ticket["id"]]
    assert ticket["id"] not in ticket_ids(staff, customer_replied="false")

    # An internal note is not an answer; a reply to the customer is.
    noted = ticket_after(staff, ticket["id"], comment=("internal", "Ask engineering"))
    assert noted["customer_replied_at"] == replied["customer_replied_at"]
    answered = ticket_after(staff, ticket["id"], comment=("customer", "We will replace it"))
    assert answered["customer_replied_at"] is None
    assert ticket_ids(staff, customer_replied="true") == []


@pytest.mark.parametrize("status", ["waiting_on_customer", "resolved", "closed"])
def test_asking_the_customer_again_or_finishing_answers_their_reply(staff, client, status):
    ticket = create_ticket(staff, status="open")
    link = create_link(staff, ticket["id"])
    post_public(client, link["token"], [], {"message": "Here is the serial number"})
    assert ticket_after(staff, ticket["id"])["customer_replied_at"] is not None
    assert ticket_after(staff, ticket["id"], status=status)["customer_replied_at"] is None


def test_reopening_by_staff_keeps_the_customer_reply_unanswered(staff, client):
    ticket = create_ticket(staff, status="open")
    link = create_link(staff, ticket["id"])
    ticket_after(staff, ticket["id"], status="waiting_on_customer")
    post_public(client, link["token"], [("leak.png", PNG)])
    reopened = ticket_after(staff, ticket["id"])
    assert reopened["status"] == "open" and reopened["customer_replied_at"] is not None


def test_nothing_sent_is_422(staff, client, ticket):
    link = create_link(staff, ticket.id)
    problem(post_public(client, link["token"], [], {"message": "   "}), 422)


def test_a_link_reaches_its_own_ticket_only(staff, client, ticket):
    other = TicketFactory()
    link = create_link(staff, ticket.id)

    post_public(client, link["token"], [("a.png", PNG)])

    assert staff.get(f"/api/v1/tickets/{other.id}/attachments").get_json()["items"] == []
    assert len(staff.get(f"/api/v1/tickets/{ticket.id}/attachments").get_json()["items"]) == 1
    # The token is no login: staff endpoints refuse it.
    as_bearer = {"Authorization": f"Bearer {link['token']}"}
    problem(client.get(f"/api/v1/tickets/{other.id}/attachments", headers=as_bearer), 401)
    problem(client.get(f"/api/v1/tickets/{ticket.id}", headers=as_bearer), 401)


@pytest.mark.parametrize("token", ["A" * 43, "A" * 20, "A" * 100])
def test_unknown_tokens_are_404(client, db, token):
    for response in (info(client, token), post_public(client, token, [("a.png", PNG)])):
        assert problem(response, 404)["detail"] == INVALID


@pytest.mark.parametrize("token", ["x", "A" * 19, "A" * 101])
def test_tokens_of_another_length_are_no_link(client, db, token):
    problem(info(client, token), 404)


def test_expired_link_is_404(staff, client, ticket):
    link = create_link(staff, ticket.id, expires_in_hours=1)
    row = link_row(link["id"])
    row.expires_at = utcnow() - timedelta(seconds=1)
    _db.session.commit()

    assert problem(info(client, link["token"]), 404)["detail"] == INVALID
    assert problem(post_public(client, link["token"], [("a.png", PNG)]), 404)["detail"] == INVALID


def test_revoked_link_is_404(staff, client, ticket):
    link = create_link(staff, ticket.id)
    assert staff.delete(f"/api/v1/upload-links/{link['id']}").status_code == 204
    assert staff.delete(f"/api/v1/upload-links/{link['id']}").status_code == 204  # twice is fine

    assert problem(info(client, link["token"]), 404)["detail"] == INVALID
    assert problem(post_public(client, link["token"], [("a.png", PNG)]), 404)["detail"] == INVALID
    listed = staff.get(f"/api/v1/tickets/{ticket.id}/upload-links").get_json()["items"]
    assert listed[0]["active"] is False and listed[0]["revoked_at"]


def test_file_quota(staff, client, ticket):
    link = create_link(staff, ticket.id, max_files=2)
    store_before = set(attachment_store.get().ids())

    over = post_public(client, link["token"], [("a.png", PNG), ("b.png", PNG), ("c.png", PNG)])

    problem(over, 413)
    assert set(attachment_store.get().ids()) == store_before
    assert _db.session.scalars(sa.select(Attachment)).all() == []
    assert post_public(client, link["token"], [("a.png", PNG), ("b.png", PNG)]).status_code == 201
    # Used up: the link is gone for the customer, like an unknown one.
    assert problem(info(client, link["token"]), 404)["detail"] == INVALID
    problem(post_public(client, link["token"], [("c.png", PNG)]), 404)


def test_byte_quota_while_reading(staff, client, ticket):
    link = create_link(staff, ticket.id, max_total_bytes=150_000)

    assert post_public(client, link["token"], [("a.png", png_of(100_000))]).status_code == 201
    over = post_public(client, link["token"], [("b.png", png_of(60_000))])

    problem(over, 413)
    row = link_row(link["id"])
    assert (row.files_used, row.bytes_used) == (1, 100_000)
    assert info(client, link["token"]).get_json()["bytes_remaining"] == 50_000


def test_parallel_uploads_cannot_pass_the_quota_together(staff, client, ticket):
    """Both read the same remaining quota; the conditional UPDATE at the end admits one."""
    from crm.attachments import links

    link = create_link(staff, ticket.id, max_files=1)
    second_client = client.application.test_client()
    original = links._count_usage
    calls = []

    def count_after_a_rival(link_id, received):
        calls.append(link_id)
        if len(calls) == 1:  # while the first upload is finishing, another one completes
            assert post_public(second_client, link["token"], [("b.png", PNG)]).status_code == 201
        return original(link_id, received)

    links._count_usage = count_after_a_rival
    try:
        response = post_public(client, link["token"], [("a.png", PNG)])
    finally:
        links._count_usage = original

    problem(response, 413)
    row = link_row(link["id"])
    assert (row.files_used, row.bytes_used) == (1, len(PNG))
    _db.session.commit()
    assert len(_db.session.scalars(sa.select(Attachment)).all()) == 1


def test_refused_file_through_a_link_keeps_nothing(staff, client, ticket):
    link = create_link(staff, ticket.id)
    response = post_public(
        client, link["token"], [("a.png", PNG), ("x.png", HTML)], {"message": "hi"}
    )
    problem(response, 415)
    assert _db.session.scalars(sa.select(Attachment)).all() == []
    assert _db.session.scalars(sa.select(TicketComment)).all() == []
    assert link_row(link["id"]).files_used == 0


def test_staff_scope(login_as, team, client):
    world = two_teams(login_as, team)
    a, b = world["a"], world["b"]
    mine = TicketFactory(assignee_id=a.user.id)
    problem(b.post(f"/api/v1/tickets/{mine.id}/upload-links", json={}), 404)
    link = create_link(a, mine.id)
    problem(b.get(f"/api/v1/tickets/{mine.id}/upload-links"), 404)
    problem(b.delete(f"/api/v1/upload-links/{link['id']}"), 404)
    problem(a.delete("/api/v1/upload-links/999999"), 404)
    problem(client.post(f"/api/v1/tickets/{mine.id}/upload-links", json={}), 401)


def test_deleted_ticket_closes_its_links(staff, client, ticket):
    link = create_link(staff, ticket.id)
    ticket.deleted_at = utcnow()
    _db.session.commit()
    assert problem(info(client, link["token"]), 404)["detail"] == INVALID


def test_link_creation_and_revocation_are_audited(login_as, staff, ticket):
    admin = login_as("admin")
    link = create_link(staff, ticket.id)
    staff.delete(f"/api/v1/upload-links/{link['id']}")
    events = admin.get(
        "/api/v1/audit-events", query_string={"entity": "upload_link", "entity_id": link["id"]}
    ).get_json()["items"]
    assert sorted(e["action"] for e in events) == ["create", "revoke"]
    assert all(link["token"] not in str(e) for e in events)


def test_public_endpoints_are_rate_limited(make_app, db, ticket):
    from tests.attachment_helpers import login_on
    from tests.factories import UserFactory

    crm_app = make_app(PUBLIC_UPLOAD_RATE_LIMIT="3 per minute")
    link = create_link(login_on(crm_app, UserFactory(role="service")), ticket.id)
    client = crm_app.test_client()
    assert info(client, link["token"]).status_code == 200
    assert info(client, "guess-" + "x" * 37).status_code == 404
    assert post_public(client, link["token"], [("a.png", PNG)]).status_code == 201
    problem(info(client, link["token"]), 429)
    problem(post_public(client, link["token"], [("a.png", PNG)]), 429)
    # Another address has its own budget.
    other = client.get(
        f"/api/v1/public/upload-links/{link['token']}",
        environ_overrides={"REMOTE_ADDR": "203.0.113.9"},
    )
    assert other.status_code == 200
