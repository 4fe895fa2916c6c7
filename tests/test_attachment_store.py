"""Contract tests of the attachment stores, run on both the local directory and GridFS.

GridFS runs on an `nx-27017` server started for the session (tests/mongo_server.py), or on the
real MongoDB named by `CRM_TEST_MONGODB_URI` (the `mongo_uri` fixture in tests/conftest.py).
The HTTP tests check `/api/health` with GridFS configured, and that the CRM keeps working when
MongoDB is down.
"""

from __future__ import annotations

import hashlib
import io
import os
import time
import uuid

import pytest

from crm.attachments.store import (
    CHUNK_SIZE,
    GridFSStore,
    LocalDirectoryStore,
    StoredFile,
    StoredFileMissing,
    new_store_id,
)
from crm.extensions import attachment_store
from tests.factories import PASSWORD, UserFactory
from tests.mongo_server import MongoServer, free_port

FIVE_MB = 5 * 1024 * 1024
TIMEOUT_MS = 3000
DOWN_HEALTH_BUDGET = 5.0  # seconds /api/health may take when MongoDB is down


@pytest.fixture(params=["local", "gridfs"])
def store(request, tmp_path):
    """Each store, emptied of what the test saved. nx-27017 may share one bucket between
    databases, so tests compare ids() with a snapshot taken before, not with an empty list."""
    if request.param == "local":
        store = LocalDirectoryStore(str(tmp_path / "attachments"))
    else:
        store = GridFSStore(
            request.getfixturevalue("mongo_uri"),
            request.getfixturevalue("mongo_database"),
            TIMEOUT_MS,
        )
    before = set(store.ids())
    store.existing = before
    yield store
    for store_id in set(store.ids()) - before:
        store.delete(store_id)
    if isinstance(store, GridFSStore):
        store.client.close()


def new_ids(store) -> set[str]:
    return set(store.ids()) - store.existing


class ReadRecorder(io.RawIOBase):
    """A readable stream that records the size of every read, to prove the store streams."""

    def __init__(self, data: bytes, fail_after: int | None = None):
        self._data = io.BytesIO(data)
        self.sizes: list[int] = []
        self.fail_after = fail_after

    def readable(self):
        return True

    def read(self, size=-1):
        self.sizes.append(size)
        if self.fail_after is not None and self._data.tell() >= self.fail_after:
            raise ConnectionResetError("the client went away half-way")
        return self._data.read(size)


def sha256_of(stream) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(64 * 1024):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def save(store, data: bytes, name: str = "file.bin") -> StoredFile:
    return store.save(io.BytesIO(data), filename=name, content_type="application/octet-stream")


def save_as(store, data: bytes, store_id: str) -> StoredFile:
    return store.save(
        io.BytesIO(data),
        filename="a.bin",
        content_type="application/octet-stream",
        store_id=store_id,
    )


# --- the store contract ------------------------------------------------------------------------


def test_multi_megabyte_stream_round_trips_in_chunks(store):
    data = os.urandom(FIVE_MB)
    source = ReadRecorder(data)

    stored = store.save(source, filename="scan.pdf", content_type="application/pdf")

    assert stored == StoredFile(stored.store_id, FIVE_MB, hashlib.sha256(data).hexdigest())
    assert isinstance(stored.store_id, str) and stored.store_id
    # Streamed: bounded reads, never one read of the whole body.
    assert all(0 < size <= 1024 * 1024 for size in source.sizes)
    with store.open(stored.store_id) as opened:
        assert sha256_of(opened) == (stored.size, stored.sha256)


def test_a_file_larger_than_one_wire_message_reads_back(store):
    """A 60 MB video: nx-27017 answers a whole-file cursor in one message, over MongoDB's
    48 MB message limit, so the GridFS store must read a few chunks per query."""
    data = os.urandom(50 * 1024 * 1024)
    stored = save(store, data, "clip.mp4")
    with store.open(stored.store_id) as opened:
        assert sha256_of(opened) == (len(data), hashlib.sha256(data).hexdigest())
        opened.seek(len(data) - 5)
        assert opened.read(100) == data[-5:]


def test_empty_file(store):
    stored = save(store, b"")
    assert (stored.size, stored.sha256) == (0, hashlib.sha256(b"").hexdigest())
    with store.open(stored.store_id) as opened:
        assert opened.read() == b""


def test_each_save_gets_its_own_id(store):
    first = save(store, b"same bytes", "a.txt")
    second = save(store, b"same bytes", "a.txt")
    assert first.store_id != second.store_id
    assert first.sha256 == second.sha256


@pytest.mark.parametrize(
    "store_id", ["0123456789abcdef0123456789abcdef", "../../etc/passwd", "", "ab"]
)
def test_open_unknown_id_raises_missing(store, store_id):
    with pytest.raises(StoredFileMissing):
        store.open(store_id)


def test_delete_then_open_raises_missing(store):
    stored = save(store, b"to be deleted")
    kept = save(store, b"to be kept")

    store.delete(stored.store_id)

    with pytest.raises(StoredFileMissing):
        store.open(stored.store_id)
    assert new_ids(store) == {kept.store_id}
    with store.open(kept.store_id) as opened:
        assert opened.read() == b"to be kept"


def test_delete_unknown_id_is_fine(store):
    store.delete(uuid.uuid4().hex)
    stored = save(store, b"x")
    store.delete(stored.store_id)
    store.delete(stored.store_id)  # twice
    assert new_ids(store) == set()


def test_ids_lists_saved_ids(store):
    saved = {save(store, f"file {n}".encode()).store_id for n in range(3)}
    assert new_ids(store) == saved
    assert all(isinstance(store_id, str) for store_id in store.ids())


@pytest.mark.parametrize("fail_after", [0, CHUNK_SIZE // 2, 3 * CHUNK_SIZE + 17])
def test_stream_failing_half_way_leaves_nothing_behind(store, fail_after):
    source = ReadRecorder(os.urandom(FIVE_MB), fail_after=fail_after)

    with pytest.raises(ConnectionResetError):
        store.save(source, filename="broken.bin", content_type="application/octet-stream")

    assert new_ids(store) == set()
    if isinstance(store, LocalDirectoryStore):
        assert [p for p in store.root.rglob("*") if p.is_file()] == []  # no .part left over


@pytest.mark.parametrize(
    ("offset", "length"),
    [
        (0, 10),
        (1000, 1),
        (CHUNK_SIZE - 5, 10),  # across a chunk boundary
        (2 * CHUNK_SIZE, CHUNK_SIZE + 3),  # several chunks from a boundary
        (FIVE_MB - 7, 7),  # the tail
    ],
)
def test_seek_and_partial_read(store, offset, length):
    """What an HTTP Range request needs."""
    data = os.urandom(FIVE_MB)
    stored = save(store, data)
    with store.open(stored.store_id) as opened:
        opened.seek(offset)
        assert opened.tell() == offset
        assert opened.read(length) == data[offset : offset + length]
        assert opened.tell() == offset + length
        opened.seek(0)
        assert opened.read(3) == data[:3]
        opened.seek(0, io.SEEK_END)
        assert opened.tell() == FIVE_MB
        assert opened.read(10) == b""


def test_ping(store):
    store.ping()


def test_save_under_a_given_id(store):
    """The metadata row is written first, with the id its bytes will be stored under."""
    store_id = new_store_id()
    stored = save_as(store, b"bytes for a known id", store_id)
    assert stored.store_id == store_id
    assert new_ids(store) == {store_id}
    with store.open(store_id) as opened:
        assert opened.read() == b"bytes for a known id"


# --- the configured store through HTTP ---------------------------------------------------------


def test_health_reports_gridfs(gridfs_app):
    response = gridfs_app.test_client().get("/api/health")
    assert response.status_code == 200
    assert response.get_json() == {
        "status": "ok",
        "database": {"status": "ok"},
        "attachments": {"status": "ok", "backend": "gridfs"},
    }


def test_each_app_keeps_its_own_store(app, gridfs_app):
    """Building a GridFS app must not switch the session app (local store) to GridFS."""
    assert attachment_store.get(gridfs_app).backend == "gridfs"
    assert attachment_store.get(app).backend == "local"
    body = app.test_client().get("/api/health").get_json()
    assert body["attachments"] == {"status": "ok", "backend": "local"}


def test_store_is_built_again_after_a_fork(gridfs_app):
    """pymongo is not fork-safe: a forked worker gets its own client, and it works."""
    parent_store = attachment_store.get(gridfs_app)
    parent_store.ping()
    assert attachment_store.get(gridfs_app) is parent_store  # once per process
    pid = os.fork()
    if pid == 0:  # the child: report through the exit code only
        code = 1
        try:
            child_store = attachment_store.get(gridfs_app)
            child_store.ping()
            code = 0 if child_store is not parent_store else 2
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    parent_store.ping()


def assert_degraded_but_working(crm_app):
    client = crm_app.test_client()
    started = time.monotonic()
    response = client.get("/api/health")
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "degraded"
    assert body["database"] == {"status": "ok"}
    assert body["attachments"]["status"] == "down"
    assert body["attachments"]["backend"] == "gridfs"
    assert body["attachments"]["detail"]
    assert elapsed < DOWN_HEALTH_BUDGET

    with crm_app.app_context():
        user = UserFactory(role="sales")
        email = user.email
    tokens = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert tokens.status_code == 200, tokens.get_json()
    headers = {"Authorization": f"Bearer {tokens.get_json()['access_token']}"}
    created = client.post("/api/v1/leads", json={"name": "王芳"}, headers=headers)
    assert created.status_code == 201, created.get_json()
    listed = client.get("/api/v1/leads", headers=headers)
    assert listed.status_code == 200
    assert [lead["name"] for lead in listed.get_json()["items"]] == ["王芳"]


def test_health_degraded_when_mongodb_stops(make_app, tmp_path_factory):
    server = MongoServer(tmp_path_factory.mktemp("mongo-short-lived")).start()
    try:
        crm_app = make_app(MONGODB_URI=server.uri)
        client = crm_app.test_client()
        assert client.get("/api/health").get_json()["status"] == "ok"  # connected while up
    finally:
        server.stop()

    assert_degraded_but_working(crm_app)


def test_health_degraded_when_mongodb_never_answers(make_app):
    uri = f"mongodb://127.0.0.1:{free_port()}/?directConnection=true"
    assert_degraded_but_working(make_app(MONGODB_URI=uri))


def test_health_degraded_when_mongodb_uri_is_malformed(make_app):
    assert_degraded_but_working(make_app(MONGODB_URI="mongodb://:bad@/"))
