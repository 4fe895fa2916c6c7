"""User and team administration through HTTP: `/api/v1/users` (admin only) and `/api/v1/teams`."""

from __future__ import annotations

import json

import pytest

from tests.factories import PASSWORD
from tests.helpers import reads_back
from tests.test_auth import (
    FAST_HASH,
    assert_problem,
    assert_unauthorized,
    bearer,
    login,
    login_ok,
    make_user,
    me,
    refresh,
)

API = "/api/v1"
NEW_PASSWORD = "a-brand-new-password"


@pytest.fixture
def login_as(login_as):
    """conftest's `login_as`, with users whose password hash is quick to verify."""

    def _login_as(role="sales", **fields):
        return login_as(role, **{"password_hash": FAST_HASH, **fields})

    return _login_as


@pytest.fixture
def admin(login_as):
    return login_as("admin", email="root@example.com", name="Root")


@pytest.fixture
def alice(db):
    return make_user(email="alice@example.com", name="Alice", role="sales")


def assert_no_secrets(response):
    text = response.get_data(as_text=True)
    assert "password" not in text
    assert "$argon2" not in text
    assert PASSWORD not in text
    assert NEW_PASSWORD not in text


def user_url(user_id) -> str:
    return f"{API}/users/{user_id}"


def list_users(admin, **query) -> dict:
    response = admin.get(f"{API}/users", query_string=query)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert set(body) == {"items", "next_cursor"}
    assert_no_secrets(response)
    return body


def emails(page: dict) -> list[str]:
    return [item["email"] for item in page["items"]]


# --- create -------------------------------------------------------------------------------


def test_admin_creates_a_user_who_can_log_in(client, admin, team):
    east = team(name="East")
    response = admin.post(
        f"{API}/users",
        json={
            "email": "Bob@Example.com",
            "name": "Bob",
            "role": "manager",
            "team_id": east.id,
            "password": NEW_PASSWORD,
        },
    )

    assert response.status_code == 201, response.get_json()
    assert response.headers.get("ETag")
    assert_no_secrets(response)
    bob = response.get_json()
    assert bob["email"] == "bob@example.com"
    assert bob["name"] == "Bob"
    assert bob["role"] == "manager"
    assert bob["team_id"] == east.id
    assert bob["active"] is True
    assert bob["locale"] == "zh-CN"
    assert isinstance(bob["id"], int)
    assert bob["created_at"] and bob["updated_at"]

    reads_back(admin, user_url(bob["id"]), bob, response)

    tokens = login_ok(client, "bob@example.com", NEW_PASSWORD)
    assert tokens["user"]["id"] == bob["id"]
    assert me(client, tokens["access_token"]).get_json()["role"] == "manager"


def test_created_user_is_audited_without_the_password(client, admin):
    response = admin.post(
        f"{API}/users",
        json={"email": "bob@example.com", "name": "Bob", "role": "sales", "password": NEW_PASSWORD},
    )
    bob_id = response.get_json()["id"]
    events = admin.get(
        f"{API}/audit-events", query_string={"entity": "user", "entity_id": str(bob_id)}
    ).get_json()["items"]
    assert [e["action"] for e in events] == ["create"]
    assert events[0]["actor_id"] == admin.user.id
    assert events[0]["changes"]["email"] == {"old": None, "new": "bob@example.com"}
    assert NEW_PASSWORD not in json.dumps(events)
    assert "$argon2" not in json.dumps(events)


def test_duplicate_email_answers_409_whatever_the_case(admin, alice):
    for email in ("alice@example.com", "ALICE@Example.com"):
        response = admin.post(
            f"{API}/users",
            json={"email": email, "name": "Other Alice", "role": "sales", "password": NEW_PASSWORD},
        )
        problem = assert_problem(response, 409)
        assert "email" in problem["errors"]
    assert emails(list_users(admin, q="alice")) == ["alice@example.com"]


VALID = {"email": "bob@example.com", "name": "Bob", "role": "sales", "password": NEW_PASSWORD}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"email": "bob@"}, "email"),
        ({"email": "bob@example.com\nbcc: eve@example.com"}, "email"),
        ({"email": "b" * 250 + "@example.com"}, "email"),
        ({"email": None}, "email"),
        ({"name": ""}, "name"),
        ({"name": "B" * 101}, "name"),
        ({"role": "superadmin"}, "role"),
        ({"role": "Admin"}, "role"),
        ({"locale": "fr-FR"}, "locale"),
        ({"team_id": 0}, "team_id"),
        ({"team_id": "east"}, "team_id"),
        ({"active": "sometimes"}, "active"),
        ({"password": "short"}, "password"),
        ({"password": "x" * 129}, "password"),
        ({"nickname": "Bobby"}, "nickname"),
        ({"id": 1}, "id"),
        ({"created_at": "2020-01-01T00:00:00Z"}, "created_at"),
        ({"password_hash": "$argon2id$v=19$m=8,t=1,p=1$AAAA$AAAA"}, "password_hash"),
        ({"version": 7}, "version"),
    ],
)
def test_create_user_rejects_invalid_fields(admin, changes, field):
    response = admin.post(f"{API}/users", json={**VALID, **changes})
    problem = assert_problem(response, 422)
    assert field in problem["errors"]
    assert all(isinstance(m, str) for m in problem["errors"][field])
    assert emails(list_users(admin)) == ["root@example.com"]


@pytest.mark.parametrize("missing", ["email", "name", "role", "password"])
def test_create_user_requires_fields(admin, missing):
    body = {k: v for k, v in VALID.items() if k != missing}
    problem = assert_problem(admin.post(f"{API}/users", json=body), 422)
    assert set(problem["errors"]) == {missing}


def test_create_user_in_an_unknown_team_answers_422(admin):
    response = admin.post(f"{API}/users", json={**VALID, "team_id": 999999})
    problem = assert_problem(response, 422)
    assert "team_id" in problem["errors"]


def test_create_user_rejects_a_blank_name(admin):
    problem = assert_problem(admin.post(f"{API}/users", json={**VALID, "name": "   "}), 422)
    assert "name" in problem["errors"]


def test_create_user_needs_json(admin):
    assert_problem(admin.post(f"{API}/users", data="email=bob@example.com"), 415)
    assert_problem(admin.post(f"{API}/users", json=["not", "an", "object"]), 422)


# --- who may administer users -------------------------------------------------------------


@pytest.mark.parametrize("role", ["manager", "sales", "service"])
def test_non_admins_get_403_on_users(login_as, alice, role):
    caller = login_as(role)
    calls = [
        caller.get(f"{API}/users"),
        caller.get(f"{API}/users?role=admin"),
        caller.post(f"{API}/users", json={**VALID, "role": "admin"}),
        caller.get(user_url(alice.id)),
        caller.patch(user_url(alice.id), json={"role": "admin"}),
        caller.patch(user_url(caller.user.id), json={"role": "admin"}),
        caller.delete(user_url(alice.id)),
    ]
    for response in calls:
        assert_problem(response, 403)
    # nothing changed: alice can still log in, the caller did not promote themselves
    assert me(caller.client, caller.tokens["access_token"]).get_json()["role"] == role
    assert login(caller.client, "alice@example.com").status_code == 200
    assert login(caller.client, "bob@example.com", NEW_PASSWORD).status_code == 401


def test_users_need_a_login(client, alice):
    for response in (
        client.get(f"{API}/users"),
        client.post(f"{API}/users", json=VALID),
        client.get(user_url(alice.id)),
        client.patch(user_url(alice.id), json={"name": "Mallory"}),
        client.delete(user_url(alice.id)),
    ):
        assert_unauthorized(response)


# --- list ---------------------------------------------------------------------------------


def test_list_pages_with_a_cursor(admin):
    for name in ("Dora", "Bea", "Cid", "Eve", "Abe"):
        make_user(email=f"{name.lower()}@example.com", name=name)

    first = list_users(admin, limit=2)
    assert [u["name"] for u in first["items"]] == ["Abe", "Bea"]
    assert first["next_cursor"]
    for item in first["items"]:
        assert {"id", "email", "name", "role", "team_id", "locale", "active"} <= set(item)

    # a user created meanwhile (sorting before the cursor) neither repeats nor shifts the pages
    make_user(email="aaron@example.com", name="Aaron")

    second = list_users(admin, limit=2, cursor=first["next_cursor"])
    assert [u["name"] for u in second["items"]] == ["Cid", "Dora"]
    third = list_users(admin, limit=2, cursor=second["next_cursor"])
    assert [u["name"] for u in third["items"]] == ["Eve", "Root"]
    assert third["next_cursor"] is None

    everyone = list_users(admin)
    assert [u["name"] for u in everyone["items"]] == [
        "Aaron",
        "Abe",
        "Bea",
        "Cid",
        "Dora",
        "Eve",
        "Root",
    ]
    assert everyone["next_cursor"] is None


def test_list_sorts_by_allowed_keys(admin):
    make_user(email="zed@example.com", name="Zed")
    make_user(email="amy@example.com", name="Amy")
    assert [u["name"] for u in list_users(admin, sort="-name")["items"]] == ["Zed", "Root", "Amy"]
    assert emails(list_users(admin, sort="email")) == [
        "amy@example.com",
        "root@example.com",
        "zed@example.com",
    ]
    newest_first = list_users(admin, sort="-created_at", limit=1)
    walked = emails(newest_first)
    cursor = newest_first["next_cursor"]
    while cursor:
        page = list_users(admin, sort="-created_at", limit=1, cursor=cursor)
        walked += emails(page)
        cursor = page["next_cursor"]
    assert sorted(walked) == ["amy@example.com", "root@example.com", "zed@example.com"]
    assert len(walked) == 3


def test_list_filters(admin, team):
    east, west = team(name="East"), team(name="West")
    make_user(email="m-east@example.com", name="Mia East", role="manager", team_id=east.id)
    make_user(email="s-east@example.com", name="Sam East", role="sales", team_id=east.id)
    make_user(email="s-west@example.com", name="Sue West", role="sales", team_id=west.id)
    make_user(email="gone@example.com", name="Gone", role="sales", team_id=west.id, active=False)
    make_user(email="help@example.com", name="Hal", role="service")

    assert emails(list_users(admin, role="sales")) == [
        "gone@example.com",
        "s-east@example.com",
        "s-west@example.com",
    ]
    assert emails(list_users(admin, team_id=east.id)) == [
        "m-east@example.com",
        "s-east@example.com",
    ]
    assert emails(list_users(admin, role="sales", team_id=west.id, active="true")) == [
        "s-west@example.com"
    ]
    assert emails(list_users(admin, active="false")) == ["gone@example.com"]
    assert len(list_users(admin, active="true")["items"]) == 5
    # q searches name and email, ignoring case
    assert emails(list_users(admin, q="EAST")) == ["m-east@example.com", "s-east@example.com"]
    assert emails(list_users(admin, q="help@")) == ["help@example.com"]
    assert emails(list_users(admin, q="nobody-matches")) == []


@pytest.mark.parametrize(
    ("query", "status", "field"),
    [
        ({"role": "superadmin"}, 422, "role"),
        ({"team_id": "east"}, 422, "team_id"),
        ({"active": "maybe"}, 422, "active"),
        ({"limit": "0"}, 422, "limit"),
        ({"limit": "201"}, 422, "limit"),
        ({"sort": "password_hash"}, 422, "sort"),
        ({"q": "x" * 101}, 422, "q"),
        ({"cursor": "not-a-cursor"}, 400, "cursor"),
    ],
)
def test_list_rejects_bad_query_parameters(admin, query, status, field):
    problem = assert_problem(admin.get(f"{API}/users", query_string=query), status)
    assert field in problem["errors"]


def test_a_cursor_only_fits_its_own_sort(admin):
    make_user(email="zed@example.com", name="Zed")
    cursor = list_users(admin, limit=1)["next_cursor"]
    response = admin.get(f"{API}/users", query_string={"cursor": cursor, "sort": "-created_at"})
    assert "cursor" in assert_problem(response, 400)["errors"]


# --- get one ------------------------------------------------------------------------------


def test_get_one_user_with_an_etag(admin, alice):
    response = admin.get(user_url(alice.id))
    assert response.status_code == 200
    assert response.headers["ETag"].startswith('"')
    assert_no_secrets(response)
    body = response.get_json()
    assert body["id"] == alice.id
    assert body["email"] == "alice@example.com"


@pytest.mark.parametrize("user_id", ["999999", "0", "2147483648", "99999999999999999999999"])
def test_unknown_user_answers_404(admin, user_id):
    for response in (
        admin.get(f"{API}/users/{user_id}"),
        admin.patch(f"{API}/users/{user_id}", json={"name": "X"}),
        admin.delete(f"{API}/users/{user_id}"),
    ):
        assert_problem(response, 404)


def test_non_numeric_user_id_answers_404(admin):
    assert_problem(admin.get(f"{API}/users/abc"), 404)
    assert_problem(admin.get(f"{API}/users/-1"), 404)


# --- update -------------------------------------------------------------------------------


def test_patch_updates_fields_and_the_etag(admin, alice, team):
    east = team(name="East")
    etag = admin.get(user_url(alice.id)).headers["ETag"]

    response = admin.patch(
        user_url(alice.id),
        json={"name": "Alice Li", "role": "manager", "team_id": east.id, "locale": "zh-CN"},
        headers={"If-Match": etag},
    )

    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert (body["name"], body["role"], body["team_id"], body["locale"]) == (
        "Alice Li",
        "manager",
        east.id,
        "zh-CN",
    )
    assert body["email"] == "alice@example.com"
    assert response.headers["ETag"] != etag
    assert admin.get(user_url(alice.id)).headers["ETag"] == response.headers["ETag"]
    assert_no_secrets(response)

    # the change is audited with old and new values, by the admin
    events = admin.get(
        f"{API}/audit-events",
        query_string={"entity": "user", "entity_id": str(alice.id), "action": "update"},
    ).get_json()["items"]
    assert len(events) == 1
    assert events[0]["actor_id"] == admin.user.id
    assert events[0]["changes"]["name"] == {"old": "Alice", "new": "Alice Li"}
    assert events[0]["changes"]["role"] == {"old": "sales", "new": "manager"}


def test_patch_with_a_stale_etag_answers_412_and_changes_nothing(admin, alice):
    stale = admin.get(user_url(alice.id)).headers["ETag"]
    first = admin.patch(user_url(alice.id), json={"name": "Alice Li"}, headers={"If-Match": stale})
    assert first.status_code == 200

    second = admin.patch(user_url(alice.id), json={"role": "admin"}, headers={"If-Match": stale})
    assert_problem(second, 412)

    current = admin.get(user_url(alice.id)).get_json()
    assert current["name"] == "Alice Li"
    assert current["role"] == "sales"
    # with the current ETag it goes through
    fresh = admin.get(user_url(alice.id)).headers["ETag"]
    third = admin.patch(user_url(alice.id), json={"role": "service"}, headers={"If-Match": fresh})
    assert third.status_code == 200
    assert third.get_json()["role"] == "service"


def test_patch_without_if_match_is_allowed(admin, alice):
    response = admin.patch(user_url(alice.id), json={"team_id": None, "name": "Alice W."})
    assert response.status_code == 200
    assert response.get_json()["name"] == "Alice W."
    assert response.get_json()["team_id"] is None


def test_empty_patch_changes_nothing(admin, alice):
    before = admin.get(user_url(alice.id))
    response = admin.patch(user_url(alice.id), json={})
    assert response.status_code == 200
    assert response.get_json() == before.get_json()
    assert response.headers["ETag"] == before.headers["ETag"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"email": None}, "email"),
        ({"name": None}, "name"),
        ({"name": ""}, "name"),
        ({"role": None}, "role"),
        ({"role": "owner"}, "role"),
        ({"password": "short"}, "password"),
        ({"id": 12345}, "id"),
        ({"created_at": "2020-01-01T00:00:00Z"}, "created_at"),
        ({"password_hash": "x"}, "password_hash"),
        ({"is_admin": True}, "is_admin"),
        ({"team_id": 999999}, "team_id"),
    ],
)
def test_patch_rejects_invalid_fields(admin, alice, body, field):
    before = admin.get(user_url(alice.id))
    problem = assert_problem(admin.patch(user_url(alice.id), json=body), 422)
    assert field in problem["errors"]
    after = admin.get(user_url(alice.id))
    assert after.get_json() == before.get_json()
    assert after.headers["ETag"] == before.headers["ETag"]


def test_patch_to_a_taken_email_answers_409(admin, alice):
    bob = make_user(email="bob@example.com", name="Bob")
    problem = assert_problem(
        admin.patch(user_url(bob.id), json={"email": "ALICE@example.com"}), 409
    )
    assert "email" in problem["errors"]
    assert admin.get(user_url(bob.id)).get_json()["email"] == "bob@example.com"
    # keeping one's own email (in another case) is no conflict
    response = admin.patch(user_url(bob.id), json={"email": "Bob@Example.com"})
    assert response.status_code == 200
    assert response.get_json()["email"] == "bob@example.com"


def test_changed_email_is_the_new_login(client, admin, alice):
    response = admin.patch(user_url(alice.id), json={"email": "alice.li@example.com"})
    assert response.status_code == 200
    assert_unauthorized(login(client, "alice@example.com"))
    assert login_ok(client, "alice.li@example.com")["user"]["id"] == alice.id


def test_password_reset_ends_the_users_logins(app, admin, alice):
    phone = app.test_client()
    tokens = login_ok(phone, "alice@example.com")

    response = admin.patch(user_url(alice.id), json={"password": NEW_PASSWORD})
    assert response.status_code == 200
    assert_no_secrets(response)

    assert_unauthorized(me(phone, tokens["access_token"]))
    assert_unauthorized(refresh(phone, tokens["refresh_token"]))
    assert_unauthorized(login(phone, "alice@example.com", PASSWORD))
    assert login_ok(phone, "alice@example.com", NEW_PASSWORD)["user"]["id"] == alice.id

    events = admin.get(
        f"{API}/audit-events",
        query_string={"entity": "user", "entity_id": str(alice.id), "action": "update"},
    ).get_json()["items"]
    assert events[0]["changes"]["password"] == {"old": "***", "new": "***"}
    assert NEW_PASSWORD not in json.dumps(events)
    assert "$argon2" not in json.dumps(events)


def test_role_changes_apply_to_existing_tokens(login_as, admin):
    other_admin = login_as("admin")
    assert other_admin.get(f"{API}/users").status_code == 200

    response = admin.patch(user_url(other_admin.user.id), json={"role": "sales"})
    assert response.status_code == 200
    assert_problem(other_admin.get(f"{API}/users"), 403)

    promoted = login_as("sales")
    assert_problem(promoted.get(f"{API}/users"), 403)
    admin.patch(user_url(promoted.user.id), json={"role": "admin"})
    assert promoted.get(f"{API}/users").status_code == 200


# --- deactivate ---------------------------------------------------------------------------


def test_delete_deactivates_the_user(app, client, admin, alice):
    phone = app.test_client()
    tokens = login_ok(phone, "alice@example.com")
    wrong_password = login(client, "alice@example.com", "not-the-password").get_json()

    response = admin.delete(user_url(alice.id))
    assert response.status_code == 204
    assert response.get_data() == b""

    # the login looks exactly like a wrong password
    refused = login(client, "alice@example.com")
    assert_unauthorized(refused)
    assert refused.get_json() == wrong_password
    # and the tokens from before stop working
    assert_unauthorized(me(phone, tokens["access_token"]))
    assert_unauthorized(phone.get(f"{API}/leads", headers=bearer(tokens["access_token"])))
    assert_unauthorized(refresh(phone, tokens["refresh_token"]))

    # the user is kept, inactive
    body = admin.get(user_url(alice.id)).get_json()
    assert body["active"] is False
    assert emails(list_users(admin, active="false")) == ["alice@example.com"]


def test_deactivate_with_patch_then_reactivate(app, client, admin, alice):
    phone = app.test_client()
    tokens = login_ok(phone, "alice@example.com")

    response = admin.patch(user_url(alice.id), json={"active": False})
    assert response.status_code == 200
    assert response.get_json()["active"] is False
    assert_unauthorized(login(client, "alice@example.com"))
    assert_unauthorized(me(phone, tokens["access_token"]))

    response = admin.patch(user_url(alice.id), json={"active": True})
    assert response.get_json()["active"] is True
    # the old login stays ended; a new login works
    assert_unauthorized(me(phone, tokens["access_token"]))
    assert_unauthorized(refresh(phone, tokens["refresh_token"]))
    assert me(client, login_ok(client, "alice@example.com")["access_token"]).status_code == 200


def test_a_user_created_inactive_cannot_log_in(client, admin):
    response = admin.post(f"{API}/users", json={**VALID, "active": False})
    assert response.status_code == 201
    assert response.get_json()["active"] is False
    assert_unauthorized(login(client, "bob@example.com", NEW_PASSWORD))


# --- admins and themselves ----------------------------------------------------------------


def test_admin_cannot_deactivate_or_demote_themselves(admin):
    url = user_url(admin.user.id)
    etag = admin.get(url).headers["ETag"]

    assert_problem(admin.delete(url), 409)
    assert_problem(admin.patch(url, json={"active": False}), 409)
    for role in ("manager", "sales", "service"):
        assert_problem(admin.patch(url, json={"role": role}), 409)
    assert_problem(admin.patch(url, json={"name": "Still Root", "role": "sales"}), 409)

    # nothing changed, and the admin is still logged in as admin
    after = admin.get(url)
    assert after.headers["ETag"] == etag
    assert after.get_json()["role"] == "admin"
    assert after.get_json()["name"] == "Root"
    assert after.get_json()["active"] is True
    assert admin.get(f"{API}/users").status_code == 200

    # other changes to oneself are fine
    response = admin.patch(url, json={"name": "Root Admin", "role": "admin", "active": True})
    assert response.status_code == 200
    assert response.get_json()["name"] == "Root Admin"


def test_another_admin_can_deactivate_an_admin(login_as, admin):
    other = login_as("admin")
    assert admin.delete(user_url(other.user.id)).status_code == 204
    assert_unauthorized(other.get(f"{API}/users"))


# --- teams --------------------------------------------------------------------------------


def _team_names(response) -> list[str]:
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    items = body["items"] if isinstance(body, dict) else body
    return [t["name"] for t in items]


@pytest.mark.parametrize("role", ["admin", "manager", "sales", "service"])
def test_any_logged_in_user_lists_teams(login_as, team, role):
    team(name="West")
    team(name="East")
    caller = login_as(role)
    assert _team_names(caller.get(f"{API}/teams")) == ["East", "West"]


def test_teams_need_a_login(client, team):
    team(name="East")
    assert_unauthorized(client.get(f"{API}/teams"))
    assert_unauthorized(client.post(f"{API}/teams", json={"name": "North"}))


def test_admin_creates_a_team(admin, login_as):
    response = admin.post(f"{API}/teams", json={"name": "  North  "})
    assert response.status_code == 201
    body = response.get_json()
    assert body["name"] == "North"
    assert isinstance(body["id"], int)
    assert body["created_at"]
    assert _team_names(login_as("sales").get(f"{API}/teams")) == ["North"]

    # a user can be put in it
    created = admin.post(f"{API}/users", json={**VALID, "team_id": body["id"]})
    assert created.status_code == 201
    assert created.get_json()["team_id"] == body["id"]


def test_duplicate_team_name_answers_409(admin, team):
    team(name="East")
    problem = assert_problem(admin.post(f"{API}/teams", json={"name": "East"}), 409)
    assert "name" in problem["errors"]
    assert_problem(admin.post(f"{API}/teams", json={"name": " East "}), 409)
    assert _team_names(admin.get(f"{API}/teams")) == ["East"]


@pytest.mark.parametrize("role", ["manager", "sales", "service"])
def test_only_admins_create_teams(login_as, role):
    caller = login_as(role)
    assert_problem(caller.post(f"{API}/teams", json={"name": "Rogue"}), 403)
    assert _team_names(caller.get(f"{API}/teams")) == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "name"),
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": None}, "name"),
        ({"name": "T" * 101}, "name"),
        ({"name": "East", "id": 5}, "id"),
        ({"name": "East", "members": []}, "members"),
    ],
)
def test_create_team_rejects_invalid_bodies(admin, body, field):
    problem = assert_problem(admin.post(f"{API}/teams", json=body), 422)
    assert field in problem["errors"]
    assert _team_names(admin.get(f"{API}/teams")) == []
