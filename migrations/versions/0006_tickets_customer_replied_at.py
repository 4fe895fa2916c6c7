"""tickets remember when the customer's latest unanswered reply arrived

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 13:40:00.000000

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")

# revision identifiers, used by Alembic.
revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("customer_replied_at", UTC_DATETIME, nullable=True))
        batch_op.create_index(
            batch_op.f("ix_tickets_customer_replied_at"), ["customer_replied_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_customer_replied_at"))
        batch_op.drop_column("customer_replied_at")
