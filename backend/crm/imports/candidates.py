"""Duplicate candidates of an imported row in the database: the records sharing its exact keys
(normalised email, E.164 phone, name, SKU), found for the whole batch at once, and for leads and
companies those the duplicate rules' name rule finds (company names alike once legal forms are
removed, `crm.imports.duplicate_rules`). Answered as `{id, label, rule, score}`, best first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crm.imports import duplicate_rules

if TYPE_CHECKING:
    from crm.auth.models import User

RULE_OF_KIND = {"email": "email", "phone": "phone", "name": "name", "external_id": "external_id"}
NAME_RULED = ("leads", "companies")  # contacts have no name rule


def candidates(entity: str, row, found: dict[str, dict[str, list]], user: User) -> list[dict]:
    out: dict[int, dict] = {}
    for kind, by_key in found.items():
        key = row.key(kind)
        for record in by_key.get(key, []) if key else []:
            out.setdefault(
                record.id,
                {"id": record.id, "label": record.name, "rule": RULE_OF_KIND[kind], "score": 100},
            )
    if entity in NAME_RULED:
        # Only the name rule: the same email and phone were looked up for the whole batch.
        values = {k: row.values.get(k) for k in ("name", "company_name")}
        for candidate in duplicate_rules.find_candidates(entity, values, user=user):
            out.setdefault(
                candidate.id,
                {
                    "id": candidate.id,
                    "label": candidate.label,
                    "rule": candidate.rule,
                    "score": int(candidate.score),
                },
            )
    return sorted(out.values(), key=lambda c: (-c["score"], c["id"]))
