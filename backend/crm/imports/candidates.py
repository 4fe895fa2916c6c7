"""Duplicate candidates of an imported row in the database: the records sharing its exact keys
(normalised email, E.164 phone, name, SKU), found for the whole batch at once, and for leads,
companies and contacts those the duplicate rules find (similar company names and the rest,
`crm.imports.duplicate_rules`). Answered as `{id, label, rule, score}`, best first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crm.imports import duplicate_rules

if TYPE_CHECKING:
    from crm.auth.models import User

RULE_OF_KIND = {"email": "email", "phone": "phone", "name": "name", "external_id": "external_id"}
RULED_ENTITIES = ("leads", "companies", "contacts")


def candidates(entity: str, row, found: dict[str, dict[str, list]], user: User) -> list[dict]:
    out: dict[int, dict] = {}
    for kind, by_key in found.items():
        key = row.key(kind)
        for record in by_key.get(key, []) if key else []:
            out.setdefault(
                record.id,
                {"id": record.id, "label": record.name, "rule": RULE_OF_KIND[kind], "score": 100},
            )
    if entity in RULED_ENTITIES:
        values = {k: v for k, v in row.values.items() if not k.startswith("_")}
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
