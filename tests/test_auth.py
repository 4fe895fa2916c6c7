"""Login sessions through HTTP: login, refresh (rotation and reuse), logout, /auth/me, the token
checks every endpoint relies on, the login rate limit, the audit of logins, and `crm create-admin`.
"""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import jwt
import pytest
from argon2 import PasswordHasher
from flask_jwt_extended import create_access_token, create_refresh_token

from tests.factories import PASSWORD, UserFactory
from tests.helpers import PROBLEM

API = "/api/v1"
REFRESH_COOKIE = "refresh_token_cookie"
CSRF_COOKIE = "csrf_refresh_token"
USER_FIELDS = {"id", "email", "name", "role", "team_id", "locale", "active"}
# Still Argon2id, with the smallest parameters: login verifies with the parameters a hash names,
# and these tests log in very often.
FAST_HASH = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)


# --- helpers ------------------------------------------------------------------------------


def assert_problem(response, status: int) -> dict:
    """The response is an RFC 9457 problem with this status; returns its body."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    body = response.get_json()
    assert body["status"] == status
    for key in ("type", "title", "detail"):
        assert isinstance(body[key], str) and body[key]
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def assert_unauthorized(response) -> dict:
    return assert_problem(response, 401)


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def login(client, email, password=PASSWORD, *, addr=None, **kwargs):
    if addr:
        kwargs["environ_base"] = {"REMOTE_ADDR": addr}
    return client.post(f"{API}/auth/login", json={"email": email, "password": password}, **kwargs)


def login_ok(client, email, password=PASSWORD) -> dict:
    response = login(client, email, password)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def refresh(client, token):
    return client.post(f"{API}/auth/refresh", headers=bearer(token))


def me(client, token):
    return client.get(f"{API}/auth/me", headers=bearer(token))


def _b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def claims_of(token: str) -> dict:
    """The payload of a JWT, read without verifying it (as any client can)."""
    return json.loads(_b64decode(token.split(".")[1]))


def with_claims(token: str, **changes) -> str:
    """The token with its payload changed but its original signature kept."""
    header, _payload, signature = token.split(".")
    payload = {**claims_of(token), **changes}
    return ".".join([header, _b64encode(json.dumps(payload).encode()), signature])


def set_cookies(response) -> dict[str, dict[str, str]]:
    """{cookie name: {"value": ..., attribute (lower case): value}} from the Set-Cookie headers."""
    cookies = {}
    for header in response.headers.getlist("Set-Cookie"):
        first, *attributes = [part.strip() for part in header.split(";")]
        name, _, value = first.partition("=")
        attrs = {"value": value}
        for attribute in attributes:
            key, _, val = attribute.partition("=")
            attrs[key.lower()] = val
        cookies[name] = attrs
    return cookies


def csrf_header(client) -> dict:
    cookie = client.get_cookie(CSRF_COOKIE)
    assert cookie is not None, "the login did not leave a csrf_refresh_token cookie"
    return {"X-CSRF-TOKEN": cookie.value}


def make_user(**fields):
    return UserFactory(password_hash=FAST_HASH, **fields)


@pytest.fixture
def login_as(login_as):
    """conftest's `login_as`, with users whose password hash is quick to verify."""

    def _login_as(role="sales", **fields):
        return login_as(role, **{"password_hash": FAST_HASH, **fields})

    return _login_as


@pytest.fixture
def user(db):
    return make_user(email="alice@example.com", name="Alice", role="sales")


@pytest.fixture
def admin(login_as):
    return login_as("admin")


# --- login --------------------------------------------------------------------------------


def test_login_answers_tokens_and_the_user(client, user):
    response = login(client, "alice@example.com")

    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"access_token", "refresh_token", "token_type", "expires_in", "user"}
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 900
    assert body["user"]["id"] == user.id
    assert body["user"]["email"] == "alice@example.com"
    assert body["user"]["role"] == "sales"
    assert set(body["user"]) >= USER_FIELDS
    assert not {"password", "password_hash"} & set(body["user"])
    assert PASSWORD not in response.get_data(as_text=True)

    access, refresh_ = claims_of(body["access_token"]), claims_of(body["refresh_token"])
    assert access["exp"] - access["iat"] == 900
    assert access["sub"] == str(user.id)
    assert refresh_["type"] == "refresh"
    assert access["type"] == "access"
    assert body["access_token"] != body["refresh_token"]


def test_login_sets_httponly_refresh_cookie_and_readable_csrf_cookie(client, user):
    response = login(client, "alice@example.com")
    body = response.get_json()
    cookies = set_cookies(response)

    refresh_cookie = cookies[REFRESH_COOKIE]
    assert refresh_cookie["value"] == body["refresh_token"]
    assert "httponly" in refresh_cookie
    assert refresh_cookie["path"] == "/api/v1/auth"
    assert refresh_cookie["samesite"].lower() in ("strict", "lax")
    assert int(refresh_cookie["max-age"]) > 0

    csrf_cookie = cookies[CSRF_COOKIE]
    assert "httponly" not in csrf_cookie  # the SPA reads it to send X-CSRF-TOKEN
    assert csrf_cookie["value"] == claims_of(body["refresh_token"])["csrf"]
    assert "samesite" in csrf_cookie
    # The access token is never put in a cookie.
    assert "access_token_cookie" not in cookies


def test_login_email_is_case_and_space_insensitive(client, user):
    body = login_ok(client, "  Alice@Example.COM ")
    assert body["user"]["id"] == user.id


def test_login_with_another_address_the_database_collates_alike_fails(client, user):
    """MariaDB's *_ci collations compare accented and full-width letters equal to plain ones."""
    for lookalike in ("alicé@example.com", "ALİCE@example.com"):
        assert_unauthorized(login(client, lookalike))


def test_wrong_password_unknown_email_and_disabled_user_look_alike(client, user):
    make_user(email="gone@example.com", active=False)

    wrong_password = login(client, "alice@example.com", "not-the-password")
    unknown_email = login(client, "nobody@example.com")
    disabled = login(client, "gone@example.com")

    bodies = [assert_unauthorized(r) for r in (wrong_password, unknown_email, disabled)]
    assert bodies[0] == bodies[1] == bodies[2]
    assert "access_token" not in bodies[0]
    assert (
        len({r.headers.get("WWW-Authenticate") for r in (wrong_password, unknown_email, disabled)})
        == 1
    )
    for r in (wrong_password, unknown_email, disabled):
        assert REFRESH_COOKIE not in set_cookies(r)


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"email", "password"}),
        ({"email": "alice@example.com"}, {"password"}),
        ({"password": PASSWORD}, {"email"}),
        ({"email": "alice@example.com", "password": ""}, {"password"}),
        ({"email": 42, "password": PASSWORD}, {"email"}),
        ({"email": "alice@example.com", "password": "x" * 129}, {"password"}),
        ({"email": "alice@example.com", "password": PASSWORD, "role": "admin"}, {"role"}),
    ],
)
def test_login_rejects_malformed_bodies_with_field_errors(client, user, body, fields):
    problem = assert_problem(client.post(f"{API}/auth/login", json=body), 422)
    assert set(problem["errors"]) == fields


def test_login_needs_a_json_body(client, user):
    form = client.post(
        f"{API}/auth/login", data={"email": "alice@example.com", "password": PASSWORD}
    )
    assert_problem(form, 415)
    assert_problem(
        client.post(f"{API}/auth/login", data="{not json", content_type="application/json"), 400
    )


def test_login_only_answers_post(client, user):
    assert_problem(client.get(f"{API}/auth/login"), 405)


# --- /auth/me and token checks ------------------------------------------------------------


def test_me_returns_the_logged_in_user(client, user):
    tokens = login_ok(client, "alice@example.com")
    response = me(client, tokens["access_token"])
    assert response.status_code == 200
    body = response.get_json()
    assert body["id"] == user.id
    assert body["email"] == "alice@example.com"
    assert body["name"] == "Alice"
    assert not {"password", "password_hash"} & set(body)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": ""},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer "},
        {"Authorization": "Bearer not-a-jwt"},
        {"Authorization": "Bearer a.b.c"},
        {"Authorization": "Basic YWxpY2VAZXhhbXBsZS5jb206Y29ycmVjdC1ob3JzZS00Mg=="},
        {"Authorization": "Token abc"},
    ],
    ids=["missing", "empty", "bearer-only", "bearer-blank", "garbage", "abc", "basic", "token"],
)
@pytest.mark.parametrize("path", ["/auth/me", "/leads", "/users", "/teams"])
def test_requests_without_a_valid_token_answer_401(client, user, headers, path):
    response = client.get(API + path, headers=headers)
    assert_unauthorized(response)
    assert response.headers.get("WWW-Authenticate", "").startswith("Bearer")


def test_the_refresh_cookie_alone_is_not_an_access_token(client, user):
    login_ok(client, "alice@example.com")
    assert client.get_cookie(REFRESH_COOKIE, path="/api/v1/auth") is not None
    assert_unauthorized(client.get(f"{API}/auth/me", headers=csrf_header(client)))


@pytest.mark.parametrize("path", ["/auth/me", "/leads"])
def test_refresh_token_is_not_an_access_token(client, user, path):
    tokens = login_ok(client, "alice@example.com")
    assert_unauthorized(client.get(API + path, headers=bearer(tokens["refresh_token"])))
    # the login itself is fine
    assert client.get(API + path, headers=bearer(tokens["access_token"])).status_code == 200


def test_access_token_is_not_a_refresh_token(client, user):
    tokens = login_ok(client, "alice@example.com")
    assert_unauthorized(refresh(client, tokens["access_token"]))
    # and the refresh token still works afterwards
    assert refresh(client, tokens["refresh_token"]).status_code == 200


def test_expired_access_token_answers_401(app, client, user):
    tokens = login_ok(client, "alice@example.com")
    sid = claims_of(tokens["access_token"])["sid"]
    with app.app_context():
        expired = create_access_token(
            identity=str(user.id), additional_claims={"sid": sid}, expires_delta=timedelta(-1)
        )
        fresh = create_access_token(identity=str(user.id), additional_claims={"sid": sid})
    body = assert_unauthorized(me(client, expired))
    assert "expired" in body["detail"].lower()
    # the same claims without the expiry in the past are accepted: only the expiry was wrong
    assert me(client, fresh).status_code == 200


def test_expired_refresh_token_answers_401(app, client, user):
    tokens = login_ok(client, "alice@example.com")
    claims = claims_of(tokens["refresh_token"])
    with app.app_context():
        expired = create_refresh_token(
            identity=str(user.id),
            additional_claims={"sid": claims["sid"]},
            expires_delta=timedelta(seconds=-1),
        )
    assert_unauthorized(refresh(client, expired))


def _flip_char(text: str, index: int) -> str:
    return text[:index] + ("A" if text[index] != "A" else "B") + text[index + 1 :]


def test_tampered_signature_answers_401(client, user):
    token = login_ok(client, "alice@example.com")["access_token"]
    header, payload, signature = token.split(".")
    for index in (0, len(signature) // 2, len(signature) - 2):
        tampered = f"{header}.{payload}.{_flip_char(signature, index)}"
        assert_unauthorized(me(client, tampered))
    assert_unauthorized(me(client, f"{header}.{payload}."))
    assert_unauthorized(me(client, f"{header}.{payload}"))


def test_tampered_payload_answers_401(client, user, login_as):
    admin = login_as("admin")
    token = login_ok(client, "alice@example.com")["access_token"]

    # Claim to be the admin, keep the rep's signature.
    as_admin = with_claims(token, sub=str(admin.user.id))
    assert_unauthorized(client.get(f"{API}/users", headers=bearer(as_admin)))
    assert_unauthorized(me(client, as_admin))
    # Live longer.
    assert_unauthorized(me(client, with_claims(token, exp=claims_of(token)["exp"] + 86400)))
    # Change one character of the encoded payload.
    header, payload, signature = token.split(".")
    assert_unauthorized(
        me(client, f"{header}.{_flip_char(payload, len(payload) // 2)}.{signature}")
    )


def test_unsigned_and_foreign_tokens_answer_401(client, user):
    token = login_ok(client, "alice@example.com")["access_token"]
    _header, payload, _signature = token.split(".")
    none_header = _b64encode(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    assert_unauthorized(me(client, f"{none_header}.{payload}."))

    foreign = jwt.encode(claims_of(token), "another-secret-key-long-enough-for-hs256", "HS256")
    assert_unauthorized(me(client, foreign))


def test_tokens_for_unknown_users_or_sessions_answer_401(app, client, user):
    token = login_ok(client, "alice@example.com")["access_token"]
    sid = claims_of(token)["sid"]
    with app.app_context():
        no_session = create_access_token(identity=str(user.id))
        other_session = create_access_token(
            identity=str(user.id), additional_claims={"sid": "00000000-0000-0000-0000-000000000000"}
        )
        no_user = create_access_token(identity="999999", additional_claims={"sid": sid})
        odd_identity = create_access_token(identity="1 OR 1=1", additional_claims={"sid": sid})
    for forged in (no_session, other_session, no_user, odd_identity):
        assert_unauthorized(me(client, forged))


# --- refresh ------------------------------------------------------------------------------


def test_refresh_with_bearer_rotates_the_refresh_token(client, user):
    first = login_ok(client, "alice@example.com")
    response = refresh(client, first["refresh_token"])

    assert response.status_code == 200
    second = response.get_json()
    assert set(second) == {"access_token", "refresh_token", "token_type", "expires_in", "user"}
    assert second["expires_in"] == 900
    assert second["user"]["id"] == user.id
    assert second["refresh_token"] != first["refresh_token"]
    assert me(client, second["access_token"]).status_code == 200
    # the newest refresh token rotates again
    third = refresh(client, second["refresh_token"])
    assert third.status_code == 200
    assert me(client, third.get_json()["access_token"]).status_code == 200


def test_reusing_a_rotated_refresh_token_ends_the_whole_login(client, user):
    first = login_ok(client, "alice@example.com")
    second = refresh(client, first["refresh_token"]).get_json()

    # An attacker (or a confused client) presents the rotated token again.
    assert_unauthorized(refresh(client, first["refresh_token"]))

    # Every token of that login is dead: the newest refresh token and all access tokens.
    assert_unauthorized(refresh(client, second["refresh_token"]))
    assert_unauthorized(me(client, second["access_token"]))
    assert_unauthorized(me(client, first["access_token"]))
    assert_unauthorized(client.get(f"{API}/leads", headers=bearer(second["access_token"])))
    # Logging in again works.
    assert me(client, login_ok(client, "alice@example.com")["access_token"]).status_code == 200


def test_refresh_reuse_ends_only_that_login(app, user):
    laptop, phone = app.test_client(), app.test_client()
    on_laptop = login_ok(laptop, "alice@example.com")
    on_phone = login_ok(phone, "alice@example.com")

    refresh(laptop, on_laptop["refresh_token"])
    assert_unauthorized(refresh(laptop, on_laptop["refresh_token"]))

    assert me(phone, on_phone["access_token"]).status_code == 200
    assert refresh(phone, on_phone["refresh_token"]).status_code == 200


def test_refresh_with_cookie_needs_the_csrf_header(client, user):
    login_ok(client, "alice@example.com")
    assert client.get_cookie(REFRESH_COOKIE, path="/api/v1/auth") is not None

    assert_unauthorized(client.post(f"{API}/auth/refresh"))
    assert_unauthorized(client.post(f"{API}/auth/refresh", headers={"X-CSRF-TOKEN": "forged"}))
    assert_unauthorized(client.post(f"{API}/auth/refresh", headers={"X-CSRF-TOKEN": ""}))

    response = client.post(f"{API}/auth/refresh", headers=csrf_header(client))
    assert response.status_code == 200
    body = response.get_json()
    assert me(client, body["access_token"]).status_code == 200
    # the cookie rotates with the token
    cookies = set_cookies(response)
    assert cookies[REFRESH_COOKIE]["value"] == body["refresh_token"]
    assert "httponly" in cookies[REFRESH_COOKIE]
    assert cookies[REFRESH_COOKIE]["path"] == "/api/v1/auth"
    assert client.get_cookie(REFRESH_COOKIE, path="/api/v1/auth").value == body["refresh_token"]


def test_refresh_with_cookie_rotates_and_detects_reuse(app, client, user):
    login_ok(client, "alice@example.com")
    stolen = client.get_cookie(REFRESH_COOKIE, path="/api/v1/auth").value
    stolen_csrf = client.get_cookie(CSRF_COOKIE).value

    # The browser refreshes twice; each time with the newest cookie.
    for _ in range(2):
        assert client.post(f"{API}/auth/refresh", headers=csrf_header(client)).status_code == 200
    newest_access = client.post(f"{API}/auth/refresh", headers=csrf_header(client)).get_json()[
        "access_token"
    ]

    # The thief replays the first cookie from another browser.
    thief = app.test_client()
    thief.set_cookie(REFRESH_COOKIE, stolen, path="/api/v1/auth")
    assert_unauthorized(thief.post(f"{API}/auth/refresh", headers={"X-CSRF-TOKEN": stolen_csrf}))

    # The victim's login is over too.
    assert_unauthorized(client.post(f"{API}/auth/refresh", headers=csrf_header(client)))
    assert_unauthorized(me(client, newest_access))


def test_refresh_without_any_token_answers_401(client, user):
    response = client.post(f"{API}/auth/refresh")
    assert_unauthorized(response)


def test_refresh_of_a_deactivated_user_answers_401(client, user, db):
    tokens = login_ok(client, "alice@example.com")
    user.active = False
    db.session.commit()
    assert_unauthorized(refresh(client, tokens["refresh_token"]))
    assert_unauthorized(me(client, tokens["access_token"]))


# --- logout -------------------------------------------------------------------------------


def test_logout_revokes_access_and_refresh_tokens(client, user):
    tokens = login_ok(client, "alice@example.com")
    response = client.post(f"{API}/auth/logout", headers=bearer(tokens["access_token"]))

    assert response.status_code == 204
    assert response.get_data() == b""
    assert_unauthorized(me(client, tokens["access_token"]))
    assert_unauthorized(client.get(f"{API}/leads", headers=bearer(tokens["access_token"])))
    assert_unauthorized(refresh(client, tokens["refresh_token"]))
    # logging out twice with the same token is not possible either
    assert_unauthorized(client.post(f"{API}/auth/logout", headers=bearer(tokens["access_token"])))


def test_logout_clears_the_refresh_cookie(client, user):
    login_ok(client, "alice@example.com")
    stolen = client.get_cookie(REFRESH_COOKIE, path="/api/v1/auth").value
    csrf = csrf_header(client)
    tokens = client.post(f"{API}/auth/refresh", headers=csrf).get_json()

    response = client.post(f"{API}/auth/logout", headers=bearer(tokens["access_token"]))
    assert response.status_code == 204
    assert client.get_cookie(REFRESH_COOKIE, path="/api/v1/auth") is None
    assert_unauthorized(client.post(f"{API}/auth/refresh", headers=csrf))
    # the cookie's token, replayed, is dead server-side too
    assert_unauthorized(refresh(client, tokens["refresh_token"]))
    assert_unauthorized(refresh(client, stolen))


def test_logout_ends_only_this_login(app, user):
    laptop, phone = app.test_client(), app.test_client()
    on_laptop = login_ok(laptop, "alice@example.com")
    on_phone = login_ok(phone, "alice@example.com")

    response = laptop.post(f"{API}/auth/logout", headers=bearer(on_laptop["access_token"]))
    assert response.status_code == 204
    assert_unauthorized(me(laptop, on_laptop["access_token"]))
    assert me(phone, on_phone["access_token"]).status_code == 200
    assert refresh(phone, on_phone["refresh_token"]).status_code == 200


def test_logout_needs_a_token(client, user):
    assert_unauthorized(client.post(f"{API}/auth/logout"))
    assert_unauthorized(client.post(f"{API}/auth/logout", headers=bearer("not-a-jwt")))


def test_access_tokens_from_before_a_refresh_keep_working_until_logout(client, user):
    first = login_ok(client, "alice@example.com")
    second = refresh(client, first["refresh_token"]).get_json()
    assert me(client, first["access_token"]).status_code == 200
    client.post(f"{API}/auth/logout", headers=bearer(second["access_token"]))
    assert_unauthorized(me(client, first["access_token"]))
    assert_unauthorized(refresh(client, second["refresh_token"]))


# --- login rate limit ---------------------------------------------------------------------


def _assert_rate_limited(response):
    assert_problem(response, 429)
    retry_after = response.headers.get("Retry-After")
    assert retry_after is not None
    assert 0 < int(retry_after) <= 60


def test_more_than_five_failures_for_one_account_answer_429(client, user):
    for attempt in range(5):
        assert_unauthorized(login(client, "alice@example.com", f"guess-{attempt}", addr="10.0.0.1"))
    _assert_rate_limited(login(client, "alice@example.com", "guess-5", addr="10.0.0.1"))
    # Even the right password waits: the account is locked for the window ...
    _assert_rate_limited(login(client, "alice@example.com", addr="10.0.0.1"))
    # ... whatever address it comes from, and however the email is spelled.
    _assert_rate_limited(login(client, "alice@example.com", addr="10.0.0.99"))
    _assert_rate_limited(login(client, " ALICE@example.com ", addr="10.0.0.98"))
    # Other accounts are not affected.
    make_user(email="bob@example.com")
    assert login(client, "bob@example.com", addr="10.0.0.97").status_code == 200


def test_failures_from_many_addresses_count_for_the_account(client, user):
    spellings = [
        "alice@example.com",
        "ALICE@example.com",
        " alice@example.com",
        "Alice@Example.com",
    ]
    for attempt in range(5):
        email = spellings[attempt % len(spellings)]
        assert_unauthorized(login(client, email, f"guess-{attempt}", addr=f"10.0.1.{attempt}"))
    _assert_rate_limited(login(client, "alice@example.com", "guess", addr="10.0.1.200"))


def _accounts(count: int) -> list[str]:
    emails = [f"member{n}@example.com" for n in range(count)]
    for email in emails:
        make_user(email=email)
    return emails


def test_more_than_five_failures_from_one_address_answer_429(client, user):
    emails = _accounts(6)
    for email in emails[:5]:
        assert_unauthorized(login(client, email, "guess", addr="10.0.2.1"))
    _assert_rate_limited(login(client, emails[5], "guess", addr="10.0.2.1"))
    # A real user's login from that address waits too ...
    _assert_rate_limited(login(client, "alice@example.com", addr="10.0.2.1"))
    # ... but not from another address.
    assert login(client, "alice@example.com", addr="10.0.2.2").status_code == 200


def test_forwarded_for_headers_do_not_reset_the_address_limit(client, user):
    """No proxy is trusted by default, so a client cannot pick its own address."""
    emails = _accounts(6)
    for attempt, email in enumerate(emails[:5]):
        spoofed = {"X-Forwarded-For": f"192.0.2.{attempt}", "X-Real-IP": f"192.0.2.{attempt}"}
        assert_unauthorized(login(client, email, "guess", addr="10.0.3.1", headers=spoofed))
    spoofed = {"X-Forwarded-For": "198.51.100.7"}
    _assert_rate_limited(login(client, emails[5], "guess", addr="10.0.3.1", headers=spoofed))


def test_lookalike_addresses_do_not_get_their_own_attempts(client, user):
    """Unicode lookalikes of an address must not give an attacker fresh attempts at the account."""
    lookalikes = ["àlice@example.com", "ａlice@example.com"]
    for attempt in range(5):
        assert_unauthorized(login(client, "alice@example.com", f"guess-{attempt}", addr="10.0.4.1"))
    for index, email in enumerate(lookalikes):
        response = login(client, email, addr=f"10.0.4.{10 + index}")
        assert response.status_code in (401, 429)
    _assert_rate_limited(login(client, "alice@example.com", addr="10.0.4.50"))


def test_successful_logins_are_not_counted(client, user):
    for _ in range(6):
        assert login(client, "alice@example.com", addr="10.0.5.1").status_code == 200
    for attempt in range(5):
        assert_unauthorized(login(client, "alice@example.com", f"guess-{attempt}", addr="10.0.5.1"))
    _assert_rate_limited(login(client, "alice@example.com", addr="10.0.5.1"))


def test_invalid_login_bodies_are_not_counted_as_failures(client, user):
    for _ in range(6):
        assert_problem(client.post(f"{API}/auth/login", json={"email": "alice@example.com"}), 422)
    assert login(client, "alice@example.com").status_code == 200


# --- audit of logins ----------------------------------------------------------------------


def _events(admin, **filters):
    response = admin.get(f"{API}/audit-events", query_string=filters)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert set(body) == {"items", "next_cursor"}
    return body["items"]


def test_logins_and_failed_logins_are_audited(client, user, admin):
    assert admin.get(f"{API}/users").status_code == 200  # an admin is busy meanwhile
    login_ok(client, "alice@example.com")
    login(client, "alice@example.com", "wrong-password")
    login(client, "Nobody@Example.com", "whatever")
    make_user(email="gone@example.com", active=False)
    login(client, "gone@example.com")

    logins = _events(admin, entity="user", action="login", entity_id=str(user.id))
    assert len(logins) == 1
    assert logins[0]["actor_id"] == user.id
    assert logins[0]["ip_address"] == "127.0.0.1"
    assert logins[0]["occurred_at"]

    failed = _events(admin, entity="user", action="login_failed")
    assert len(failed) == 3
    assert {e["action"] for e in failed} == {"login_failed"}
    emails = {e["changes"]["email"]["new"] for e in failed}
    assert emails == {"alice@example.com", "nobody@example.com", "gone@example.com"}
    by_email = {e["changes"]["email"]["new"]: e for e in failed}
    assert by_email["alice@example.com"]["entity_id"] == str(user.id)
    assert by_email["nobody@example.com"]["entity_id"] is None
    assert by_email["nobody@example.com"]["actor_id"] is None
    # the audit trail never holds the password that was tried
    for event in failed:
        assert "wrong-password" not in json.dumps(event)
        assert "whatever" not in json.dumps(event)

    # newest first
    assert [e["changes"]["email"]["new"] for e in failed] == [
        "gone@example.com",
        "nobody@example.com",
        "alice@example.com",
    ]


def test_audit_events_are_for_admins_only(login_as):
    for role in ("manager", "sales", "service"):
        assert_problem(login_as(role).get(f"{API}/audit-events"), 403)


def test_audit_events_need_a_login(client):
    assert_unauthorized(client.get(f"{API}/audit-events?entity=user&action=login_failed"))


# --- crm create-admin ---------------------------------------------------------------------


def test_create_admin_command_makes_an_admin_who_can_log_in(app, client, db):
    result = app.test_cli_runner().invoke(
        args=[
            "create-admin",
            "--email",
            "Root@Example.com",
            "--name",
            "Root",
            "--password",
            "a-long-password",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "root@example.com" in result.output

    tokens = login_ok(client, "root@example.com", "a-long-password")
    assert tokens["user"]["role"] == "admin"
    assert tokens["user"]["name"] == "Root"
    assert tokens["user"]["active"] is True
    users = client.get(f"{API}/users", headers=bearer(tokens["access_token"]))
    assert users.status_code == 200
    assert [u["email"] for u in users.get_json()["items"]] == ["root@example.com"]


def test_create_admin_command_refuses_short_passwords(app, client, db):
    result = app.test_cli_runner().invoke(
        args=[
            "create-admin",
            "--email",
            "root@example.com",
            "--name",
            "Root",
            "--password",
            "short",
        ]
    )
    assert result.exit_code != 0
    assert "8" in result.output
    assert_unauthorized(login(client, "root@example.com", "short"))


def test_create_admin_command_refuses_a_taken_email(app, client, user):
    result = app.test_cli_runner().invoke(
        args=[
            "create-admin",
            "--email",
            "ALICE@example.com",
            "--name",
            "Impostor",
            "--password",
            "a-long-password",
        ]
    )
    assert result.exit_code != 0
    assert "already exists" in result.output
    assert_unauthorized(login(client, "alice@example.com", "a-long-password"))
    assert login_ok(client, "alice@example.com")["user"]["role"] == "sales"


def test_create_admin_command_refuses_an_invalid_email(app, db):
    result = app.test_cli_runner().invoke(
        args=["create-admin", "--email", "root", "--name", "Root", "--password", "a-long-password"]
    )
    assert result.exit_code != 0
    assert "email" in result.output.lower()
