"""duplicates and merges: stored name keys, merged_into pointers, scan groups, "not a
duplicate" pairs and merges

Revision ID: 0009_duplicates
Revises: 0008_imports
Create Date: 2026-12-03 17:40:00.000000

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

from crm.core.dedupe import company_name_key

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
BATCH = 1000

# revision identifiers, used by Alembic.
revision = "0009_duplicates"
down_revision = "0008_imports"
branch_labels = None
depends_on = None

# (table, name column, key column, indexed columns): the keys are filled from the names
# already stored; leads are compared by company and then person name.
KEYED = (
    ("companies", "name", "name_key", ["name_key"]),
    ("leads", "company_name", "company_name_key", ["company_name_key", "name"]),
)


def _fill_keys(table: str, name: str, key: str) -> None:
    conn = op.get_bind()
    rows = sa.table(table, sa.column("id"), sa.column(name), sa.column(key))
    last = 0
    while True:
        batch = conn.execute(
            sa.select(rows.c.id, rows.c[name])
            .where(rows.c.id > last)
            .order_by(rows.c.id)
            .limit(BATCH)
        ).all()
        if not batch:
            return
        for row_id, value in batch:
            if value:
                conn.execute(
                    rows.update().where(rows.c.id == row_id).values({key: company_name_key(value)})
                )
        last = batch[-1][0]


def upgrade():
    for table, name, key, indexed in KEYED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column(key, sa.String(length=200), nullable=False, server_default="")
            )
            batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
            batch_op.create_index(
                batch_op.f("ix_" + "_".join([table, *indexed])), indexed, unique=False
            )
            batch_op.create_index(
                batch_op.f(f"ix_{table}_merged_into_id"), ["merged_into_id"], unique=False
            )
            batch_op.create_foreign_key(
                batch_op.f(f"fk_{table}_merged_into_id_{table}"), table, ["merged_into_id"], ["id"]
            )
        _fill_keys(table, name, key)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(
                key,
                existing_type=sa.String(length=200),
                existing_nullable=False,
                server_default=None,
            )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_contacts_merged_into_id"), ["merged_into_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_contacts_merged_into_id_contacts"),
            "contacts",
            ["merged_into_id"],
            ["id"],
        )

    op.create_table(
        "duplicate_dismissals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("low_id", sa.Integer(), nullable=False),
        sa.Column("high_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_duplicate_dismissals_created_by_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_dismissals")),
        sa.UniqueConstraint("entity", "low_id", "high_id", name="uq_duplicate_dismissals_pair"),
        **TABLE_OPTIONS,
    )
    op.create_index(
        "ix_duplicate_dismissals_entity_high_id",
        "duplicate_dismissals",
        ["entity", "high_id"],
        unique=False,
    )
    op.create_table(
        "duplicate_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("rule", sa.String(length=10), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_groups")),
        **TABLE_OPTIONS,
    )
    op.create_index(
        "ix_duplicate_groups_entity_id", "duplicate_groups", ["entity", "id"], unique=False
    )
    op.create_table(
        "duplicate_group_members",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["duplicate_groups.id"],
            name=op.f("fk_duplicate_group_members_group_id_duplicate_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_id", "record_id", name=op.f("pk_duplicate_group_members")),
        **TABLE_OPTIONS,
    )
    op.create_table(
        "merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("primary_id", sa.Integer(), nullable=False),
        sa.Column("duplicate_ids", sa.JSON(), nullable=False),
        sa.Column("moved", sa.JSON(), nullable=False),
        sa.Column("previous", sa.JSON(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("undo_until", UTC_DATETIME, nullable=False),
        sa.Column("undone_at", UTC_DATETIME, nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_merges_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merges")),
        **TABLE_OPTIONS,
    )
    op.create_index(op.f("ix_merges_created_by_id"), "merges", ["created_by_id"], unique=False)
    op.create_index("ix_merges_entity_primary_id", "merges", ["entity", "primary_id"], unique=False)


def downgrade():
    # Dropping a table drops its indexes (MariaDB refuses to drop one a foreign key needs).
    op.drop_table("merges")
    op.drop_table("duplicate_group_members")
    op.drop_table("duplicate_groups")
    op.drop_table("duplicate_dismissals")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_contacts_merged_into_id_contacts"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_contacts_merged_into_id"))
        batch_op.drop_column("merged_into_id")
    for table, _name, key, indexed in reversed(KEYED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(
                batch_op.f(f"fk_{table}_merged_into_id_{table}"), type_="foreignkey"
            )
            batch_op.drop_index(batch_op.f(f"ix_{table}_merged_into_id"))
            batch_op.drop_index(batch_op.f("ix_" + "_".join([table, *indexed])))
            batch_op.drop_column("merged_into_id")
            batch_op.drop_column(key)
