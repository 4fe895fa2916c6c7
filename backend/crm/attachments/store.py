"""Where attachment bytes live. Chosen by settings: GridFS when MONGODB_URI is set, else a
local directory. Both stream in chunks and never hold a whole file in memory."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from flask import current_app

CHUNK_SIZE = 255 * 1024  # GridFS's default chunk size


class StoreUnavailable(Exception):
    """The store cannot be reached right now (answered as 503)."""


class StoredFileMissing(Exception):
    """No bytes are stored under this id."""


@dataclass(frozen=True)
class StoredFile:
    store_id: str
    size: int
    sha256: str


class AttachmentStore(Protocol):
    backend: str

    def save(
        self, stream: BinaryIO, *, filename: str, content_type: str, store_id: str | None = None
    ) -> StoredFile: ...

    def open(self, store_id: str) -> BinaryIO: ...

    def delete(self, store_id: str) -> None: ...

    def ids(self) -> list[str]: ...

    def ping(self) -> None: ...


def new_store_id() -> str:
    """A fresh id in the form both stores use (the metadata row is written with it first)."""
    return uuid.uuid4().hex


def _copy(stream: BinaryIO, write) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    while chunk := stream.read(CHUNK_SIZE):
        digest.update(chunk)
        size += len(chunk)
        write(chunk)
    return size, digest.hexdigest()


class LocalDirectoryStore:
    """Files named by a random id under one directory; names from users are never paths."""

    backend = "local"

    def __init__(self, directory: str):
        self.root = Path(directory)

    def _path(self, store_id: str) -> Path:
        if not store_id.isalnum():
            raise StoredFileMissing(store_id)
        return self.root / store_id[:2] / store_id

    def save(self, stream, *, filename, content_type, store_id=None):
        store_id = store_id or new_store_id()
        path = self._path(store_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        try:
            with open(partial, "wb") as fh:
                size, sha = _copy(stream, fh.write)
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return StoredFile(store_id, size, sha)

    def open(self, store_id):
        try:
            return open(self._path(store_id), "rb")
        except FileNotFoundError as exc:
            raise StoredFileMissing(store_id) from exc

    def delete(self, store_id):
        self._path(store_id).unlink(missing_ok=True)

    def ids(self):
        return [p.name for p in self.root.glob("*/*") if p.is_file() and p.suffix != ".part"]

    def ping(self):
        self.root.mkdir(parents=True, exist_ok=True)
        if not os.access(self.root, os.W_OK):
            raise StoreUnavailable(f"{self.root} is not writable")


class GridFSStore:
    """Bytes in MongoDB GridFS, streamed in chunks both ways."""

    backend = "gridfs"

    def __init__(self, uri: str, database: str, timeout_ms: int):
        from pymongo import MongoClient
        from pymongo.errors import ConfigurationError

        try:
            self.client = MongoClient(
                uri,
                serverSelectionTimeoutMS=timeout_ms,
                connectTimeoutMS=timeout_ms,
                socketTimeoutMS=timeout_ms * 10,
            )
        except ConfigurationError as exc:  # a malformed MONGODB_URI, or an SRV name not found
            raise StoreUnavailable(f"MONGODB_URI is not usable: {exc}") from exc
        self.database = self.client[database]

    @property
    def bucket(self):
        import gridfs

        return gridfs.GridFSBucket(
            self.database, bucket_name="attachments", chunk_size_bytes=CHUNK_SIZE
        )

    def _guard(self, action):
        from pymongo.errors import AutoReconnect, ConnectionFailure, ServerSelectionTimeoutError

        try:
            return action()
        except (ServerSelectionTimeoutError, ConnectionFailure, AutoReconnect) as exc:
            raise StoreUnavailable(str(exc)) from exc

    def save(self, stream, *, filename, content_type, store_id=None):
        store_id = store_id or new_store_id()

        def upload():
            bucket = self.bucket
            with bucket.open_upload_stream_with_id(
                store_id, filename, metadata={"content_type": content_type}
            ) as upload_stream:
                size, sha = _copy(stream, upload_stream.write)
            return StoredFile(store_id, size, sha)

        try:
            return self._guard(upload)
        except StoreUnavailable:
            # Cleaning up would wait for the server again; the caller keeps the metadata row
            # pending, and `crm attachments sweep` deletes these bytes once MongoDB is back.
            raise
        except BaseException:
            self._delete_quietly(store_id)
            raise

    def _delete_quietly(self, store_id):
        import gridfs

        with contextlib.suppress(gridfs.errors.NoFile, Exception):
            self.bucket.delete(store_id)

    def open(self, store_id):
        def describe():
            stored = next(iter(self.bucket.find({"_id": store_id}).limit(1)), None)
            if stored is None:
                raise StoredFileMissing(store_id)
            return stored

        stored = self._guard(describe)
        return GridFSReader(
            self.database["attachments.chunks"],
            store_id,
            length=int(stored.length),
            chunk_size=int(stored.chunk_size),
            guard=self._guard,
        )

    def delete(self, store_id):
        import gridfs
        from pymongo.errors import OperationFailure

        def remove():
            try:
                self.bucket.delete(store_id)
            except gridfs.errors.NoFile:
                pass  # real MongoDB: nothing stored under this id
            except OperationFailure:
                # nx-27017 answers an error, not "0 deleted", for an id it does not hold.
                if self._exists(store_id):
                    raise

        self._guard(remove)

    def _exists(self, store_id) -> bool:
        return next(iter(self.bucket.find({"_id": store_id}).limit(1)), None) is not None

    def ids(self):
        return self._guard(lambda: [str(f._id) for f in self.bucket.find({})])

    def ping(self):
        self._guard(lambda: self.client.admin.command("ping"))


class GridFSReader(io.RawIOBase):
    """A GridFS file as a seekable stream that asks for a few chunks at a time.

    pymongo's GridOut reads all chunks through one cursor and leaves the batch size to the
    server: MongoDB caps a batch at 16 MB, but nx-27017 sends a whole large file in one reply,
    over the 48 MB message limit. Asking for a window of chunks per query works on both.
    """

    WINDOW = 16  # chunks per query: 4 MB

    def __init__(self, chunks, file_id: str, *, length: int, chunk_size: int, guard):
        self._chunks = chunks
        self._file_id = file_id
        self._length = length
        self._chunk_size = chunk_size
        self._guard = guard
        self._pos = 0
        self._window_start = 0
        self._window: list[bytes] = []

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._length}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._pos = base + offset
        return self._pos

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes (all that is left when negative), short only at the end."""
        end = self._length if size is None or size < 0 else min(self._length, self._pos + size)
        parts = []
        while self._pos < end:
            number, offset = divmod(self._pos, self._chunk_size)
            part = self._chunk(number)[offset : offset + end - self._pos]
            parts.append(part)
            self._pos += len(part)
        return b"".join(parts)

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _chunk(self, number: int) -> bytes:
        if not self._window_start <= number < self._window_start + len(self._window):
            self._window_start, self._window = number, self._guard(lambda: self._fetch(number))
        return self._window[number - self._window_start]

    def _fetch(self, first: int) -> list[bytes]:
        last = min(first + self.WINDOW, -(-self._length // self._chunk_size))
        found = self._chunks.find(
            {"files_id": self._file_id, "n": {"$gte": first, "$lt": last}}, sort=[("n", 1)]
        )
        window = [bytes(chunk["data"]) for chunk in found]
        if len(window) != last - first:
            raise OSError(f"GridFS file {self._file_id} lacks chunks from #{first}")
        return window


class _LazyStore:
    """One app's store, built on first use in each process."""

    def __init__(self, config):
        self._config = config
        self._store: AttachmentStore | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()

    @property
    def backend(self) -> str:
        uses_gridfs = bool(self._config.get("MONGODB_URI"))
        return GridFSStore.backend if uses_gridfs else LocalDirectoryStore.backend

    def get(self) -> AttachmentStore:
        with self._lock:
            if self._store is None or self._pid != os.getpid():
                config = self._config
                if config.get("MONGODB_URI"):
                    self._store = GridFSStore(
                        config["MONGODB_URI"],
                        config["MONGODB_DATABASE"],
                        config["MONGODB_TIMEOUT_MS"],
                    )
                else:
                    self._store = LocalDirectoryStore(config["ATTACHMENTS_DIR"])
                self._pid = os.getpid()
            return self._store


class AttachmentStoreProvider:
    """Builds the configured store lazily, once per process: pymongo is not fork-safe, so each
    gunicorn worker must create its own client after the fork. The store belongs to the app
    (`app.extensions`), so several apps in one process (tests) each keep their own."""

    def init_app(self, app):
        app.extensions["attachment_store"] = _LazyStore(app.config)

    def _state(self, app=None) -> _LazyStore:
        return (app or current_app).extensions["attachment_store"]

    @property
    def backend(self) -> str:
        """The configured backend's name, without connecting to it."""
        return self._state().backend

    def get(self, app=None) -> AttachmentStore:
        """The current app's store (raises StoreUnavailable when it cannot even be built)."""
        return self._state(app).get()
