"""Uploads through a real HTTP server (werkzeug's, which like gunicorn dechunks the body and sets
`wsgi.input_terminated`): a chunked upload without Content-Length is stored whole under the
limit, and refused with 413 over it."""

from __future__ import annotations

import socket
import threading

import pytest
from werkzeug.serving import make_server

from tests.attachment_helpers import TicketFactory, login_on, multipart, png_of, sha256
from tests.factories import UserFactory

LIMIT = 256 * 1024
BOUNDARY = "crm-test-boundary-7MA4YWxk"


@pytest.fixture
def server(make_app):
    crm_app = make_app(MAX_UPLOAD_BYTES=LIMIT)
    httpd = make_server("127.0.0.1", 0, crm_app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield crm_app, httpd.server_port
    httpd.shutdown()
    thread.join(timeout=10)


def send_chunked(port: int, path: str, token: str, body: bytes) -> tuple[int, bytes]:
    """POST `body` with Transfer-Encoding: chunked from a second thread (the server may answer
    before it has read everything) and return the status and the raw answer."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Authorization: Bearer {token}\r\n"
        f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    ).encode()

    def send():
        try:
            sock.sendall(head)
            for start in range(0, len(body), 16 * 1024):
                piece = body[start : start + 16 * 1024]
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            sock.sendall(b"0\r\n\r\n")
            sock.shutdown(socket.SHUT_WR)  # the dev server drains what is left until EOF
        except OSError:
            pass  # the server answered and closed before taking everything: expected for 413

    sender = threading.Thread(target=send)
    sender.start()
    answer = b""
    try:
        while chunk := sock.recv(65536):
            answer += chunk
    except ConnectionResetError:
        pass
    sender.join(timeout=10)
    sock.close()
    status = int(answer.split(b" ", 2)[1]) if answer else 0
    return status, answer


def test_chunked_upload_through_a_server(server, db):
    crm_app, port = server
    ticket = TicketFactory()
    api = login_on(crm_app, UserFactory(role="service"))
    data = png_of(200 * 1024)

    status, answer = send_chunked(
        port,
        f"/api/v1/tickets/{ticket.id}/attachments",
        api.tokens["access_token"],
        multipart([("photo.png", data)], boundary=BOUNDARY),
    )

    assert status == 201, answer[:500]
    assert sha256(data).encode() in answer


def test_chunked_upload_over_the_limit_is_413_from_a_server(server, db):
    crm_app, port = server
    ticket = TicketFactory()
    api = login_on(crm_app, UserFactory(role="service"))

    status, answer = send_chunked(
        port,
        f"/api/v1/tickets/{ticket.id}/attachments",
        api.tokens["access_token"],
        multipart([("big.png", png_of(2 * 1024 * 1024))]),
    )

    assert status == 413, answer[:500]
    assert b"application/problem+json" in answer
