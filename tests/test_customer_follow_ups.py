"""Follow-ups on companies, contacts and opportunities: the same resource as on leads, scoped by
the record it is on, and timelines that gather the follow-ups of related records."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crm.sales.pipeline.models import Opportunity, Pipeline, Stage
from tests.factories import CompanyFactory, ContactFactory, LeadFactory
from tests.helpers import field_errors, problem
from tests.sales_helpers import two_teams

API = "/api/v1"
FOLLOW_UPS = f"{API}/follow-ups"
EVENTS = f"{API}/audit-events"
PARENTS = ("lead", "company", "contact", "opportunity")
PLURAL = {
    "lead": "leads",
    "company": "companies",
    "contact": "contacts",
    "opportunity": "opportunities",
}
FIELDS = {
    "id",
    "lead_id",
    "company_id",
    "contact_id",
    "opportunity_id",
    "kind",
    "content",
    "due_at",
    "done_at",
    "author_id",
    "author_name",
    "created_at",
    "updated_at",
}


def at(value: str | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def make_opportunity(db, **fields) -> int:
    """An opportunity in a one-stage pipeline, written straight to the database."""
    pipeline = Pipeline(name="Manufacturing")
    db.session.add(pipeline)
    db.session.flush()
    stage = Stage(pipeline_id=pipeline.id, name="Quotation", position=1, probability=50)
    db.session.add(stage)
    db.session.flush()
    opportunity = Opportunity(
        name=fields.pop("name", "Pumps for line 3"),
        pipeline_id=pipeline.id,
        stage_id=stage.id,
        **fields,
    )
    db.session.add(opportunity)
    db.session.commit()
    return opportunity.id


def url_of(parent: str, record_id: int) -> str:
    return f"{API}/{PLURAL[parent]}/{record_id}/follow-ups"


def add(api, parent: str, record_id: int, **body) -> dict:
    body.setdefault("kind", "call")
    body.setdefault("content", f"About {parent} {record_id}")
    response = api.post(url_of(parent, record_id), json=body)
    assert response.status_code == 201, response.get_json()
    assert response.headers["ETag"]
    return response.get_json()


def timeline(api, parent: str, record_id: int) -> list[int]:
    response = api.get(url_of(parent, record_id), query_string={"limit": 200})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert set(body) == {"items", "next_cursor"} and body["next_cursor"] is None
    return [item["id"] for item in body["items"]]


@pytest.fixture
def records(db, login_as):
    """A rep with one record of each kind (owned by the rep)."""
    rep = login_as("sales")
    owner = rep.user.id
    return rep, {
        "lead": LeadFactory(owner_id=owner).id,
        "company": CompanyFactory(owner_id=owner).id,
        "contact": ContactFactory(owner_id=owner).id,
        "opportunity": make_opportunity(db, owner_id=owner),
    }


# --- the same resource on every record ------------------------------------------------------


def test_log_read_change_and_delete_a_follow_up_on_each_kind_of_record(records):
    rep, ids = records
    for parent in PARENTS:
        record_id = ids[parent]
        follow_up = add(
            rep,
            parent,
            record_id,
            kind="visit",
            content="  Site visit ",
            due_at="2030-05-06T10:00:00+08:00",
        )
        assert set(follow_up) == FIELDS
        assert follow_up[f"{parent}_id"] == record_id
        for other in PARENTS:
            if other != parent:
                assert follow_up[f"{other}_id"] is None, (parent, other)
        assert follow_up["content"] == "Site visit"
        assert follow_up["author_id"] == rep.user.id
        assert follow_up["author_name"] == rep.user.name
        assert at(follow_up["due_at"]) == datetime(2030, 5, 6, 2, tzinfo=UTC)

        url = f"{FOLLOW_UPS}/{follow_up['id']}"
        got = rep.get(url)
        assert got.status_code == 200 and got.get_json() == follow_up
        done = rep.patch(
            url, json={"done_at": "2030-05-06T03:00:00Z"}, headers={"If-Match": got.headers["ETag"]}
        )
        assert done.status_code == 200, done.get_json()
        assert at(done.get_json()["done_at"]) == datetime(2030, 5, 6, 3, tzinfo=UTC)
        problem(
            rep.patch(url, json={"content": "x"}, headers={"If-Match": got.headers["ETag"]}), 412
        )
        assert timeline(rep, parent, record_id) == [follow_up["id"]]
        assert rep.delete(url).status_code == 204
        problem(rep.get(url), 404)
        assert timeline(rep, parent, record_id) == []


def test_validation_is_the_same_everywhere(records):
    rep, ids = records
    for parent in ("company", "contact", "opportunity"):
        url = url_of(parent, ids[parent])
        field_errors(rep.post(url, json={"content": "x"}), "kind")
        field_errors(rep.post(url, json={"kind": "fax", "content": "x"}), "kind")
        field_errors(rep.post(url, json={"kind": "call", "content": "  "}), "content")
        field_errors(
            rep.post(url, json={"kind": "call", "content": "x", "due_at": "soon"}), "due_at"
        )
        for field in ("id", "lead_id", "company_id", "contact_id", "opportunity_id", "author_id"):
            field_errors(rep.post(url, json={"kind": "call", "content": "x", field: 1}), field)
        follow_up = add(rep, parent, ids[parent])
        for field in ("lead_id", "company_id", "contact_id", "opportunity_id"):
            field_errors(
                rep.patch(f"{FOLLOW_UPS}/{follow_up['id']}", json={field: ids["lead"]}), field
            )
        field_errors(rep.patch(f"{FOLLOW_UPS}/{follow_up['id']}", json={"kind": None}), "kind")
        assert rep.get(f"{FOLLOW_UPS}/{follow_up['id']}").get_json() == follow_up
        assert timeline(rep, parent, ids[parent]) == [follow_up["id"]]


def test_unknown_records_are_404(login_as):
    rep = login_as("sales")
    for parent in PARENTS:
        for record_id in ("999999", "2147483648", "0", "abc"):
            url = f"{API}/{PLURAL[parent]}/{record_id}/follow-ups"
            problem(rep.get(url), 404)
            problem(rep.post(url, json={"kind": "call", "content": "x"}), 404)


def test_follow_ups_on_customer_records_leave_lead_times_alone(db, login_as):
    rep = login_as("sales")
    contact = ContactFactory(owner_id=rep.user.id).id
    lead = LeadFactory(owner_id=rep.user.id, status="converted", converted_contact_id=contact).id
    add(rep, "contact", contact, due_at="2030-01-01T00:00:00Z")
    body = rep.get(f"{API}/leads/{lead}").get_json()
    assert body["next_follow_up_at"] is None and body["last_contacted_at"] is None
    # The lead's own follow-ups still drive them.
    add(rep, "lead", lead, due_at="2030-02-01T00:00:00Z")
    assert at(rep.get(f"{API}/leads/{lead}").get_json()["next_follow_up_at"]) == datetime(
        2030, 2, 1, tzinfo=UTC
    )


# --- timelines ----------------------------------------------------------------------------


def test_a_companys_timeline_gathers_its_contacts_opportunities_and_converted_leads(db, login_as):
    rep = login_as("sales")
    me = rep.user.id
    company = CompanyFactory(owner_id=me).id
    elsewhere = CompanyFactory(owner_id=me).id
    contact = ContactFactory(owner_id=me, company_id=company).id
    stranger = ContactFactory(owner_id=me, company_id=elsewhere).id
    source = LeadFactory(owner_id=me, status="converted").id
    opportunity = make_opportunity(db, owner_id=me, company_id=company, lead_id=source)
    other_deal = make_opportunity(db, owner_id=me, company_id=elsewhere)
    converted = LeadFactory(owner_id=me, status="converted", converted_company_id=company).id
    into_contact = LeadFactory(owner_id=me, status="converted", converted_contact_id=contact).id
    unrelated_lead = LeadFactory(owner_id=me).id

    expected = [
        add(rep, "company", company)["id"],
        add(rep, "contact", contact)["id"],
        add(rep, "opportunity", opportunity)["id"],
        add(rep, "lead", source)["id"],
        add(rep, "lead", converted)["id"],
        add(rep, "lead", into_contact)["id"],
        add(rep, "company", company, kind="note")["id"],
    ]
    others = [
        add(rep, "company", elsewhere)["id"],
        add(rep, "contact", stranger)["id"],
        add(rep, "opportunity", other_deal)["id"],
        add(rep, "lead", unrelated_lead)["id"],
    ]
    assert timeline(rep, "company", company) == expected[::-1]
    assert set(timeline(rep, "company", elsewhere)) == set(others[:3])

    # The contact's: its own and its converted lead's; the opportunity's: its own and its
    # source lead's; a lead's: only its own.
    assert timeline(rep, "contact", contact) == [expected[5], expected[1]]
    assert timeline(rep, "opportunity", opportunity) == [expected[3], expected[2]]
    assert timeline(rep, "lead", converted) == [expected[4]]

    # A deleted follow-up, or one on a deleted record, leaves the timelines.
    assert rep.delete(f"{FOLLOW_UPS}/{expected[0]}").status_code == 204
    assert rep.delete(f"{API}/contacts/{contact}").status_code == 204
    assert rep.delete(f"{API}/leads/{source}").status_code == 204
    # (The lead converted into the deleted contact reached the company only through it.)
    assert timeline(rep, "company", company) == [expected[6], expected[4], expected[2]]
    assert timeline(rep, "opportunity", opportunity) == [expected[2]]
    problem(rep.get(f"{FOLLOW_UPS}/{expected[1]}"), 404)
    problem(rep.get(f"{FOLLOW_UPS}/{expected[3]}"), 404)


def test_a_companys_timeline_shows_only_what_the_reader_may_see(db, login_as, team):
    east, west = team(name="East"), team(name="West")
    a = login_as("sales", team=east)
    b = login_as("sales", team=west)
    admin = login_as("admin")
    service = login_as("service")
    company = CompanyFactory(owner_id=None).id  # a shared customer
    contact_a = ContactFactory(owner_id=a.user.id, company_id=company).id
    contact_b = ContactFactory(owner_id=b.user.id, company_id=company).id
    deal_b = make_opportunity(db, owner_id=b.user.id, company_id=company)
    lead_b = LeadFactory(owner_id=b.user.id, converted_company_id=company).id

    on_company = add(a, "company", company)["id"]
    on_contact_a = add(a, "contact", contact_a)["id"]
    on_contact_b = add(b, "contact", contact_b)["id"]
    on_deal_b = add(b, "opportunity", deal_b)["id"]
    on_lead_b = add(b, "lead", lead_b)["id"]

    assert timeline(a, "company", company) == [on_contact_a, on_company]
    assert timeline(b, "company", company) == [on_lead_b, on_deal_b, on_contact_b, on_company]
    everything = [on_lead_b, on_deal_b, on_contact_b, on_contact_a, on_company]
    assert timeline(admin, "company", company) == everything
    assert timeline(service, "company", company) == everything
    for follow_up_id in (on_contact_b, on_deal_b, on_lead_b):
        problem(a.get(f"{FOLLOW_UPS}/{follow_up_id}"), 404)
        problem(a.patch(f"{FOLLOW_UPS}/{follow_up_id}", json={"content": "x"}), 404)
        problem(a.delete(f"{FOLLOW_UPS}/{follow_up_id}"), 404)


def test_a_companys_timeline_pages_newest_first(db, login_as):
    rep = login_as("sales")
    company = CompanyFactory(owner_id=rep.user.id).id
    contact = ContactFactory(owner_id=rep.user.id, company_id=company).id
    deal = make_opportunity(db, owner_id=rep.user.id, company_id=company)
    created = [
        add(rep, ("company", "contact", "opportunity")[i % 3], (company, contact, deal)[i % 3])[
            "id"
        ]
        for i in range(8)
    ]
    seen, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        response = rep.get(url_of("company", company), query_string=params)
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        assert len(body["items"]) <= 3
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
        add(rep, "contact", contact, content="Logged while paging")
    assert seen == created[::-1]
    problem(rep.get(url_of("company", company), query_string={"cursor": "nope"}), 400)
    problem(rep.get(url_of("company", company), query_string={"limit": 201}), 422)


# --- scoping ------------------------------------------------------------------------------


@pytest.fixture
def world(db, login_as, team):
    """Records of each kind owned by rep A (East), their follow-ups, and people who look."""
    users = two_teams(login_as, team)
    owner = users["a"].user.id
    ids = {
        "company": CompanyFactory(owner_id=owner).id,
        "contact": ContactFactory(owner_id=owner).id,
        "opportunity": make_opportunity(db, owner_id=owner),
    }
    follow_ups = {parent: add(users["a"], parent, ids[parent])["id"] for parent in ids}
    return users, ids, follow_ups


def test_follow_ups_are_scoped_like_their_record(world):
    users, ids, follow_ups = world
    for who in ("b", "mw"):
        api = users[who]
        for parent, record_id in ids.items():
            url = f"{FOLLOW_UPS}/{follow_ups[parent]}"
            problem(api.get(url_of(parent, record_id)), 404)
            problem(api.post(url_of(parent, record_id), json={"kind": "call", "content": "x"}), 404)
            problem(api.get(url), 404)
            problem(api.patch(url, json={"content": "pwned"}, headers={"If-Match": "*"}), 404)
            problem(api.delete(url), 404)
    for who in ("a", "m", "admin"):
        for parent, record_id in ids.items():
            assert timeline(users[who], parent, record_id) == [follow_ups[parent]]
    for who in ("a", "m", "admin"):
        api = users[who]
        for parent, record_id in ids.items():
            url = f"{FOLLOW_UPS}/{follow_ups[parent]}"
            response = api.patch(url, json={"content": f"Checked by {who}"})
            assert response.status_code == 200, (who, parent, response.get_json())
            add(api, parent, record_id, kind="note")
    service = users["service"]
    for parent, record_id in ids.items():
        url = f"{FOLLOW_UPS}/{follow_ups[parent]}"
        assert len(timeline(service, parent, record_id)) == 4
        assert service.get(url).status_code == 200
        problem(service.post(url_of(parent, record_id), json={"kind": "note", "content": "x"}), 403)
        problem(service.patch(url, json={"content": "x"}), 403)
        problem(service.delete(url), 403)
        assert users["a"].get(url).get_json()["content"] == "Checked by admin"


def test_reassigning_or_deleting_the_record_moves_its_follow_ups(db, world):
    users, ids, follow_ups = world
    a, m = users["a"], users["m"]
    for parent in ("company", "contact"):
        url = f"{API}/{PLURAL[parent]}/{ids[parent]}"
        etag = m.get(url).headers["ETag"]
        moved = m.patch(url, json={"owner_id": m.user.id}, headers={"If-Match": etag})
        assert moved.status_code == 200, moved.get_json()
        problem(a.get(f"{FOLLOW_UPS}/{follow_ups[parent]}"), 404)
        problem(a.get(url_of(parent, ids[parent])), 404)
        assert m.get(f"{FOLLOW_UPS}/{follow_ups[parent]}").status_code == 200
    opportunity = db.session.get(Opportunity, ids["opportunity"])
    opportunity.deleted_at = datetime.now(UTC)
    db.session.commit()
    for api in (a, m, users["admin"]):
        problem(api.get(url_of("opportunity", ids["opportunity"])), 404)
        problem(api.get(f"{FOLLOW_UPS}/{follow_ups['opportunity']}"), 404)


def test_follow_ups_on_customer_records_are_audited(records, login_as):
    rep, ids = records
    admin = login_as("admin")
    for parent in ("company", "contact", "opportunity"):
        follow_up = add(rep, parent, ids[parent], content="Quote sent")
        url = f"{FOLLOW_UPS}/{follow_up['id']}"
        assert rep.patch(url, json={"done_at": "2030-01-01T00:00:00Z"}).status_code == 200
        assert rep.delete(url).status_code == 204
        response = admin.get(
            EVENTS, query_string={"entity": "follow_up", "entity_id": str(follow_up["id"])}
        )
        trail = response.get_json()["items"]
        assert [e["action"] for e in trail] == ["delete", "update", "create"]
        created = trail[-1]["changes"]
        assert created[f"{parent}_id"] == {"old": None, "new": ids[parent]}
        assert created["content"] == {"old": None, "new": "Quote sent"}
        assert "lead_id" not in created
