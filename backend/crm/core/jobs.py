"""TEMPORARY stand-in for the jobs module that lands on main as "Jobs:" (same interface):
runs a job inline, within the request that enqueues it. Replaced by main's at merge."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask import g

from crm.core.exceptions import DomainError
from crm.core.types import utcnow
from crm.extensions import db

_handlers: dict = {}
_ids = itertools.count(1)


class JobCancelled(Exception):
    pass


def job_handler(kind: str):
    def register(function):
        _handlers[kind] = function
        return function

    return register


@dataclass
class Job:
    id: int
    kind: str
    params: dict
    status: str = "queued"
    progress: int = 0
    message: str | None = None
    result: Any = None
    cancel_requested: bool = False
    created_at: datetime = field(default_factory=utcnow)
    started_at: datetime | None = None
    finished_at: datetime | None = None


class JobContext:
    def __init__(self, job: Job, user):
        self.job = job
        self.params = job.params
        self.user = user
        self.checkpoint = None

    def commit_batch(self, checkpoint: dict | None = None) -> None:
        db.session.flush()
        self.checkpoint = checkpoint

    def progress(self, percent: int, message: str | None = None) -> None:
        self.job.progress = int(percent)
        self.job.message = message


def enqueue(kind: str, *, params: dict, user) -> Job:
    job = Job(id=next(_ids), kind=kind, params=params)
    g.current_user = user
    job.started_at = utcnow()
    try:
        job.result = _handlers[kind](JobContext(job, user))
        job.status = "succeeded"
    except DomainError as error:
        job.status, job.message = "failed", str(error.detail)
    job.finished_at = utcnow()
    return job
