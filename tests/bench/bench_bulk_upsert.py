"""Benchmark: the ERP integrator's nightly push of 8,000 SKUs in batches of 1,000.

On a fresh database, through the real app: the first night creates every product, a replay of
the same batches changes nothing (all "unchanged"), and a night where every stock level moved
updates every product. Prints the time per batch (p50 and max) and per night; asserts only that
every item got the expected status. Run with
`.venv/bin/python tests/bench/bench_bulk_upsert.py --db sqlite|mariadb`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from bench_common import api_user, database_url
from flask_migrate import upgrade

from crm import create_app
from crm.extensions import db
from crm.sales.products.models import Product

BULK = "/api/v1/products/bulk-upsert"


def _batches(count: int, size: int, stock_shift: int) -> list[list[dict]]:
    """`count` batches of `size` items, as an ERP sends them: every field, stock as a string."""
    batches = []
    for b in range(count):
        batch = []
        for i in range(b * size, (b + 1) * size):
            batch.append(
                {
                    "sku": f"ERP-{i:06d}",
                    "name": f"离心泵 Centrifugal pump model {i}",
                    "unit": "pcs" if i % 7 else "set",
                    "price": f"{1000 + (i * 37) % 90000}.{i % 100:02d}",
                    "currency": "CNY",
                    "stock_quantity": str((i * 13 + stock_shift) % 500),
                    "active": i % 50 != 0,
                }
            )
        batches.append(batch)
    return batches


def _night(client, headers, batches, expected: str) -> list[float]:
    samples = []
    for batch in batches:
        started = time.perf_counter()
        response = client.post(BULK, json={"items": batch}, headers=headers)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.get_json()
        statuses = {result["status"] for result in response.get_json()["results"]}
        assert statuses == {expected}, statuses
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--db", default=os.environ.get("BENCH_DB", "sqlite"), choices=("sqlite", "mariadb")
    )
    parser.add_argument("--batches", type=int, default=8)
    parser.add_argument("--size", type=int, default=1000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as workdir:
        url, cleanup = database_url(args.db, Path(workdir))
        app = create_app(
            {"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": workdir, "SECRET_KEY": "b" * 40}
        )
        try:
            with app.app_context():
                upgrade(directory=app.config["MIGRATIONS_DIR"])
                headers, _ = api_user("erp@example.com", "ERP", "admin")

            client = app.test_client()
            nights = [
                ("first night: create", _batches(args.batches, args.size, 0), "created"),
                ("replay: nothing changes", _batches(args.batches, args.size, 0), "unchanged"),
                ("next night: every stock moved", _batches(args.batches, args.size, 1), "updated"),
            ]
            total = args.batches * args.size
            print(f"{args.db}: {args.batches} batches of {args.size} ({total} SKUs)")
            print(f"{'night':<32} {'batch p50 ms':>12} {'batch max ms':>12} {'night s':>8}")
            for label, batches, expected in nights:
                samples = _night(client, headers, batches, expected)
                print(
                    f"{label:<32} {statistics.median(samples):>12.0f} {max(samples):>12.0f}"
                    f" {sum(samples) / 1000:>8.1f}"
                )
            with app.app_context():
                stored = db.session.scalar(sa.select(sa.func.count()).select_from(Product))
                assert stored == total, stored
        finally:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
            cleanup()


if __name__ == "__main__":
    main()
