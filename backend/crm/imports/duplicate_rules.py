"""Duplicate rules, one place for every caller (hints on create and edit, the check before
saving, import, the scan, lead conversion's suggestions):

- `email`: the same email, lowercased (contacts, leads);
- `phone`: the same number in E.164 (companies, contacts, leads);
- `name`: company names alike once legal forms, case, width and punctuation are removed
  (`company_name_key`), compared with rapidfuzz against `DUPLICATE_NAME_THRESHOLD`; for leads
  the company name and the person's name must both be alike.

Every candidate comes from an indexed query: email and phone by equality, names from the stored
key's neighbours in index order (rows sharing the key's first characters, the closest keys
above and below it), so only a few dozen rows are compared however large the table. Only
records the user may see are candidates, and pairs marked "not a duplicate" never are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from flask import current_app
from rapidfuzz import fuzz

from crm.core.dedupe import (
    DuplicateSource,
    case_insensitive,
    company_name_key,
    email_equals,
    email_key,
    person_name_key,
)
from crm.core.fields import normalise_phone
from crm.customers import services as customers
from crm.extensions import db
from crm.imports.contracts import RULES
from crm.imports.duplicates.dismissals import dismissed_with
from crm.sales import services as leads

if TYPE_CHECKING:
    from crm.auth.models import User

__all__ = ["ENTITIES", "RULES", "Candidate", "company_name_key", "find_candidates"]

ENTITIES = ("companies", "contacts", "leads")
MAX_CANDIDATES = 20
# How many keys above and below the searched one are compared by name.
NEIGHBOURS = 25


@dataclass(frozen=True)
class Candidate:
    id: int
    label: str
    rule: str  # email | phone | name
    score: int  # 0-100


def source(entity: str, user: User | None) -> DuplicateSource:
    """The owning domain's description of where `entity` duplicates are looked up (among what
    `user` sees; among every record not deleted when `user` is None)."""
    if entity == "companies":
        return customers.company_duplicate_source(user)
    if entity == "contacts":
        return customers.contact_duplicate_source(user)
    if entity == "leads":
        return leads.duplicate_source(user)
    raise ValueError(entity)


def threshold() -> int:
    return int(current_app.config["DUPLICATE_NAME_THRESHOLD"])


def phone_key(phone: str | None) -> str:
    """E.164 for a number typed any common way; the trimmed text when it is not a number."""
    if not phone or not phone.strip():
        return ""
    return normalise_phone(phone.strip()) or phone.strip()


def name_score(key: str, other: str) -> int:
    """How alike two name keys are, 0-100 (identical keys: 100)."""
    if not key or not other:
        return 0
    return round(fuzz.ratio(key, other))


def find_candidates(
    entity: str, values: dict, *, user: User, exclude_ids: Iterable[int] = ()
) -> list[Candidate]:
    """Records of `entity` the user may see that `values` (`name`, `email`, `phone`, and for
    leads `company_name`) may duplicate, best first (at most 20). `exclude_ids` are left out
    (the record being edited) and so are the records marked "not a duplicate" of them."""
    src = source(entity, user)
    exclude = set(exclude_ids)
    if exclude:
        exclude |= dismissed_with(entity, exclude)
    found: dict[int, Candidate] = {}

    def add(record, rule: str, score: int) -> None:
        if record.id in exclude or record.id in found:
            return
        found[record.id] = Candidate(record.id, src.label(record), rule, score)

    email = email_key(values.get("email"))
    if src.email is not None and email:
        for record in _rows(src, email_equals(src.email, email), exclude):
            if email_key(getattr(record, src.email.key)) == email:
                add(record, "email", 100)
    phone = phone_key(values.get("phone"))
    if src.phone is not None and phone:
        for record in _rows(src, src.phone == phone, exclude):
            add(record, "phone", 100)
    if src.name_key is not None:
        for record, score in _alike_names(src, values, exclude):
            add(record, "name", score)
    ranked = sorted(found.values(), key=lambda c: (-c.score, RULES.index(c.rule), c.id))
    return ranked[:MAX_CANDIDATES]


def _rows(src: DuplicateSource, condition, exclude: set[int]) -> list:
    stmt = sa.select(src.model).where(src.visible, condition)
    if exclude:
        stmt = stmt.where(src.model.id.not_in(exclude))
    return list(db.session.scalars(stmt.order_by(src.model.id).limit(MAX_CANDIDATES)))


def name_values(src: DuplicateSource, values: dict) -> tuple[str, str]:
    """(company name key, person name key) of the values, as the `name` rule compares them."""
    if src.person is not None:
        return company_name_key(values.get("company_name")), person_name_key(values.get("name"))
    return company_name_key(values.get("name")), ""


def record_name_values(src: DuplicateSource, record) -> tuple[str, str]:
    key = getattr(record, src.name_key.key)
    person = person_name_key(getattr(record, src.person.key)) if src.person is not None else ""
    return key, person


def pair_name_score(src: DuplicateSource, a: tuple[str, str], b: tuple[str, str]) -> int:
    """The `name` rule's score of two (key, person) pairs; 0 when the rule does not apply."""
    score = name_score(a[0], b[0])
    if src.person is not None:
        score = min(score, name_score(a[1], b[1]))
    return score


def key_prefix(key: str) -> str:
    """The first characters candidates must share: two for CJK names, three otherwise."""
    size = 2 if key and not key[0].isascii() else 3
    return key[:size]


def _alike_names(src: DuplicateSource, values: dict, exclude: set[int]):
    key, person = name_values(src, values)
    if not key or (src.person is not None and not person):
        return
    prefix = key_prefix(key).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    column = src.name_key
    base = sa.select(src.model).where(src.visible, column.like(prefix + "%", escape="\\"))
    if exclude:
        base = base.where(src.model.id.not_in(exclude))
    # In index order: (key) for companies, (key, person's name) for leads, so that many leads
    # of one company still leave the same person among the neighbours.
    order = [column] if src.person is None else [column, case_insensitive(src.person)]
    start = [key] if src.person is None else [key, values.get("name") or ""]
    here = sa.tuple_(*order) if len(order) > 1 else column
    at = sa.tuple_(*(sa.literal(v) for v in start)) if len(order) > 1 else key
    above = base.where(here >= at).order_by(*order, src.model.id).limit(NEIGHBOURS)
    below = (
        base.where(here < at)
        .order_by(*(c.desc() for c in order), src.model.id.desc())
        .limit(NEIGHBOURS)
    )
    limit = threshold()
    for stmt in (above, below):
        for record in db.session.scalars(stmt):
            score = pair_name_score(src, (key, person), record_name_values(src, record))
            if score >= limit:
                yield record, score
