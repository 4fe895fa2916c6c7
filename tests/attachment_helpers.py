"""Shared by the attachment, upload-link and sweep tests: sample files, multipart bodies sent
with or without a Content-Length, a ticket factory, and logins on another app."""

from __future__ import annotations

import hashlib
import io
import os
import uuid
import zipfile

from tests.conftest import ApiClient, login
from tests.service_helpers import TicketFactory  # noqa: F401 (re-exported for the tests)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64
# An ISO-BMFF `ftyp` box with the iPhone's brands: what a HEIC photo starts with.
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00\x00\x00\x08mdat" * 8
MP4 = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00\x00\x00\x08free" * 8
PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc/.xls/.ppt
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

TICKETS = "/api/v1/tickets"


def xlsx_with_late_entries() -> bytes:
    """A workbook whose `xl/` entries come after the first 8 KB (some writers order them so)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for n in range(4):
            archive.writestr(f"customXml/item{n}.xml", os.urandom(3000).hex())
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def png_of(size: int) -> bytes:
    """A PNG header followed by random bytes: a file of `size` bytes detected as image/png."""
    return (PNG + uuid.uuid4().bytes * ((size - len(PNG)) // 16 + 1))[:size]


def multipart(files=(), fields=None, boundary: str = "crm-test-boundary-7MA4YWxk") -> bytes:
    """A multipart/form-data body: `files` as (filename, bytes) under the `file` name."""
    out = io.BytesIO()
    for name, value in (fields or {}).items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
        out.write(value.encode() + b"\r\n")
    for filename, data in files:
        quoted = filename.replace("\\", "\\\\").replace('"', '\\"')
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{quoted}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
        )
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue()


class ChunkedBody(io.RawIOBase):
    """A request body that arrives in pieces and has no Content-Length (as `Transfer-Encoding:
    chunked` reaches the app); records how much the app read of it."""

    def __init__(self, data: bytes, piece: int = 16 * 1024):
        self._data = io.BytesIO(data)
        self._piece = piece
        self.consumed = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        chunk = self._data.read(min(len(buffer), self._piece))
        buffer[: len(chunk)] = chunk
        self.consumed += len(chunk)
        return len(chunk)


def post_chunked(api: ApiClient, path: str, body: bytes, boundary="crm-test-boundary-7MA4YWxk"):
    """POST `body` without a Content-Length, as a server hands over a chunked request: the
    server has removed the chunk framing and says so with `wsgi.input_terminated`."""
    stream = ChunkedBody(body)
    response = api.client.post(
        path,
        input_stream=io.BytesIO(),  # (else the test client writes a body of its own)
        content_type=f"multipart/form-data; boundary={boundary}",
        headers={**api.headers, "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input": stream, "wsgi.input_terminated": True},
    )
    return response, stream


def post_files(api, path: str, files, fields=None, **kwargs):
    """POST files with a Content-Length, as a browser's FormData does."""
    return api.post(
        path,
        data=multipart(files, fields),
        content_type="multipart/form-data; boundary=crm-test-boundary-7MA4YWxk",
        **kwargs,
    )


def post_public(client, token: str, files=(), fields=None):
    """A customer's upload through a link: no Authorization."""
    return client.post(
        f"/api/v1/public/upload-links/{token}",
        data=multipart(files, fields),
        content_type="multipart/form-data; boundary=crm-test-boundary-7MA4YWxk",
    )


def login_on(crm_app, user) -> ApiClient:
    """`user` logged in on another app (from `make_app`)."""
    client = crm_app.test_client()
    return ApiClient(client, user, login(client, user.email))
