"""exports built by a job: the file's metadata, and its bytes in chunks

Revision ID: 0010_exports
Revises: 0009_duplicates
Create Date: 2026-12-03 17:50:00.000000

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
CHUNK_TYPE = sa.LargeBinary().with_variant(mysql.MEDIUMBLOB(), "mysql", "mariadb")

# revision identifiers, used by Alembic.
revision = "0010_exports"
down_revision = "0009_duplicates"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resource", sa.String(length=20), nullable=False),
        sa.Column("format", sa.String(length=4), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("ids", sa.JSON(), nullable=True),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("file_name", sa.String(length=100), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("finished_at", UTC_DATETIME, nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_exports_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exports")),
        **TABLE_OPTIONS,
    )
    with op.batch_alter_table("exports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exports_created_by_id"), ["created_by_id"])
    op.create_table(
        "export_chunks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("export_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("data", CHUNK_TYPE, nullable=False),
        sa.ForeignKeyConstraint(
            ["export_id"], ["exports.id"], name=op.f("fk_export_chunks_export_id_exports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_chunks")),
        sa.UniqueConstraint(
            "export_id", "position", name=op.f("uq_export_chunks_export_id_position")
        ),
        **TABLE_OPTIONS,
    )


def downgrade():
    op.drop_table("export_chunks")
    op.drop_table("exports")  # with its index (MySQL keeps the index while the foreign key lives)
