"""Upload links: a customer sends files (and a message) to one ticket without an account.

The token is random (256 bits) and only its SHA-256 is stored, so the table alone opens nothing.
Every way a link can be unusable (unknown, expired, revoked, used up, ticket deleted) answers
the same 404, so a guesser learns nothing. Usage is counted with one conditional UPDATE at the
end of an upload, so two uploads at once cannot pass the quota together.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

import sqlalchemy as sa
from flask import current_app, request

from crm.attachments import filetypes
from crm.attachments.models import UPLOAD_LINK_SORT_FIELDS, UploadLink
from crm.attachments.multipart import Part
from crm.attachments.services import Received, Upload, receive
from crm.core import audit
from crm.core.exceptions import DomainError, Invalid, NotFound, TooLarge
from crm.core.i18n import N_
from crm.core.pagination import Page, paginate
from crm.core.records import get_or_404
from crm.core.types import utcnow
from crm.core.unit_of_work import flush_and_expire
from crm.extensions import db
from crm.service import services as tickets

if TYPE_CHECKING:
    from crm.auth.models import User
    from crm.service.models import Ticket

INVALID_LINK = N_("This upload link is not valid. Ask for a new link.")
NOT_FOUND = N_("No such upload link.")
AUDIT_FIELDS = ("ticket_id", "expires_at", "max_files", "max_total_bytes")
MESSAGE_MAX_CHARS = tickets.COMMENT_MAX_LENGTH
TOKEN_MAX_LENGTH = 100


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_url(token: str) -> str:
    """The customer's page: on PUBLIC_BASE_URL when set, else on the host this request came to."""
    base = current_app.config["PUBLIC_BASE_URL"] or request.host_url
    return f"{base.rstrip('/')}/u/{token}"


class IssuedLink:
    """A new link with its token and URL: they exist only in the answer to its creation."""

    def __init__(self, link: UploadLink, token: str):
        self.link = link
        self.token = token
        self.url = link_url(token)

    def __getattr__(self, name):
        return getattr(self.link, name)


# --- staff ------------------------------------------------------------------------------------


def create_link(user: User, ticket_id: int, data: dict) -> IssuedLink:
    """A link for a ticket the user can see (anyone who works the ticket may ask for files)."""
    ticket = tickets.get_ticket(user, ticket_id)
    token = secrets.token_urlsafe(32)
    link = UploadLink(
        ticket_id=ticket.id,
        token_hash=hash_token(token),
        expires_at=utcnow() + timedelta(hours=data.get("expires_in_hours", 72)),
        max_files=data.get("max_files", 10),
        max_total_bytes=data.get("max_total_bytes", 500 * 1024 * 1024),
        files_used=0,
        bytes_used=0,
        created_by_id=user.id,
    )
    db.session.add(link)
    db.session.flush()
    audit.record("create", "upload_link", link.id, changes=audit.snapshot(link, AUDIT_FIELDS))
    flush_and_expire()
    return IssuedLink(link, token)


def list_links(user: User, ticket_id: int, args: dict) -> Page:
    tickets.get_ticket(user, ticket_id)
    stmt = sa.select(UploadLink).where(UploadLink.ticket_id == ticket_id)
    return paginate(
        db.session,
        stmt,
        UploadLink,
        fields=UPLOAD_LINK_SORT_FIELDS,
        sort="-created_at",
        limit=args["limit"],
        cursor=args.get("cursor"),
    )


def revoke_link(user: User, link_id: int) -> None:
    """Stop a link from working (its uploads stay). Revoking twice is fine."""
    not_found = NotFound(NOT_FOUND, code="upload_link_not_found")
    link = get_or_404(UploadLink, link_id, not_found=not_found)
    try:
        tickets.get_ticket(user, link.ticket_id)
    except DomainError as exc:
        raise not_found from exc
    if link.revoked_at is None:
        link.revoked_at = utcnow()
        audit.record("revoke", "upload_link", link.id)
        flush_and_expire()


# --- customers ----------------------------------------------------------------------------------


def find_active(token: str) -> tuple[UploadLink, Ticket]:
    """The usable link of a token, and its ticket; the same 404 for every reason it is not."""
    link = None
    if 0 < len(token) <= TOKEN_MAX_LENGTH:
        link = db.session.scalar(
            sa.select(UploadLink).where(UploadLink.token_hash == hash_token(token))
        )
    ticket = tickets.ticket_for_upload_link(link.ticket_id) if link is not None else None
    if link is None or ticket is None or not link.active:
        raise NotFound(INVALID_LINK, code="upload_link_not_found")
    return link, ticket


def describe(token: str) -> dict:
    """What the customer's page shows and enforces before sending."""
    link, ticket = find_active(token)
    return {
        "ticket_reference": f"#{ticket.id}",
        "ticket_subject": ticket.subject,
        "expires_at": link.expires_at,
        "max_files": link.max_files,
        "files_remaining": link.files_remaining,
        "max_total_bytes": link.max_total_bytes,
        "bytes_remaining": link.bytes_remaining,
        "max_file_bytes": min(current_app.config["MAX_UPLOAD_BYTES"], link.bytes_remaining),
        "accepted_types": list(filetypes.ALLOWED),
        "accept": filetypes.accept_attribute(),
    }


def _count_usage(link_id: int, received: Received) -> None:
    """Add this upload to the link's usage, only if it still fits (and the link still works);
    one statement, so parallel uploads cannot pass the quota together."""
    files = len(received.attachments)
    size = sum(attachment.size for attachment in received.attachments)
    if not files:
        return
    result = db.session.execute(
        sa.update(UploadLink)
        .where(
            UploadLink.id == link_id,
            UploadLink.revoked_at.is_(None),
            UploadLink.expires_at > utcnow(),
            UploadLink.files_used + files <= UploadLink.max_files,
            UploadLink.bytes_used + size <= UploadLink.max_total_bytes,
        )
        .values(files_used=UploadLink.files_used + files, bytes_used=UploadLink.bytes_used + size)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise TooLarge(N_("This upload link no longer accepts these files: its limit was reached."))


def upload(token: str, read_parts: Callable[[], Iterable[Part]]) -> Received:
    """A customer's files and optional message, for the link's ticket only; the body is read
    (`read_parts`) only once the link is known to work."""
    link, ticket = find_active(token)
    link_id, ticket_id = link.id, ticket.id
    target = Upload(
        column="ticket_id",
        record_id=ticket_id,
        upload_link_id=link_id,
        max_files=link.files_remaining,
        max_bytes=link.bytes_remaining,
        fields={"message": MESSAGE_MAX_CHARS * 4},
    )

    def finish(received: Received) -> None:
        message = received.fields.get("message", "").strip()
        if len(message) > MESSAGE_MAX_CHARS:
            raise Invalid(
                N_("The message is too long."),
                errors={"message": [N_("At most {max} characters.").format(max=MESSAGE_MAX_CHARS)]},
            )
        if not received.attachments and not message:
            raise Invalid(
                N_("Choose at least one file or write a message."),
                errors={"file": [N_("Choose at least one file or write a message.")]},
            )
        _count_usage(link_id, received)
        if message:
            tickets.add_customer_comment(ticket, message, link_id)
        tickets.customer_replied(ticket)
        received.fields["message"] = message

    return receive(read_parts(), target, finish)
