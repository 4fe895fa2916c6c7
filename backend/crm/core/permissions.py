"""Who is calling: token verification, the current user, and role checks."""

from __future__ import annotations

from functools import wraps

from flask import g
from flask_jwt_extended import current_user, verify_jwt_in_request

from crm.core.exceptions import Forbidden
from crm.core.i18n import N_

ADMIN, MANAGER, SALES, SERVICE = "admin", "manager", "sales", "service"
ROLES = (ADMIN, MANAGER, SALES, SERVICE)


def login_required(*roles: str):
    """Require a valid access token, and one of `roles` when given (403 otherwise)."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            verify_jwt_in_request(locations=["headers"])
            g.current_user = current_user
            if roles and current_user.role not in roles:
                raise Forbidden(N_("Your role does not allow this."), code="role_forbidden")
            return view(*args, **kwargs)

        return wrapper

    return decorator


def me():
    """The authenticated user of this request."""
    return g.current_user
