"""idempotency keys keep answers over 64 KB (a bulk upsert of 1,000 products) on MySQL

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 07:10:00.000000

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
LONG_TEXT = sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")

# revision identifiers, used by Alembic.
revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _is_mysql() -> bool:
    return op.get_bind().dialect.name in ("mysql", "mariadb")


def upgrade():
    # SQLite's TEXT has no such limit: nothing to change there.
    if _is_mysql():
        op.alter_column(
            "idempotency_keys",
            "body",
            existing_type=sa.Text(),
            type_=mysql.MEDIUMTEXT(),
            existing_nullable=True,
        )


def downgrade():
    if _is_mysql():
        # Kept answers are a 24-hour cache: those that no longer fit in TEXT are dropped (a
        # retry then runs the request again) rather than cut short.
        op.execute("DELETE FROM idempotency_keys WHERE LENGTH(body) > 65535")
        op.alter_column(
            "idempotency_keys",
            "body",
            existing_type=mysql.MEDIUMTEXT(),
            type_=sa.Text(),
            existing_nullable=True,
        )
