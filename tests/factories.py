"""factory_boy factories for test data, written through the real session and database."""

from __future__ import annotations

import factory
from argon2 import PasswordHasher
from factory.alchemy import SQLAlchemyModelFactory

from crm.auth.models import Team, User
from crm.customers.models import Company, Contact
from crm.extensions import db
from crm.sales.models import FollowUp, Lead

PASSWORD = "correct-horse-42"
# Still Argon2id, with the cheapest parameters, so the many test logins stay fast.
_PASSWORD_HASH = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)


class _Base(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "commit"


class TeamFactory(_Base):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(_Base):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    name = factory.Sequence(lambda n: f"User {n}")
    role = "sales"
    locale = "en-US"
    active = True
    password_hash = _PASSWORD_HASH


class LeadFactory(_Base):
    class Meta:
        model = Lead

    name = factory.Sequence(lambda n: f"Lead {n}")
    company_name = factory.Sequence(lambda n: f"Company {n}")
    source = "web"
    status = "new"


class FollowUpFactory(_Base):
    class Meta:
        model = FollowUp

    kind = "call"
    content = "Called"


class CompanyFactory(_Base):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Company {n} Ltd")


class ContactFactory(_Base):
    class Meta:
        model = Contact

    name = factory.Sequence(lambda n: f"Contact {n}")
