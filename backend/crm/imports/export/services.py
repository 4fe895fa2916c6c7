"""Exports of a list with its current filters and sort: a page's worth answers at once,
streamed; more is built by a job (`exports.build`) into the `exports` table, downloaded by
whoever asked for it. Every export is audited: who, which list, which filters, how many rows."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

import sqlalchemy as sa
from flask import current_app

from crm.core import audit
from crm.core.exceptions import Conflict, NotFound
from crm.core.i18n import LANGUAGES, N_, current_language, translate
from crm.core.jobs import JobContext, enqueue, job_handler
from crm.core.types import utcnow
from crm.core.unit_of_work import flush_and_expire
from crm.extensions import db
from crm.imports.export.columns import COLUMNS, value_of
from crm.imports.export.formats import MEDIA_TYPES, csv_chunks, write_xlsx
from crm.imports.export.models import CHUNK_BYTES, Export, ExportChunk
from crm.imports.lists import LISTS, ListSpec, filters_to_json, load_filters

if TYPE_CHECKING:
    from crm.auth.models import User
    from crm.core.pagination import ListQuery

BATCH_ROWS = 500
NOT_FOUND = N_("No such export.")


@dataclass
class InlineExport:
    file_name: str
    content_type: str
    body: Iterator[bytes]


def _file_name(spec: ListSpec, fmt: str) -> str:
    return f"{spec.name}-{utcnow():%Y%m%d-%H%M%S}.{fmt}"


def _header(spec: ListSpec, locale: str | None = None) -> list[str]:
    return [translate(label, locale) for _, label in COLUMNS[spec.name]]


def _rows(spec: ListSpec, query: ListQuery, sort: str, on_batch: Callable | None = None):
    paths = [path for path, _ in COLUMNS[spec.name]]
    done = 0
    for batch in query.batches(sort, BATCH_ROWS):
        # Read while the batch's session is open (a streamed body may step in a new one).
        values = [[value_of(record, path) for path in paths] for record in batch]
        yield from values
        done += len(batch)
        if on_batch is not None:
            on_batch(done)


def _file_bytes(fmt: str, spec: ListSpec, header: list[str], rows) -> Iterator[bytes]:
    if fmt == "csv":
        yield from csv_chunks(header, rows)
        return
    with tempfile.TemporaryFile() as target:
        write_xlsx(target, spec.name, header, rows)
        target.seek(0)
        while chunk := target.read(CHUNK_BYTES):
            yield chunk


def _query(user: User, spec: ListSpec, filters: dict, ids: list[int] | None) -> ListQuery:
    query = spec.query(user, filters)
    return query.only(ids) if ids else query


def _audit(spec: ListSpec, fmt: str, filters: dict, ids: list[int] | None, rows: int) -> None:
    changes = {
        "format": {"old": None, "new": fmt},
        "filters": {"old": None, "new": filters},
        "rows": {"old": None, "new": rows},
    }
    if ids:
        changes["ids"] = {"old": None, "new": len(ids)}
    audit.record("export", spec.entity, None, changes=changes)


def start_export(user: User, resource: str, args: dict):
    """The file at once (`InlineExport`) when at most EXPORT_INLINE_MAX_ROWS rows match; a
    job building it otherwise. `args`: the list's filters and sort, `format`, `ids`."""
    spec = LISTS[resource]
    args = dict(args)
    fmt = args.pop("format")
    ids = sorted(set(args.pop("ids", None) or [])) or None
    query = _query(user, spec, args, ids)
    filters = filters_to_json(spec, args)
    inline_max = current_app.config["EXPORT_INLINE_MAX_ROWS"]
    rows = query.count(limit=inline_max)
    if rows <= inline_max:
        _audit(spec, fmt, filters, ids, rows)
        header = _header(spec)
        body = _in_own_context(
            lambda: _file_bytes(fmt, spec, header, _rows(spec, query, args["sort"]))
        )
        return InlineExport(_file_name(spec, fmt), MEDIA_TYPES[fmt], body)
    export = Export(
        resource=resource,
        format=fmt,
        filters=filters,
        ids=ids,
        language=current_language(),
        file_name=_file_name(spec, fmt),
        content_type=MEDIA_TYPES[fmt],
        status="building",
        created_by_id=user.id,
    )
    db.session.add(export)
    db.session.flush()
    job = enqueue("exports.build", params={"export_id": export.id}, user=user)
    flush_and_expire()
    return job


def download_url(export: Export) -> str:
    return f"/api/v1/exports/{export.id}/download"


@job_handler("exports.build")
def build_export(ctx: JobContext) -> dict:
    """Write the export's file in keyset batches (progress after each), then store it in
    chunks. A retried job starts the file again."""
    _purge_expired()
    export = db.session.get(Export, ctx.params["export_id"])
    if export is None:
        raise NotFound(NOT_FOUND, code="export_not_found")
    spec = LISTS[export.resource]
    filters = load_filters(spec, export.filters)
    query = _query(ctx.user, spec, filters, export.ids)
    total = query.count()
    db.session.execute(sa.delete(ExportChunk).where(ExportChunk.export_id == export.id))

    def on_batch(done: int) -> None:
        ctx.commit_batch(checkpoint=None)  # lets a cancel stop the job between batches
        percent = min(int(done * 90 / max(total, 1)), 90)
        message = N_("Exported {done} of {total} rows.").format(done=done, total=total)
        ctx.progress(percent, message)

    counted = {"rows": 0}

    def counting(rows):
        for row in rows:
            counted["rows"] += 1
            yield row

    header = _header(spec, LANGUAGES.get(export.language))
    rows = counting(_rows(spec, query, filters["sort"], on_batch))
    size = 0
    for position, chunk in enumerate(_chunked(_file_bytes(export.format, spec, header, rows))):
        db.session.add(ExportChunk(export_id=export.id, position=position, data=chunk))
        db.session.flush()
        size += len(chunk)
    export.status = "ready"
    export.rows = counted["rows"]
    export.size = size
    export.finished_at = utcnow()
    _audit(spec, export.format, export.filters, export.ids, export.rows)
    flush_and_expire()
    ctx.commit_batch(checkpoint=None)
    return {
        "export_id": export.id,
        "file_name": export.file_name,
        "rows": export.rows,
        "download_url": download_url(export),
    }


def _purge_expired() -> None:
    """Exports are kept EXPORT_KEEP_DAYS: each new export job removes the older files (and
    their rows), so the table needs no cron to stay small."""
    cutoff = utcnow() - timedelta(days=current_app.config["EXPORT_KEEP_DAYS"])
    expired = sa.select(Export.id).where(Export.created_at < cutoff)
    expired_ids = list(db.session.scalars(expired))
    if expired_ids:
        db.session.execute(sa.delete(ExportChunk).where(ExportChunk.export_id.in_(expired_ids)))
        db.session.execute(sa.delete(Export).where(Export.id.in_(expired_ids)))


def _chunked(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """The pieces regrouped into chunks of CHUNK_BYTES (the last one shorter)."""
    buffer = bytearray()
    for piece in pieces:
        buffer += piece
        while len(buffer) >= CHUNK_BYTES:
            yield bytes(buffer[:CHUNK_BYTES])
            del buffer[:CHUNK_BYTES]
    if buffer:
        yield bytes(buffer)


# --- downloads ------------------------------------------------------------------------------


def get_export(user: User, export_id: int) -> Export:
    """An export the user asked for; 404 for anyone else's (admins included: a file of another
    user's scope is theirs alone)."""
    export = db.session.get(Export, export_id)
    if export is None or export.created_by_id != user.id:
        raise NotFound(NOT_FOUND, code="export_not_found")
    if export.status != "ready":
        raise Conflict(N_("The export is not ready yet."), code="export_not_ready")
    return export


def _in_own_context(make_body: Callable[[], Iterator[bytes]]) -> Iterator[bytes]:
    """The response body, run in an application context of its own: it is read after the
    request's context has ended (and its transaction committed), a batch at a time."""
    app = current_app._get_current_object()

    def body():
        # One context per step rather than one for the whole body: a server may step the
        # body from another context (as Flask's test client does), and a context must end
        # where it began.
        pieces = None
        while True:
            with app.app_context():
                if pieces is None:
                    pieces = make_body()
                piece = next(pieces, None)
            if piece is None:
                return
            yield piece

    return body()


def export_bytes(export_id: int) -> Iterator[bytes]:
    """The stored file, a chunk at a time (read after the request, in its own context)."""
    return _in_own_context(lambda: _chunks(export_id))


def _chunks(export_id: int) -> Iterator[bytes]:
    position = 0
    while True:
        data = db.session.scalar(
            sa.select(ExportChunk.data).where(
                ExportChunk.export_id == export_id, ExportChunk.position == position
            )
        )
        if data is None:
            return
        yield data
        position += 1
