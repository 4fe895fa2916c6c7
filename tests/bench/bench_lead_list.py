"""Benchmark: how fast a sales rep's and a manager's lead lists answer on a realistic data set.

Builds leads from the Maven CRM export (../shared/data/maven-crm: 35 agents in regional teams,
8,800 opportunities, repeated --copies times) on a fresh database, then times the list calls
behind the SPA through the real app. Run with `make bench` (SQLite) or
`make bench BENCH_DB=mariadb`. Prints p50/p95 per scenario; it asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from bench_common import PASSWORD_HASH, database_url
from flask_migrate import upgrade

from crm import create_app
from crm.auth.models import Team, User
from crm.extensions import db
from crm.sales.models import Lead

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "maven-crm"
STATUS_BY_STAGE = {
    "Prospecting": "new",
    "Engaging": "contacted",
    "Won": "qualified",
    "Lost": "unqualified",
}


def _rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _load(copies: int) -> dict[str, User]:
    teams, users = {}, {}
    for row in _rows("sales_teams.csv"):
        team = teams.setdefault(row["regional_office"], Team(name=row["regional_office"]))
        users[row["sales_agent"]] = User(
            email=f"{row['sales_agent'].lower().replace(' ', '.')}@example.com",
            name=row["sales_agent"],
            role="sales",
            team=team,
            password_hash=PASSWORD_HASH,
        )
        if row["manager"] not in users:
            users[row["manager"]] = User(
                email=f"{row['manager'].lower().replace(' ', '.')}@example.com",
                name=row["manager"],
                role="manager",
                team=team,
                password_hash=PASSWORD_HASH,
            )
    db.session.add_all(users.values())
    db.session.flush()
    now = datetime.now(UTC)
    rows = _rows("sales_pipeline.csv")
    for copy in range(copies):
        batch = []
        for i, row in enumerate(rows):
            engaged = row["engage_date"] or "2017-01-01"
            created = datetime.fromisoformat(engaged).replace(tzinfo=UTC) + timedelta(
                days=365 * 8 + copy, seconds=i
            )
            owner = users.get(row["sales_agent"])
            batch.append(
                {
                    "name": f"{row['account'] or '?'} / {row['product']} {row['opportunity_id']}",
                    "company_name": row["account"] or None,
                    "email": f"{row['opportunity_id'].lower()}.{copy}@example.com",
                    "phone": f"+86138{(i * 7919 + copy) % 10**8:08d}",
                    "source": "other",
                    "status": STATUS_BY_STAGE.get(row["deal_stage"], "new"),
                    "owner_id": owner.id if owner else None,
                    "created_at": created,
                    "updated_at": created,
                    "version": 1,
                    "next_follow_up_at": now + timedelta(hours=(i % 500) - 100) if i % 3 else None,
                }
            )
        db.session.execute(sa.insert(Lead), batch)
    db.session.commit()
    return users


def _time(client, headers, path, repeat) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(path, headers=headers)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.get_json()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--db", default=os.environ.get("BENCH_DB", "sqlite"), choices=("sqlite", "mariadb")
    )
    parser.add_argument("--copies", type=int, default=3, help="times the 8,800 rows are loaded")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as workdir:
        url, cleanup = database_url(args.db, Path(workdir))
        try:
            app = create_app(
                {
                    "SQLALCHEMY_DATABASE_URI": url,
                    "INSTANCE_PATH": workdir,
                    "SECRET_KEY": "bench-" + "x" * 40,
                }
            )
            with app.app_context():
                upgrade(directory=app.config["MIGRATIONS_DIR"])
                started = time.perf_counter()
                users = _load(args.copies)
                total = db.session.scalar(sa.select(sa.func.count()).select_from(Lead))
                print(f"{args.db}: loaded {total} leads in {time.perf_counter() - started:.1f}s")
                rep = users["Darcel Schlecht"]
                manager = next(
                    u for u in users.values() if u.role == "manager" and u.team_id == rep.team_id
                )
                from flask_jwt_extended import create_access_token

                from crm.auth.models import LoginSession

                tokens = {}
                for user in (rep, manager):
                    sid = str(uuid.uuid4())
                    db.session.add(
                        LoginSession(
                            id=sid,
                            user_id=user.id,
                            refresh_jti="-",
                            expires_at=datetime.now(UTC) + timedelta(days=1),
                        )
                    )
                    tokens[user.role] = create_access_token(
                        str(user.id), additional_claims={"sid": sid}
                    )
                db.session.commit()

            client = app.test_client()
            scenarios = [
                ("rep: my leads, newest first", "sales", "/api/v1/leads?owner_id=me"),
                (
                    "rep: due follow-ups first",
                    "sales",
                    "/api/v1/leads?owner_id=me&sort=next_follow_up_at",
                ),
                ("rep: search a company", "sales", "/api/v1/leads?q=Kan-code"),
                ("rep: search a phone", "sales", "/api/v1/leads?q=138%200000%207919"),
                (
                    "manager: team, status filter",
                    "manager",
                    "/api/v1/leads?status=new,contacted&limit=200",
                ),
                ("manager: sorted by name", "manager", "/api/v1/leads?sort=name&limit=200"),
            ]
            print(f"{'scenario':<34} {'p50 ms':>8} {'p95 ms':>8}")
            for label, role, path in scenarios:
                headers = {"Authorization": f"Bearer {tokens[role]}"}
                samples = sorted(_time(client, headers, path, args.repeat))
                p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
                print(f"{label:<34} {statistics.median(samples):>8.1f} {p95:>8.1f}")
            # Deep paging: the 20th page costs what the first does with a keyset cursor.
            headers = {"Authorization": f"Bearer {tokens['manager']}"}
            cursor, pages, started = None, 0, time.perf_counter()
            while pages < 20:
                path = "/api/v1/leads?limit=200" + (f"&cursor={cursor}" if cursor else "")
                body = client.get(path, headers=headers).get_json()
                pages += 1
                cursor = body["next_cursor"]
                if not cursor:
                    break
            elapsed = (time.perf_counter() - started) * 1000 / pages
            print(f"{f'manager: {pages} pages of 200 (mean)':<34} {elapsed:>8.1f}")
        finally:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
            cleanup()


if __name__ == "__main__":
    main()
