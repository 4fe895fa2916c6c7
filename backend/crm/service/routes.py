"""HTTP layer of tickets, their comments and the SLA policies."""

from __future__ import annotations

from flask_smorest import Blueprint

blp = Blueprint("tickets", __name__, url_prefix="/api/v1", description="Service tickets")
