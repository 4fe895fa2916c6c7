"""Background jobs: long work (imports, scans, exports, merges) outside the request.

A job is a row in `jobs` (the truth about it: status, progress, message, result, checkpoint) and a
handler registered by kind with `@job_handler`. A request `enqueue`s a job inside its own
transaction; the job is handed to a runner only after that transaction commits, so a runner never
sees a job whose request was rolled back. The runner is chosen by `JOBS_BACKEND`:

- `rq`: an RQ queue on `REDIS_URL`, worked by `crm worker` (the default when `REDIS_URL` is set);
- `thread`: a thread of the web process (the embedded default, no Redis needed);
- `inline`: right after the commit, in the committing thread (tests: a job is done when its
  request answers).

A handler commits its work in batches with `JobContext.commit_batch`, which stores the batch and
the job's checkpoint in one transaction: a job interrupted by a crash has committed whole batches
only, and its retry resumes from the checkpoint. Progress and heartbeats are written on their own
connection, so they never commit half a batch. A running job whose heartbeat stops (its worker was
killed) is marked failed when it is next looked at, and can be retried.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy.orm import Mapped, Session, mapped_column

from crm.core.errors import STATUS_DETAILS
from crm.core.exceptions import Conflict, DomainError
from crm.core.i18n import N_, current_language
from crm.core.types import UTCDateTime, utcnow
from crm.extensions import db

log = logging.getLogger(__name__)

QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED = (
    "queued",
    "running",
    "succeeded",
    "failed",
    "cancelled",
)
STATUSES = (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED)
FINISHED = (SUCCEEDED, FAILED, CANCELLED)

UNEXPECTED_FAILURE = N_(
    "The job stopped because of an unexpected error. Retry it; if it fails again, tell your "
    "administrator."
)
INTERRUPTED = N_("The job was interrupted (its worker stopped). Retry it to continue.")
QUEUE_DOWN = N_("The job queue cannot be reached. Retry the job later.")


class Job(db.Model):
    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(60))
    status: Mapped[str] = mapped_column(sa.String(16), default=QUEUED)
    progress: Mapped[int] = mapped_column(sa.SmallInteger, default=0)
    # English source text; answered in the caller's language (`crm.core.i18n.translate`).
    message: Mapped[str | None] = mapped_column(sa.String(500))
    error_code: Mapped[str | None] = mapped_column(sa.String(60))
    params: Mapped[dict] = mapped_column(sa.JSON)
    result: Mapped[dict | None] = mapped_column(sa.JSON)
    checkpoint: Mapped[dict | None] = mapped_column(sa.JSON)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    locale: Mapped[str] = mapped_column(sa.String(16))
    ip_address: Mapped[str | None] = mapped_column(sa.String(45))
    cancel_requested: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    attempts: Mapped[int] = mapped_column(sa.SmallInteger, default=0)
    worker: Mapped[str | None] = mapped_column(sa.String(120))
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = db.relationship("User")  # noqa: F821 (the auth domain's User, by name)

    __table_args__ = (
        sa.Index("ix_jobs_user_id_id", "user_id", "id"),
        sa.Index("ix_jobs_status_heartbeat_at", "status", "heartbeat_at"),
    )


class JobCancelled(Exception):
    """Raised inside a handler, between batches, when the job's cancellation was asked."""


@dataclass(frozen=True)
class _Handler:
    kind: str
    run: Callable[[JobContext], dict | None]


_handlers: dict[str, _Handler] = {}


def job_handler(kind: str):
    """Register `run(ctx) -> result` as the handler of jobs of `kind`."""

    def decorator(run):
        if kind in _handlers and _handlers[kind].run is not run:
            raise RuntimeError(f"two handlers for job kind {kind!r}")
        _handlers[kind] = _Handler(kind, run)
        return run

    return decorator


# --- enqueueing ------------------------------------------------------------------------------

_PENDING = "crm_jobs_to_dispatch"


def enqueue(kind: str, *, params: dict, user) -> Job:
    """Add a job to the current transaction; it is dispatched once that transaction commits."""
    if kind not in _handlers:
        raise RuntimeError(f"no handler for job kind {kind!r}")
    job = Job(
        kind=kind,
        params=params,
        user_id=user.id,
        locale=current_language() if has_request_context() else "en-US",
        ip_address=request.remote_addr if has_request_context() else None,
    )
    db.session.add(job)
    db.session.flush()
    _schedule_dispatch(job.id)
    return job


def _schedule_dispatch(job_id: int) -> None:
    db.session.info.setdefault(_PENDING, []).append(job_id)


@sa.event.listens_for(Session, "after_commit")
def _dispatch_committed(session: Session) -> None:
    for job_id in session.info.pop(_PENDING, []):
        dispatch(job_id)


@sa.event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, _previous_transaction) -> None:
    session.info.pop(_PENDING, None)


def backend_name(app: Flask) -> str:
    return app.config["JOBS_BACKEND"] or ("rq" if app.config.get("REDIS_URL") else "thread")


def dispatch(job_id: int) -> None:
    """Hand a committed, queued job to the configured runner."""
    app = current_app._get_current_object()
    backend = backend_name(app)
    if backend == "inline":
        _execute(app, job_id)
    elif backend == "thread":
        threading.Thread(
            target=_execute, args=(app, job_id), name=f"crm-job-{job_id}", daemon=True
        ).start()
    else:
        try:
            rq_queue(app).enqueue_call(
                "crm.core.jobs.perform",
                args=(job_id,),
                timeout=app.config["JOB_TIMEOUT_SECONDS"],
                result_ttl=0,
                failure_ttl=7 * 24 * 3600,
            )
        except Exception:
            log.exception("Could not queue job %s", job_id)
            _update(job_id, status=FAILED, message=QUEUE_DOWN, finished_at=utcnow())


def rq_queue(app: Flask):
    from redis import Redis
    from rq import Queue

    connection = Redis.from_url(app.config["REDIS_URL"])
    return Queue(app.config["JOBS_QUEUE"], connection=connection)


def perform(job_id: int) -> None:
    """The RQ entry point: runs in `crm worker`, which keeps the app context pushed."""
    _execute(current_app._get_current_object(), job_id)


# --- running ---------------------------------------------------------------------------------


def _worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _update(job_id: int, **values: Any) -> int:
    """Write job columns on a connection of their own (never inside a handler's batch)."""
    with db.engine.begin() as connection:
        return connection.execute(sa.update(Job).where(Job.id == job_id).values(**values)).rowcount


def _claim(job_id: int) -> bool:
    now = utcnow()
    return (
        _update_where(
            job_id,
            Job.status == QUEUED,
            status=RUNNING,
            worker=_worker_name(),
            started_at=now,
            heartbeat_at=now,
            attempts=Job.attempts + 1,
        )
        == 1
    )


def _update_where(job_id: int, condition, **values: Any) -> int:
    with db.engine.begin() as connection:
        return connection.execute(
            sa.update(Job).where(Job.id == job_id, condition).values(**values)
        ).rowcount


class JobContext:
    """What a handler is given: its parameters, its user, its checkpoint, and the means to
    commit a batch and report progress."""

    def __init__(self, job: Job):
        self.job_id = job.id
        self.kind = job.kind
        self.params: dict = dict(job.params or {})
        self.checkpoint: dict | None = job.checkpoint
        self.user = job.user  # the auth domain's User: who started the job

    def commit_batch(self, checkpoint: dict | None = None) -> None:
        """Commit the writes of this batch together with the checkpoint to resume from; then
        stop (`JobCancelled`) if the job's cancellation was asked meanwhile."""
        if checkpoint is not None:
            db.session.execute(
                sa.update(Job).where(Job.id == self.job_id).values(checkpoint=checkpoint)
            )
            self.checkpoint = checkpoint
        db.session.commit()
        self.check_cancelled()

    def progress(self, percent: float, message: str | None = None) -> None:
        values: dict[str, Any] = {
            "progress": max(0, min(99, int(percent))),
            "heartbeat_at": utcnow(),
        }
        if message is not None:
            values["message"] = message[:500]
        _update(self.job_id, **values)

    def check_cancelled(self) -> None:
        with db.engine.connect() as connection:
            asked = connection.execute(
                sa.select(Job.cancel_requested).where(Job.id == self.job_id)
            ).scalar_one()
        if asked:
            raise JobCancelled


class _Heartbeat:
    """Tells, every few seconds, that the job's worker is alive."""

    def __init__(self, app: Flask, job_id: int):
        self._app, self._job_id = app, job_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"crm-job-{job_id}-beat")

    def __enter__(self):
        # Not on SQLite: a write from a second connection while the handler's batch holds the
        # database would lock them against each other. There, progress() between batches is the
        # heartbeat, and a dead worker is found by its process id (SQLite is one machine).
        self._enabled = db.engine.dialect.name != "sqlite"
        if self._enabled:
            self._thread.daemon = True
            self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self._enabled:
            self._thread.join()

    def _beat(self) -> None:
        interval = self._app.config["JOB_HEARTBEAT_SECONDS"]
        with self._app.app_context():
            while not self._stop.wait(interval):
                try:
                    _update(self._job_id, heartbeat_at=utcnow())
                except sa.exc.SQLAlchemyError:  # busy database: the next beat will do
                    log.warning("Job %s: heartbeat not written", self._job_id)


def _execute(app: Flask, job_id: int) -> None:
    """Run one job in a context of its own: its session, its user, its caller's language."""
    with app.app_context():
        if not _claim(job_id):
            return  # cancelled before it started, or taken by another worker
        job = db.session.get(Job, job_id)
        locale, ip_address = job.locale, job.ip_address
        db.session.remove()
    environ = {"REMOTE_ADDR": ip_address} if ip_address else {}
    with (
        app.app_context(),
        app.test_request_context(
            f"/jobs/{job_id}", headers={"Accept-Language": locale}, environ_base=environ
        ),
        _Heartbeat(app, job_id),
    ):
        try:
            _run_handler(job_id)
        finally:
            db.session.remove()


def _run_handler(job_id: int) -> None:
    job = db.session.get(Job, job_id)
    handler = _handlers.get(job.kind)
    g.current_user = job.user
    outcome: dict[str, Any]
    try:
        if handler is None:
            raise RuntimeError(f"no handler for job kind {job.kind!r}")
        result = handler.run(JobContext(job))
    except JobCancelled:
        db.session.rollback()
        outcome = {"status": CANCELLED, "message": N_("Cancelled.")}
    except DomainError as error:
        db.session.rollback()
        detail = error.detail or STATUS_DETAILS.get(error.status, UNEXPECTED_FAILURE)
        outcome = {"status": FAILED, "message": detail, "error_code": error.code}
    except Exception:
        db.session.rollback()
        log.exception("Job %s (%s) failed", job_id, job.kind if job else "?")
        outcome = {"status": FAILED, "message": UNEXPECTED_FAILURE, "error_code": "job_failed"}
    else:
        db.session.commit()
        outcome = {"status": SUCCEEDED, "progress": 100, "result": result, "message": None}
    _update(job_id, finished_at=utcnow(), heartbeat_at=None, **outcome)


# --- what the API does with jobs --------------------------------------------------------------


def _dead_local_worker(job: Job) -> bool:
    """A running job whose worker was a process of this machine that no longer exists."""
    if job.status != RUNNING or not job.worker:
        return False
    host, _, pid = job.worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _fail_interrupted(*conditions) -> int:
    # In the caller's transaction: its own later reads see the change (REPEATABLE READ).
    return db.session.execute(
        sa.update(Job)
        .where(Job.status == RUNNING, *conditions)
        .values(
            status=FAILED,
            message=INTERRUPTED,
            error_code="job_interrupted",
            finished_at=utcnow(),
            heartbeat_at=None,
        )
        .execution_options(synchronize_session=False)
    ).rowcount


def recover_stale() -> int:
    """Mark failed the running jobs whose heartbeat stopped: their worker was killed. Their
    committed batches stay; a retry resumes from the checkpoint."""
    stale_before = utcnow() - timedelta(seconds=current_app.config["JOB_STALE_SECONDS"])
    return _fail_interrupted(Job.heartbeat_at < stale_before)


def recover_dead_workers(jobs: list[Job]) -> int:
    """Mark failed the given running jobs whose worker process on this machine is gone (no need
    to wait for the heartbeat to go stale)."""
    dead = [job for job in jobs if _dead_local_worker(job)]
    changed = sum(_fail_interrupted(Job.id == job.id, Job.worker == job.worker) for job in dead)
    for job in dead:
        db.session.refresh(job)
    return changed


def cancel(job: Job) -> Job:
    """Cancel a queued job at once; ask a running one to stop after its current batch."""
    if job.status in FINISHED:
        raise Conflict(N_("This job has already ended."), code="job_finished")
    # Conditional updates: a worker may claim or finish the job meanwhile.
    db.session.execute(
        sa.update(Job)
        .where(Job.id == job.id, Job.status.in_((QUEUED, RUNNING)))
        .values(cancel_requested=True)
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        sa.update(Job)
        .where(Job.id == job.id, Job.status == QUEUED)
        .values(status=CANCELLED, finished_at=utcnow(), message=N_("Cancelled."))
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(job)
    return job


def retry(job: Job) -> Job:
    """Queue a failed or cancelled job again; its handler resumes from the checkpoint."""
    changed = db.session.execute(
        sa.update(Job)
        .where(Job.id == job.id, Job.status.in_((FAILED, CANCELLED)))
        .values(
            status=QUEUED,
            progress=0,
            message=None,
            error_code=None,
            cancel_requested=False,
            finished_at=None,
            result=None,
            locale=current_language(),
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if not changed:
        raise Conflict(
            N_("Only a failed or cancelled job can be retried."), code="job_not_retryable"
        )
    _schedule_dispatch(job.id)
    db.session.refresh(job)
    return job
