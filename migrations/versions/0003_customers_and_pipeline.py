"""customers, pipelines, opportunities, products, orders; follow-ups on any customer record

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 06:11:32.826293

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
TABLE_OPTIONS = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}

# revision identifiers, used by Alembic.
revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "pipelines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("template", sa.String(length=30), nullable=True),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("archived_at", UTC_DATETIME, nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pipelines")),
        **TABLE_OPTIONS,
    )
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("price", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("stock_quantity", sa.Numeric(precision=18, scale=3), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("sku", name=op.f("uq_products_sku")),
        **TABLE_OPTIONS,
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_products_active"), ["active"], unique=False)
        batch_op.create_index("ix_products_created_at_id", ["created_at", "id"], unique=False)
        batch_op.create_index("ix_products_name_id", ["name", "id"], unique=False)
        batch_op.create_index("ix_products_updated_at_id", ["updated_at", "id"], unique=False)

    op.create_table(
        "stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pipeline_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("probability", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("archived_at", UTC_DATETIME, nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["pipeline_id"], ["pipelines.id"], name=op.f("fk_stages_pipeline_id_pipelines")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stages")),
        **TABLE_OPTIONS,
    )
    with op.batch_alter_table("stages", schema=None) as batch_op:
        batch_op.create_index(
            "ix_stages_pipeline_id_position", ["pipeline_id", "position"], unique=False
        )

    op.create_table(
        "companies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("industry", sa.String(length=100), nullable=True),
        sa.Column("size", sa.String(length=20), nullable=True),
        sa.Column("website", sa.String(length=255), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.Column("deleted_at", UTC_DATETIME, nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_companies_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_companies_owner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["companies.id"], name=op.f("fk_companies_parent_id_companies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_companies")),
        **TABLE_OPTIONS,
    )
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.create_index("ix_companies_created_at_id", ["created_at", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_companies_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_companies_industry"), ["industry"], unique=False)
        batch_op.create_index("ix_companies_name_id", ["name", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_companies_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_companies_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_companies_phone"), ["phone"], unique=False)
        batch_op.create_index("ix_companies_updated_at_id", ["updated_at", "id"], unique=False)

    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=100), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.Column("deleted_at", UTC_DATETIME, nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_contacts_company_id_companies")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_contacts_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_contacts_owner_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
        **TABLE_OPTIONS,
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contacts_company_id"), ["company_id"], unique=False)
        batch_op.create_index("ix_contacts_created_at_id", ["created_at", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contacts_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_contacts_email"), ["email"], unique=False)
        batch_op.create_index("ix_contacts_name_id", ["name", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contacts_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contacts_phone"), ["phone"], unique=False)
        batch_op.create_index("ix_contacts_updated_at_id", ["updated_at", "id"], unique=False)

    op.create_table(
        "opportunities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("lead_id", sa.Integer(), nullable=True),
        sa.Column("pipeline_id", sa.Integer(), nullable=False),
        sa.Column("stage_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("expected_close_date", sa.Date(), nullable=True),
        sa.Column("probability", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("lost_reason", sa.String(length=500), nullable=True),
        sa.Column("closed_at", UTC_DATETIME, nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.Column("deleted_at", UTC_DATETIME, nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_opportunities_company_id_companies")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_opportunities_contact_id_contacts")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_opportunities_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], name=op.f("fk_opportunities_lead_id_leads")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_opportunities_owner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["pipeline_id"], ["pipelines.id"], name=op.f("fk_opportunities_pipeline_id_pipelines")
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"], ["stages.id"], name=op.f("fk_opportunities_stage_id_stages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunities")),
        **TABLE_OPTIONS,
    )
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.create_index("ix_opportunities_amount_id", ["amount", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_opportunities_company_id"), ["company_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_opportunities_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index("ix_opportunities_created_at_id", ["created_at", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_opportunities_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(
            "ix_opportunities_expected_close_date_id", ["expected_close_date", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_opportunities_lead_id"), ["lead_id"], unique=False)
        batch_op.create_index("ix_opportunities_name_id", ["name", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_opportunities_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(
            "ix_opportunities_pipeline_id_stage_id", ["pipeline_id", "stage_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_opportunities_stage_id"), ["stage_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_opportunities_status"), ["status"], unique=False)
        batch_op.create_index("ix_opportunities_updated_at_id", ["updated_at", "id"], unique=False)

    op.create_table(
        "opportunity_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=18, scale=3), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("discount", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_opportunity_lines_opportunity_id_opportunities"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_opportunity_lines_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity_lines")),
        **TABLE_OPTIONS,
    )
    with op.batch_alter_table("opportunity_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunity_lines_opportunity_id"), ["opportunity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_opportunity_lines_product_id"), ["product_id"], unique=False
        )

    op.create_table(
        "sales_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("opportunity_id", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.Column("deleted_at", UTC_DATETIME, nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_sales_orders_company_id_companies")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_sales_orders_contact_id_contacts")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_sales_orders_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_sales_orders_opportunity_id_opportunities"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_sales_orders_owner_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_orders")),
        sa.UniqueConstraint("number", name=op.f("uq_sales_orders_number")),
        **TABLE_OPTIONS,
    )
    with op.batch_alter_table("sales_orders", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sales_orders_company_id"), ["company_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_sales_orders_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index("ix_sales_orders_created_at_id", ["created_at", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sales_orders_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_sales_orders_opportunity_id"), ["opportunity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sales_orders_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sales_orders_status"), ["status"], unique=False)
        batch_op.create_index("ix_sales_orders_total_id", ["total", "id"], unique=False)
        batch_op.create_index("ix_sales_orders_updated_at_id", ["updated_at", "id"], unique=False)

    op.create_table(
        "stage_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("from_stage_id", sa.Integer(), nullable=True),
        sa.Column("to_stage_id", sa.Integer(), nullable=False),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.Column("changed_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["changed_by_id"], ["users.id"], name=op.f("fk_stage_changes_changed_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["from_stage_id"], ["stages.id"], name=op.f("fk_stage_changes_from_stage_id_stages")
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_stage_changes_opportunity_id_opportunities"),
        ),
        sa.ForeignKeyConstraint(
            ["to_stage_id"], ["stages.id"], name=op.f("fk_stage_changes_to_stage_id_stages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_changes")),
        **TABLE_OPTIONS,
    )
    with op.batch_alter_table("stage_changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_stage_changes_opportunity_id_changed_at",
            ["opportunity_id", "changed_at"],
            unique=False,
        )

    op.create_table(
        "sales_order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=200), nullable=True),
        sa.Column("quantity", sa.Numeric(precision=18, scale=3), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("discount", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("line_total", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("stock_on_hand", sa.Numeric(precision=18, scale=3), nullable=True),
        sa.Column("stock_short", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["sales_orders.id"],
            name=op.f("fk_sales_order_lines_order_id_sales_orders"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_sales_order_lines_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_order_lines")),
        **TABLE_OPTIONS,
    )
    with op.batch_alter_table("sales_order_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sales_order_lines_order_id"), ["order_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_sales_order_lines_product_id"), ["product_id"], unique=False
        )

    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.add_column(sa.Column("company_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("contact_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("opportunity_id", sa.Integer(), nullable=True))
        batch_op.alter_column("lead_id", existing_type=sa.INTEGER(), nullable=True)
        batch_op.create_index(
            "ix_follow_ups_company_id_created_at_id",
            ["company_id", "created_at", "id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_follow_ups_contact_id_created_at_id",
            ["contact_id", "created_at", "id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_follow_ups_opportunity_id_created_at_id",
            ["opportunity_id", "created_at", "id"],
            unique=False,
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_follow_ups_opportunity_id_opportunities"),
            "opportunities",
            ["opportunity_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_follow_ups_company_id_companies"), "companies", ["company_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_follow_ups_contact_id_contacts"), "contacts", ["contact_id"], ["id"]
        )

    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.add_column(sa.Column("converted_at", UTC_DATETIME, nullable=True))
        batch_op.add_column(sa.Column("converted_company_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("converted_contact_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("converted_opportunity_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_leads_converted_company_id"), ["converted_company_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_leads_converted_contact_id"), ["converted_contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_leads_converted_opportunity_id"),
            ["converted_opportunity_id"],
            unique=False,
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_leads_converted_contact_id_contacts"),
            "contacts",
            ["converted_contact_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_leads_converted_opportunity_id_opportunities"),
            "opportunities",
            ["converted_opportunity_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_leads_converted_company_id_companies"),
            "companies",
            ["converted_company_id"],
            ["id"],
        )


def downgrade():
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_leads_converted_company_id_companies"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_leads_converted_opportunity_id_opportunities"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_leads_converted_contact_id_contacts"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_leads_converted_opportunity_id"))
        batch_op.drop_index(batch_op.f("ix_leads_converted_contact_id"))
        batch_op.drop_index(batch_op.f("ix_leads_converted_company_id"))
        batch_op.drop_column("converted_opportunity_id")
        batch_op.drop_column("converted_contact_id")
        batch_op.drop_column("converted_company_id")
        batch_op.drop_column("converted_at")

    # Follow-ups on companies, contacts and opportunities go with those tables.
    op.execute("DELETE FROM follow_ups WHERE lead_id IS NULL")
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_follow_ups_contact_id_contacts"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_follow_ups_company_id_companies"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_follow_ups_opportunity_id_opportunities"), type_="foreignkey"
        )
        batch_op.drop_index("ix_follow_ups_opportunity_id_created_at_id")
        batch_op.drop_index("ix_follow_ups_contact_id_created_at_id")
        batch_op.drop_index("ix_follow_ups_company_id_created_at_id")
        batch_op.alter_column("lead_id", existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column("opportunity_id")
        batch_op.drop_column("contact_id")
        batch_op.drop_column("company_id")

    for table in (
        "sales_order_lines",
        "sales_orders",
        "stage_changes",
        "opportunity_lines",
        "opportunities",
        "contacts",
        "companies",
        "stages",
        "pipelines",
        "products",
    ):
        op.drop_table(table)
