"""Ticket comments: internal notes and comments for the customer, the first response they
make, the timeline, scoping, and the customer comments an upload link adds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crm.attachments.models import UploadLink
from crm.extensions import db
from crm.service import services
from crm.service.models import Ticket, TicketComment
from tests.helpers import problem
from tests.sales_helpers import audit_events, field_errors, ok
from tests.service_helpers import TICKETS, at, create_ticket, make_ticket

COMMENT_FIELDS = {
    "id",
    "ticket_id",
    "body",
    "visibility",
    "author_id",
    "author_name",
    "author_kind",
    "upload_link_id",
    "created_at",
}


def comments_url(ticket_id: int) -> str:
    return f"{TICKETS}/{ticket_id}/comments"


def comment(api, ticket_id: int, body: str = "Called the customer", **fields) -> dict:
    return ok(api.post(comments_url(ticket_id), json={"body": body, **fields}), 201)


def bodies(api, ticket_id: int, **params) -> list[str]:
    page = ok(api.get(comments_url(ticket_id), query_string={"limit": 200, **params}))
    return [item["body"] for item in page["items"]]


def test_a_comment_is_internal_by_default_and_names_its_author(login_as):
    agent = login_as("service", name="王芳 Wang Fang")
    ticket = create_ticket(agent)
    note = comment(agent, ticket["id"], "  客户说水泵有异响  ")
    assert set(note) == COMMENT_FIELDS
    assert note["body"] == "客户说水泵有异响"
    assert note["visibility"] == "internal"
    assert (note["ticket_id"], note["author_id"], note["author_name"]) == (
        ticket["id"],
        agent.user.id,
        "王芳 Wang Fang",
    )
    assert note["author_kind"] == "user" and note["upload_link_id"] is None
    assert abs((datetime.now(UTC) - at(note["created_at"])).total_seconds()) < 60
    assert ok(agent.get(comments_url(ticket["id"])))["items"] == [note]


def test_the_first_customer_comment_is_the_first_response(login_as):
    agent = login_as("service")
    ticket = create_ticket(agent)
    comment(agent, ticket["id"], "Internal: checking stock")
    assert ok(agent.get(f"{TICKETS}/{ticket['id']}"))["first_responded_at"] is None
    reply = comment(agent, ticket["id"], "We will send a technician", visibility="customer")
    responded = ok(agent.get(f"{TICKETS}/{ticket['id']}"))["first_responded_at"]
    assert at(responded) == at(reply["created_at"])
    comment(agent, ticket["id"], "Technician booked", visibility="customer")
    assert ok(agent.get(f"{TICKETS}/{ticket['id']}"))["first_responded_at"] == responded


def test_a_first_response_in_time_keeps_the_sla(login_as):
    agent = login_as("service")
    ticket = create_ticket(agent, priority="urgent")
    comment(agent, ticket["id"], "On it", visibility="customer")
    assert ok(agent.get(f"{TICKETS}/{ticket['id']}"))["sla_breached"] is False


def test_comments_list_oldest_first_sorted_filtered_and_paged(login_as):
    agent = login_as("service")
    ticket = create_ticket(agent)
    other = create_ticket(agent)
    for i in range(5):
        comment(agent, ticket["id"], f"c{i}", visibility="customer" if i % 2 else "internal")
    comment(agent, other["id"], "elsewhere")
    assert bodies(agent, ticket["id"]) == ["c0", "c1", "c2", "c3", "c4"]
    assert bodies(agent, ticket["id"], sort="-created_at") == ["c4", "c3", "c2", "c1", "c0"]
    assert bodies(agent, ticket["id"], visibility="customer") == ["c1", "c3"]
    assert bodies(agent, ticket["id"], visibility="internal,customer") == [
        f"c{i}" for i in range(5)
    ]
    seen, cursor = [], None
    while True:
        query = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = ok(agent.get(comments_url(ticket["id"]), query_string=query))
        seen += [item["body"] for item in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [f"c{i}" for i in range(5)]
    field_errors(
        agent.get(comments_url(ticket["id"]), query_string={"visibility": "x"}), "visibility"
    )
    field_errors(agent.get(comments_url(ticket["id"]), query_string={"sort": "body"}), "sort")


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "body"),
        ({"body": "   "}, "body"),
        ({"body": None}, "body"),
        ({"body": "x" * 10001}, "body"),
        ({"body": "Hi", "visibility": "public"}, "visibility"),
        ({"body": "Hi", "author_id": 1}, "author_id"),
        ({"body": "Hi", "upload_link_id": 1}, "upload_link_id"),
        ({"body": "Hi", "ticket_id": 1}, "ticket_id"),
    ],
)
def test_invalid_comments_are_422_on_their_field(login_as, body, field):
    agent = login_as("service")
    ticket = create_ticket(agent)
    field_errors(agent.post(comments_url(ticket["id"]), json=body), field)
    assert bodies(agent, ticket["id"]) == []


def test_comments_of_tickets_out_of_sight_deleted_or_unknown_are_404(login_as, team):
    east = team(name="East")
    rep, other = login_as("sales", team=east), login_as("sales", team=east)
    agent = login_as("service")
    theirs = make_ticket(assignee_id=other.user.id)
    comment(agent, theirs.id, "Private")
    deleted = create_ticket(agent)
    assert agent.delete(f"{TICKETS}/{deleted['id']}").status_code == 204
    for api, ticket_id in ((rep, theirs.id), (agent, deleted["id"]), (agent, 999999)):
        problem(api.get(comments_url(ticket_id)), 404)
        problem(api.post(comments_url(ticket_id), json={"body": "Hello"}), 404)
    mine = make_ticket()
    assert comment(rep, mine.id)["author_id"] == rep.user.id


def test_a_comment_is_audited(login_as):
    agent, admin = login_as("service"), login_as("admin")
    ticket = create_ticket(agent)
    note = comment(agent, ticket["id"], "Noted", visibility="customer")
    (event,) = audit_events(admin, "ticket_comment", note["id"])
    assert event["action"] == "create" and event["actor_id"] == agent.user.id
    assert event["changes"]["visibility"] == {"old": None, "new": "customer"}
    ticket_events = audit_events(admin, "ticket", ticket["id"])
    assert "first_responded_at" in ticket_events[0]["changes"]


# --- comments from the customer (through an upload link) ----------------------------------


def _upload_link(ticket_id: int) -> UploadLink:
    link = UploadLink(
        ticket_id=ticket_id,
        token_hash="0" * 64,
        expires_at=datetime.now(UTC) + timedelta(hours=1),
        max_files=10,
        max_total_bytes=10**6,
    )
    db.session.add(link)
    db.session.commit()
    return link


def test_a_customer_comment_is_for_the_customer_without_an_author(login_as):
    agent = login_as("service")
    ticket = create_ticket(agent)
    link = _upload_link(ticket["id"])
    stored = services.add_customer_comment(
        db.session.get(Ticket, ticket["id"]), "照片在附件里 Photos attached", link.id
    )
    db.session.commit()
    (listed,) = ok(agent.get(comments_url(ticket["id"])))["items"]
    assert listed["id"] == stored.id
    assert listed["body"] == "照片在附件里 Photos attached"
    assert (listed["visibility"], listed["author_kind"]) == ("customer", "customer")
    assert (listed["author_id"], listed["author_name"]) == (None, None)
    assert listed["upload_link_id"] == link.id
    # The customer writing is not the staff's first response.
    assert ok(agent.get(f"{TICKETS}/{ticket['id']}"))["first_responded_at"] is None


def test_a_customer_comment_is_left_for_the_caller_to_commit(login_as):
    agent = login_as("service")
    ticket = create_ticket(agent)
    services.add_customer_comment(db.session.get(Ticket, ticket["id"]), "Lost", None)
    db.session.rollback()
    assert db.session.query(TicketComment).count() == 0
    assert bodies(agent, ticket["id"]) == []
