"""Attachments: who may see and change them (through their record), receiving uploads, deleting.

An upload writes the metadata row `pending` (committed) before any byte reaches the store, streams
the bytes under the row's store id, and marks every file of the request `ready`, committed with
the rest of the request by its unit of work. A crash leaves only pending rows, which lists never
show and `crm attachments sweep` removes with their bytes; a refused or failed request deletes
what it stored so far.

These commits inside a request are the crash-safety steps `crm.core.unit_of_work` allows: the
pending row (and its size and hash) before and after its bytes, the clean-up of a failed upload,
and a deleted row before its bytes are deleted.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sqlalchemy as sa
from flask import current_app, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from crm.attachments import filetypes
from crm.attachments.models import ATTACHMENT_OWNERS, ATTACHMENT_SORT_FIELDS, Attachment
from crm.attachments.multipart import Part, PartReader
from crm.attachments.store import AttachmentStore, StoreUnavailable, new_store_id
from crm.auth import services as auth
from crm.core import audit
from crm.core.exceptions import (
    DomainError,
    Invalid,
    NotFound,
    TooLarge,
    Unauthenticated,
    UnsupportedMediaType,
)
from crm.core.i18n import N_
from crm.core.pagination import Page, paginate
from crm.core.records import get_or_404, move_links, put_back_links
from crm.core.types import utcnow
from crm.customers import services as customers
from crm.extensions import attachment_store, db
from crm.sales import services as sales
from crm.sales.pipeline import opportunities
from crm.service import services as tickets

if TYPE_CHECKING:
    from crm.auth.models import User

log = logging.getLogger(__name__)

NOT_FOUND = N_("No such attachment.")
AUDIT_FIELDS = (
    "ticket_id",
    "lead_id",
    "company_id",
    "opportunity_id",
    "filename",
    "content_type",
    "size",
    "sha256",
    "upload_link_id",
)
CONTENT_TOKEN_SALT = "attachment-content"  # noqa: S105 (a namespace, not a secret)
CONTENT_TOKEN_MAX_AGE = 15 * 60  # seconds a signed content_url works
MAX_FILENAME = 255

# How each owner record is looked up in its own domain (404 outside the user's scope), and
# whether changing its attachments needs a writer role (service staff read sales records).
_LOOKUPS: dict[str, tuple[Callable, bool]] = {
    "ticket_id": (tickets.get_ticket, False),
    "lead_id": (sales.get_lead, True),
    "company_id": (customers.get_company, True),
    "opportunity_id": (opportunities.get_opportunity, True),
}


# --- scoping ------------------------------------------------------------------------------


def owner_column(owner: str) -> str:
    """The column of a URL's owner segment (`tickets` -> `ticket_id`)."""
    return ATTACHMENT_OWNERS[owner]


def get_record(user: User, column: str, record_id: int, *, to_change: bool = False):
    """The owner record, as its domain scopes it (404), and 403 for a reader who changes."""
    lookup, needs_writer = _LOOKUPS[column]
    record = lookup(user, record_id)
    if to_change and needs_writer:
        auth.require_writer(user)
    return record


def get_attachment(user: User, attachment_id: int, *, to_change: bool = False) -> Attachment:
    """A ready attachment on a record the user can see; 404 otherwise."""
    attachment = _ready_attachment(attachment_id)
    try:
        get_record(user, attachment.owner_column, attachment.record_id, to_change=to_change)
    except NotFound:
        raise NotFound(NOT_FOUND, code="attachment_not_found") from None
    return attachment


def _ready_attachment(attachment_id: int) -> Attachment:
    """Pending rows (an upload still running, or one that crashed) are no attachment yet."""
    return get_or_404(
        Attachment,
        attachment_id,
        Attachment.status == "ready",
        not_found=NotFound(NOT_FOUND, code="attachment_not_found"),
    )


def list_attachments(user: User, column: str, record_id: int, args: dict) -> Page:
    """The record's ready attachments, newest first. Metadata only: works without the store."""
    get_record(user, column, record_id)
    stmt = sa.select(Attachment).where(
        getattr(Attachment, column) == record_id, Attachment.status == "ready"
    )
    return paginate(
        db.session,
        stmt,
        Attachment,
        fields=ATTACHMENT_SORT_FIELDS,
        sort="-created_at",
        limit=args["limit"],
        cursor=args.get("cursor"),
    )


# --- signed content URLs --------------------------------------------------------------------


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=CONTENT_TOKEN_SALT)


def content_url(attachment: Attachment) -> str:
    """A link to the bytes that works without an Authorization header for a few minutes, so
    `<img>`, `<video>` and plain links in the SPA can load it."""
    token = _serializer().dumps(attachment.id)
    return url_for(
        "attachments.AttachmentContent", attachment_id=attachment.id, token=token, _external=False
    )


def attachment_for_token(attachment_id: int, token: str) -> Attachment:
    """The attachment a signed token names (401 when forged, for another file, or expired)."""
    try:
        signed_id = _serializer().loads(token, max_age=CONTENT_TOKEN_MAX_AGE)
    except SignatureExpired:
        raise Unauthenticated(
            N_("This link has expired; reload the page."), code="link_expired"
        ) from None
    except BadSignature:
        raise Unauthenticated(N_("This link is not valid."), code="link_invalid") from None
    if signed_id != attachment_id:
        raise Unauthenticated(N_("This link is not valid."), code="link_invalid")
    return _ready_attachment(attachment_id)


# --- receiving uploads ----------------------------------------------------------------------


def clean_filename(raw: str | None) -> str:
    """The name to show and to offer on download: the last path segment, without control
    characters, at most 255 characters (the extension kept). Never used as a path."""
    name = unicodedata.normalize("NFC", raw or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf"))
    name = name.strip()
    if name in ("", ".", ".."):
        raise Invalid(N_("Each file needs a name."), errors={"file": [N_("The file has no name.")]})
    if len(name) > MAX_FILENAME:
        stem, dot, ext = name.rpartition(".")
        ext = ext if dot and 0 < len(ext) <= 10 else ""
        keep = MAX_FILENAME - (len(ext) + 1 if ext else 0)
        name = (stem if ext else name)[:keep] + (f".{ext}" if ext else "")
    return name


@dataclass
class Upload:
    """Where the files of one request go, who sends them, and the limits of this request."""

    column: str
    record_id: int
    uploaded_by_id: int | None = None
    upload_link_id: int | None = None
    max_files: int | None = None
    max_bytes: int | None = None
    # Form fields (not files) to keep, with their size limits in bytes.
    fields: dict[str, int] = field(default_factory=dict)


@dataclass
class Received:
    attachments: list[Attachment]
    fields: dict[str, str]


def _refuse_type(filename: str) -> DomainError:
    return UnsupportedMediaType(
        N_(
            "{filename}: this type of file is not accepted. Send photos, videos, PDF, office "
            "documents or plain text."
        ).format(filename=filename),
        errors={"file": [N_("{filename}: type not accepted.").format(filename=filename)]},
    )


def _refuse_name(filename: str, mime: str) -> DomainError:
    return UnsupportedMediaType(
        N_("{filename}: the name's extension does not match the content ({mime}).").format(
            filename=filename, mime=mime
        ),
        errors={
            "file": [
                N_("{filename}: the extension does not match the content.").format(
                    filename=filename
                )
            ]
        },
    )


def _store_file(store: AttachmentStore, part: Part, upload: Upload, used: int, created: list):
    """Sniff, check and store one file part; the row joins `created` before any byte is
    stored, so a failure from here on is cleaned up with the rest."""
    filename = clean_filename(part.filename)
    head = part.read(filetypes.SNIFF_BYTES)
    if not head and part.at_end:
        # A failed camera capture or a cloud placeholder arrives as 0 bytes: say so now.
        raise Invalid(
            N_("{filename} is empty.").format(filename=filename),
            errors={"file": [N_("{filename}: the file is empty.").format(filename=filename)]},
        )
    mime = filetypes.detect(head, complete=part.at_end, filename=filename)
    if mime is None:
        raise _refuse_type(filename)
    if not filetypes.name_matches(filename, mime):
        raise _refuse_name(filename, mime)
    attachment = Attachment(
        store_backend=store.backend,
        store_id=new_store_id(),
        filename=filename,
        content_type=mime,
        status="pending",
        uploaded_by_id=upload.uploaded_by_id,
        upload_link_id=upload.upload_link_id,
        **{upload.column: upload.record_id},
    )
    db.session.add(attachment)
    db.session.commit()  # crash safety: the row exists before any of its bytes
    created.append(attachment)
    budget = None if upload.max_bytes is None else upload.max_bytes - used
    budget_error = TooLarge(
        N_("The files are larger than this upload link still accepts."),
        errors={"file": [N_("{filename}: over the remaining size.").format(filename=filename)]},
    )
    source = PartReader(head, part, budget, budget_error)
    stored = store.save(source, filename=filename, content_type=mime, store_id=attachment.store_id)
    attachment.size, attachment.sha256 = stored.size, stored.sha256
    db.session.commit()  # still pending: size and hash, for the final step and the sweeper
    return attachment


def discard(created: list[Attachment], *, store_down: bool) -> None:
    """Undo a failed request: its rows and their bytes. When the store is down its rows stay
    pending (invisible) so `crm attachments sweep` can delete their bytes later."""
    db.session.rollback()
    if store_down or not created:
        return
    store = attachment_store.get()
    for attachment in created:
        try:
            store.delete(attachment.store_id)
        except StoreUnavailable:
            log.warning("Attachment store down; sweep will remove %s", attachment.store_id)
            return
        db.session.execute(sa.delete(Attachment).where(Attachment.id == attachment.id))
        db.session.commit()


def receive(parts: Iterable[Part], upload: Upload, finish: Callable[[Received], None]) -> Received:
    """Store every `file` part of a request, then call `finish` (which may refuse, and adds its
    own changes) and mark the files ready, for the request's unit of work to commit. All or
    nothing: any error deletes what this request stored and is raised again."""
    store = attachment_store.get()
    created: list[Attachment] = []
    fields: dict[str, str] = {}
    used = 0
    try:
        for part in parts:
            if part.filename is None:
                if part.name in upload.fields:
                    fields[part.name] = part.read_text(upload.fields[part.name])
                elif part.name == "file":
                    raise Invalid(
                        N_("Send each file as a file part, with its name."),
                        errors={"file": [N_("Not a file.")]},
                    )
                continue
            if part.name != "file":
                # `files`, `files[]`, `upload`...: said, not silently dropped.
                raise Invalid(
                    N_(
                        "Send each file in a part named 'file' (this one is named '{name}')."
                    ).format(name=part.name),
                    errors={"file": [N_("Unknown file part '{name}'.").format(name=part.name)]},
                )
            if upload.max_files is not None and len(created) >= upload.max_files:
                raise TooLarge(
                    N_("This upload link accepts {count} more file(s) at most.").format(
                        count=upload.max_files
                    ),
                    errors={"file": [N_("Too many files.")]},
                )
            attachment = _store_file(store, part, upload, used, created)
            used += attachment.size
        received = Received(created, fields)
        finish(received)
        now = utcnow()
        for attachment in created:
            attachment.status, attachment.ready_at = "ready", now
            audit.record(
                "create",
                "attachment",
                attachment.id,
                changes=audit.snapshot(attachment, AUDIT_FIELDS),
                actor_id=upload.uploaded_by_id,
            )
        db.session.flush()
    except StoreUnavailable:
        discard(created, store_down=True)
        raise
    except BaseException:
        discard(created, store_down=False)
        raise
    return received


def require_files(received: Received) -> None:
    """`finish` of staff uploads: at least one file."""
    if not received.attachments:
        raise Invalid(
            N_("Choose at least one file."), errors={"file": [N_("Choose at least one file.")]}
        )


def upload_files(
    user: User, column: str, record_id: int, read_parts: Callable[[], Iterable[Part]]
) -> list[Attachment]:
    """A staff upload to a record the user may change the attachments of; the body is read
    (`read_parts`) only after that check."""
    get_record(user, column, record_id, to_change=True)
    upload = Upload(column=column, record_id=record_id, uploaded_by_id=user.id)
    return receive(read_parts(), upload, require_files).attachments


# --- deleting and reading ---------------------------------------------------------------------


def delete_attachment(user: User, attachment: Attachment) -> None:
    """Delete the row (audited), then the bytes. When the store is down the bytes stay as an
    orphan for `crm attachments sweep`: the row is the truth, and it is gone."""
    store_id = attachment.store_id
    changes = audit.snapshot(attachment, AUDIT_FIELDS)
    audit.record("delete", "attachment", attachment.id, changes=changes)
    db.session.delete(attachment)
    db.session.commit()  # crash safety: the row goes before its bytes
    try:
        attachment_store.get().delete(store_id)
    except StoreUnavailable:
        log.warning("Attachment store down; sweep will remove %s", store_id)


def open_content(attachment: Attachment):
    """The stored bytes as a seekable file (StoreUnavailable when the store is down)."""
    return attachment_store.get().open(attachment.store_id)


# --- merging duplicates (crm.imports) ----------------------------------------------------


def move_attachments(field: str, from_ids, to_id: int) -> dict[str, list[int]]:
    """Merge: the attachments of the records `from_ids` now belong to `to_id` (`field`:
    lead_id or company_id); the ids moved, per former record (what undo puts back)."""
    return move_links(Attachment, field, from_ids, to_id)


def put_back_attachments(field: str, moved: dict[str, list[int]], current_id: int) -> int:
    """Undo of a merge: the attachments moved to `current_id` go back to their former records."""
    return put_back_links(Attachment, field, moved, current_id)
