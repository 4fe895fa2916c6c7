"""HTTP layer of auth: login sessions, users and teams."""

from __future__ import annotations

from flask import after_this_request, current_app, request
from flask.views import MethodView
from flask_jwt_extended import current_user as token_user
from flask_jwt_extended import (
    get_jwt,
    jwt_required,
    set_refresh_cookies,
    unset_jwt_cookies,
)
from flask_limiter.util import get_remote_address

from crm.auth import services
from crm.auth.schemas import (
    AssigneeListSchema,
    LoginSchema,
    TeamSchema,
    TokenSchema,
    UserListArgsSchema,
    UserPageSchema,
    UserSchema,
    UserUpdateSchema,
)
from crm.core.blueprint import Blueprint
from crm.core.etag import check_if_match, with_etag
from crm.core.permissions import ADMIN, login_required, me
from crm.extensions import limiter

blp = Blueprint("auth", __name__, url_prefix="/api/v1", description="Login sessions, users, teams")
ID = "int(max=2147483647)"  # larger ids are no user (and overflow SQLite's integers: a 500)


def _login_email() -> str:
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    return f"login-email:{str(email).strip().lower()}" if email else get_remote_address()


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _failed(response) -> bool:
    return response.status_code == 401


def _with_refresh_cookie(tokens: dict) -> dict:
    @after_this_request
    def set_cookie(response):
        max_age = int(current_app.config["JWT_REFRESH_TOKEN_EXPIRES"].total_seconds())
        set_refresh_cookies(response, tokens["refresh_token"], max_age=max_age)
        return response

    return tokens


@blp.route("/auth/login", methods=["POST"])
@limiter.limit(_login_limit, key_func=_login_email, deduct_when=_failed)
@limiter.limit(_login_limit, key_func=get_remote_address, deduct_when=_failed)
@blp.doc(security=[])
@blp.arguments(LoginSchema)
@blp.response(200, TokenSchema)
def login(body):
    """Log in with email and password.

    Answers both tokens as JSON, and sets the refresh token as an HttpOnly cookie scoped to
    `/api/v1/auth` (with a readable `csrf_refresh_token` cookie for the X-CSRF-TOKEN header).
    More than 5 failed attempts a minute for one account or address answer 429.
    """
    return _with_refresh_cookie(services.login(body["email"], body["password"]))


@blp.route("/auth/refresh", methods=["POST"])
@jwt_required(refresh=True, locations=["headers", "cookies"])
@blp.doc(security=[{"refreshToken": []}])
@blp.response(200, TokenSchema)
def refresh():
    """Exchange a refresh token (Bearer header, or cookie plus X-CSRF-TOKEN) for new tokens.

    The refresh token rotates: presenting an already rotated one ends the whole login.
    """
    tokens = services.refresh(token_user, get_jwt())
    if request.cookies.get(current_app.config["JWT_REFRESH_COOKIE_NAME"]):
        _with_refresh_cookie(tokens)
    return tokens


@blp.route("/auth/logout", methods=["POST"])
@jwt_required(verify_type=False, locations=["headers"])
@blp.response(204)
def logout():
    """End this login: its access and refresh tokens stop working."""
    services.logout(token_user, get_jwt())

    @after_this_request
    def clear_cookies(response):
        unset_jwt_cookies(response)
        return response


@blp.route("/auth/me", methods=["GET"])
@login_required()
@blp.response(200, UserSchema)
def who_am_i():
    """The logged-in user."""
    return me()


@blp.route("/assignees", methods=["GET"])
@login_required()
@blp.response(200, AssigneeListSchema)
def assignees():
    """The users you may make the owner of a lead: everyone selling (admin), your team
    (manager), yourself (sales)."""
    return {"items": services.assignable_users(me())}


@blp.route("/users")
class Users(MethodView):
    @login_required(ADMIN)
    @blp.arguments(UserListArgsSchema, location="query")
    @blp.response(200, UserPageSchema)
    def get(self, args):
        """List users (admin)."""
        return services.list_users(args)

    @login_required(ADMIN)
    @blp.arguments(UserSchema)
    @blp.response(201, UserSchema)
    def post(self, body):
        """Create a user (admin)."""
        user = services.create_user(body, actor_id=me().id)
        return with_etag(user, user, 201)


@blp.route(f"/users/<{ID}:user_id>")
class UserById(MethodView):
    @login_required(ADMIN)
    @blp.response(200, UserSchema)
    def get(self, user_id):
        """One user (admin)."""
        user = services.get_user(user_id)
        return with_etag(user, user)

    @login_required(ADMIN)
    @blp.arguments(UserUpdateSchema(partial=True))
    @blp.response(200, UserSchema)
    def patch(self, body, user_id):
        """Update a user (admin); `active: false` deactivates and ends their logins."""
        user = services.get_user(user_id)
        check_if_match(user, required=False)
        user = services.update_user(user, body, actor=me())
        return with_etag(user, user)

    @login_required(ADMIN)
    @blp.response(204)
    def delete(self, user_id):
        """Deactivate a user (admin). Users are never deleted: their records keep an owner."""
        services.deactivate_user(services.get_user(user_id), actor=me())


@blp.route("/teams")
class Teams(MethodView):
    @login_required()
    @blp.response(200, TeamSchema(many=True))
    def get(self):
        """All teams."""
        return services.list_teams()

    @login_required(ADMIN)
    @blp.arguments(TeamSchema)
    @blp.response(201, TeamSchema)
    def post(self, body):
        """Create a team (admin)."""
        return services.create_team(body["name"])
