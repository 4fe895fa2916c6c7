"""Keys that make two spellings of the same customer compare equal, and the description of where
a domain's records are looked up for duplicates. Pure functions and a dataclass: the rules that
use them live in `crm.imports.duplicate_rules`; the models store the keys (indexed) so candidates
are found by index, not by reading every row."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from crm.extensions import db

NAME_KEY_LENGTH = 200

# Legal forms, removed from the end of a company name (longest first for the Chinese ones).
CHINESE_SUFFIXES = tuple(
    sorted(
        (
            "股份有限公司",
            "有限责任公司",
            "集团有限公司",
            "集团股份有限公司",
            "有限公司",
            "股份公司",
            "责任公司",
            "总公司",
            "分公司",
            "集团",
            "公司",
            "有限",
        ),
        key=len,
        reverse=True,
    )
)
LATIN_SUFFIXES = frozenset(
    {
        "co",
        "company",
        "ltd",
        "limited",
        "inc",
        "incorporated",
        "llc",
        "llp",
        "lp",
        "gmbh",
        "ag",
        "kg",
        "corp",
        "corporation",
        "plc",
        "pte",
        "pty",
        "bv",
        "nv",
        "sa",
        "sarl",
        "srl",
        "spa",
        "oy",
        "ab",
        "as",
        "kk",
        "group",
        "holding",
        "holdings",
    }
)
_PUNCTUATION = re.compile(r"[\W_]+", re.UNICODE)


def _clean(text: str) -> str:
    """Full-width to half-width (NFKC), case folded, punctuation turned into spaces."""
    return _PUNCTUATION.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def company_name_key(name: str | None) -> str:
    """`上海华为技术有限公司`, `Acme Co., Ltd.` and `ACME  Inc` become `上海华为技术`, `acme` and
    `acme`: legal suffixes, case, width, whitespace and punctuation removed. A name that is only
    a legal form keeps it (so `Limited` is not the empty key)."""
    if not name:
        return ""
    tokens = _clean(name).split()
    while len(tokens) > 1 and tokens[-1] in LATIN_SUFFIXES:
        tokens.pop()
    key = "".join(tokens)
    changed = True
    while changed:
        changed = False
        for suffix in CHINESE_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                changed = True
                break
        # "Acme有限公司" leaves "acme" and a trailing Latin form: "acmeco" is not stripped
        # (it could be a name), but a form separated by spaces was removed above.
    return key[:NAME_KEY_LENGTH]


def person_name_key(name: str | None) -> str:
    """A person's name without case, width, whitespace and punctuation (`Wang  Jian-guo` and
    `wang jianguo` alike)."""
    if not name:
        return ""
    return "".join(_clean(name).split())[:NAME_KEY_LENGTH]


def email_key(email: str | None) -> str:
    return (email or "").strip().lower()


def case_insensitive(column):
    """The column compared and ordered without case: MariaDB's utf8mb4_unicode_ci already is
    (and keeps the index); SQLite is asked for NOCASE."""
    if db.session.get_bind().dialect.name == "sqlite":
        return column.collate("NOCASE")
    return column


def email_equals(column, email: str) -> sa.ColumnElement[bool]:
    """`column` equals the lowercased `email` whatever its case, through the column's index."""
    return case_insensitive(column) == email


@dataclass(frozen=True)
class DuplicateSource:
    """Where one entity's duplicates are looked up, as its owning domain describes it: the model,
    the condition of what the user may see, and the columns each rule compares (None when a rule
    does not apply). `name_key` is the stored `company_name_key` of the record's (company) name;
    `person` the column of a person's name compared beside it (leads)."""

    entity: str
    model: Any
    visible: sa.ColumnElement[bool]
    label: Callable[[Any], str]
    email: Any = None
    phone: Any = None
    name_key: Any = None
    person: Any = None
