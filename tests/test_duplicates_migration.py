"""Migration 0009_duplicates fills the name keys of the companies and leads already stored."""

from __future__ import annotations

import sqlalchemy as sa
from flask_migrate import upgrade

from crm import create_app
from crm.extensions import db
from tests.test_migrations import _fresh_url


def test_the_keys_of_existing_names_are_filled(tmp_path):
    url, cleanup = _fresh_url(tmp_path)
    try:
        app = create_app(
            {"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "x" * 40}
        )
        with app.app_context():
            directory = app.config["MIGRATIONS_DIR"]
            upgrade(directory=directory, revision="0008_imports")
            now = "2026-01-01 00:00:00"
            with db.engine.begin() as conn:
                conn.execute(
                    sa.text(
                        "INSERT INTO companies (name, created_at, updated_at, version) "
                        "VALUES ('苏州泵业股份有限公司', :t, :t, 1), ('Acme Co., Ltd.', :t, :t, 1)"
                    ),
                    {"t": now},
                )
                conn.execute(
                    sa.text(
                        "INSERT INTO leads (name, company_name, source, status, created_at, "
                        "updated_at, version) VALUES ('Wang', '无锡水务集团', 'web', 'new', :t, "
                        ":t, 1), ('Li', NULL, 'web', 'new', :t, :t, 1)"
                    ),
                    {"t": now},
                )
            upgrade(directory=directory)
            with db.engine.connect() as conn:
                companies = conn.execute(sa.text("SELECT name_key FROM companies ORDER BY id"))
                assert [row[0] for row in companies] == ["苏州泵业", "acme"]
                leads = conn.execute(sa.text("SELECT company_name_key FROM leads ORDER BY id"))
                assert [row[0] for row in leads] == ["无锡水务", ""]
            db.session.remove()
            db.engine.dispose()
    finally:
        cleanup()
