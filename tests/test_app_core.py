"""The application shell: problem+json errors, health, OpenAPI docs offline, the SPA fallback."""

from __future__ import annotations

import pytest

from crm import create_app
from tests.helpers import PROBLEM


def assert_problem(response, status):
    assert response.status_code == status
    assert response.content_type == PROBLEM
    body = response.get_json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"]
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def test_unknown_api_path_is_a_problem_not_html(client):
    assert_problem(client.get("/api/v1/no-such-thing"), 404)
    assert_problem(client.post("/api/v1/no-such-thing", json={}), 404)


def test_wrong_method_is_405_with_allow_header(login_as):
    rep = login_as("sales")
    response = rep.client.put("/api/v1/leads", json={}, headers=rep.headers)
    assert_problem(response, 405)
    assert "GET" in response.headers["Allow"]


def test_missing_token_is_401_problem(client):
    response = client.get("/api/v1/leads")
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_non_json_body_is_415(login_as):
    rep = login_as("sales")
    response = rep.post(
        "/api/v1/leads",
        data="name=x",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert_problem(response, 415)


def test_malformed_json_is_400(login_as):
    rep = login_as("sales")
    response = rep.post(
        "/api/v1/leads", data="{not json", headers={"Content-Type": "application/json"}
    )
    assert_problem(response, 400)


def test_oversized_body_is_413(login_as):
    rep = login_as("sales")
    response = rep.post("/api/v1/leads", json={"name": "x", "description": "a" * 2_000_000})
    assert_problem(response, 413)


def test_validation_errors_are_listed_per_field(login_as):
    rep = login_as("sales")
    response = rep.post("/api/v1/leads", json={"email": "nope", "source": "tv", "extra": 1})
    body = assert_problem(response, 422)
    assert set(body["errors"]) == {"name", "email", "source", "extra"}
    assert all(isinstance(m, list) and m for m in body["errors"].values())


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/v1/tickets?assignee=me", "Unknown field. Did you mean assignee_id?"),
        ("/api/v1/tickets?breached=1", "Unknown field. Did you mean sla_breached?"),
        ("/api/v1/companies?q=x&limt=5", "Unknown field. Did you mean limit?"),
        ("/api/v1/leads?page=2", "Unknown field."),
    ],
)
def test_unknown_query_parameters_are_refused_not_ignored(login_as, path, message):
    """A misspelt filter would otherwise match everything; the answer names the real one."""
    admin = login_as("admin")
    body = assert_problem(admin.get(path), 422)
    unknown = path.rsplit("&", 1)[-1].split("?")[-1].split("=")[0]
    assert body["errors"] == {unknown: [message]}


def test_unexpected_error_is_500_problem_without_traceback(app, tmp_path):
    other = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "INSTANCE_PATH": str(tmp_path),
            "SECRET_KEY": "x" * 40,
        }
    )

    def explode():
        raise RuntimeError("secret internals")

    other.add_url_rule("/api/v1/explode", view_func=explode)
    response = other.test_client().get("/api/v1/explode")
    body = assert_problem(response, 500)
    assert "secret internals" not in response.get_data(as_text=True)
    assert body["title"] == "Internal Server Error"


def test_health_is_public_and_reports_both_stores(client):
    response = client.get("/api/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["database"]["status"] == "ok"
    assert body["attachments"]["status"] == "ok"


def test_openapi_document_describes_the_api(client):
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    for path in (
        "/api/v1/auth/login",
        "/api/v1/leads",
        "/api/v1/leads/{lead_id}",
        "/api/v1/leads/{lead_id}/follow-ups",
        "/api/v1/follow-ups/{follow_up_id}",
        "/api/v1/users",
        "/api/v1/audit-events",
    ):
        assert path in spec["paths"], path
    lead = spec["components"]["schemas"]["Lead"]
    assert lead["properties"]["id"]["readOnly"] is True
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_docs_page_works_offline(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/api/docs/assets/swagger-ui-bundle.js" in html
    assert "https://" not in html and "http://" not in html.replace("http://127", "")
    asset = client.get("/api/docs/assets/swagger-ui-bundle.js")
    assert asset.status_code == 200
    assert len(asset.data) > 100_000


@pytest.fixture
def spa_app(app, tmp_path):
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><div id=root>SPA</div>")
    (dist / "assets" / "app.js").write_text("console.log('spa')")
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "INSTANCE_PATH": str(tmp_path),
            "SECRET_KEY": "x" * 40,
            "FRONTEND_DIST": str(dist),
        }
    )


def test_spa_is_served_with_history_fallback(spa_app):
    client = spa_app.test_client()
    assert "SPA" in client.get("/").get_data(as_text=True)
    reload = client.get("/leads/42")
    assert reload.status_code == 200 and "SPA" in reload.get_data(as_text=True)
    assert client.get("/assets/app.js").get_data(as_text=True) == "console.log('spa')"
    assert_problem(client.get("/api/v1/leads/42/nothing"), 404)


def test_patch_without_a_body_is_400(login_as):
    rep = login_as("sales")
    created = rep.post("/api/v1/leads", json={"name": "Empty patch"})
    response = rep.patch(
        f"/api/v1/leads/{created.get_json()['id']}", headers={"If-Match": created.headers["ETag"]}
    )
    assert_problem(response, 400)
