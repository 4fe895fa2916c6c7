"""Assertions and HTTP shortcuts shared by the API test files."""

from __future__ import annotations

from datetime import UTC, datetime

PROBLEM = "application/problem+json"


def problem(response, status: int) -> dict:
    """Assert an RFC 9457 problem with `status` and return its body."""
    assert response.status_code == status, (response.status_code, response.get_data(as_text=True))
    assert response.mimetype == PROBLEM, response.mimetype
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["detail"]
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def field_errors(response, *fields: str) -> dict:
    """Assert a 422 whose `errors` name each of `fields` with at least one message."""
    errors = problem(response, 422).get("errors") or {}
    for field in fields:
        assert field in errors, errors
        assert errors[field] and all(isinstance(m, str) and m for m in errors[field]), errors
    return errors


def utc_time(value: str) -> datetime:
    """An ISO 8601 time carrying a UTC offset."""
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    assert parsed.utcoffset() is not None and parsed.utcoffset().total_seconds() == 0, value
    return parsed


def created_just_now(record: dict) -> datetime:
    """Assert the record's `created_at` is a UTC time less than a minute ago and its `updated_at`
    (where it has one) no earlier; return `created_at`."""
    created = utc_time(record["created_at"])
    assert abs((datetime.now(UTC) - created).total_seconds()) < 60, record["created_at"]
    if "updated_at" in record:
        assert utc_time(record["updated_at"]) >= created, record["updated_at"]
    return created


def record_of(answer: dict) -> dict:
    """A create or update answer without its `duplicates` hint: the record as GET shows it."""
    return {k: v for k, v in answer.items() if k != "duplicates"}


def reads_back(api, path: str, record: dict, response) -> None:
    """Assert GET `path` answers 200 with exactly `record`, under the ETag `response` carried
    (the answer of the create or update that wrote it). The `duplicates` hint of a create or
    update answer is not part of the record."""
    again = api.get(path)
    assert again.status_code == 200, again.get_json()
    assert again.get_json() == record_of(record)
    assert again.headers["ETag"] == response.headers["ETag"]


def refused_on_each_field(api, collection: str, path: str, wrong_values) -> None:
    """Each `(field, value)` is a 422 naming that field, both in a new record POSTed to
    `collection` (named "Typed") and in a PATCH of the record at `path`."""
    for field, value in wrong_values:
        created = api.post(collection, json={"name": "Typed", field: value})
        assert created.status_code == 422, (field, value, created.get_json())
        field_errors(created, field)
        changed = patch(api, path, {field: value})
        assert changed.status_code == 422, (field, value, changed.get_json())
        field_errors(changed, field)


def etag(api, path: str) -> str:
    """The ETag of the resource at `path` (200 asserted)."""
    response = api.get(path)
    assert response.status_code == 200, response.get_json()
    return response.headers["ETag"]


def patch(api, path: str, body, *, if_match: str | None = "auto"):
    """PATCH `path` with the resource's current ETag ("auto"), a given one, or none."""
    headers = {}
    if if_match == "auto":
        headers["If-Match"] = etag(api, path)
    elif if_match is not None:
        headers["If-Match"] = if_match
    return api.patch(path, json=body, headers=headers)
