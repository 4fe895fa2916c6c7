"""Stable error codes: every problem+json answer names what went wrong as a code a client can
branch on, and every field message has its own code (the test client checks the whole suite
against `crm.core.error_codes`; these tests pin the codes clients rely on)."""

from __future__ import annotations

from crm.core.error_codes import ERROR_CODES, FIELD_ERROR_CODES, field_error_code
from tests.helpers import problem


def test_validation_errors_carry_a_code_per_field_message(login_as):
    rep = login_as("sales")
    response = rep.post("/api/v1/leads", json={"email": "not-an-email", "phone": "12", "x": 1})
    body = problem(response, 422)
    assert body["code"] == "validation_failed"
    assert body["type"] == "urn:crm:problem:validation_failed"
    assert body["error_codes"] == {
        "name": ["required"],
        "email": ["invalid_email"],
        "phone": ["invalid_phone"],
        "x": ["unknown_field"],
    }
    assert body["errors"]["email"] == ["Not a valid email address."]


def test_a_missing_record_names_its_kind(login_as):
    rep = login_as("sales")
    assert problem(rep.get("/api/v1/leads/999999"), 404)["code"] == "lead_not_found"
    assert problem(rep.get("/api/v1/companies/999999"), 404)["code"] == "company_not_found"
    assert problem(rep.get("/api/v1/tickets/999999"), 404)["code"] == "ticket_not_found"
    assert problem(rep.get("/api/v1/no-such-route"), 404)["code"] == "not_found"


def test_if_match_codes(login_as, make_lead):
    rep = login_as("sales")
    lead = make_lead(owner_id=rep.user.id)
    url = f"/api/v1/leads/{lead.id}"
    assert problem(rep.patch(url, json={"name": "B"}), 428)["code"] == "if_match_required"
    stale = rep.patch(url, json={"name": "B"}, headers={"If-Match": '"stale"'})
    assert problem(stale, 412)["code"] == "etag_mismatch"


def test_authentication_codes(client, login_as):
    assert problem(client.get("/api/v1/leads"), 401)["code"] == "token_missing"
    bad = client.get("/api/v1/leads", headers={"Authorization": "Bearer nonsense"})
    assert problem(bad, 401)["code"] == "token_invalid"
    rep = login_as("sales")
    wrong = client.post(
        "/api/v1/auth/login", json={"email": rep.user.email, "password": "wrong-password"}
    )
    assert problem(wrong, 401)["code"] == "login_failed"


def test_role_and_method_codes(login_as):
    service = login_as("service")
    refused = service.post("/api/v1/leads", json={"name": "A"})
    assert problem(refused, 403)["code"] in ("role_forbidden", "read_only_role")
    rep = login_as("sales")
    assert problem(rep.client.put("/api/v1/leads", json={}, headers=rep.headers), 405)["code"] == (
        "method_not_allowed"
    )


def test_unknown_query_parameter_is_coded_with_its_suggestion(login_as):
    rep = login_as("sales")
    body = problem(rep.get("/api/v1/leads?assignee=me"), 422)
    assert body["error_codes"] == {"assignee": ["unknown_field"]}


def test_codes_are_documented_in_the_openapi_problem_schema(client):
    schema = client.get("/api/openapi.json").get_json()["components"]["schemas"]["Problem"]
    assert schema["properties"]["code"]["enum"] == list(ERROR_CODES)
    field_codes = schema["properties"]["error_codes"]["additionalProperties"]["items"]
    assert field_codes["enum"] == list(FIELD_ERROR_CODES)
    assert {"type", "title", "status", "detail", "code"} <= set(schema["required"])


def test_a_message_without_its_own_code_is_invalid():
    assert field_error_code("Something nobody wrote a code for.") == "invalid"
    assert field_error_code("Length must be between 1 and 255.") == "too_long"
