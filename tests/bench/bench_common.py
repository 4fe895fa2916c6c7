"""What the benchmark scripts share: a throwaway database and an API token without a login."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from flask_jwt_extended import create_access_token

from crm.auth.models import LoginSession, User
from crm.extensions import db

PASSWORD_HASH = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$0Yh5V5nQ3VCeEQzXzL7o8A"  # never logged in


def database_url(kind: str, workdir: Path) -> tuple[str, Callable[[], None]]:
    """A new MariaDB database (dropped by the returned function) or a SQLite file in workdir."""
    if kind == "mariadb":
        server = sa.create_engine("mysql+pymysql://root@127.0.0.1:3306/?charset=utf8mb4")
        name = f"crm_bench_{uuid.uuid4().hex[:8]}"
        with server.connect() as conn:
            conn.execute(sa.text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4"))

        def drop():
            with server.connect() as conn:
                conn.execute(sa.text(f"DROP DATABASE {name}"))

        return f"mysql+pymysql://root@127.0.0.1:3306/{name}?charset=utf8mb4", drop
    return f"sqlite:///{workdir / 'bench.sqlite3'}", lambda: None


def api_user(email: str, name: str, role: str, **fields) -> tuple[dict[str, str], int]:
    """A user with a login session, and the headers that call the API as them (inside an app
    context); no password hashing, no login request."""
    user = User(email=email, name=name, role=role, password_hash=PASSWORD_HASH, **fields)
    db.session.add(user)
    db.session.flush()
    sid = str(uuid.uuid4())
    db.session.add(
        LoginSession(
            id=sid,
            user_id=user.id,
            refresh_jti="-",
            expires_at=datetime.now(UTC) + timedelta(days=1),
        )
    )
    token = create_access_token(str(user.id), additional_claims={"sid": sid})
    db.session.commit()
    return {"Authorization": f"Bearer {token}"}, user.id
