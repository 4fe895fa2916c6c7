"""Companies through the HTTP API: create, read, update with If-Match, soft delete, validation,
the company tree, the list (filters, search, sorting, cursors), ownership, scoping and audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests import helpers
from tests.factories import CompanyFactory
from tests.helpers import field_errors, problem, utc_time
from tests.sales_helpers import VISIBLE, WRITERS, one_record_each, two_teams

COMPANIES = "/api/v1/companies"
EVENTS = "/api/v1/audit-events"
COMPANY_FIELDS = {
    "id",
    "name",
    "industry",
    "size",
    "website",
    "phone",
    "address",
    "parent_id",
    "owner_id",
    "owner_name",
    "description",
    "created_at",
    "updated_at",
}
BASE = datetime(2024, 3, 1, 8, 0, 0, tzinfo=UTC)


def create(api, **body) -> dict:
    body.setdefault("name", "Suzhou Pump Works")
    response = api.post(COMPANIES, json=body)
    assert response.status_code == 201, response.get_json()
    assert response.headers["ETag"]
    return response.get_json()


def etag(api, company_id: int) -> str:
    return helpers.etag(api, f"{COMPANIES}/{company_id}")


def patch(api, company_id: int, body, *, if_match: str | None = "auto"):
    return helpers.patch(api, f"{COMPANIES}/{company_id}", body, if_match=if_match)


def ids(api, **params) -> list[int]:
    response = api.get(COMPANIES, query_string={"limit": 200, **params})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert set(body) == {"items", "next_cursor"}
    assert body["next_cursor"] is None
    return [item["id"] for item in body["items"]]


def visible_ids(api) -> set[int]:
    return set(ids(api))


def writes(admin, **params) -> list[dict]:
    response = admin.get(EVENTS, query_string={"limit": 200, **params})
    assert response.status_code == 200, response.get_json()
    return [
        e for e in response.get_json()["items"] if e["action"] in ("create", "update", "delete")
    ]


# --- create and read ----------------------------------------------------------------------


def test_create_returns_every_field_an_etag_and_utc_times(login_as):
    rep = login_as("sales", name="Li Na")
    response = rep.post(
        COMPANIES,
        json={
            "name": "  苏州泵业有限公司 ",
            "industry": "Manufacturing",
            "size": "201-1000",
            "website": "pumps.example.cn",
            "phone": "0512 6868 8888",
            "address": "苏州工业园区星湖街 88 号",
            "description": "Makes centrifugal pumps. 🏭",
        },
    )
    assert response.status_code == 201, response.get_json()
    company = response.get_json()
    assert set(company) == COMPANY_FIELDS | {"duplicates"}
    assert company["duplicates"] == []
    assert company["name"] == "苏州泵业有限公司"
    assert company["industry"] == "Manufacturing"
    assert company["size"] == "201-1000"
    assert company["website"] == "https://pumps.example.cn"
    assert company["phone"] == "+8651268688888"
    assert company["address"] == "苏州工业园区星湖街 88 号"
    assert company["parent_id"] is None
    assert company["owner_id"] == rep.user.id
    assert company["owner_name"] == "Li Na"
    assert company["description"] == "Makes centrifugal pumps. 🏭"
    helpers.created_just_now(company)
    helpers.reads_back(rep, f"{COMPANIES}/{company['id']}", company, response)


def test_create_with_only_a_name_leaves_the_rest_empty(login_as):
    rep = login_as("sales")
    company = create(rep, name="Acme", industry="  ", website="", phone="")
    for field in ("industry", "size", "website", "phone", "address", "parent_id", "description"):
        assert company[field] is None, field


def test_websites_get_a_scheme_and_bad_ones_are_422(login_as):
    rep = login_as("sales")
    for typed, stored in (
        ("acme.cn", "https://acme.cn"),
        ("www.acme.com.cn/about", "https://www.acme.com.cn/about"),
        ("http://acme.cn", "http://acme.cn"),
        ("  https://acme.cn/pumps?x=1  ", "https://acme.cn/pumps?x=1"),
    ):
        assert create(rep, website=typed)["website"] == stored, typed
    company = create(rep, website="acme.cn")
    for bad in ("not a website", "ftp://acme.cn", "acme", "https://", "x" * 250 + ".com", 5):
        field_errors(rep.post(COMPANIES, json={"name": "Bad", "website": bad}), "website")
        field_errors(patch(rep, company["id"], {"website": bad}), "website")
    assert rep.get(f"{COMPANIES}/{company['id']}").get_json()["website"] == "https://acme.cn"


def test_phone_is_stored_in_e164_and_bad_phones_are_422(login_as):
    rep = login_as("sales")
    for typed, stored in (
        ("138 0013 8000", "+8613800138000"),
        ("+86 21 6888 8888", "+862168888888"),
        ("+1 415 555 2671", "+14155552671"),
    ):
        company = create(rep, phone=typed)
        assert company["phone"] == stored
        assert patch(rep, company["id"], {"phone": typed}).get_json()["phone"] == stored
    for bad in ("12345", "call me", "+1 000 000 0000", "1" * 300, 13800138000):
        field_errors(rep.post(COMPANIES, json={"name": "Bad", "phone": bad}), "phone")


WRONG_VALUES = [
    ("name", None),
    ("name", ""),
    ("name", "   "),
    ("name", 123),
    ("name", "x" * 201),
    ("industry", "x" * 101),
    ("industry", ["Pumps"]),
    ("size", "huge"),
    ("size", "1-10 "),
    ("size", 10),
    ("address", "x" * 501),
    ("description", "x" * 10001),
    ("parent_id", "1"),
    ("parent_id", 1.5),
    ("parent_id", 0),
    ("parent_id", 2**31),
    ("owner_id", "abc"),
    ("owner_id", True),
    ("owner_id", -1),
]


def test_wrong_types_and_values_are_422_on_the_field(login_as):
    rep = login_as("sales")
    company = create(rep)
    helpers.refused_on_each_field(rep, COMPANIES, f"{COMPANIES}/{company['id']}", WRONG_VALUES)
    field_errors(rep.post(COMPANIES, json={"industry": "Pumps"}), "name")
    assert visible_ids(rep) == {company["id"]}
    assert rep.get(f"{COMPANIES}/{company['id']}").get_json() == helpers.record_of(company)


def test_every_size_is_accepted_and_null_clears_it(login_as):
    rep = login_as("sales")
    for size in ("1-10", "11-50", "51-200", "201-1000", "1001+"):
        assert create(rep, size=size)["size"] == size
    company = create(rep, size="1-10")
    assert patch(rep, company["id"], {"size": None}).get_json()["size"] is None


def test_unknown_and_server_owned_fields_are_422(login_as):
    rep = login_as("sales")
    company = create(rep)
    for field in (
        "id",
        "owner_name",
        "created_at",
        "updated_at",
        "created_by_id",
        "version",
        "deleted_at",
        "nickname",
    ):
        value = 999 if field in ("id", "created_by_id", "version") else "2020-01-01T00:00:00Z"
        field_errors(rep.post(COMPANIES, json={"name": "Sneaky", field: value}), field)
        field_errors(patch(rep, company["id"], {field: value}), field)
        if field in company:
            field_errors(patch(rep, company["id"], {field: company[field]}), field)
    assert visible_ids(rep) == {company["id"]}
    assert rep.get(f"{COMPANIES}/{company['id']}").get_json() == helpers.record_of(company)


def test_non_json_and_non_object_bodies_are_refused(login_as):
    rep = login_as("sales")
    problem(
        rep.post(COMPANIES, data="name=Acme", content_type="application/x-www-form-urlencoded"), 415
    )
    problem(rep.post(COMPANIES, data="[]", content_type="application/json"), 422)
    assert visible_ids(rep) == set()


def test_unknown_ids_are_404_and_no_token_is_401(client, login_as):
    rep = login_as("sales")
    for path in ("999999", "2147483648", "0", "-1", "abc"):
        problem(rep.get(f"{COMPANIES}/{path}"), 404)
        problem(rep.delete(f"{COMPANIES}/{path}"), 404)
        problem(
            rep.patch(f"{COMPANIES}/{path}", json={"name": "x"}, headers={"If-Match": "*"}), 404
        )
        problem(rep.get(f"{COMPANIES}/{path}/contacts"), 404)
    company = create(rep)
    for response in (
        client.get(COMPANIES),
        client.post(COMPANIES, json={"name": "x"}),
        client.get(f"{COMPANIES}/{company['id']}"),
        client.patch(f"{COMPANIES}/{company['id']}", json={"name": "x"}, headers={"If-Match": "*"}),
        client.delete(f"{COMPANIES}/{company['id']}"),
    ):
        problem(response, 401)


# --- update with If-Match -----------------------------------------------------------------


def test_patch_changes_the_given_fields_and_the_etag(login_as):
    rep = login_as("sales")
    company = create(rep, industry="Pumps", phone="13800138000", address="Suzhou")
    old = etag(rep, company["id"])
    response = patch(rep, company["id"], {"size": "51-200", "phone": "139 1234 5678"}, if_match=old)
    assert response.status_code == 200, response.get_json()
    updated = response.get_json()
    assert updated["size"] == "51-200"
    assert updated["phone"] == "+8613912345678"
    assert updated["industry"] == "Pumps"
    assert updated["created_at"] == company["created_at"]
    assert response.headers["ETag"] != old
    helpers.reads_back(rep, f"{COMPANIES}/{company['id']}", updated, response)
    # Clearing optional fields; the name stays required.
    cleared = patch(rep, company["id"], {"industry": None, "phone": "", "address": " "})
    assert cleared.status_code == 200
    body = cleared.get_json()
    assert (body["industry"], body["phone"], body["address"]) == (None, None, None)
    field_errors(patch(rep, company["id"], {"name": None}), "name")


def test_patch_needs_a_current_if_match(login_as, team):
    east = team()
    rep = login_as("sales", team=east)
    manager = login_as("manager", team=east)
    company = create(rep)
    url = f"{COMPANIES}/{company['id']}"
    body = problem(patch(rep, company["id"], {"industry": "Pumps"}, if_match=None), 428)
    assert "If-Match" in body["detail"]

    seen_by_rep = etag(rep, company["id"])
    assert patch(manager, company["id"], {"industry": "Valves"}).status_code == 200
    problem(patch(rep, company["id"], {"industry": "Pumps"}, if_match=seen_by_rep), 412)
    for wrong in ('"0123456789abcdef0123456789abcdef"', "garbage", f"W/{seen_by_rep}"):
        problem(patch(rep, company["id"], {"industry": "Pumps"}, if_match=wrong), 412)
    assert rep.get(url).get_json()["industry"] == "Valves"
    problem(rep.delete(url, headers={"If-Match": seen_by_rep}), 412)
    assert patch(rep, company["id"], {"industry": "Pumps"}).status_code == 200
    assert rep.delete(url, headers={"If-Match": etag(rep, company["id"])}).status_code == 204


# --- soft delete --------------------------------------------------------------------------


def test_a_deleted_company_is_gone_everywhere(login_as):
    rep = login_as("sales")
    admin = login_as("admin")
    company = create(rep)
    keep = create(rep, name="Keep")
    current = etag(rep, company["id"])
    response = rep.delete(f"{COMPANIES}/{company['id']}")
    assert response.status_code == 204 and response.get_data() == b""
    url = f"{COMPANIES}/{company['id']}"
    for api in (rep, admin):
        problem(api.get(url), 404)
        problem(patch(api, company["id"], {"name": "Back"}, if_match=current), 404)
        problem(api.delete(url), 404)
        problem(api.get(f"{url}/contacts"), 404)
        problem(api.get(f"{url}/follow-ups"), 404)
        problem(api.post(f"{url}/follow-ups", json={"kind": "call", "content": "x"}), 404)
        assert visible_ids(api) == {keep["id"]}
    # Nor can it be a parent or an employer any more.
    field_errors(
        rep.post(COMPANIES, json={"name": "Child", "parent_id": company["id"]}), "parent_id"
    )
    response = rep.post("/api/v1/contacts", json={"name": "Wu", "company_id": company["id"]})
    field_errors(response, "company_id")


# --- the company tree ---------------------------------------------------------------------


def test_parent_must_be_a_company_you_can_see(login_as, team):
    east, west = team(), team()
    rep = login_as("sales", team=east)
    other = login_as("sales", team=west)
    group = create(rep, name="Group")
    theirs = create(other, name="Theirs")
    child = create(rep, name="Child", parent_id=group["id"])
    assert child["parent_id"] == group["id"]
    assert ids(rep, parent_id=group["id"]) == [child["id"]]

    for parent_id in (theirs["id"], 2147483000):
        field_errors(rep.post(COMPANIES, json={"name": "x", "parent_id": parent_id}), "parent_id")
        field_errors(patch(rep, child["id"], {"parent_id": parent_id}), "parent_id")
    assert rep.get(f"{COMPANIES}/{child['id']}").get_json()["parent_id"] == group["id"]
    # Detaching and re-attaching.
    assert patch(rep, child["id"], {"parent_id": None}).get_json()["parent_id"] is None
    assert (
        patch(rep, child["id"], {"parent_id": group["id"]}).get_json()["parent_id"] == group["id"]
    )


def test_a_company_cannot_be_its_own_ancestor(login_as):
    rep = login_as("sales")
    top = create(rep, name="Top")
    middle = create(rep, name="Middle", parent_id=top["id"])
    bottom = create(rep, name="Bottom", parent_id=middle["id"])
    field_errors(patch(rep, top["id"], {"parent_id": top["id"]}), "parent_id")
    field_errors(patch(rep, top["id"], {"parent_id": middle["id"]}), "parent_id")
    field_errors(patch(rep, top["id"], {"parent_id": bottom["id"]}), "parent_id")
    assert rep.get(f"{COMPANIES}/{top['id']}").get_json()["parent_id"] is None
    # Moving a branch elsewhere in the tree is fine; the unchanged parent may be sent along.
    other = create(rep, name="Other")
    assert patch(rep, middle["id"], {"parent_id": other["id"]}).status_code == 200
    response = patch(rep, bottom["id"], {"parent_id": middle["id"], "industry": "Pumps"})
    assert response.status_code == 200, response.get_json()
    assert patch(rep, top["id"], {"parent_id": bottom["id"]}).status_code == 200


# --- the list -----------------------------------------------------------------------------


def test_filters_by_industry_size_parent_and_owner(login_as, team):
    east = team()
    rep = login_as("sales", team=east)
    manager = login_as("manager", team=east)
    pumps = create(rep, name="Pumps", industry="Manufacturing", size="51-200")
    valves = create(
        rep, name="Valves", industry="Manufacturing", size="1001+", parent_id=pumps["id"]
    )
    bank = create(rep, name="Bank", industry="Finance", size="1-10")
    free = CompanyFactory(owner_id=None, industry="Finance").id
    assert ids(rep, industry="Manufacturing") == [valves["id"], pumps["id"]]
    assert ids(rep, industry="Finance") == [free, bank["id"]]
    assert ids(rep, industry="Retail") == []
    assert ids(rep, size="1-10") == [bank["id"]]
    assert ids(rep, size="1-10,1001+") == [bank["id"], valves["id"]]
    assert ids(rep, parent_id=pumps["id"]) == [valves["id"]]
    assert ids(rep, owner_id="none") == [free]
    assert set(ids(rep, owner_id="me")) == {pumps["id"], valves["id"], bank["id"]}
    assert ids(manager, owner_id="me") == []
    assert set(ids(manager, owner_id=str(rep.user.id))) == {pumps["id"], valves["id"], bank["id"]}
    assert ids(rep, industry="Manufacturing", size="51-200") == [pumps["id"]]
    for params in (
        {"size": "huge"},
        {"size": "1-10,huge"},
        {"parent_id": "abc"},
        {"parent_id": 0},
        {"owner_id": "someone"},
        {"industry": "x" * 101},
        {"sort": "industry"},
        {"limit": 0},
        {"limit": 201},
    ):
        problem(rep.get(COMPANIES, query_string=params), 422)


def test_q_searches_name_website_and_phone(login_as):
    rep = login_as("sales")
    other = login_as("sales")
    acme = create(rep, name="Acme Pumps", website="acme-pumps.cn")
    star = create(rep, name="上海星辰贸易有限公司", phone="138 0013 8000")
    cotton = create(rep, name="100% Cotton_Ltd", phone="+1 415 555 2671")
    hidden = create(other, name="Acme Hidden", phone="13800138000")
    assert ids(rep, q="acme") == [acme["id"]]
    assert ids(rep, q="ACME-PUMPS.CN") == [acme["id"]]
    assert ids(rep, q="星辰") == [star["id"]]
    assert ids(rep, q="138 0013 8000") == [star["id"]]
    assert ids(rep, q="+8613800138000") == [star["id"]]
    assert ids(rep, q="0013") == [star["id"]]
    assert ids(rep, q="+1 (415) 555-2671") == [cotton["id"]]
    assert ids(rep, q="100%") == [cotton["id"]]
    assert ids(rep, q="_") == [cotton["id"]]
    assert ids(rep, q="Z%g") == []
    assert ids(rep, q="' OR 1=1 --") == []
    assert ids(other, q="acme") == [hidden["id"]]
    assert ids(rep, q="acme", industry="Finance") == []
    problem(rep.get(COMPANIES, query_string={"q": "x" * 101}), 422)
    problem(rep.get(COMPANIES, query_string={"q": ""}), 422)


@pytest.mark.parametrize(
    "sort", ["created_at", "-created_at", "updated_at", "-updated_at", "name", "-name"]
)
def test_each_sort_pages_through_without_duplicates_or_gaps(login_as, sort):
    rep = login_as("sales")
    names = ["delta", "Alpha", "charlie", "bravo", "echo", "alpha"]
    expected = []
    for i, name in enumerate(names * 2):
        stamp = BASE + timedelta(minutes=i % 5)  # equal times: the id breaks ties
        company = CompanyFactory(
            name=name, owner_id=rep.user.id, created_at=stamp, updated_at=stamp
        )
        expected.append(company)
    seen, cursor = [], None
    while True:
        params = {"limit": 5, "sort": sort, **({"cursor": cursor} if cursor else {})}
        response = rep.get(COMPANIES, query_string=params)
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        seen += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            break
        # A company added meanwhile (with an old time and a late name) changes nothing seen.
        CompanyFactory(name="zzz", owner_id=None, created_at=BASE - timedelta(days=1))
    seen_ids = [c["id"] for c in seen if c["name"] != "zzz"]
    assert len(seen_ids) == len(set(seen_ids)) == len(expected)
    key = sort.lstrip("-")
    values = [(c[key], c["id"]) for c in seen if c["name"] != "zzz"]
    if key == "name":
        # The database's collation decides letter case; the order is consistent with it.
        assert [v[0].lower() for v in values] == sorted(
            (v[0].lower() for v in values), reverse=sort.startswith("-")
        )
    else:
        parsed = [(utc_time(v), i) for v, i in values]
        assert parsed == sorted(parsed, reverse=sort.startswith("-"))
    problem(rep.get(COMPANIES, query_string={"sort": sort, "cursor": "nope"}), 400)


def test_a_cursor_of_another_sort_is_400(login_as):
    rep = login_as("sales")
    for i in range(3):
        create(rep, name=f"C{i}")
    cursor = rep.get(COMPANIES, query_string={"limit": 1}).get_json()["next_cursor"]
    assert cursor
    problem(rep.get(COMPANIES, query_string={"limit": 1, "sort": "name", "cursor": cursor}), 400)


# --- ownership ----------------------------------------------------------------------------


def test_owners_rep_manager_and_admin(login_as, team):
    east, west = team(), team()
    rep = login_as("sales", team=east)
    colleague = login_as("sales", team=east)
    manager = login_as("manager", team=east)
    west_rep = login_as("sales", team=west)
    admin = login_as("admin")
    service = login_as("service")

    mine = create(rep)
    assert mine["owner_id"] == rep.user.id
    body = problem(rep.post(COMPANIES, json={"name": "Gift", "owner_id": colleague.user.id}), 403)
    assert "owner_id" in body["errors"]
    problem(rep.post(COMPANIES, json={"name": "Orphan", "owner_id": None}), 403)
    problem(patch(rep, mine["id"], {"owner_id": colleague.user.id}), 403)
    assert patch(rep, mine["id"], {"owner_id": rep.user.id, "size": "1-10"}).status_code == 200

    handed = create(manager, owner_id=colleague.user.id)
    assert handed["owner_id"] == colleague.user.id
    response = manager.post(COMPANIES, json={"name": "Poach", "owner_id": west_rep.user.id})
    assert "owner_id" in problem(response, response.status_code)["errors"]
    assert patch(manager, mine["id"], {"owner_id": None}).get_json()["owner_id"] is None

    moved = patch(admin, mine["id"], {"owner_id": west_rep.user.id})
    assert moved.status_code == 200 and moved.get_json()["owner_id"] == west_rep.user.id
    field_errors(admin.post(COMPANIES, json={"name": "x", "owner_id": service.user.id}), "owner_id")


# --- scoping ------------------------------------------------------------------------------


@pytest.fixture
def world(login_as, team):
    """Team East (reps A and A2, manager M), team West (rep B, manager MW), an admin, service
    staff, and one company each for A, A2, B, plus an unassigned one."""
    users = two_teams(login_as, team)
    return users, one_record_each(users, CompanyFactory)


def test_each_role_sees_exactly_its_scope(world):
    users, companies = world
    admin = users["admin"]
    for who, scope in VISIBLE.items():
        api = users[who]
        assert visible_ids(api) == {companies[name] for name in scope}, who
        for name, company_id in companies.items():
            url = f"{COMPANIES}/{company_id}"
            if name in scope:
                assert api.get(url).status_code == 200
                assert api.get(f"{url}/contacts").status_code == 200
                assert api.get(f"{url}/follow-ups").status_code == 200
                continue
            before = admin.get(url)
            problem(api.get(url), 404)
            problem(patch(api, company_id, {"name": "pwned"}, if_match=before.headers["ETag"]), 404)
            problem(patch(api, company_id, {"name": "pwned"}, if_match=None), 404)
            problem(api.delete(url), 404)
            problem(api.get(f"{url}/contacts"), 404)
            problem(api.get(f"{url}/follow-ups"), 404)
            problem(api.post(f"{url}/follow-ups", json={"kind": "call", "content": "x"}), 404)
            # Nor can it be used as a parent.
            field_errors(
                api.post(COMPANIES, json={"name": "x", "parent_id": company_id}), "parent_id"
            )
            after = admin.get(url)
            assert after.get_json() == before.get_json()
            assert after.headers["ETag"] == before.headers["ETag"]
    hidden = users["a"].get(f"{COMPANIES}/{companies['b']}")
    missing = users["a"].get(f"{COMPANIES}/2147483000")
    assert hidden.get_json() == missing.get_json()


def test_service_staff_read_but_do_not_write(world):
    users, companies = world
    service = users["service"]
    problem(service.post(COMPANIES, json={"name": "Mine"}), 403)
    for company_id in companies.values():
        url = f"{COMPANIES}/{company_id}"
        assert service.get(url).status_code == 200
        problem(patch(service, company_id, {"industry": "x"}), 403)
        problem(patch(service, company_id, {"industry": "x"}, if_match=None), 403)
        problem(service.delete(url), 403)
        problem(service.post(f"{url}/follow-ups", json={"kind": "note", "content": "x"}), 403)
    assert visible_ids(service) == set(companies.values())


def test_writers_edit_within_scope_and_reassignment_moves_it(world):
    users, companies = world
    for who in WRITERS:
        for name in sorted(VISIBLE[who]):
            response = patch(users[who], companies[name], {"description": f"by {who}"})
            assert response.status_code == 200, (who, name, response.get_json())
    moved = patch(users["m"], companies["a"], {"owner_id": users["a2"].user.id})
    assert moved.status_code == 200
    problem(users["a"].get(f"{COMPANIES}/{companies['a']}"), 404)
    assert users["a2"].get(f"{COMPANIES}/{companies['a']}").status_code == 200


# --- audit --------------------------------------------------------------------------------


def test_create_update_delete_are_audited(login_as):
    admin = login_as("admin")
    rep = login_as("sales")
    company = create(rep, name="Hangzhou Tea", phone="138 0013 8000", size="1-10")
    entity_id = str(company["id"])
    [created] = writes(admin, entity="company", entity_id=entity_id)
    assert created["action"] == "create"
    assert created["actor_id"] == rep.user.id
    assert created["changes"]["name"] == {"old": None, "new": "Hangzhou Tea"}
    assert created["changes"]["phone"] == {"old": None, "new": "+8613800138000"}
    assert created["changes"]["owner_id"] == {"old": None, "new": rep.user.id}

    assert patch(rep, company["id"], {"size": "11-50", "name": "Hangzhou Tea"}).status_code == 200
    [updated] = writes(admin, entity="company", entity_id=entity_id, action="update")
    assert updated["changes"] == {"size": {"old": "1-10", "new": "11-50"}}
    # A change that changes nothing, and a refused one, leave no event.
    assert patch(rep, company["id"], {"size": "11-50"}).status_code == 200
    problem(patch(rep, company["id"], {"parent_id": company["id"]}), 422)

    assert rep.delete(f"{COMPANIES}/{company['id']}").status_code == 204
    trail = writes(admin, entity="company", entity_id=entity_id)
    assert [e["action"] for e in trail] == ["delete", "update", "create"]
