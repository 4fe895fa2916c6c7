"""A throwaway MongoDB-wire-protocol server for tests: `nx-27017` (SQLite-backed) from the venv.

`MongoServer(tmp_dir).start()` runs it in the foreground as a child process on a free local port,
waits until pymongo can ping it, and `stop()` ends that child (and only it). Use it as a context
manager, or through the `mongo_uri` fixture in tests/conftest.py.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from pymongo import MongoClient
from pymongo.errors import PyMongoError

NX_27017 = Path(sys.executable).with_name("nx-27017")
START_TIMEOUT = 30.0


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on right now (closed again before it is returned)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def ping(uri: str, timeout_ms: int = 500) -> bool:
    client = MongoClient(
        uri, serverSelectionTimeoutMS=timeout_ms, connectTimeoutMS=timeout_ms, directConnection=True
    )
    try:
        client.admin.command("ping")
        return True
    except PyMongoError:
        return False
    finally:
        client.close()


class MongoServer:
    """One nx-27017 process with its own SQLite file, log and pid file under `directory`."""

    def __init__(self, directory: str | os.PathLike, host: str = "127.0.0.1"):
        self.directory = Path(directory)
        self.host = host
        self.port: int | None = None
        self.process: subprocess.Popen | None = None

    @property
    def uri(self) -> str:
        return f"mongodb://{self.host}:{self.port}/?directConnection=true"

    @property
    def log_file(self) -> Path:
        return self.directory / "nx-27017.log"

    def start(self) -> MongoServer:
        if not NX_27017.exists():
            raise RuntimeError(f"{NX_27017} is missing: install the dev extras (nx-27017)")
        self.directory.mkdir(parents=True, exist_ok=True)
        self.port = free_port(self.host)
        command = [
            str(NX_27017),
            "--host", self.host,
            "-p", str(self.port),
            "--db", str(self.directory / "x.db"),
            "--log-file", str(self.log_file),
            "--pid-file", str(self.directory / "nx-27017.pid"),
        ]  # fmt: skip
        with open(self.directory / "nx-27017.out", "wb") as out:
            self.process = subprocess.Popen(  # noqa: S603 (our own venv's executable)
                command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = (self.directory / "nx-27017.out").read_text(errors="replace")
                raise RuntimeError(f"nx-27017 exited with {self.process.returncode}:\n{output}")
            if ping(self.uri):
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(
            f"nx-27017 did not answer a ping on port {self.port} within "
            f"{START_TIMEOUT:.0f}s; see {self.log_file}"
        )

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 10 s; only the child this object started."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            process.wait(timeout=10)

    def __enter__(self) -> MongoServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
