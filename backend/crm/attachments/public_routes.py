"""What a customer reaches without an account: one upload link."""

from __future__ import annotations

from flask_smorest import Blueprint

blp = Blueprint(
    "public_uploads", __name__, url_prefix="/api/v1/public", description="Customer upload links"
)
