"""HTTP layer of duplicates and merges."""

from __future__ import annotations

from flask.views import MethodView

from crm.core.blueprint import Blueprint
from crm.core.permissions import login_required, me
from crm.imports.duplicates import services
from crm.imports.duplicates.schemas import DuplicateCandidateListSchema, DuplicateCheckArgsSchema

blp = Blueprint("duplicates", __name__, url_prefix="/api/v1", description="Duplicates and merges")


@blp.route("/duplicates/check")
class DuplicateCheck(MethodView):
    @login_required()
    @blp.arguments(DuplicateCheckArgsSchema, location="query")
    @blp.response(200, DuplicateCandidateListSchema)
    def get(self, args):
        """Records the values typed in a form may duplicate (same email, same phone, alike
        name), among those you can see: the warning before saving."""
        return services.check(me(), args)
