"""Contacts through the HTTP API: create, read, update with If-Match, soft delete, validation,
their company, the list (filters, search, cursors), the company's contacts, ownership, scoping,
audit, and the service functions lead conversion uses."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crm.auth.models import User
from crm.core.audit import AuditEvent
from crm.core.exceptions import Invalid, NotFound
from crm.customers import services
from crm.customers.models import Company, Contact
from tests import helpers
from tests.factories import CompanyFactory, ContactFactory
from tests.helpers import field_errors, problem
from tests.sales_helpers import two_teams

CONTACTS = "/api/v1/contacts"
COMPANIES = "/api/v1/companies"
EVENTS = "/api/v1/audit-events"
CONTACT_FIELDS = {
    "id",
    "name",
    "company_id",
    "title",
    "email",
    "phone",
    "owner_id",
    "owner_name",
    "description",
    "created_at",
    "updated_at",
}


def create(api, **body) -> dict:
    body.setdefault("name", "Wang Fang")
    response = api.post(CONTACTS, json=body)
    assert response.status_code == 201, response.get_json()
    assert response.headers["ETag"]
    return response.get_json()


def new_company(api, **body) -> int:
    response = api.post(COMPANIES, json={"name": "Acme", **body})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def etag(api, contact_id: int) -> str:
    return helpers.etag(api, f"{CONTACTS}/{contact_id}")


def patch(api, contact_id: int, body, *, if_match: str | None = "auto"):
    return helpers.patch(api, f"{CONTACTS}/{contact_id}", body, if_match=if_match)


def ids(api, url=CONTACTS, **params) -> list[int]:
    response = api.get(url, query_string={"limit": 200, **params})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert set(body) == {"items", "next_cursor"}
    assert body["next_cursor"] is None
    return [item["id"] for item in body["items"]]


# --- create and read ----------------------------------------------------------------------


def test_create_returns_every_field_an_etag_and_utc_times(login_as):
    rep = login_as("sales", name="Li Na")
    company_id = new_company(rep)
    response = rep.post(
        CONTACTS,
        json={
            "name": " 王芳 ",
            "company_id": company_id,
            "title": "采购经理",
            "email": "wang.fang@example.cn",
            "phone": "138 0013 8000",
            "description": "Prefers WeChat.",
        },
    )
    assert response.status_code == 201, response.get_json()
    contact = response.get_json()
    assert set(contact) == CONTACT_FIELDS | {"duplicates"}
    assert contact["duplicates"] == []
    assert contact["name"] == "王芳"
    assert contact["company_id"] == company_id
    assert contact["title"] == "采购经理"
    assert contact["email"] == "wang.fang@example.cn"
    assert contact["phone"] == "+8613800138000"
    assert contact["owner_id"] == rep.user.id
    assert contact["owner_name"] == "Li Na"
    helpers.created_just_now(contact)
    helpers.reads_back(rep, f"{CONTACTS}/{contact['id']}", contact, response)

    bare = create(rep, name="Zhou")
    for field in ("company_id", "title", "email", "phone", "description"):
        assert bare[field] is None


WRONG_VALUES = [
    ("name", None),
    ("name", "  "),
    ("name", 5),
    ("name", "x" * 201),
    ("title", "x" * 101),
    ("email", "not-an-email"),
    ("email", "a@"),
    ("email", "a b@example.com"),
    ("email", "x" * 250 + "@example.com"),
    ("email", 5),
    ("phone", "12345"),
    ("phone", "call me"),
    ("phone", 13800138000),
    ("company_id", "1"),
    ("company_id", 0),
    ("company_id", 2**31),
    ("company_id", 2147483000),
    ("owner_id", "me"),
    ("description", "x" * 10001),
    ("id", 5),
    ("owner_name", "x"),
    ("created_at", "2024-01-01T00:00:00Z"),
    ("updated_at", "2024-01-01T00:00:00Z"),
    ("deleted_at", None),
    ("version", 2),
    ("created_by_id", 1),
    ("nickname", "x"),
]


def test_wrong_values_unknown_and_server_owned_fields_are_422(login_as):
    rep = login_as("sales")
    contact = create(rep, email="ok@example.com", phone="13800138000")
    helpers.refused_on_each_field(rep, CONTACTS, f"{CONTACTS}/{contact['id']}", WRONG_VALUES)
    field_errors(rep.post(CONTACTS, json={"email": "a@example.com"}), "name")
    assert ids(rep) == [contact["id"]]
    assert rep.get(f"{CONTACTS}/{contact['id']}").get_json() == helpers.record_of(contact)


def test_the_company_must_be_one_you_can_see(login_as, team):
    east, west = team(), team()
    rep = login_as("sales", team=east)
    other = login_as("sales", team=west)
    mine = new_company(rep, name="Mine")
    theirs = new_company(other, name="Theirs")
    shared = CompanyFactory(owner_id=None).id
    contact = create(rep, company_id=mine)
    field_errors(rep.post(CONTACTS, json={"name": "x", "company_id": theirs}), "company_id")
    field_errors(patch(rep, contact["id"], {"company_id": theirs}), "company_id")
    assert patch(rep, contact["id"], {"company_id": shared}).get_json()["company_id"] == shared
    assert patch(rep, contact["id"], {"company_id": None}).get_json()["company_id"] is None


def test_a_contact_keeps_its_company_after_the_company_is_deleted(login_as):
    rep = login_as("sales")
    company_id = new_company(rep)
    contact = create(rep, company_id=company_id)
    assert rep.delete(f"{COMPANIES}/{company_id}").status_code == 204
    assert rep.get(f"{CONTACTS}/{contact['id']}").get_json()["company_id"] == company_id
    # Editing other fields still works; moving back to the deleted company does not.
    response = patch(rep, contact["id"], {"company_id": company_id, "title": "CTO"})
    assert response.status_code == 200, response.get_json()
    assert patch(rep, contact["id"], {"company_id": None}).status_code == 200
    field_errors(patch(rep, contact["id"], {"company_id": company_id}), "company_id")


# --- update, If-Match, delete -------------------------------------------------------------


def test_patch_with_if_match_and_soft_delete(login_as):
    rep = login_as("sales")
    admin = login_as("admin")
    contact = create(rep, email="old@example.com")
    url = f"{CONTACTS}/{contact['id']}"
    problem(patch(rep, contact["id"], {"title": "CTO"}, if_match=None), 428)
    first = etag(rep, contact["id"])
    response = patch(rep, contact["id"], {"title": "CTO", "email": None}, if_match=first)
    assert response.status_code == 200
    assert response.get_json()["title"] == "CTO" and response.get_json()["email"] is None
    assert response.headers["ETag"] != first
    problem(patch(rep, contact["id"], {"title": "CEO"}, if_match=first), 412)
    problem(rep.delete(url, headers={"If-Match": first}), 412)
    assert rep.get(url).get_json()["title"] == "CTO"
    field_errors(patch(rep, contact["id"], {"name": None}), "name")

    assert rep.delete(url).status_code == 204
    for api in (rep, admin):
        problem(api.get(url), 404)
        problem(patch(api, contact["id"], {"title": "x"}, if_match="*"), 404)
        problem(api.delete(url), 404)
        problem(api.get(f"{url}/follow-ups"), 404)
        assert ids(api) == []
    for path in ("999999", "2147483648", "0", "abc"):
        problem(rep.get(f"{CONTACTS}/{path}"), 404)
        problem(rep.patch(f"{CONTACTS}/{path}", json={"name": "x"}, headers={"If-Match": "*"}), 404)


# --- lists --------------------------------------------------------------------------------


def test_filters_search_and_the_companys_contacts(login_as, team):
    east = team()
    rep = login_as("sales", team=east)
    manager = login_as("manager", team=east)
    acme, other = new_company(rep, name="Acme"), new_company(rep, name="Other")
    wang = create(rep, name="王芳", company_id=acme, email="wang.fang@acme.cn")
    li = create(rep, name="Li Na", company_id=acme, phone="138 0013 8000")
    zhou = create(rep, name="Zhou_Jie 100%", company_id=other, phone="+1 415 555 2671")
    free = ContactFactory(owner_id=None, company_id=acme).id
    assert ids(rep, company_id=acme) == [free, li["id"], wang["id"]]
    assert ids(rep, f"{COMPANIES}/{acme}/contacts") == [free, li["id"], wang["id"]]
    assert ids(rep, f"{COMPANIES}/{acme}/contacts", q="li") == [li["id"]]
    assert ids(rep, company_id=other) == [zhou["id"]]
    assert ids(rep, owner_id="none") == [free]
    assert ids(rep, company_id=acme, owner_id="me") == [li["id"], wang["id"]]
    assert ids(manager, owner_id=str(rep.user.id), sort="created_at") == [
        wang["id"],
        li["id"],
        zhou["id"],
    ]
    assert ids(rep, sort="name") == [free, li["id"], zhou["id"], wang["id"]]
    assert ids(rep, q="王") == [wang["id"]]
    assert ids(rep, q="ACME.CN") == [wang["id"]]
    assert ids(rep, q="138-0013-8000") == [li["id"]]
    assert ids(rep, q="+8613800138000") == [li["id"]]
    assert ids(rep, q="415 555") == [zhou["id"]]
    assert ids(rep, q="_jie 100%") == [zhou["id"]]
    assert ids(rep, q="%") == [zhou["id"]]
    assert ids(rep, q="nobody") == []
    for params in ({"company_id": "x"}, {"company_id": 0}, {"sort": "email"}, {"limit": 500}):
        problem(rep.get(CONTACTS, query_string=params), 422)
    problem(rep.get(CONTACTS, query_string={"cursor": "bogus"}), 400)


def test_paging_through_contacts(login_as):
    rep = login_as("sales")
    made = [ContactFactory(owner_id=rep.user.id).id for _ in range(11)]
    seen, cursor = [], None
    while True:
        params = {"limit": 4, **({"cursor": cursor} if cursor else {})}
        body = rep.get(CONTACTS, query_string=params).get_json()
        seen += [c["id"] for c in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
        create(rep, name="Added while paging")
    assert seen == made[::-1]


# --- scoping ------------------------------------------------------------------------------


@pytest.fixture
def world(login_as, team):
    users = two_teams(login_as, team)
    company = CompanyFactory(owner_id=None).id  # everyone sees it
    contacts = {
        "a": ContactFactory(owner_id=users["a"].user.id, company_id=company).id,
        "b": ContactFactory(owner_id=users["b"].user.id, company_id=company).id,
        "none": ContactFactory(owner_id=None, company_id=company).id,
    }
    return users, company, contacts


VISIBLE = {
    "a": {"a", "none"},
    "m": {"a", "none"},
    "b": {"b", "none"},
    "mw": {"b", "none"},
    "admin": {"a", "b", "none"},
    "service": {"a", "b", "none"},
}


def test_each_role_sees_exactly_its_scope(world):
    users, company, contacts = world
    admin = users["admin"]
    for who, scope in VISIBLE.items():
        api = users[who]
        expected = {contacts[name] for name in scope}
        assert set(ids(api)) == expected, who
        assert set(ids(api, company_id=company)) == expected, who
        assert set(ids(api, f"{COMPANIES}/{company}/contacts")) == expected, who
        for name, contact_id in contacts.items():
            url = f"{CONTACTS}/{contact_id}"
            if name in scope:
                assert api.get(url).status_code == 200
                assert api.get(f"{url}/follow-ups").status_code == 200
                continue
            before = admin.get(url)
            problem(api.get(url), 404)
            problem(patch(api, contact_id, {"name": "x"}, if_match=before.headers["ETag"]), 404)
            problem(api.delete(url), 404)
            problem(api.get(f"{url}/follow-ups"), 404)
            problem(api.post(f"{url}/follow-ups", json={"kind": "call", "content": "x"}), 404)
            assert admin.get(url).get_json() == before.get_json()


def test_service_staff_read_contacts_but_do_not_write(world):
    users, _company, contacts = world
    service = users["service"]
    problem(service.post(CONTACTS, json={"name": "x"}), 403)
    for contact_id in contacts.values():
        url = f"{CONTACTS}/{contact_id}"
        assert service.get(url).status_code == 200
        problem(patch(service, contact_id, {"title": "x"}), 403)
        problem(patch(service, contact_id, {"title": "x"}, if_match=None), 403)
        problem(service.delete(url), 403)


def test_ownership_rules_match_leads(world):
    users, _company, contacts = world
    a, m, b = users["a"], users["m"], users["b"]
    assert create(a)["owner_id"] == a.user.id
    problem(a.post(CONTACTS, json={"name": "x", "owner_id": b.user.id}), 403)
    problem(patch(a, contacts["a"], {"owner_id": None}), 403)
    response = m.post(CONTACTS, json={"name": "x", "owner_id": b.user.id})
    assert "owner_id" in problem(response, response.status_code)["errors"]
    moved = patch(m, contacts["a"], {"owner_id": m.user.id})
    assert moved.status_code == 200
    problem(a.get(f"{CONTACTS}/{contacts['a']}"), 404)
    admin_moved = patch(users["admin"], contacts["a"], {"owner_id": b.user.id})
    assert admin_moved.get_json()["owner_id"] == b.user.id
    assert b.get(f"{CONTACTS}/{contacts['a']}").status_code == 200


def test_create_update_delete_are_audited(login_as):
    admin = login_as("admin")
    rep = login_as("sales")
    contact = create(rep, email="a@example.com")
    assert patch(rep, contact["id"], {"email": "b@example.com"}).status_code == 200
    assert rep.delete(f"{CONTACTS}/{contact['id']}").status_code == 204
    events = admin.get(
        EVENTS, query_string={"entity": "contact", "entity_id": str(contact["id"])}
    ).get_json()["items"]
    assert [e["action"] for e in events] == ["delete", "update", "create"]
    assert {e["actor_id"] for e in events} == {rep.user.id}
    assert events[1]["changes"] == {"email": {"old": "a@example.com", "new": "b@example.com"}}
    assert events[2]["changes"]["email"] == {"old": None, "new": "a@example.com"}
    assert events[2]["changes"]["owner_id"] == {"old": None, "new": rep.user.id}


# --- the service functions lead conversion uses ---------------------------------------------


def test_create_company_and_contact_do_not_commit(app, db, login_as):
    """Services flush and audit; the request's unit of work commits (crm.core.unit_of_work)."""
    rep = login_as("sales")
    user = db.session.get(User, rep.user.id)
    company = services.create_company(user, {"name": "Converted Co", "phone": "+8613800138000"})
    contact = services.create_contact(user, {"name": "Converted Person", "company_id": company.id})
    assert company.id and contact.id and contact.company_id == company.id
    assert company.owner_id == contact.owner_id == user.id
    events = db.session.query(AuditEvent).filter(AuditEvent.entity.in_(("company", "contact")))
    assert {e.entity for e in events} == {"company", "contact"}
    db.session.rollback()
    assert db.session.query(Company).count() == 0
    assert db.session.query(Contact).count() == 0
    assert db.session.query(AuditEvent).filter(AuditEvent.entity == "company").count() == 0

    with pytest.raises(Invalid) as error:
        services.create_contact(user, {"name": "x", "company_id": 2147483000})
    assert "company_id" in error.value.errors
    with pytest.raises(NotFound) as error:
        services.get_contact(user, 2147483000)
    assert error.value.code == "contact_not_found"


def test_find_matches_within_scope(app, db, login_as, team):
    east, west = team(), team()
    rep = login_as("sales", team=east)
    other = login_as("sales", team=west)
    acme = CompanyFactory(name="Acme Pumps", owner_id=rep.user.id)
    by_phone = CompanyFactory(name="Other", phone="+8613800138000", owner_id=None)
    CompanyFactory(name="ACME PUMPS", owner_id=other.user.id)  # another team's
    gone = CompanyFactory(name="Acme Pumps", owner_id=None, deleted_at=datetime.now(UTC))
    wang = ContactFactory(name="Wang", email="Wang@Acme.cn", owner_id=rep.user.id)
    li = ContactFactory(name="Li", phone="+8613800138000", owner_id=None)
    ContactFactory(name="Hidden", email="wang@acme.cn", owner_id=other.user.id)
    user = db.session.get(User, rep.user.id)

    found = services.find_matches(
        user, name="  acme pumps ", email="WANG@acme.cn", phone="138 0013 8000"
    )
    assert [c.id for c in found["companies"]] == [acme.id, by_phone.id]
    assert [c.id for c in found["contacts"]] == [wang.id, li.id]
    assert gone.id not in [c.id for c in found["companies"]]
    assert services.find_matches(user, name="Acme") == {"companies": [], "contacts": []}
    assert services.find_matches(user) == {"companies": [], "contacts": []}
    only_email = services.find_matches(user, email="wang@acme.cn")
    assert only_email["companies"] == [] and [c.id for c in only_email["contacts"]] == [wang.id]
    assert [c.id for c in services.find_matches(user, phone="+86 138-0013-8000")["contacts"]] == [
        li.id
    ]
