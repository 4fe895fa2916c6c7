"""Benchmark: the customer's 60 MB video, uploaded to a ticket and played back.

Through the real app on a fresh database, with the bytes in GridFS (an nx-27017 server started
here, or CRM_TEST_MONGODB_URI) or in the local directory store: one upload streamed from a
generator (the body never exists whole, on either side), one full download, and Range requests
at random places as a video player scrubbing. Prints MB/s and the peak Python memory of each
step, which shows the upload and download stream; asserts only that the bytes come back intact.
(With GridFS the upload's peak is pymongo's insert batch: GridIn buffers up to 32 MB of chunks
per `insert_many`, so about 90 MB of Python memory per upload in flight, whatever the size.)
Run with `.venv/bin/python tests/bench/bench_attachments.py --store gridfs|local --mb 60`.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import sys
import tempfile
import time
import tracemalloc
import uuid
from contextlib import ExitStack
from pathlib import Path

from flask_migrate import upgrade

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # `tests.mongo_server`

from bench_common import api_user

from crm import create_app
from crm.extensions import db
from tests.mongo_server import MongoServer

BOUNDARY = "bench-boundary-9f8e7d"
MP4_HEAD = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"
PIECE = 256 * 1024


class VideoBody(io.RawIOBase):
    """A multipart body with one `file` part of `size` bytes (an mp4 header, then random
    bytes), made while it is read; its sha256 is known once it has been read."""

    def __init__(self, size: int):
        self._head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="leak.mp4"\r\nContent-Type: video/mp4\r\n\r\n'
        ).encode()
        self._tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self._left = size
        self._buffer = self._head
        self._digest = hashlib.sha256()
        self._first = True
        self.length = len(self._head) + size + len(self._tail)

    def readable(self):
        return True

    def _next_piece(self) -> bytes:
        if self._left <= 0:
            piece, self._tail = self._tail, b""
            return piece
        piece = os.urandom(min(PIECE, self._left))
        if self._first:
            piece = MP4_HEAD + piece[len(MP4_HEAD) :]
            self._first = False
        self._left -= len(piece)
        self._digest.update(piece)
        return piece

    def readinto(self, buffer):
        while not self._buffer:
            self._buffer = self._next_piece()
            if not self._buffer:
                return 0
        n = min(len(buffer), len(self._buffer))
        buffer[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n

    @property
    def sha256(self) -> str:
        return self._digest.hexdigest()


def _measure(step):
    """Seconds and peak traced Python memory (bytes) of `step()`, and what it answered."""
    tracemalloc.start()
    started = time.perf_counter()
    result = step()
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", default="gridfs", choices=("gridfs", "local"))
    parser.add_argument("--mb", type=int, default=60, help="size of the video in MB")
    parser.add_argument("--seeks", type=int, default=20, help="Range requests while scrubbing")
    args = parser.parse_args()
    size = args.mb * 1024 * 1024

    with tempfile.TemporaryDirectory() as workdir, ExitStack() as stack:
        config = {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir}/bench.sqlite3",
            "INSTANCE_PATH": workdir,
            "SECRET_KEY": "b" * 40,
            "ATTACHMENTS_DIR": f"{workdir}/attachments",
            "MONGODB_URI": None,
        }
        if args.store == "gridfs":
            uri = os.environ.get("CRM_TEST_MONGODB_URI")
            if not uri:
                uri = stack.enter_context(MongoServer(Path(workdir) / "mongo")).uri
            config.update(MONGODB_URI=uri, MONGODB_DATABASE=f"crm_bench_{uuid.uuid4().hex[:8]}")
        app = create_app(config)
        with app.app_context():
            upgrade(directory=app.config["MIGRATIONS_DIR"])
        client = app.test_client()
        with app.app_context():
            headers, _ = api_user("agent@example.com", "Agent", "service")
        ticket = client.post(
            "/api/v1/tickets", json={"kind": "complaint", "subject": "Oil leak"}, headers=headers
        ).get_json()

        body = VideoBody(size)
        seconds, peak, response = _measure(
            lambda: client.post(
                f"/api/v1/tickets/{ticket['id']}/attachments",
                input_stream=io.BytesIO(),  # (else the test client writes a body of its own)
                content_type=f"multipart/form-data; boundary={BOUNDARY}",
                headers=headers,
                # The body is read from the generator as a server hands it over.
                environ_overrides={"wsgi.input": body, "CONTENT_LENGTH": str(body.length)},
            )
        )
        assert response.status_code == 201, response.get_json()
        item = response.get_json()["items"][0]
        assert (item["size"], item["sha256"]) == (size, body.sha256), item
        rows = [("upload", seconds, peak)]

        def download():
            digest = hashlib.sha256()
            with client.get(item["content_url"], buffered=False) as answer:
                for piece in answer.response:
                    digest.update(piece)
            return digest.hexdigest()

        seconds, peak, sha = _measure(download)
        assert sha == body.sha256
        rows.append(("download", seconds, peak))

        rng = random.Random(7)

        def scrub():
            for _ in range(args.seeks):
                start = rng.randrange(size - 1024 * 1024)
                wanted = f"bytes={start}-{start + 1024 * 1024 - 1}"
                answer = client.get(item["content_url"], headers={"Range": wanted})
                assert answer.status_code == 206 and len(answer.data) == 1024 * 1024

        seconds, peak, _ = _measure(scrub)
        rows.append((f"{args.seeks} x 1 MB Range", seconds, peak))

        print(f"{args.store}: one {args.mb} MB video")
        print(f"{'step':<20} {'seconds':>8} {'MB/s':>8} {'peak MB':>8}")
        for label, seconds, peak in rows:
            moved = args.seeks if "Range" in label else args.mb
            print(f"{label:<20} {seconds:>8.2f} {moved / seconds:>8.1f} {peak / 2**20:>8.1f}")
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


if __name__ == "__main__":
    main()
