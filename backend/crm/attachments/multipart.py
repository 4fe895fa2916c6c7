"""A streaming reader of `multipart/form-data` request bodies, for views marked
`crm.core.body.streams_own_body`.

`request.files` would spool every file whole (to memory or a temporary file) before the view
runs. This reads `request.stream` a chunk at a time through werkzeug's sans-IO decoder and hands
each part on as a file-like object, so a file flows into the store while it arrives and a body
over the limit is refused (413) as soon as it passes it, with or without a Content-Length.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from flask import current_app, request
from werkzeug.exceptions import ClientDisconnected, RequestEntityTooLarge
from werkzeug.sansio.multipart import (
    NEED_DATA,
    Data,
    Epilogue,
    Field,
    File,
    MultipartDecoder,
    Preamble,
)

from crm.core.exceptions import BadRequest, DomainError, TooLarge, UnsupportedMediaType
from crm.core.i18n import N_

READ_SIZE = 64 * 1024
# The decoder buffers at most one read plus a part's headers; more means a malformed body.
MAX_BUFFER = 1024 * 1024
MAX_PARTS = 200


def too_large(limit: int) -> DomainError:
    return TooLarge(
        N_("The upload is larger than the limit of {size}.").format(size=_size_text(limit))
    )


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


@dataclass
class Part:
    """One part of the body: a form field (`filename` None) or a file. Read it like a file;
    what is left unread is skipped when the next part is asked for."""

    name: str
    filename: str | None
    _reader: MultipartReader = field(repr=False)
    _buffer: bytes = b""
    _done: bool = False

    def read(self, size: int = -1) -> bytes:
        while not self._done and (size < 0 or len(self._buffer) < size):
            chunk, more = self._reader.next_data()
            self._buffer += chunk
            self._done = not more
        if size < 0:
            size = len(self._buffer)
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data

    @property
    def at_end(self) -> bool:
        """Whether everything of the part has been read (nothing more will come)."""
        return self._done and not self._buffer

    def read_text(self, limit: int) -> str:
        """A form field's value; 413 when it passes `limit` bytes, 400 when not UTF-8."""
        data = self.read(limit + 1)
        if len(data) > limit:
            raise TooLarge(N_("The field {name} is too long.").format(name=self.name))
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest(
                N_("The field {name} is not UTF-8 text.").format(name=self.name)
            ) from None

    def skip(self) -> None:
        while not self._done:
            _, more = self._reader.next_data()
            self._done = not more


class MultipartReader:
    """Parts of a multipart body, read from `stream` as they are asked for."""

    def __init__(self, stream, boundary: bytes, limit: int):
        self._stream = stream
        self._decoder = MultipartDecoder(boundary, MAX_BUFFER, max_parts=MAX_PARTS)
        self._limit = limit
        self.bytes_read = 0

    def _next_event(self):
        try:
            while (event := self._decoder.next_event()) is NEED_DATA:
                self._receive()
        except RequestEntityTooLarge:
            raise TooLarge(N_("The form has too many parts.")) from None
        except ValueError:  # werkzeug's word for a malformed (or cut off) body
            raise BadRequest(N_("The multipart body is malformed or incomplete.")) from None
        return event

    def _receive(self) -> None:
        try:
            chunk = self._stream.read(READ_SIZE)
        except RequestEntityTooLarge:  # werkzeug's own limit (request.max_content_length)
            raise too_large(self._limit) from None
        except ClientDisconnected:
            raise BadRequest(N_("The upload was interrupted before it was complete.")) from None
        self.bytes_read += len(chunk)
        if self.bytes_read > self._limit:
            raise too_large(self._limit)
        self._decoder.receive_data(chunk or None)

    def next_data(self) -> tuple[bytes, bool]:
        """The next bytes of the current part, and whether more follow."""
        event = self._next_event()
        if not isinstance(event, Data):
            raise BadRequest(N_("The multipart body is malformed or incomplete."))
        return event.data, event.more_data

    def parts(self) -> Iterator[Part]:
        part: Part | None = None
        while True:
            if part is not None:
                part.skip()
            event = self._next_event()
            if isinstance(event, Preamble):
                continue
            if isinstance(event, Epilogue):
                return
            if isinstance(event, File):
                part = Part(event.name, event.filename, self)
            elif isinstance(event, Field):
                part = Part(event.name, None, self)
            else:
                raise BadRequest(N_("The multipart body is malformed or incomplete."))
            yield part


def read_request(limit: int | None = None) -> MultipartReader:
    """The current request's multipart body, limited to `limit` bytes (MAX_UPLOAD_BYTES).

    Setting `request.max_content_length` before the stream is first touched makes werkzeug
    refuse a larger Content-Length at once, and bound a body sent without one (chunked)."""
    if request.mimetype != "multipart/form-data":
        raise UnsupportedMediaType(N_("Send the files as multipart/form-data."))
    boundary = request.mimetype_params.get("boundary", "")
    if not boundary or len(boundary) > 200 or not boundary.isascii():
        raise BadRequest(N_("The multipart/form-data body needs a boundary."))
    limit = limit if limit is not None else current_app.config["MAX_UPLOAD_BYTES"]
    request.max_content_length = limit
    try:
        stream = request.stream
    except RequestEntityTooLarge:
        raise too_large(limit) from None
    return MultipartReader(stream, boundary.encode("ascii"), limit)


class PartReader(io.RawIOBase):
    """A file part as a readable stream that starts with bytes already read (the sniffed
    head) and counts what passes, refusing more than `budget` bytes (413)."""

    def __init__(self, head: bytes, part: Part, budget: int | None, budget_error: DomainError):
        self._head = head
        self._part = part
        self._budget = budget
        self._budget_error = budget_error
        self.size = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._head:
            data = self._head if size < 0 else self._head[:size]
            self._head = self._head[len(data) :]
        else:
            data = self._part.read(size)
        self.size += len(data)
        if self._budget is not None and self.size > self._budget:
            raise self._budget_error
        return data
