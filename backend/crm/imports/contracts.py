"""What the imports domain publishes for other domains' HTTP layers to embed: the duplicate
candidates a create or update answer carries (`duplicates`)."""

from __future__ import annotations

import marshmallow as ma

from crm.core.response_schemas import OPTIONAL_IN_RESPONSE

RULES = ("email", "phone", "name")


class DuplicateCandidateSchema(ma.Schema):
    """A record the one being written may duplicate."""

    id = ma.fields.Integer()
    label = ma.fields.String()
    rule = ma.fields.String(metadata={"enum": list(RULES)})
    score = ma.fields.Integer(metadata={"description": "0-100; 100 for the same email or phone"})


def DuplicatesField() -> ma.fields.List:
    """`duplicates` of a record's answer: sent by create and update answers only."""
    return ma.fields.List(
        ma.fields.Nested(DuplicateCandidateSchema),
        dump_only=True,
        metadata={
            OPTIONAL_IN_RESPONSE: True,
            "description": "Records this one may duplicate (same email, same phone, alike "
            "name), best first; sent by create and update answers only (empty when none)",
        },
    )


__all__ = ["RULES", "DuplicateCandidateSchema", "DuplicatesField"]
