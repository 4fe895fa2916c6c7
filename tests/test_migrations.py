"""Migrations are the only way the schema changes: they run both ways and match the models."""

from __future__ import annotations

import os

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from crm import create_app
from crm.extensions import db
from tests.conftest import MARIADB_SERVER, _mariadb_database


def _fresh_url(tmp_path):
    if os.environ.get("CRM_TEST_DB", "sqlite") == "mariadb":
        server, name = _mariadb_database()
        return f"{MARIADB_SERVER}/{name}?charset=utf8mb4", lambda: _drop(server, name)
    return f"sqlite:///{tmp_path / 'migrations.sqlite3'}", lambda: None


def _drop(server, name):
    with server.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"))
    server.dispose()


def test_upgrade_downgrade_upgrade_and_models_match(tmp_path):
    url, cleanup = _fresh_url(tmp_path)
    try:
        app = create_app(
            {"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "x" * 40}
        )
        with app.app_context():
            directory = app.config["MIGRATIONS_DIR"]
            upgrade(directory=directory)
            downgrade(directory=directory, revision="base")
            assert set(sa.inspect(db.engine).get_table_names()) <= {"alembic_version"}
            upgrade(directory=directory)
            with db.engine.connect() as conn:
                diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
            assert diff == [], f"models and migrations differ: {diff}"
            db.session.remove()
            db.engine.dispose()
    finally:
        cleanup()
