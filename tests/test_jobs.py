"""Background jobs: state through `/api/v1/jobs`, batches committed with their checkpoint,
failures in the caller's language, cancellation between batches, recovery of a job whose worker
died and its retry from the checkpoint; the inline, thread and RQ runners."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import uuid
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from crm.core import jobs
from crm.core.audit import AuditEvent, record
from crm.core.exceptions import NotFound
from crm.core.i18n import N_
from crm.core.unit_of_work import transaction
from crm.extensions import db
from tests.helpers import problem

REDIS_URL = os.environ.get("CRM_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@jobs.job_handler("tests.batches")
def _write_batches(ctx: jobs.JobContext):
    """Writes one audit event per batch, resuming after the checkpoint."""
    start = (ctx.checkpoint or {}).get("next", 0)
    total = ctx.params["batches"]
    for batch in range(start, total):
        record("job_batch", "test", batch, actor_id=ctx.user.id)
        if ctx.params.get("cancel_at") == batch:
            jobs._update(ctx.job_id, cancel_requested=True)  # as POST /cancel would
        ctx.commit_batch(checkpoint={"next": batch + 1})
        ctx.progress(100 * (batch + 1) / total, f"Batch {batch + 1} of {total}")
    return {"batches": total, "resumed_at": start}


@jobs.job_handler("tests.not_found")
def _refuse(ctx: jobs.JobContext):
    record("job_batch", "test", 0, actor_id=ctx.user.id)
    raise NotFound(N_("No such job."), code="job_not_found")


@jobs.job_handler("tests.crash")
def _crash(ctx: jobs.JobContext):
    raise ZeroDivisionError


def start(app, kind, user, **params) -> int:
    """Enqueue a job as a request would: in a transaction, dispatched when it commits."""
    with app.test_request_context(headers={"Accept-Language": "en"}), transaction():
        job_id = jobs.enqueue(kind, params=params, user=user).id
    return job_id


def batches_written() -> int:
    db.session.commit()
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(AuditEvent).where(AuditEvent.action == "job_batch")
    )


def set_job(job_id: int, **values) -> None:
    db.session.execute(sa.update(jobs.Job).where(jobs.Job.id == job_id).values(**values))
    db.session.commit()


def test_a_job_runs_in_batches_and_answers_its_result(app, login_as):
    rep = login_as("sales")
    job_id = start(app, "tests.batches", rep.user, batches=3)

    job = rep.get(f"/api/v1/jobs/{job_id}").get_json()
    assert job["status"] == "succeeded"
    assert job["progress"] == 100
    assert job["result"] == {"batches": 3, "resumed_at": 0}
    assert job["kind"] == "tests.batches"
    assert job["started_at"] and job["finished_at"]
    assert batches_written() == 3
    assert [j["id"] for j in rep.get("/api/v1/jobs?status=succeeded").get_json()["items"]] == [
        job_id
    ]


def test_only_its_user_and_admins_see_a_job(app, login_as):
    rep, other, admin = login_as("sales"), login_as("sales"), login_as("admin")
    job_id = start(app, "tests.batches", rep.user, batches=1)

    assert problem(other.get(f"/api/v1/jobs/{job_id}"), 404)["code"] == "job_not_found"
    assert problem(other.post(f"/api/v1/jobs/{job_id}/cancel"), 404)["code"] == "job_not_found"
    assert other.get("/api/v1/jobs").get_json()["items"] == []
    assert admin.get(f"/api/v1/jobs/{job_id}").status_code == 200


def test_a_refused_job_fails_with_its_message_in_the_callers_language(app, login_as):
    rep = login_as("sales")
    job_id = start(app, "tests.not_found", rep.user)

    english = rep.get(f"/api/v1/jobs/{job_id}").get_json()
    chinese = rep.get(f"/api/v1/jobs/{job_id}", headers={"Accept-Language": "zh-CN"}).get_json()
    assert english["status"] == "failed"
    assert english["error_code"] == "job_not_found"
    assert english["message"] == "No such job."
    assert chinese["message"] != english["message"]
    assert batches_written() == 0  # the failed job's uncommitted writes are gone


def test_an_unexpected_error_fails_the_job_with_a_generic_message(app, login_as):
    rep = login_as("sales")
    job = rep.get(f"/api/v1/jobs/{start(app, 'tests.crash', rep.user)}").get_json()
    assert job["status"] == "failed"
    assert job["error_code"] == "job_failed"
    assert "unexpected error" in job["message"]


def test_cancel_stops_a_running_job_between_batches(app, login_as):
    rep = login_as("sales")
    job_id = start(app, "tests.batches", rep.user, batches=5, cancel_at=1)

    job = rep.get(f"/api/v1/jobs/{job_id}").get_json()
    assert job["status"] == "cancelled"
    assert batches_written() == 2  # batches 0 and 1 were committed whole, nothing after

    retried = rep.post(f"/api/v1/jobs/{job_id}/retry")
    assert retried.status_code == 202
    job = rep.get(f"/api/v1/jobs/{job_id}").get_json()
    assert job["status"] == "succeeded"
    assert job["result"] == {"batches": 5, "resumed_at": 2}
    assert batches_written() == 5


def test_a_queued_job_is_cancelled_at_once_and_an_ended_one_cannot_be(app, login_as):
    rep = login_as("sales")
    job_id = start(app, "tests.batches", rep.user, batches=1)
    assert problem(rep.post(f"/api/v1/jobs/{job_id}/cancel"), 409)["code"] == "job_finished"
    assert problem(rep.post(f"/api/v1/jobs/{job_id}/retry"), 409)["code"] == "job_not_retryable"

    set_job(job_id, status="queued", finished_at=None)
    job = rep.post(f"/api/v1/jobs/{job_id}/cancel").get_json()
    assert job["status"] == "cancelled"
    assert job["cancel_requested"] is True

    set_job(job_id, status="running")
    job = rep.post(f"/api/v1/jobs/{job_id}/cancel").get_json()
    assert job["status"] == "running"  # the handler stops at its next batch
    assert job["cancel_requested"] is True


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])  # noqa: S607
    process.wait()
    return process.pid


def test_a_job_whose_worker_died_fails_and_its_retry_resumes_from_the_checkpoint(app, login_as):
    rep = login_as("sales")
    job_id = start(app, "tests.batches", rep.user, batches=4, cancel_at=1)
    assert batches_written() == 2
    # As a worker killed after its second batch leaves it: running, checkpoint after batch 1.
    set_job(
        job_id,
        status="running",
        worker=f"{socket.gethostname()}:{_dead_pid()}",
        cancel_requested=False,
        finished_at=None,
    )

    job = rep.get(f"/api/v1/jobs/{job_id}").get_json()
    assert job["status"] == "failed"
    assert job["error_code"] == "job_interrupted"
    assert "interrupted" in job["message"]

    assert rep.post(f"/api/v1/jobs/{job_id}/retry").status_code == 202
    job = rep.get(f"/api/v1/jobs/{job_id}").get_json()
    assert job["status"] == "succeeded"
    assert job["result"] == {"batches": 4, "resumed_at": 2}
    assert job["attempts"] == 2
    assert batches_written() == 4  # no batch twice


def test_a_running_job_without_heartbeat_is_taken_as_interrupted(app, login_as):
    rep = login_as("sales")
    job_id = start(app, "tests.batches", rep.user, batches=1)
    long_ago = datetime(2020, 1, 1, tzinfo=UTC)
    set_job(job_id, status="running", worker="elsewhere:1", heartbeat_at=long_ago)

    items = rep.get("/api/v1/jobs").get_json()["items"]
    assert items[0]["status"] == "failed"
    assert items[0]["error_code"] == "job_interrupted"


def test_the_thread_runner_runs_a_job_beside_the_request(make_app, login_as):
    threaded = make_app(JOBS_BACKEND="thread")
    rep = login_as("sales")
    with threaded.app_context():
        job_id = start(threaded, "tests.batches", rep.user, batches=2)
    for runner in threading.enumerate():
        if runner.name == f"crm-job-{job_id}":
            runner.join(timeout=30)
    job = rep.get(f"/api/v1/jobs/{job_id}").get_json()
    assert job["status"] == "succeeded"
    assert batches_written() == 2


@pytest.fixture
def rq_app(make_app):
    return make_app(JOBS_BACKEND="rq", REDIS_URL=REDIS_URL, JOBS_QUEUE=f"crm-{uuid.uuid4().hex}")


def test_the_rq_runner_queues_on_redis_for_the_worker(rq_app, login_as):
    from rq import SimpleWorker

    rep = login_as("sales")
    with rq_app.app_context():
        job_id = start(rq_app, "tests.batches", rep.user, batches=2)
        assert rep.get(f"/api/v1/jobs/{job_id}").get_json()["status"] == "queued"
        queue = jobs.rq_queue(rq_app)
        SimpleWorker([queue], connection=queue.connection).work(burst=True)
        queue.delete(delete_jobs=True)
    job = rep.get(f"/api/v1/jobs/{job_id}").get_json()
    assert job["status"] == "succeeded"
    assert job["result"] == {"batches": 2, "resumed_at": 0}


def test_an_unreachable_queue_fails_the_job_with_a_clear_message(make_app, login_as):
    down = make_app(JOBS_BACKEND="rq", REDIS_URL="redis://127.0.0.1:1/0")
    rep = login_as("sales")
    with down.app_context():
        job_id = start(down, "tests.batches", rep.user, batches=1)
    job = rep.get(f"/api/v1/jobs/{job_id}").get_json()
    assert job["status"] == "failed"
    assert "queue" in job["message"]
    assert rep.post(f"/api/v1/jobs/{job_id}/retry").status_code == 202
    assert rep.get(f"/api/v1/jobs/{job_id}").get_json()["status"] == "succeeded"
