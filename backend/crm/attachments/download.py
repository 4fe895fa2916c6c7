"""The download response: streamed from the store, with Range support and safe headers."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from flask import request, send_file
from werkzeug.exceptions import RequestedRangeNotSatisfiable
from werkzeug.http import parse_range_header

from crm.attachments import filetypes
from crm.attachments.models import Attachment
from crm.core.exceptions import RangeNotSatisfiable
from crm.core.i18n import N_

RFC5987_ATTR_CHARS = "!#$&+-.^_`|~"


def ascii_stand_in(filename: str) -> str:
    """The `filename=` for clients that ignore RFC 6266 `filename*`: the name's ASCII letters
    (accents dropped), or `attachment` with the extension when nothing else is left, so a
    Chinese name is not saved as the hidden file `.mp4`."""
    simple = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    simple = simple.strip()
    stem, dot, extension = simple.rpartition(".")
    if not (stem if dot else simple).strip(" ._-"):
        return f"attachment.{extension}" if dot and extension else "attachment"
    return simple


def environ_for_ranges(environ: dict) -> dict:
    """The request environ without a Range header we serve whole instead of refusing.

    RFC 9110 14.2: a Range in an unknown unit must be ignored, and an invalid one (`bytes=9-2`)
    or several ranges may be; werkzeug would answer 416 to all three, which breaks players and
    download managers. A single range past the end still gets its 416.
    """
    header = environ.get("HTTP_RANGE")
    if header is None:
        return environ
    parsed = parse_range_header(header)
    if parsed is not None and parsed.units == "bytes" and len(parsed.ranges) == 1:
        return environ
    return {key: value for key, value in environ.items() if key != "HTTP_RANGE"}


def content_response(attachment: Attachment, stored, *, force_download: bool):
    """`stored` (the open, seekable store file) as the response body.

    Flask's `send_file` writes the RFC 6266 Content-Disposition (`filename*` for non-ASCII
    names) and wraps the file, but it cannot know a store file's length; the Content-Length and
    the Range handling (206, 416) come from `make_conditional` with the length we stored.
    """
    inline = filetypes.is_inline(attachment.content_type) and not force_download
    mimetype = attachment.content_type
    if mimetype == filetypes.TEXT:
        mimetype = "text/plain; charset=utf-8"
    response = send_file(
        stored,
        mimetype=mimetype,
        as_attachment=not inline,
        download_name=attachment.filename,
        conditional=False,
        etag=attachment.sha256,
    )
    response.content_length = attachment.size
    if not attachment.filename.isascii():
        response.headers.set(
            "Content-Disposition",
            "inline" if inline else "attachment",
            filename=ascii_stand_in(attachment.filename),
            **{"filename*": "UTF-8''" + quote(attachment.filename, safe=RFC5987_ATTR_CHARS)},
        )
    # The bytes come from customers: never sniffed, never run, never shared by caches.
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "sandbox"
    response.cache_control.private = True
    try:
        return response.make_conditional(
            environ_for_ranges(request.environ), accept_ranges=True, complete_length=attachment.size
        )
    except RequestedRangeNotSatisfiable:
        response.close()
        raise RangeNotSatisfiable(
            N_("The requested range is not within the file."),
            headers={"Content-Range": f"bytes */{attachment.size}"},
        ) from None
