"""`/api/v1/jobs`: the state of background jobs, their cancellation and retry.

A user sees the jobs they started; an admin sees every job. Any other id answers 404.
"""

from __future__ import annotations

import marshmallow as ma
import sqlalchemy as sa

from crm.core import jobs
from crm.core.blueprint import Blueprint
from crm.core.exceptions import NotFound
from crm.core.i18n import N_, translate
from crm.core.openapi import ID
from crm.core.pagination import ListArgsSchema, SortField, paginate, sort_field
from crm.core.permissions import ADMIN, login_required, me
from crm.core.records import get_or_404
from crm.core.schemas import OneOrMore, UtcDateTime, page_schema
from crm.extensions import db

blp = Blueprint("jobs", __name__, url_prefix="/api/v1", description="Background jobs")
JOB_SORT_FIELDS = {"created_at": SortField("created_at")}


class JobSchema(ma.Schema):
    id = ma.fields.Integer()
    kind = ma.fields.String(metadata={"description": "What the job does, e.g. imports.commit"})
    status = ma.fields.String(metadata={"enum": list(jobs.STATUSES)})
    progress = ma.fields.Integer(metadata={"description": "0-100"})
    message = ma.fields.Function(
        lambda job: translate(job.message) if job.message else None,
        allow_none=True,
        metadata={"type": "string", "description": "In the caller's language"},
    )
    error_code = ma.fields.String(allow_none=True)
    result = ma.fields.Dict(
        allow_none=True, metadata={"description": "What the job produced (kind-specific)"}
    )
    cancel_requested = ma.fields.Boolean()
    attempts = ma.fields.Integer()
    created_at = UtcDateTime()
    started_at = UtcDateTime(allow_none=True)
    finished_at = UtcDateTime(allow_none=True)


class JobListArgsSchema(ListArgsSchema):
    status = OneOrMore(jobs.STATUSES)
    kind = ma.fields.String(validate=ma.validate.Length(max=60))
    sort = sort_field(JOB_SORT_FIELDS, "-created_at")


def _visible():
    user = me()
    return sa.true() if user.role == ADMIN else jobs.Job.user_id == user.id


def _get_job(job_id: int) -> jobs.Job:
    jobs.recover_stale()
    job = get_or_404(
        jobs.Job,
        job_id,
        _visible(),
        not_found=NotFound(N_("No such job."), code="job_not_found"),
    )
    jobs.recover_dead_workers([job])
    return job


@blp.route("/jobs", methods=["GET"])
@login_required()
@blp.arguments(JobListArgsSchema, location="query")
@blp.response(200, page_schema(JobSchema, "JobPage"))
def list_jobs(args):
    """Your background jobs (every job for an admin), newest first."""
    jobs.recover_stale()
    stmt = sa.select(jobs.Job).where(_visible())
    if args.get("status"):
        stmt = stmt.where(jobs.Job.status.in_(args["status"]))
    if args.get("kind"):
        stmt = stmt.where(jobs.Job.kind == args["kind"])
    page = paginate(
        db.session,
        stmt,
        jobs.Job,
        fields=JOB_SORT_FIELDS,
        sort=args["sort"],
        limit=args["limit"],
        cursor=args.get("cursor"),
    )
    jobs.recover_dead_workers(page.items)
    return page


@blp.route(f"/jobs/<{ID}:job_id>", methods=["GET"])
@login_required()
@blp.response(200, JobSchema)
def get_job(job_id):
    """A job's status, progress, message and result. Poll it while it is queued or running."""
    return _get_job(job_id)


@blp.route(f"/jobs/<{ID}:job_id>/cancel", methods=["POST"])
@login_required()
@blp.response(200, JobSchema)
def cancel_job(job_id):
    """Stop a job: a queued job at once, a running one after its current batch."""
    return jobs.cancel(_get_job(job_id))


@blp.route(f"/jobs/<{ID}:job_id>/retry", methods=["POST"])
@login_required()
@blp.response(202, JobSchema)
def retry_job(job_id):
    """Run a failed or cancelled job again; it resumes after its last committed batch."""
    return jobs.retry(_get_job(job_id))
