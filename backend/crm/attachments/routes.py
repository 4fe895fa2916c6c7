"""HTTP layer of attachments (staff side) and of upload links as staff manage them."""

from __future__ import annotations

from flask_smorest import Blueprint

blp = Blueprint("attachments", __name__, url_prefix="/api/v1", description="Attachments")
