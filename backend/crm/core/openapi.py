"""Pieces every blueprint's routes share: the id converter and the documented ETag headers."""

from __future__ import annotations

# A path id: a positive 32-bit integer, so bigger numbers are a plain 404.
ID = "int(max=2147483647)"
ETAG_HEADERS = {
    "ETag": {"description": "Send back in If-Match to update", "schema": {"type": "string"}}
}
IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "schema": {"type": "string"},
    "description": "The ETag from the last GET; required to update",
}
# Names of the problem+json response components (crm.core.errors registers them lazily; a
# name, unlike a raw "$ref", makes apispec emit the component it points to).
CONFLICTS = {"412": "PRECONDITION_FAILED", "428": "PRECONDITION_REQUIRED"}
