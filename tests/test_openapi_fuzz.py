"""Property-based fuzzing of the whole OpenAPI document with schemathesis.

Every operation in `/api/openapi.json` is called with generated requests (valid and invalid) as a
logged-in admin, and every response must be a non-5xx answer that matches its documented schema.
Deterministic (derandomized) and bounded, so it runs in CI on SQLite and MariaDB:

    .venv/bin/pytest -q tests/test_openapi_fuzz.py
    CRM_TEST_DB=mariadb .venv/bin/pytest -q tests/test_openapi_fuzz.py
    CRM_FUZZ_EXAMPLES=200 .venv/bin/pytest -q tests/test_openapi_fuzz.py   # a longer run

Operations that end the login (logout, refresh rotation, a password change or deactivation of the
admin) are fuzzed too: the admin's login is checked before every request and renewed when it ended.
"""

from __future__ import annotations

import os
import re

import hypothesis
import pytest
import schemathesis
from flask_jwt_extended import decode_token
from hypothesis import HealthCheck
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from crm.auth import services as auth_services
from crm.core.permissions import ADMIN, ROLES
from crm.extensions import limiter
from tests.factories import (
    PASSWORD,
    CompanyFactory,
    ContactFactory,
    FollowUpFactory,
    LeadFactory,
    TeamFactory,
    UserFactory,
)
from tests.sales_helpers import sales_records
from tests.service_helpers import make_ticket

MAX_EXAMPLES = int(os.environ.get("CRM_FUZZ_EXAMPLES", "30"))
PATH_PARAMETER = re.compile(r"\{(\w+)\}")
REFRESH_SCHEME = "refreshToken"
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]


class AdminLogin:
    """The admin's tokens, renewed (as a new admin) whenever the fuzz ended the login."""

    def __init__(self, app):
        self.app = app
        self.tokens: dict = {}
        self.logins = 0

    def _log_in(self) -> None:
        with self.app.app_context():
            admin = UserFactory(role=ADMIN, name="Fuzz Admin")
            email = admin.email
        limiter.reset()  # the fuzz may have used up the failed-login budget of 127.0.0.1
        response = self.app.test_client().post(
            "/api/v1/auth/login", json={"email": email, "password": PASSWORD}
        )
        assert response.status_code == 200, response.get_json()
        self.tokens = response.get_json()
        self.logins += 1

    def _still_valid(self) -> bool:
        with self.app.app_context():
            claims = decode_token(self.tokens["access_token"])
            user = auth_services.load_active_user(claims["sub"])
            return (
                user is not None
                and user.role == ADMIN
                and not auth_services.is_token_revoked(claims)
            )

    def headers_for(self, case) -> dict[str, str]:
        if not self.tokens or not self._still_valid():
            self._log_in()
        token = self.tokens["refresh_token" if _wants_refresh_token(case) else "access_token"]
        return {"Authorization": f"Bearer {token}"}

    def observe(self, case, response) -> None:
        """Keep the rotated tokens a successful refresh answered."""
        if _wants_refresh_token(case) and response.status_code == 200:
            self.tokens = response.json()


def _wants_refresh_token(case) -> bool:
    """`POST /auth/refresh` is documented with the `refreshToken` security scheme."""
    security = case.operation.definition.raw.get("security") or []
    return any(REFRESH_SCHEME in requirement for requirement in security)


def seed_records(app) -> dict[str, list[int]]:
    """A few fresh rows for one operation to read and change (half the path ids aim at them),
    with the NULLs real data has: a lead nobody owns, a follow-up without an author."""
    with app.app_context():
        team = TeamFactory()
        users = [UserFactory(role=role, team_id=team.id) for role in ROLES if role != ADMIN]
        leads = [LeadFactory(owner_id=users[1].id) for _ in range(4)] + [LeadFactory()]
        follow_ups = [FollowUpFactory(lead_id=lead.id, author_id=users[1].id) for lead in leads[:3]]
        follow_ups.append(FollowUpFactory(lead_id=leads[0].id))  # imported: no author
        companies = [CompanyFactory(owner_id=users[1].id) for _ in range(2)] + [CompanyFactory()]
        contacts = [ContactFactory(owner_id=users[1].id, company_id=companies[0].id)]
        contacts.append(ContactFactory())
        follow_ups.append(FollowUpFactory(company_id=companies[0].id, author_id=users[1].id))
        follow_ups.append(FollowUpFactory(contact_id=contacts[0].id))
        sales = sales_records(owner_id=users[1].id)
        tickets = [
            make_ticket(assignee_id=users[2].id),
            make_ticket(company_id=companies[0].id, contact_id=contacts[0].id, status="closed"),
            make_ticket(),
        ]
        return {
            **sales,
            "user_id": [user.id for user in users],
            "lead_id": [lead.id for lead in leads],
            "follow_up_id": [follow_up.id for follow_up in follow_ups],
            "company_id": [company.id for company in companies],
            "contact_id": [contact.id for contact in contacts],
            "ticket_id": [ticket.id for ticket in tickets],
        }


@pytest.fixture
def admin_login(app, db):
    return AdminLogin(app)


@pytest.fixture
def api_schema(app, db):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app)


SETTINGS = hypothesis.settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


def _takes_if_match(operation) -> bool:
    return any(
        parameter.get("in") == "header" and parameter.get("name", "").lower() == "if-match"
        for parameter in operation.definition.raw.get("parameters", [])
    )


def cases(operation, mode: GenerationMode, records: dict[str, list[int]]):
    """Generated cases; half of them aimed at existing records, and for positive cases with
    `If-Match: *`, so updates get past 404 and 412 to the code that changes rows."""
    generated = operation.as_strategy(generation_mode=mode)
    names = [name for name in PATH_PARAMETER.findall(operation.path) if records.get(name)]
    if not names:
        return generated
    headers = {"If-Match": "*"} if mode.is_positive and _takes_if_match(operation) else None
    aimed = st.sampled_from(records[names[0]]).flatmap(
        lambda record_id: operation.as_strategy(
            generation_mode=mode, path_parameters={names[0]: record_id}, headers=headers
        )
    )
    return st.one_of(generated, aimed)


def fuzz_operation(operation, mode: GenerationMode, login: AdminLogin, records) -> None:
    # The app's test client (tests/conftest.py) runs each request in its own context, as a
    # server does; schemathesis's own WSGI client would share the test's app context.
    client = login.app.test_client()

    @SETTINGS
    @hypothesis.given(case=cases(operation, mode, records))
    def fuzz(case):
        headers = login.headers_for(case)
        response = case.call(headers=headers, session=client)
        login.observe(case, response)
        case.validate_response(response, checks=CHECKS, headers=headers)

    fuzz()


# The operations are dealt into shards, so that the test processes (pytest-xdist) share them.
SHARDS = 4


@pytest.mark.parametrize("shard", range(SHARDS))
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_answers_as_documented(app, api_schema, admin_login, subtests, mode, shard):
    results = list(api_schema.get_all_operations())
    assert len(results) > 20
    for result in results[shard::SHARDS]:
        if isinstance(result, Err):  # the document itself is broken for this operation
            error = result.err()
            with subtests.test(msg=f"{(error.method or '').upper()} {error.path}"):
                pytest.fail(f"schemathesis cannot use this operation: {error}")
            continue
        operation = result.ok()
        with subtests.test(msg=operation.label):
            fuzz_operation(operation, mode, admin_login, seed_records(app))
