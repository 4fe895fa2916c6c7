"""Leads through the HTTP API: create, read, update with If-Match, soft delete, validation,
ownership and scoping by role and team."""

from __future__ import annotations

import json

import pytest

from tests import helpers
from tests.helpers import field_errors, problem, utc_time
from tests.sales_helpers import VISIBLE, WRITERS, one_record_each, two_teams

LEADS = "/api/v1/leads"
SERVER_OWNED = ("id", "created_at", "updated_at", "last_contacted_at", "next_follow_up_at")
LEAD_FIELDS = {
    "id",
    "name",
    "company_name",
    "title",
    "email",
    "phone",
    "source",
    "status",
    "owner_id",
    "owner_name",
    "description",
    "created_at",
    "updated_at",
    "last_contacted_at",
    "next_follow_up_at",
    "converted_at",
    "converted_company_id",
    "converted_contact_id",
    "converted_opportunity_id",
    "converted_company_name",
    "converted_contact_name",
    "converted_opportunity_name",
}


def create(api, **body):
    body.setdefault("name", "Zhang Wei")
    response = api.post(LEADS, json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def etag(api, lead_id: int) -> str:
    return helpers.etag(api, f"{LEADS}/{lead_id}")


def patch(api, lead_id: int, body, *, if_match: str | None = "auto"):
    return helpers.patch(api, f"{LEADS}/{lead_id}", body, if_match=if_match)


def visible_ids(api) -> set[int]:
    response = api.get(f"{LEADS}?limit=200")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["next_cursor"] is None
    return {item["id"] for item in response.get_json()["items"]}


# --- create and read ----------------------------------------------------------------------


def test_create_returns_the_lead_with_every_field_an_etag_and_utc_times(login_as):
    rep = login_as("sales")
    response = rep.post(
        LEADS,
        json={
            "name": "王芳",
            "company_name": "上海星辰贸易有限公司",
            "title": "采购经理",
            "email": "wang.fang@example.cn",
            "phone": "138 0013 8000",
            "source": "referral",
            "status": "contacted",
            "description": "Met at the Canton fair. 🤝 Wants 2× samples.",
        },
    )
    assert response.status_code == 201, response.get_json()
    assert response.headers["ETag"]
    lead = response.get_json()
    assert set(lead) == LEAD_FIELDS | {"duplicates"}
    assert lead["duplicates"] == []
    assert lead["name"] == "王芳"
    assert lead["company_name"] == "上海星辰贸易有限公司"
    assert lead["title"] == "采购经理"
    assert lead["email"] == "wang.fang@example.cn"
    assert lead["phone"] == "+8613800138000"
    assert lead["source"] == "referral"
    assert lead["status"] == "contacted"
    assert lead["owner_id"] == rep.user.id
    assert lead["description"] == "Met at the Canton fair. 🤝 Wants 2× samples."
    assert lead["last_contacted_at"] is None
    assert lead["next_follow_up_at"] is None
    helpers.created_just_now(lead)
    helpers.reads_back(rep, f"{LEADS}/{lead['id']}", lead, response)


def test_create_with_only_a_name_gets_defaults(login_as):
    rep = login_as("sales")
    lead = create(rep, name="Li Na")
    assert lead["status"] == "new"
    assert lead["source"] in (
        "web",
        "referral",
        "event",
        "cold_call",
        "advertisement",
        "partner",
        "other",
    )
    assert lead["company_name"] is None
    assert lead["email"] is None
    assert lead["phone"] is None


PHONES = [
    ("138 0013 8000", "+8613800138000"),
    ("13800138000", "+8613800138000"),
    ("+86 138-0013-8000", "+8613800138000"),
    ("  +8613800138000  ", "+8613800138000"),
    ("+1 415 555 2671", "+14155552671"),
    ("+44 20 7946 0958", "+442079460958"),
]
BAD_PHONES = [
    "12345",
    "call me",
    "138 0013",
    "+1 000 000 0000",
    "+86 138 0013 8000 99999",
    "x" * 500,
    "1" * 300,
]
BAD_EMAILS = ["not-an-email", "a@", "@example.com", "a b@example.com", "a@@example.com", "a@b"]


def test_phone_is_stored_and_answered_in_e164(login_as):
    rep = login_as("sales")
    for typed, stored in PHONES:
        lead = create(rep, phone=typed)
        assert lead["phone"] == stored, typed
        assert rep.get(f"{LEADS}/{lead['id']}").get_json()["phone"] == stored, typed
        response = patch(rep, lead["id"], {"phone": typed})
        assert response.get_json()["phone"] == stored, typed


def test_unparseable_phone_is_422_on_the_phone_field(login_as):
    rep = login_as("sales")
    lead = create(rep, phone="13800138000")
    for phone in BAD_PHONES:
        errors = field_errors(rep.post(LEADS, json={"name": "Bad", "phone": phone}), "phone")
        assert set(errors) == {"phone"}, phone
        field_errors(patch(rep, lead["id"], {"phone": phone}), "phone")
    assert visible_ids(rep) == {lead["id"]}
    assert rep.get(f"{LEADS}/{lead['id']}").get_json()["phone"] == "+8613800138000"


def test_invalid_email_is_422_on_the_email_field(login_as):
    rep = login_as("sales")
    lead = create(rep, email="ok@example.com")
    for email in BAD_EMAILS:
        field_errors(rep.post(LEADS, json={"name": "Bad email", "email": email}), "email")
        field_errors(patch(rep, lead["id"], {"email": email}), "email")
    assert visible_ids(rep) == {lead["id"]}
    assert rep.get(f"{LEADS}/{lead['id']}").get_json()["email"] == "ok@example.com"


def test_missing_or_blank_name_is_422(login_as):
    rep = login_as("sales")
    field_errors(rep.post(LEADS, json={"company_name": "Acme"}), "name")
    field_errors(rep.post(LEADS, json={"name": ""}), "name")
    field_errors(rep.post(LEADS, json={"name": "   "}), "name")
    field_errors(rep.post(LEADS, json={"name": None}), "name")
    field_errors(rep.post(LEADS, json={"name": "x" * 201}), "name")
    assert visible_ids(rep) == set()


def test_text_fields_are_trimmed(login_as):
    rep = login_as("sales")
    lead = create(rep, name="  Zhou Jie  ", company_name="  ", title=" CTO ")
    assert lead["name"] == "Zhou Jie"
    assert lead["company_name"] is None
    assert lead["title"] == "CTO"


def test_unknown_fields_are_422(login_as):
    rep = login_as("sales")
    errors = field_errors(
        rep.post(LEADS, json={"name": "Acme buyer", "nickname": "x", "deleted_at": None}),
        "nickname",
        "deleted_at",
    )
    assert "name" not in errors
    assert visible_ids(rep) == set()


def test_server_owned_fields_cannot_be_written(login_as):
    rep = login_as("sales")
    lead = create(rep)
    for field in (*SERVER_OWNED, "created_by_id", "version", "deleted_at", "author_id"):
        if field in ("id", "created_by_id", "version", "author_id"):
            value = 999
        else:
            value = "2020-01-01T00:00:00Z"
        field_errors(rep.post(LEADS, json={"name": "Sneaky", field: value}), field)
        field_errors(patch(rep, lead["id"], {field: value}), field)
        if field in lead:  # even when it holds the value the server answers anyway
            field_errors(patch(rep, lead["id"], {field: lead[field]}), field)
    assert visible_ids(rep) == {lead["id"]}
    assert rep.get(f"{LEADS}/{lead['id']}").get_json() == helpers.record_of(lead)


WRONG_VALUES = [
    ("name", 123),
    ("name", ["Zhang"]),
    ("company_name", {"a": 1}),
    ("company_name", "x" * 201),
    ("title", "x" * 101),
    ("email", 5),
    ("email", "x" * 250 + "@example.com"),
    ("phone", 13800138000),
    ("source", "fax"),
    ("source", None),
    ("source", ["web"]),
    ("source", "WEB"),
    ("status", "won"),
    ("status", None),
    ("owner_id", "abc"),
    ("owner_id", "1"),
    ("owner_id", 1.5),
    ("owner_id", True),
    ("owner_id", 0),
    ("owner_id", -1),
    ("owner_id", 2**31),
    ("description", ["x"]),
    ("description", "x" * 10001),
]


def test_wrong_types_and_values_are_422_on_the_field(login_as):
    rep = login_as("sales")
    lead = create(rep)
    helpers.refused_on_each_field(rep, LEADS, f"{LEADS}/{lead['id']}", WRONG_VALUES)
    assert visible_ids(rep) == {lead["id"]}
    assert rep.get(f"{LEADS}/{lead['id']}").get_json() == helpers.record_of(lead)


def test_a_json_body_that_is_not_an_object_is_422(login_as):
    rep = login_as("sales")
    lead = create(rep)
    for body in ("[]", '"a lead"', "null", "42", '[{"name": "x"}]'):
        problem(rep.post(LEADS, data=body, content_type="application/json"), 422)
        response = rep.patch(
            f"{LEADS}/{lead['id']}",
            data=body,
            content_type="application/json",
            headers={"If-Match": etag(rep, lead["id"])},
        )
        problem(response, 422)
    assert visible_ids(rep) == {lead["id"]}


def test_malformed_json_is_a_400_problem(login_as):
    rep = login_as("sales")
    response = rep.post(LEADS, data='{"name": "x",', content_type="application/json")
    assert response.status_code in (400, 422)
    problem(response, response.status_code)
    assert visible_ids(rep) == set()


def test_body_over_one_mebibyte_is_413(login_as):
    rep = login_as("sales")
    body = json.dumps({"name": "Big", "description": "x" * (1024 * 1024)})
    problem(rep.post(LEADS, data=body, content_type="application/json"), 413)
    lead = create(rep)
    response = rep.patch(
        f"{LEADS}/{lead['id']}",
        data=body,
        content_type="application/json",
        headers={"If-Match": etag(rep, lead["id"])},
    )
    problem(response, 413)
    assert visible_ids(rep) == {lead["id"]}


NON_JSON = [
    ("name=Zhang", "application/x-www-form-urlencoded"),
    ('{"name": "Zhang"}', "text/plain"),
    ("<lead><name>Zhang</name></lead>", "application/xml"),
    ('{"name": "Zhang"}', "application/octet-stream"),
]
MULTIPART = (
    '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nZhang\r\n--b--\r\n',
    "multipart/form-data; boundary=b",
)


def _assert_415_on_create_and_update(rep, cases):
    lead = create(rep)
    for data, content_type in cases:
        problem(rep.post(LEADS, data=data, content_type=content_type), 415)
        response = rep.patch(
            f"{LEADS}/{lead['id']}",
            data=data,
            content_type=content_type,
            headers={"If-Match": etag(rep, lead["id"])},
        )
        problem(response, 415)
    assert visible_ids(rep) == {lead["id"]}


def test_non_json_bodies_are_415(login_as):
    _assert_415_on_create_and_update(login_as("sales"), NON_JSON)


def test_a_multipart_body_is_415_too(login_as):
    _assert_415_on_create_and_update(login_as("sales"), [MULTIPART])


def test_json_with_a_charset_is_accepted(login_as):
    rep = login_as("sales")
    response = rep.post(
        LEADS,
        data=json.dumps({"name": "陈静"}).encode(),
        content_type="application/json; charset=utf-8",
    )
    assert response.status_code == 201
    assert response.get_json()["name"] == "陈静"


def test_unknown_and_malformed_ids_are_404_problems(login_as):
    rep = login_as("sales")
    for path in ("999999", "2147483648", "99999999999999999999", "0", "-1", "abc"):
        problem(rep.get(f"{LEADS}/{path}"), 404)
        problem(rep.delete(f"{LEADS}/{path}"), 404)
        problem(rep.patch(f"{LEADS}/{path}", json={"name": "x"}, headers={"If-Match": "*"}), 404)


def test_without_a_token_everything_is_401(client, make_lead):
    lead = make_lead()
    for response in (
        client.get(LEADS),
        client.post(LEADS, json={"name": "x"}),
        client.get(f"{LEADS}/{lead.id}"),
        client.patch(f"{LEADS}/{lead.id}", json={"name": "x"}, headers={"If-Match": "*"}),
        client.delete(f"{LEADS}/{lead.id}"),
        client.get(LEADS, headers={"Authorization": "Bearer not-a-token"}),
    ):
        problem(response, 401)


# --- update with If-Match -----------------------------------------------------------------


def test_patch_changes_only_the_given_fields_and_a_new_etag(login_as):
    rep = login_as("sales")
    lead = create(rep, company_name="Acme", email="buyer@acme.cn", phone="13800138000")
    old_etag = etag(rep, lead["id"])
    response = patch(
        rep, lead["id"], {"status": "qualified", "phone": "139 1234 5678"}, if_match=old_etag
    )
    assert response.status_code == 200, response.get_json()
    updated = response.get_json()
    assert updated["status"] == "qualified"
    assert updated["phone"] == "+8613912345678"
    assert updated["company_name"] == "Acme"
    assert updated["email"] == "buyer@acme.cn"
    assert updated["created_at"] == lead["created_at"]
    assert utc_time(updated["updated_at"]) >= utc_time(lead["updated_at"])
    assert response.headers["ETag"] and response.headers["ETag"] != old_etag
    helpers.reads_back(rep, f"{LEADS}/{lead['id']}", updated, response)


def test_patch_can_clear_optional_fields_but_not_the_name(login_as):
    rep = login_as("sales")
    lead = create(rep, company_name="Acme", email="buyer@acme.cn", phone="13800138000")
    response = patch(rep, lead["id"], {"email": None, "phone": "", "company_name": None})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert (body["email"], body["phone"], body["company_name"]) == (None, None, None)
    field_errors(patch(rep, lead["id"], {"name": None}), "name")
    field_errors(patch(rep, lead["id"], {"name": "  "}), "name")
    assert rep.get(f"{LEADS}/{lead['id']}").get_json()["name"] == lead["name"]


def test_patch_without_if_match_is_428_and_changes_nothing(login_as):
    rep = login_as("sales")
    lead = create(rep)
    body = problem(patch(rep, lead["id"], {"status": "qualified"}, if_match=None), 428)
    assert "If-Match" in body["detail"]
    assert rep.get(f"{LEADS}/{lead['id']}").get_json()["status"] == "new"


def test_patch_with_a_stale_etag_is_412_and_keeps_the_other_writers_change(login_as, team):
    east = team()
    rep = login_as("sales", team=east)
    manager = login_as("manager", team=east)
    lead = create(rep)
    seen_by_rep = etag(rep, lead["id"])
    assert patch(manager, lead["id"], {"status": "qualified"}).status_code == 200

    problem(patch(rep, lead["id"], {"status": "unqualified"}, if_match=seen_by_rep), 412)
    assert rep.get(f"{LEADS}/{lead['id']}").get_json()["status"] == "qualified"
    # After reloading, the rep's change goes through.
    assert patch(rep, lead["id"], {"status": "unqualified"}).status_code == 200


def test_patch_with_a_wrong_etag_is_412(login_as):
    rep = login_as("sales")
    lead = create(rep)
    current = etag(rep, lead["id"]).strip('"')
    for value in (
        '"0123456789abcdef0123456789abcdef"',
        "garbage",
        '""',
        f'W/"{current}"',  # If-Match uses the strong comparison
        f'"{current}x"',
    ):
        problem(patch(rep, lead["id"], {"status": "qualified"}, if_match=value), 412)
    assert rep.get(f"{LEADS}/{lead['id']}").get_json()["status"] == "new"


def test_an_etag_of_one_lead_does_not_unlock_another(login_as):
    rep = login_as("sales")
    first, second = create(rep, name="First"), create(rep, name="Second")
    problem(patch(rep, second["id"], {"status": "qualified"}, if_match=etag(rep, first["id"])), 412)


def test_the_etag_from_a_patch_response_is_good_for_the_next_patch(login_as):
    rep = login_as("sales")
    lead = create(rep)
    first = patch(rep, lead["id"], {"status": "contacted"})
    second = patch(rep, lead["id"], {"status": "qualified"}, if_match=first.headers["ETag"])
    assert second.status_code == 200, second.get_json()
    problem(patch(rep, lead["id"], {"status": "new"}, if_match=first.headers["ETag"]), 412)


# --- soft delete --------------------------------------------------------------------------


def test_deleted_lead_is_gone_everywhere(login_as):
    rep = login_as("sales")
    admin = login_as("admin")
    lead = create(rep)
    keep = create(rep, name="Keep me")
    current = etag(rep, lead["id"])
    response = rep.delete(f"{LEADS}/{lead['id']}")
    assert response.status_code == 204
    assert response.get_data() == b""
    for api in (rep, admin):
        problem(api.get(f"{LEADS}/{lead['id']}"), 404)
        problem(patch(api, lead["id"], {"name": "Back"}, if_match=current), 404)
        problem(api.delete(f"{LEADS}/{lead['id']}"), 404)
        problem(api.get(f"{LEADS}/{lead['id']}/follow-ups"), 404)
        problem(
            api.post(f"{LEADS}/{lead['id']}/follow-ups", json={"kind": "call", "content": "x"}), 404
        )
        assert lead["id"] not in visible_ids(api)
        assert keep["id"] in visible_ids(api)


def test_delete_honours_a_stale_if_match(login_as):
    rep = login_as("sales")
    lead = create(rep)
    old = etag(rep, lead["id"])
    assert patch(rep, lead["id"], {"status": "contacted"}).status_code == 200
    problem(rep.delete(f"{LEADS}/{lead['id']}", headers={"If-Match": old}), 412)
    assert rep.get(f"{LEADS}/{lead['id']}").status_code == 200
    response = rep.delete(f"{LEADS}/{lead['id']}", headers={"If-Match": etag(rep, lead["id"])})
    assert response.status_code == 204


# --- ownership ----------------------------------------------------------------------------


def test_a_rep_owns_what_they_create_and_cannot_name_another_owner(login_as, team):
    east = team()
    rep = login_as("sales", team=east)
    colleague = login_as("sales", team=east)
    assert create(rep)["owner_id"] == rep.user.id
    assert create(rep, owner_id=rep.user.id)["owner_id"] == rep.user.id

    body = problem(rep.post(LEADS, json={"name": "Gift", "owner_id": colleague.user.id}), 403)
    assert "owner_id" in body.get("errors", {})
    problem(rep.post(LEADS, json={"name": "Orphan", "owner_id": None}), 403)
    assert len(visible_ids(rep)) == 2
    assert visible_ids(colleague) == set()


def test_a_rep_cannot_reassign_a_lead(login_as, team):
    east = team()
    rep = login_as("sales", team=east)
    colleague = login_as("sales", team=east)
    lead = create(rep)
    problem(patch(rep, lead["id"], {"owner_id": colleague.user.id}), 403)
    problem(patch(rep, lead["id"], {"owner_id": None}), 403)
    assert rep.get(f"{LEADS}/{lead['id']}").get_json()["owner_id"] == rep.user.id
    # Sending the unchanged owner along with other fields is fine.
    response = patch(rep, lead["id"], {"owner_id": rep.user.id, "status": "contacted"})
    assert response.status_code == 200, response.get_json()


def test_a_manager_assigns_within_the_team_only(login_as, team):
    east, west = team(), team()
    manager = login_as("manager", team=east)
    east_rep = login_as("sales", team=east)
    west_rep = login_as("sales", team=west)

    lead = create(manager, owner_id=east_rep.user.id)
    assert lead["owner_id"] == east_rep.user.id
    assert east_rep.get(f"{LEADS}/{lead['id']}").status_code == 200

    response = manager.post(LEADS, json={"name": "Poach", "owner_id": west_rep.user.id})
    assert response.status_code in (403, 422)
    assert "owner_id" in problem(response, response.status_code).get("errors", {})
    response = patch(manager, lead["id"], {"owner_id": west_rep.user.id})
    assert response.status_code in (403, 422)
    assert visible_ids(west_rep) == set()

    # Reassign within the team, then unassign.
    own = create(manager)
    assert own["owner_id"] == manager.user.id
    moved = patch(manager, own["id"], {"owner_id": east_rep.user.id})
    assert moved.status_code == 200 and moved.get_json()["owner_id"] == east_rep.user.id
    freed = patch(manager, lead["id"], {"owner_id": None})
    assert freed.status_code == 200 and freed.get_json()["owner_id"] is None


def test_an_admin_assigns_to_any_active_salesperson_only(login_as, team):
    east, west = team(), team()
    admin = login_as("admin")
    east_rep = login_as("sales", team=east)
    west_manager = login_as("manager", team=west)
    service = login_as("service")
    lead = create(admin, owner_id=east_rep.user.id)
    assert lead["owner_id"] == east_rep.user.id
    moved = patch(admin, lead["id"], {"owner_id": west_manager.user.id})
    assert moved.status_code == 200 and moved.get_json()["owner_id"] == west_manager.user.id

    for owner_id in (service.user.id, 2147483000):
        field_errors(admin.post(LEADS, json={"name": "x", "owner_id": owner_id}), "owner_id")
        field_errors(patch(admin, lead["id"], {"owner_id": owner_id}), "owner_id")


def test_a_manager_without_a_team_assigns_to_nobody_else(login_as):
    manager = login_as("manager")
    loner = login_as("sales")
    admin = login_as("admin")
    for owner_id in (loner.user.id, admin.user.id):
        response = manager.post(LEADS, json={"name": "Handed off", "owner_id": owner_id})
        assert response.status_code in (403, 422), response.get_json()
    assert visible_ids(loner) == set()


def test_nobody_can_assign_to_a_deactivated_user(login_as, team, db):
    east = team()
    admin = login_as("admin")
    manager = login_as("manager", team=east)
    leaver = login_as("sales", team=east)
    leaver.user.active = False
    db.session.commit()
    for api in (admin, manager):
        field_errors(api.post(LEADS, json={"name": "x", "owner_id": leaver.user.id}), "owner_id")


# --- scoping ------------------------------------------------------------------------------


@pytest.fixture
def world(login_as, team, make_lead):
    """Team East (reps A and A2, manager M), team West (rep B, manager MW), an admin, service
    staff, and one lead each for A, A2, B, plus an unassigned one."""
    users = two_teams(login_as, team)
    return users, one_record_each(users, make_lead)


def test_each_role_sees_exactly_its_scope_and_nothing_else(world):
    users, leads = world
    admin = users["admin"]
    for who, scope in VISIBLE.items():
        assert visible_ids(users[who]) == {leads[name] for name in scope}, who
        for name in scope:
            assert users[who].get(f"{LEADS}/{leads[name]}").status_code == 200, (who, name)
    for who in WRITERS:
        api = users[who]
        for name, lead_id in leads.items():
            if name in VISIBLE[who]:
                continue
            before = admin.get(f"{LEADS}/{lead_id}")
            problem(api.get(f"{LEADS}/{lead_id}"), 404)
            # Even with the right ETag (leaked, or guessed) the lead does not exist for them.
            problem(patch(api, lead_id, {"name": "pwned"}, if_match=before.headers["ETag"]), 404)
            problem(patch(api, lead_id, {"name": "pwned"}, if_match=None), 404)
            problem(api.delete(f"{LEADS}/{lead_id}"), 404)
            problem(api.get(f"{LEADS}/{lead_id}/follow-ups"), 404)
            after = admin.get(f"{LEADS}/{lead_id}")
            assert after.get_json() == before.get_json()
            assert after.headers["ETag"] == before.headers["ETag"]
    # Service staff read everything but change nothing.
    service = users["service"]
    for lead_id in leads.values():
        assert service.get(f"{LEADS}/{lead_id}").status_code == 200
        assert service.get(f"{LEADS}/{lead_id}/follow-ups").status_code == 200
        problem(patch(service, lead_id, {"status": "qualified"}), 403)
        # 403 straight away, not a request for an ETag they could never use.
        problem(patch(service, lead_id, {"status": "qualified"}, if_match=None), 403)
        problem(service.delete(f"{LEADS}/{lead_id}"), 403)
        problem(
            service.post(f"{LEADS}/{lead_id}/follow-ups", json={"kind": "note", "content": "x"}),
            403,
        )
    problem(service.post(LEADS, json={"name": "Mine"}), 403)
    assert visible_ids(service) == set(leads.values())
    for lead_id in leads.values():
        lead = users["admin"].get(f"{LEADS}/{lead_id}").get_json()
        assert lead["status"] == "new"
        assert lead["next_follow_up_at"] is None
    # The 404 for another team's lead tells nothing a missing id would not.
    hidden = users["a"].get(f"{LEADS}/{leads['b']}")
    missing = users["a"].get(f"{LEADS}/2147483000")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.get_json() == missing.get_json()


def test_writers_edit_within_their_scope_and_reassignment_moves_the_scope(world):
    users, leads = world
    for who in WRITERS:
        api = users[who]
        for name in sorted(VISIBLE[who]):
            response = patch(api, leads[name], {"description": f"edited by {who}"})
            assert response.status_code == 200, (who, name, response.get_json())

    moved = patch(users["m"], leads["a"], {"owner_id": users["a2"].user.id})
    assert moved.status_code == 200
    problem(users["a"].get(f"{LEADS}/{leads['a']}"), 404)
    assert leads["a"] not in visible_ids(users["a"])
    assert users["a2"].get(f"{LEADS}/{leads['a']}").status_code == 200

    assert users["a2"].delete(f"{LEADS}/{leads['a']}").status_code == 204
    assert users["mw"].delete(f"{LEADS}/{leads['b']}").status_code == 204
    assert users["a"].delete(f"{LEADS}/{leads['none']}").status_code == 204
    assert visible_ids(admin := users["admin"]) == {leads["a2"]}
    assert admin.get(f"{LEADS}/{leads['a2']}").get_json()["description"] == "edited by admin"
