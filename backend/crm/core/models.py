"""Columns many models share, written once: timestamps, the row version behind ETags, the owner
and creator of a record, and soft deletion. Each mixin declares exactly the columns (names,
types, indexes, defaults) the migrations created, so mixing one in changes no schema."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from crm.core.types import UTCDateTime, utcnow


class TimestampMixin:
    """`created_at` and `updated_at`, set by the application in UTC."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class VersionMixin:
    """A row version SQLAlchemy checks and bumps on every update (a stale write is a
    `StaleDataError`, answered 412); ETags are made from it (`crm.core.etag`)."""

    version: Mapped[int] = mapped_column(sa.Integer, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}


class OwnerMixin:
    """The user a record belongs to (scoping: `crm.auth.services.visible_records`) and the user
    who created it."""

    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    @declared_attr
    def owner(cls) -> Mapped[User | None]:  # noqa: F821 (the auth domain's User, found by name)
        return relationship("User", foreign_keys=[cls.owner_id], lazy="joined")

    @property
    def owner_name(self) -> str | None:
        return self.owner.name if self.owner is not None else None


class CustomerLinksMixin:
    """The company and the contact a record is for (an opportunity, an order, a ticket), read-only:
    the record's JSON names them (`company_name`, `contact_name`), and lists load them in the
    same query. The model declares its `company_id` and `contact_id` columns."""

    @declared_attr
    def company(cls) -> Mapped[Company | None]:  # noqa: F821 (the customers domain's, by name)
        return relationship("Company", lazy="joined", viewonly=True)

    @declared_attr
    def contact(cls) -> Mapped[Contact | None]:  # noqa: F821 (the customers domain's, by name)
        return relationship("Contact", lazy="joined", viewonly=True)

    @property
    def company_name(self) -> str | None:
        return self.company.name if self.company is not None else None

    @property
    def contact_name(self) -> str | None:
        return self.contact.name if self.contact is not None else None


class SoftDeleteMixin:
    """`deleted_at`: a deleted record is hidden everywhere and kept for the audit trail."""

    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)


class OwnedRecordMixin(OwnerMixin, TimestampMixin, SoftDeleteMixin, VersionMixin):
    """A customer or sales record: owned, timestamped, soft-deleted and versioned."""
