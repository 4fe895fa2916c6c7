"""`Idempotency-Key` on POST: an integrator's retry never creates a duplicate."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from crm.core.idempotency import IdempotencyKey
from crm.core.types import utcnow


def _lead_count(api):
    return len(api.get("/api/v1/leads?limit=200").get_json()["items"])


def test_retried_post_with_the_same_key_creates_one_lead(login_as):
    rep = login_as("sales")
    headers = {"Idempotency-Key": "erp-batch-7-row-1"}
    first = rep.post("/api/v1/leads", json={"name": "Retry Ltd"}, headers=headers)
    second = rep.post("/api/v1/leads", json={"name": "Retry Ltd"}, headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.get_json() == first.get_json()
    assert second.headers["ETag"] == first.headers["ETag"]
    assert second.headers["Idempotent-Replayed"] == "true"
    assert _lead_count(rep) == 1


def test_same_key_with_another_body_is_refused(login_as):
    rep = login_as("sales")
    headers = {"Idempotency-Key": "k-1"}
    assert rep.post("/api/v1/leads", json={"name": "A"}, headers=headers).status_code == 201
    reused = rep.post("/api/v1/leads", json={"name": "B"}, headers=headers)
    assert reused.status_code == 422
    assert reused.content_type == "application/problem+json"
    assert _lead_count(rep) == 1


def test_keys_are_scoped_to_the_caller(login_as):
    one, other = login_as("sales"), login_as("sales")
    headers = {"Idempotency-Key": "shared-key"}
    assert one.post("/api/v1/leads", json={"name": "A"}, headers=headers).status_code == 201
    response = other.post("/api/v1/leads", json={"name": "A"}, headers=headers)
    assert response.status_code == 201
    assert "Idempotent-Replayed" not in response.headers
    assert response.get_json()["owner_id"] == other.user.id


def test_without_a_key_each_post_creates(login_as):
    rep = login_as("sales")
    rep.post("/api/v1/leads", json={"name": "A"})
    rep.post("/api/v1/leads", json={"name": "A"})
    assert _lead_count(rep) == 2


def test_a_key_left_in_progress_by_a_dead_worker_is_free_after_an_hour(login_as, db):
    rep = login_as("sales")
    headers = {"Idempotency-Key": "crashed"}
    assert rep.post("/api/v1/leads", json={"name": "A"}, headers=headers).status_code == 201
    # As if the worker had died before storing its answer.
    stuck = db.session.scalar(sa.select(IdempotencyKey).where(IdempotencyKey.key == "crashed"))
    stuck.status_code = None
    db.session.commit()
    assert rep.post("/api/v1/leads", json={"name": "A"}, headers=headers).status_code == 409

    stuck.created_at = utcnow() - timedelta(minutes=61)
    db.session.commit()
    retried = rep.post("/api/v1/leads", json={"name": "A"}, headers=headers)
    assert retried.status_code == 201
    assert "Idempotent-Replayed" not in retried.headers
