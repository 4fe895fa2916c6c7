"""TEMPORARY stand-in (see crm.core.jobs): the Job JSON."""

from __future__ import annotations

import marshmallow as ma

from crm.core.schemas import UtcDateTime


class JobSchema(ma.Schema):
    id = ma.fields.Integer()
    kind = ma.fields.String()
    status = ma.fields.String()
    progress = ma.fields.Integer()
    message = ma.fields.String(allow_none=True)
    result = ma.fields.Dict(allow_none=True)
    cancel_requested = ma.fields.Boolean()
    created_at = UtcDateTime()
    started_at = UtcDateTime(allow_none=True)
    finished_at = UtcDateTime(allow_none=True)
