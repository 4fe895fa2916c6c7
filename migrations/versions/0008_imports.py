"""imports: the uploaded file, its mapping and state, and a report row per data row

Revision ID: 0008_imports
Revises: 0007_jobs
Create Date: 2026-12-03 18:00:00.000000

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
FILE_BYTES = sa.LargeBinary().with_variant(mysql.LONGBLOB(), "mysql", "mariadb")

# revision identifiers, used by Alembic.
revision = "0008_imports"
down_revision = "0007_jobs"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("match_on", sa.String(length=20), nullable=True),
        sa.Column("create_duplicates", sa.Boolean(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_kind", sa.String(length=10), nullable=False),
        sa.Column("encoding", sa.String(length=30), nullable=True),
        sa.Column("delimiter", sa.String(length=2), nullable=True),
        sa.Column("sheet", sa.String(length=100), nullable=True),
        sa.Column("sheets", sa.JSON(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("columns", sa.JSON(), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("samples", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("committed_at", UTC_DATETIME, nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("imports", schema=None) as batch_op:
        batch_op.create_index("ix_imports_created_at_id", ["created_at", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_imports_created_by_id"), ["created_by_id"])
        batch_op.create_index(batch_op.f("ix_imports_status"), ["status"], unique=False)

    op.create_table(
        "import_files",
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("content", FILE_BYTES, nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["import_id"], ["imports.id"]),
        sa.PrimaryKeyConstraint("import_id"),
    )

    op.create_table(
        "import_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("normalised", sa.Boolean(), nullable=False),
        sa.Column("original", sa.JSON(), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("problems", sa.JSON(), nullable=False),
        sa.Column("candidates", sa.JSON(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("previous", sa.JSON(), nullable=True),
        sa.Column("reverted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["import_id"], ["imports.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("import_rows", schema=None) as batch_op:
        batch_op.create_index(
            "ix_import_rows_import_id_outcome_row_number",
            ["import_id", "outcome", "row_number"],
            unique=False,
        )
        batch_op.create_index(
            "ix_import_rows_import_id_row_number", ["import_id", "row_number"], unique=True
        )
        batch_op.create_index(
            "ix_import_rows_import_id_normalised_row_number",
            ["import_id", "normalised", "row_number"],
            unique=False,
        )


def downgrade():
    # Dropping a table drops its indexes (MariaDB refuses to drop first an index a foreign key
    # uses).
    op.drop_table("import_rows")
    op.drop_table("import_files")
    op.drop_table("imports")
