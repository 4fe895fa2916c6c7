"""Create and update answers of companies, contacts and leads carry `duplicates`: the records
the one just written may duplicate (empty when none), among those the user may see."""

from __future__ import annotations

from tests import helpers
from tests.factories import CompanyFactory, ContactFactory, LeadFactory
from tests.sales_helpers import ok


def test_a_new_company_named_like_an_existing_one_says_so(login_as):
    rep = login_as("sales")
    known = CompanyFactory(name="苏州泵业有限公司", owner_id=rep.user.id)
    created = ok(rep.post("/api/v1/companies", json={"name": "苏州泵业股份有限公司"}), 201)
    assert created["duplicates"] == [
        {"id": known.id, "label": "苏州泵业有限公司", "rule": "name", "score": 100}
    ]
    other = ok(rep.post("/api/v1/companies", json={"name": "Wuxi Water Group"}), 201)
    assert other["duplicates"] == []


def test_a_contact_changed_to_a_known_email_says_so_but_not_about_itself(login_as):
    rep = login_as("sales")
    known = ContactFactory(name="Wang", email="wang@example.com", owner_id=rep.user.id)
    contact = ok(rep.post("/api/v1/contacts", json={"name": "W. Jianguo"}), 201)
    assert contact["duplicates"] == []
    path = f"/api/v1/contacts/{contact['id']}"
    changed = ok(helpers.patch(rep, path, {"email": "WANG@example.com"}))
    assert changed["duplicates"] == [
        {"id": known.id, "label": "Wang", "rule": "email", "score": 100}
    ]
    assert "duplicates" not in ok(rep.get(path))


def test_a_lead_with_a_known_phone_and_one_only_another_team_sees(login_as):
    rep = login_as("sales")
    other = login_as("sales")
    LeadFactory(name="Hidden", phone="+8613800138000", owner_id=other.user.id)
    mine = LeadFactory(
        name="Li Lei", company_name=None, phone="+8613800138000", owner_id=rep.user.id
    )
    created = ok(rep.post("/api/v1/leads", json={"name": "Lei Li", "phone": "138 0013 8000"}), 201)
    assert created["duplicates"] == [
        {"id": mine.id, "label": "Li Lei", "rule": "phone", "score": 100}
    ]


def test_a_dismissed_pair_is_not_hinted_again(login_as):
    rep = login_as("sales")
    known = ContactFactory(name="Wang", email="wang@example.com", owner_id=rep.user.id)
    contact = ok(
        rep.post("/api/v1/contacts", json={"name": "Wang", "email": "wang@example.com"}), 201
    )
    assert [d["id"] for d in contact["duplicates"]] == [known.id]
    dismissed = rep.post(
        "/api/v1/duplicates/dismiss", json={"entity": "contacts", "ids": [contact["id"], known.id]}
    )
    assert dismissed.status_code == 204, dismissed.get_json()
    path = f"/api/v1/contacts/{contact['id']}"
    assert ok(helpers.patch(rep, path, {"title": "CEO"}))["duplicates"] == []
    check = ok(
        rep.get(
            "/api/v1/duplicates/check",
            query_string={
                "entity": "contacts",
                "email": "wang@example.com",
                "exclude_id": contact["id"],
            },
        )
    )
    assert check["items"] == []
