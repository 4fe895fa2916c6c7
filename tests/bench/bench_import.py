"""Benchmark: 100,000 generated leads imported through the API (upload, commit job with
normalisation and duplicate checks), beside SQLAlchemy Core `executemany` of the same rows into
the same table, as a ratio (the issue's goal: within 2x).

The file is what a user sends: Chinese names and companies, phones typed with blanks, emails in
mixed case, a status in Chinese, one row in fifty repeating an earlier email. The import runs
inline (JOBS_BACKEND=inline), in batches of IMPORT_BATCH_SIZE. Not a test: it prints timings and
asserts only the counts. Run with
`.venv/bin/python tests/bench/bench_import.py --db mariadb [--rows 100000]`.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import phonenumbers
import sqlalchemy as sa
from bench_common import api_user, database_url
from flask_migrate import upgrade

from crm import create_app
from crm.extensions import db
from crm.sales.models import Lead

IMPORTS = "/api/v1/imports"
SURNAMES = "王李张刘陈杨黄赵吴周"
STATUSES = ("新线索", "已联系", "合格", "new")


def _rows(count: int) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for i in range(count):
        n = i if i % 50 else max(i - 7, 0)  # one row in fifty repeats an earlier email
        phone = f"139 {i // 10000:04d} {i % 10000:04d}"
        rows.append(
            (
                f"{SURNAMES[i % 10]}{i:06d}",
                f" 上海第{i % 997}科技有限公司 ",
                phone,
                f"Lead{n}@Example.com",
                STATUSES[i % 4],
            )
        )
    return rows


def _csv(rows) -> bytes:
    out = io.StringIO()
    out.write("姓名,公司名称,手机,邮箱,状态\n")
    for row in rows:
        out.write(",".join(row) + "\n")
    return out.getvalue().encode("utf-8")


def _core_rows(rows, owner_id: int) -> list[dict]:
    """The same rows as the import stores them (normalised), for executemany."""
    now = datetime.now(UTC)
    statuses = {"新线索": "new", "已联系": "contacted", "合格": "qualified", "new": "new"}
    return [
        {
            "name": name,
            "company_name": company.strip(),
            "phone": phonenumbers.format_number(
                phonenumbers.parse(phone, "CN"), phonenumbers.PhoneNumberFormat.E164
            ),
            "email": email.lower(),
            "status": statuses[status],
            "source": "other",
            "owner_id": owner_id,
            "created_by_id": owner_id,
            "created_at": now,
            "updated_at": now,
            "version": 1,
        }
        for name, company, phone, email, status in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--db", default=os.environ.get("BENCH_DB", "mariadb"), choices=("sqlite", "mariadb")
    )
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    rows = _rows(args.rows)
    content = _csv(rows)

    with tempfile.TemporaryDirectory() as workdir:
        url, cleanup = database_url(args.db, Path(workdir))
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": url,
                "INSTANCE_PATH": workdir,
                "SECRET_KEY": "b" * 40,
                "JOBS_BACKEND": "inline",
                "IMPORT_MAX_BYTES": 100 * 1024 * 1024,
            }
        )
        try:
            with app.app_context():
                upgrade(directory=app.config["MIGRATIONS_DIR"])
                headers, admin_id = api_user("bench@example.com", "Bench", "admin")
            client = app.test_client()

            started = time.perf_counter()
            response = client.post(
                IMPORTS,
                headers=headers,
                data={"entity": "leads", "file": (io.BytesIO(content), "leads.csv")},
                content_type="multipart/form-data",
            )
            assert response.status_code == 201, response.get_json()
            imp = response.get_json()
            uploaded = time.perf_counter() - started
            started = time.perf_counter()
            job = client.post(f"{IMPORTS}/{imp['id']}/commit", headers=headers).get_json()
            job = client.get(f"/api/v1/jobs/{job['id']}", headers=headers).get_json()
            imported = time.perf_counter() - started
            assert job["status"] == "succeeded", job
            counts = job["result"]["counts"]
            duplicates = sum(1 for i in range(args.rows) if i % 50 == 0 and i >= 7)
            assert counts["created"] + counts["duplicate"] == args.rows, counts

            with app.app_context():
                stored = db.session.scalar(sa.select(sa.func.count()).select_from(Lead))
                assert stored == counts["created"], stored
                core = _core_rows(rows, admin_id)
                db.session.execute(sa.delete(Lead))
                db.session.commit()
                started = time.perf_counter()
                with db.engine.begin() as connection:
                    for start in range(0, len(core), 1000):
                        connection.execute(sa.insert(Lead.__table__), core[start : start + 1000])
                executemany = time.perf_counter() - started

            print(f"{args.db}: {args.rows} leads ({duplicates} repeated emails), counts {counts}")
            lines = [
                ("step", "s", "rows/s"),
                ("upload (read, detect, map, samples)", f"{uploaded:.1f}", ""),
                (
                    "import job (normalise, check, create)",
                    f"{imported:.1f}",
                    f"{args.rows / imported:.0f}",
                ),
                (
                    "Core executemany, same rows",
                    f"{executemany:.1f}",
                    f"{args.rows / executemany:.0f}",
                ),
            ]
            for step, seconds, rate in lines:
                print(f"{step:<44} {seconds:>8} {rate:>9}")
            print(f"ratio import / executemany: {imported / executemany:.1f}x (goal: within 2x)")
        finally:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
            cleanup()


if __name__ == "__main__":
    main()
