"""Fixtures: the app on a fresh, migrated database (SQLite or MariaDB), clients, and users;
a MongoDB for GridFS, and more apps on the same database with other settings (`make_app`).

`CRM_TEST_DB=mariadb` runs the suite on MariaDB at 127.0.0.1:3306 (root, no password) in a new
database per run; the default is a SQLite file. An unreachable MariaDB fails the run.
GridFS runs on an `nx-27017` server started once per session (tests/mongo_server.py), or on the
real MongoDB named by `CRM_TEST_MONGODB_URI`.
"""

from __future__ import annotations

import contextvars
import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from babel.messages.pofile import read_po
from flask import has_app_context
from flask.testing import FlaskClient
from flask_migrate import upgrade

import crm
from crm import create_app
from crm.core.error_codes import ERROR_CODES, FIELD_ERROR_CODES
from crm.core.errors import PROBLEM_CONTENT_TYPE
from crm.core.i18n import is_translated
from crm.extensions import db as _db
from crm.extensions import limiter
from tests.factories import PASSWORD, LeadFactory, TeamFactory, UserFactory
from tests.mongo_server import MongoServer

MARIADB_SERVER = os.environ.get("CRM_TEST_MARIADB", "mysql+pymysql://root@127.0.0.1:3306")
MONGO_TIMEOUT_MS = 3000
# Rate-limit counters of this test process in Redis: `limiter.reset()` after each test clears
# these only, not those of the other processes (pytest-xdist) counting on the same Redis.
LIMITER_STORAGE_OPTIONS = {"key_prefix": f"crm-test-limits-{uuid.uuid4().hex[:8]}"}


def _mariadb_database():
    name = f"crm_test_{uuid.uuid4().hex[:10]}"
    server = sa.create_engine(MARIADB_SERVER + "/?charset=utf8mb4")
    try:
        with server.connect() as conn:
            conn.execute(
                sa.text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
            )
    except sa.exc.OperationalError as exc:
        pytest.exit(f"MariaDB is not reachable at {MARIADB_SERVER}: {exc}", returncode=3)
    return server, name


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    if os.environ.get("CRM_TEST_DB", "sqlite") == "mariadb":
        server, name = _mariadb_database()
        yield f"{MARIADB_SERVER}/{name}?charset=utf8mb4"
        with server.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"))
        server.dispose()
    else:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'crm.sqlite3'}"


class RequestIsolatedClient(FlaskClient):
    """Runs each request in an empty context, as a server does: its own app context, `g` and
    database session (the `db` fixture keeps an app context pushed, which Flask would reuse)."""

    def open(self, *args, **kwargs):
        if has_app_context():
            # End the test's own transaction, so the request sees what the test wrote and the
            # test's next query sees what the request wrote (REPEATABLE READ on MariaDB).
            _db.session.commit()
        response = contextvars.Context().run(super().open, *args, **kwargs)
        check_problem_codes(response)
        check_problem_translated(self.application, response)
        return response


def check_problem_codes(response) -> None:
    """Every error answer of the whole suite carries a documented code, and a code for each
    field message (the contract clients branch on)."""
    if response.content_type != PROBLEM_CONTENT_TYPE:
        return
    body = response.get_json()
    assert body["code"] in ERROR_CODES, body
    assert body["type"].endswith(body["code"]), body
    errors = body.get("errors") or {}
    codes = body.get("error_codes") or {}
    assert set(codes) == set(errors), body
    for field, messages in errors.items():
        assert len(codes[field]) == len(messages), body
        assert all(code in FIELD_ERROR_CODES for code in codes[field]), body
        if os.environ.get("CRM_TEST_REPORT_GENERIC_CODES") and "invalid" in codes[field]:
            print("GENERIC FIELD CODE:", field, messages)


def _english_rewordings() -> dict[str, str]:
    path = Path(crm.__file__).parent / "translations/en_US/LC_MESSAGES/messages.po"
    with path.open("rb") as file:
        return {message.string: message.id for message in read_po(file) if message.string}


ENGLISH_REWORDINGS = _english_rewordings()


def check_problem_translated(app, response) -> None:
    """Every message an English error answer of the suite carries has a Chinese translation
    (a message without one is missing its N_ marker or its msgstr: `make translations`)."""
    if (
        response.content_type != PROBLEM_CONTENT_TYPE
        or response.headers.get("Content-Language") != "en-US"
    ):
        return
    body = response.get_json()
    messages = [body["detail"], *(m for ms in (body.get("errors") or {}).values() for m in ms)]
    # The English catalogue rewords some library messages; check the source text behind them.
    sources = [ENGLISH_REWORDINGS.get(message, message) for message in messages]
    with app.test_request_context():
        untranslated = [m for m in sources if not is_translated(m, "zh_Hans_CN")]
    assert not untranslated, f"No Chinese translation for {untranslated}"


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "INSTANCE_PATH": str(tmp_path_factory.mktemp("instance")),
            "SECRET_KEY": "test-secret-key-that-is-long-enough-for-hs256",
            "JWT_SECRET_KEY": "test-secret-key-that-is-long-enough-for-hs256",
            "RATELIMIT_KEY_PREFIX": f"crm-test-{uuid.uuid4().hex[:8]}",
            "RATELIMIT_STORAGE_OPTIONS": LIMITER_STORAGE_OPTIONS,
            "ATTACHMENTS_DIR": str(tmp_path_factory.mktemp("attachments")),
            "MONGODB_URI": None,
            # A job runs right after its request commits: when the request answers, it is done.
            "JOBS_BACKEND": "inline",
        }
    )
    app.test_client_class = RequestIsolatedClient
    with app.app_context():
        upgrade(directory=app.config["MIGRATIONS_DIR"])
    return app


@pytest.fixture
def make_app(app, db, tmp_path_factory):
    """`make_app(**config)`: another app on the session's (already migrated) database, with
    other settings (MONGODB_URI, MAX_UPLOAD_BYTES ...) and its own store directory."""

    def _make_app(**config):
        other = create_app(
            {
                "TESTING": True,
                "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
                "INSTANCE_PATH": str(tmp_path_factory.mktemp("instance")),
                "SECRET_KEY": app.config["SECRET_KEY"],
                "JWT_SECRET_KEY": app.config["JWT_SECRET_KEY"],
                "RATELIMIT_KEY_PREFIX": f"crm-test-{uuid.uuid4().hex[:8]}",
                "RATELIMIT_STORAGE_OPTIONS": LIMITER_STORAGE_OPTIONS,
                "ATTACHMENTS_DIR": str(tmp_path_factory.mktemp("attachments")),
                "MONGODB_URI": None,
                "JOBS_BACKEND": "inline",
                **config,
            }
        )
        other.test_client_class = RequestIsolatedClient
        return other

    return _make_app


@pytest.fixture(scope="session")
def mongo_uri(tmp_path_factory):
    """A MongoDB for the session: CRM_TEST_MONGODB_URI, or an nx-27017 started here."""
    if uri := os.environ.get("CRM_TEST_MONGODB_URI"):
        yield uri
        return
    with MongoServer(tmp_path_factory.mktemp("mongo")) as server:
        yield server.uri


@pytest.fixture(scope="session")
def mongo_database(mongo_uri):
    """One database name per run, dropped at the end (a real MongoDB is left as it was)."""
    from pymongo import MongoClient

    name = f"crm_test_{uuid.uuid4().hex[:10]}"
    yield name
    client = MongoClient(mongo_uri, serverSelectionTimeoutMS=MONGO_TIMEOUT_MS)
    try:
        client.drop_database(name)
    finally:
        client.close()


@pytest.fixture
def gridfs_app(make_app, mongo_uri, mongo_database):
    """An app whose attachments live in GridFS (the session's MongoDB)."""
    return make_app(MONGODB_URI=mongo_uri, MONGODB_DATABASE=mongo_database)


@pytest.fixture
def db(app):
    """The database, emptied after each test."""
    with app.app_context():
        yield _db
        _db.session.rollback()
        # Break the reference cycles first (a converted lead names its opportunity, which names
        # the lead; a company names its parent company), or MariaDB refuses to delete the rows.
        for table in _db.metadata.sorted_tables:
            for fk in table.foreign_keys:
                if fk.use_alter or fk.column.table is table:
                    _db.session.execute(table.update().values({fk.parent.name: None}))
        for table in reversed(_db.metadata.sorted_tables):
            _db.session.execute(table.delete())
        _db.session.commit()
        _db.session.remove()
    limiter.reset()


@pytest.fixture
def client(app, db):
    return app.test_client()


class ApiClient:
    """A test client that sends a user's access token with every request."""

    def __init__(self, client, user, tokens):
        self.client = client
        self.user = user
        self.tokens = tokens

    @property
    def headers(self):
        return {"Authorization": f"Bearer {self.tokens['access_token']}"}

    def _call(self, method, path, headers=None, **kwargs):
        return getattr(self.client, method)(
            path, headers={**self.headers, **(headers or {})}, **kwargs
        )

    def get(self, path, **kwargs):
        return self._call("get", path, **kwargs)

    def post(self, path, **kwargs):
        return self._call("post", path, **kwargs)

    def patch(self, path, **kwargs):
        return self._call("patch", path, **kwargs)

    def put(self, path, **kwargs):
        return self._call("put", path, **kwargs)

    def delete(self, path, **kwargs):
        return self._call("delete", path, **kwargs)


def login(client, email, password=PASSWORD):
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


@pytest.fixture
def login_as(app, db):
    """`login_as("sales", team=east)` creates a user with that role and logs them in."""

    def _login_as(role="sales", *, team=None, **fields):
        user = UserFactory(role=role, team_id=team.id if team else None, **fields)
        client = app.test_client()
        return ApiClient(client, user, login(client, user.email))

    return _login_as


@pytest.fixture
def team(db):
    return TeamFactory


@pytest.fixture
def make_lead(db):
    return LeadFactory
