"""A real `crm worker` (RQ on Redis) killed in the middle of an import: the job is failed and
retryable, only whole batches were stored, and the retry finishes the import without doing a
batch twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

from crm.core.jobs import Job
from crm.extensions import db
from tests.conftest import ApiClient
from tests.import_helpers import IMPORTS, ok, upload
from tests.test_jobs import REDIS_URL

ROWS, BATCH = 300, 5
CRM = str(Path(sys.executable).parent / "crm")


def _worker(app, *args: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "INSTANCE_PATH": app.config["INSTANCE_PATH"],
        "SECRET_KEY": app.config["SECRET_KEY"],
        "REDIS_URL": app.config["REDIS_URL"],
        "JOBS_BACKEND": "rq",
        "JOBS_QUEUE": app.config["JOBS_QUEUE"],
        "IMPORT_BATCH_SIZE": str(BATCH),
        "MONGODB_URI": "",
    }
    return subprocess.Popen(  # noqa: S603 - our own command
        [CRM, "worker", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def _job(job_id: int) -> Job:
    db.session.commit()  # a fresh snapshot (REPEATABLE READ on MariaDB)
    return db.session.get(Job, job_id, populate_existing=True)


def _leads() -> tuple[int, int]:
    db.session.commit()
    return db.session.execute(
        sa.text("SELECT COUNT(*), COUNT(DISTINCT email) FROM leads WHERE deleted_at IS NULL")
    ).one()


def test_a_worker_killed_mid_import_leaves_whole_batches_and_a_retryable_job(make_app, login_as):
    queue = f"crm-test-{uuid.uuid4().hex[:8]}"
    rq_app = make_app(
        JOBS_BACKEND="rq", REDIS_URL=REDIS_URL, JOBS_QUEUE=queue, IMPORT_BATCH_SIZE=BATCH
    )
    admin = login_as("admin")
    api = ApiClient(rq_app.test_client(), admin.user, admin.tokens)
    # Names unlike each other, so that no row is a possible duplicate of another.
    lines = ["name,email,company_name"] + [
        f"{uuid.uuid4().hex[:10]},lead{n}@example.com,{uuid.uuid4().hex[:12]}" for n in range(ROWS)
    ]
    imp = upload(api, "\n".join(lines).encode(), "leads.csv", "leads")
    job_id = ok(api.post(f"{IMPORTS}/{imp['id']}/commit"), 202)["id"]

    worker = _worker(rq_app)
    try:
        deadline = time.monotonic() + 120
        while _job(job_id).checkpoint is None:  # its first batch is committed
            assert worker.poll() is None, worker.stderr.read().decode()
            assert time.monotonic() < deadline, "the worker did not start the job"
            time.sleep(0.02)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    finally:
        if worker.poll() is None:
            worker.kill()

    created, distinct = _leads()
    assert 0 < created < ROWS, "the job should have been killed while running"
    assert created % BATCH == 0 and distinct == created  # whole batches only

    job = ok(api.get(f"/api/v1/jobs/{job_id}"))
    assert job["status"] == "failed"
    assert job["error_code"] == "job_interrupted"
    assert ok(api.get(f"{IMPORTS}/{imp['id']}"))["status"] != "imported"

    assert ok(api.post(f"/api/v1/jobs/{job_id}/retry"), 202)["status"] == "queued"
    burst = _worker(rq_app, "--burst")
    assert burst.wait(timeout=300) == 0, burst.stderr.read().decode()

    job = ok(api.get(f"/api/v1/jobs/{job_id}"))
    assert job["status"] == "succeeded", job
    assert job["attempts"] == 2
    assert _leads() == (ROWS, ROWS)  # every row once: no batch was done twice
    done = ok(api.get(f"{IMPORTS}/{imp['id']}"))
    assert done["status"] == "imported"
    assert done["counts"]["created"] == ROWS
