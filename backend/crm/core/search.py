"""`?q=` search terms shared by every list: literal substring match, and phone numbers typed
any common way."""

from __future__ import annotations

import re

import sqlalchemy as sa

from crm.core.fields import normalise_phone

PHONE_TYPING = re.compile(r"[0-9+\-(). ]+")


def like_pattern(text: str) -> str:
    """`%text%` with LIKE's wildcards (and the escape character) taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(q: str, text_columns, phone_column=None):
    """A condition: `q` appears in one of `text_columns` (case-insensitive), or names the number
    in `phone_column` (stored in E.164)."""
    pattern = like_pattern(q)
    terms = [column.ilike(pattern, escape="\\") for column in text_columns]
    if phone_column is not None:
        # A phone typed the local way ("138 0013 8000") also finds the stored E.164 number, and
        # digits typed with spaces or dashes ("415-555 2671") find the numbers that contain them.
        e164 = normalise_phone(q) if any(ch.isdigit() for ch in q) else None
        if e164:
            terms.append(phone_column == e164)
        digits = "".join(ch for ch in q if ch.isdigit())
        if len(digits) >= 3 and PHONE_TYPING.fullmatch(q):
            terms.append(phone_column.like(f"%{digits}%"))
    return sa.or_(*terms)


def owner_filter(column, owner: str | None, user_id: int):
    """The `owner_id` list filter: `me`, `none` or a user id (None when not filtering)."""
    if not owner:
        return None
    if owner == "me":
        return column == user_id
    if owner == "none":
        return column.is_(None)
    return column == int(owner)
