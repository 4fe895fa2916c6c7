"""Assertions shared by the API test files."""

from __future__ import annotations

PROBLEM = "application/problem+json"


def problem(response, status: int) -> dict:
    """Assert an RFC 9457 problem with `status` and return its body."""
    assert response.status_code == status, (response.status_code, response.get_data(as_text=True))
    assert response.mimetype == PROBLEM, response.mimetype
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["detail"]
    assert "Traceback" not in response.get_data(as_text=True)
    return body
