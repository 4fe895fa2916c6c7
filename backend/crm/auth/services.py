"""Users, teams and login sessions: the business rules of authentication."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from flask import current_app, request
from flask_jwt_extended import create_access_token, create_refresh_token, decode_token

from crm.auth.models import USER_SORT_FIELDS, LoginSession, Team, User
from crm.auth.passwords import hash_password, verify_password
from crm.core import audit
from crm.core.exceptions import Conflict, Forbidden, Invalid, NotFound, Unauthenticated
from crm.core.i18n import N_
from crm.core.pagination import paginate
from crm.core.permissions import ADMIN, MANAGER, SALES, SERVICE
from crm.core.records import get_or_404, records_by_key
from crm.core.types import utcnow
from crm.core.unit_of_work import flush_and_expire
from crm.extensions import db

LOGIN_FAILED = N_("Email or password is incorrect.")
USER_AUDIT_FIELDS = ("email", "name", "role", "team_id", "locale", "active")


# --- login sessions -----------------------------------------------------------------------


def _issue_tokens(user: User, session: LoginSession) -> dict:
    """New tokens for the login; the caller records the refresh token's jti as current."""
    claims = {"sid": session.id}
    access = create_access_token(identity=str(user.id), additional_claims=claims)
    refresh = create_refresh_token(identity=str(user.id), additional_claims=claims)
    expires = current_app.config["JWT_ACCESS_TOKEN_EXPIRES"]
    return {
        "access_token": access,
        "refresh_token": refresh,
        "token_type": "Bearer",
        "expires_in": int(expires.total_seconds()),
        "user": user,
    }


def login(email: str, password: str) -> dict:
    """Open a login session; wrong password, unknown email and disabled user look alike."""
    email = email.strip().lower()
    user = db.session.scalar(sa.select(User).where(User.email == email))
    if user is not None and user.email != email:
        # MySQL/MariaDB *_ci collations match "àlice@" (or full-width letters) to "alice@":
        # another address is another account, and must not get its own rate-limit budget.
        user = None
    if not verify_password(user.password_hash if user else None, password) or not user.active:
        audit.record(
            "login_failed",
            "user",
            user.id if user else None,
            changes={"email": {"old": None, "new": email}},
            actor_id=user.id if user else None,
        )
        # The answer is 401, but the failed attempt stays on record (the audit trail).
        raise Unauthenticated(LOGIN_FAILED, code="login_failed", keeps_writes=True)
    session = LoginSession(
        id=str(uuid.uuid4()),
        user_id=user.id,
        refresh_jti="",
        expires_at=utcnow() + current_app.config["JWT_REFRESH_TOKEN_EXPIRES"],
        ip_address=request.remote_addr,
        user_agent=(request.user_agent.string or "")[:255] or None,
    )
    db.session.add(session)
    tokens = _issue_tokens(user, session)
    session.refresh_jti = decode_token(tokens["refresh_token"])["jti"]
    audit.record("login", "user", user.id, actor_id=user.id)
    flush_and_expire()
    return tokens


def refresh(user: User, claims: dict) -> dict:
    """Rotate the refresh token; a token that was already rotated revokes the whole login."""
    session = db.session.get(LoginSession, claims.get("sid"))
    if session is None or session.revoked_at is not None or session.user_id != user.id:
        raise Unauthenticated(N_("This login has ended. Log in again."), code="token_revoked")
    tokens = _issue_tokens(user, session)
    # Rotate only if the presented token is still the current one: of two concurrent uses of
    # one token exactly one wins, and the other counts as reuse.
    rotated = db.session.execute(
        sa.update(LoginSession)
        .where(
            LoginSession.id == session.id,
            LoginSession.refresh_jti == claims["jti"],
            LoginSession.revoked_at.is_(None),
        )
        .values(refresh_jti=decode_token(tokens["refresh_token"])["jti"])
    ).rowcount
    if rotated != 1:
        db.session.execute(
            sa.update(LoginSession).where(LoginSession.id == session.id).values(revoked_at=utcnow())
        )
        audit.record("refresh_reuse", "login_session", session.id, actor_id=user.id)
        # The answer is 401, but the login stays revoked.
        raise Unauthenticated(
            N_("This refresh token was already used; the login has been ended."),
            code="refresh_token_reused",
            keeps_writes=True,
        )
    flush_and_expire()
    return tokens


def logout(user: User, claims: dict) -> None:
    session = db.session.get(LoginSession, claims.get("sid"))
    if session is not None and session.revoked_at is None:
        session.revoked_at = utcnow()
        audit.record("logout", "login_session", session.id, actor_id=user.id)
        flush_and_expire()


def is_token_revoked(claims: dict) -> bool:
    sid = claims.get("sid")
    if not isinstance(sid, str) or not sid:
        return True  # every token we issue names its login session
    session = db.session.get(LoginSession, sid)
    return session is None or session.revoked_at is not None


def load_active_user(identity: str) -> User | None:
    user = db.session.get(User, int(identity)) if str(identity).isdigit() else None
    return user if user is not None and user.active else None


# --- users and teams ----------------------------------------------------------------------


def _check_team(team_id: int | None) -> None:
    if team_id is not None and db.session.get(Team, team_id) is None:
        raise Invalid(N_("The team does not exist."), errors={"team_id": [N_("Unknown team.")]})


def create_user(data: dict, *, actor_id: int | None = None) -> User:
    email = data["email"].strip().lower()
    if db.session.scalar(sa.select(User.id).where(User.email == email)) is not None:
        raise Conflict(
            N_("A user with this email already exists."),
            code="duplicate",
            errors={"email": [N_("Already in use.")]},
        )
    _check_team(data.get("team_id"))
    user = User(
        email=email,
        name=data["name"],
        role=data["role"],
        team_id=data.get("team_id"),
        locale=data.get("locale") or "zh-CN",
        active=data.get("active", True),
        password_hash=hash_password(data["password"]),
    )
    db.session.add(user)
    db.session.flush()
    audit.record(
        "create",
        "user",
        user.id,
        changes=audit.snapshot(user, USER_AUDIT_FIELDS),
        actor_id=actor_id,
    )
    flush_and_expire()
    return user


def get_user(user_id: int) -> User:
    return get_or_404(User, user_id, not_found=NotFound(N_("No such user."), code="user_not_found"))


def list_users(args: dict):
    stmt = sa.select(User)
    if args.get("role"):
        stmt = stmt.where(User.role == args["role"])
    if args.get("team_id") is not None:
        stmt = stmt.where(User.team_id == args["team_id"])
    if args.get("active") is not None:
        stmt = stmt.where(User.active == args["active"])
    if args.get("q"):
        pattern = f"%{args['q']}%"
        stmt = stmt.where(sa.or_(User.name.ilike(pattern), User.email.ilike(pattern)))
    return paginate(
        db.session,
        stmt,
        User,
        fields=USER_SORT_FIELDS,
        sort=args["sort"],
        limit=args["limit"],
        cursor=args.get("cursor"),
    )


def _revoke_sessions(user_id: int) -> None:
    db.session.execute(
        sa.update(LoginSession)
        .where(LoginSession.user_id == user_id, LoginSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def update_user(user: User, data: dict, *, actor: User) -> User:
    data = dict(data)
    password = data.pop("password", None)
    if "email" in data:
        data["email"] = data["email"].strip().lower()
        taken = db.session.scalar(
            sa.select(User.id).where(User.email == data["email"], User.id != user.id)
        )
        if taken is not None:
            raise Conflict(
                N_("A user with this email already exists."),
                code="duplicate",
                errors={"email": [N_("Already in use.")]},
            )
    if "team_id" in data:
        _check_team(data["team_id"])
    if user.id == actor.id and (data.get("active") is False or data.get("role", ADMIN) != ADMIN):
        raise Conflict(
            N_("You cannot deactivate or demote yourself."), code="self_change_forbidden"
        )
    changes = audit.apply_changes(user, data)
    if password:
        user.password_hash = hash_password(password)
        changes["password"] = {"old": "***", "new": "***"}
    if changes.get("active", {}).get("new") is False or password:
        _revoke_sessions(user.id)
    if changes:
        audit.record("update", "user", user.id, changes=changes)
    flush_and_expire()
    return user


def deactivate_user(user: User, *, actor: User) -> None:
    update_user(user, {"active": False}, actor=actor)


def list_teams() -> list[Team]:
    return list(db.session.scalars(sa.select(Team).order_by(Team.name)))


def create_team(name: str) -> Team:
    name = name.strip()
    if not name:
        raise Invalid(N_("The request has invalid fields."), errors={"name": [N_("Enter a name.")]})
    if db.session.scalar(sa.select(Team.id).where(Team.name == name)) is not None:
        raise Conflict(
            N_("A team with this name already exists."),
            code="duplicate",
            errors={"name": [N_("Already in use.")]},
        )
    team = Team(name=name)
    db.session.add(team)
    db.session.flush()
    audit.record("create", "team", team.id, changes=audit.snapshot(team, ("name",)))
    flush_and_expire()
    return team


def team_member_ids(team_id: int | None) -> sa.Select:
    return sa.select(User.id).where(User.team_id == team_id)


def can_assign(actor: User, owner: User | None) -> bool:
    """Admins assign to anyone; managers within their team."""
    if actor.role == ADMIN:
        return True
    return (
        actor.role == MANAGER
        and actor.team_id is not None
        and owner is not None
        and owner.team_id == actor.team_id
    )


def assignable_users(actor: User) -> list[User]:
    """Who `actor` may make the owner of a record: admins anyone selling, managers their
    team, sales reps themselves."""
    if actor.role not in (ADMIN, MANAGER):
        return [actor] if actor.role == SALES else []
    stmt = sa.select(User).where(User.active.is_(True), User.role.in_((ADMIN, MANAGER, SALES)))
    if actor.role == MANAGER:
        if actor.team_id is None:
            return [actor]
        stmt = stmt.where(User.team_id == actor.team_id)
    return list(db.session.scalars(stmt.order_by(User.name, User.id)))


def active_user(user_id: int) -> User | None:
    user = db.session.get(User, user_id)
    return user if user is not None and user.active else None


def active_users_in_roles(roles: Iterable[str]) -> list[User]:
    """Every active user with one of `roles`, by name: the choices of an assignee picker."""
    stmt = sa.select(User).where(User.active.is_(True), User.role.in_(tuple(roles)))
    return list(db.session.scalars(stmt.order_by(User.name, User.id)))


def user_names(user_ids: Iterable[int]) -> dict[int, str]:
    """The names of these users by id (a record's history shows who did what)."""
    ids = set(user_ids)
    return dict(db.session.execute(sa.select(User.id, User.name).where(User.id.in_(ids))).all())


def team_exists(team_id: int) -> bool:
    return db.session.get(Team, team_id) is not None


# --- record scoping (every domain's services use these) -------------------------------------


def visible_records(user: User, owner_column):
    """Records a user may see, by their owner: admins and service staff all, managers their
    team's and unassigned ones, sales reps their own and unassigned ones."""
    if user.role in (ADMIN, SERVICE):
        return sa.true()
    if user.role == MANAGER and user.team_id is not None:
        return sa.or_(owner_column.is_(None), owner_column.in_(team_member_ids(user.team_id)))
    return sa.or_(owner_column.is_(None), owner_column == user.id)


def require_writer(user: User) -> None:
    """Service staff read customer and sales records but do not change them."""
    if user.role not in (ADMIN, MANAGER, SALES):
        raise Forbidden(
            N_("Your role can read these records but not change them."), code="read_only_role"
        )


def check_owner_change(user: User, owner_id: int | None, current_owner_id: int | None) -> None:
    """Only managers (within their team) and admins assign records."""
    if owner_id == current_owner_id:
        return
    if user.role not in (ADMIN, MANAGER):
        raise Forbidden(
            N_("Only managers and admins can assign records."),
            errors={"owner_id": [N_("You cannot change the owner.")]},
        )
    if owner_id is None:
        return
    owner = active_user(owner_id)
    assignable = owner is not None and owner.role in (ADMIN, MANAGER, SALES)
    if not assignable or not can_assign(user, owner):
        raise Invalid(
            N_("The owner must be an active salesperson you can assign to."),
            errors={"owner_id": [N_("Not a user you can assign this record to.")]},
        )


def users_by_email_or_name(keys) -> dict[str, list[User]]:
    """Active users whose email or name (case-folded) is one of `keys`, grouped by key: how an
    import finds the owner a row names."""
    stmt = sa.select(User).where(User.active.is_(True))
    found = records_by_key(stmt, User.email, "email", keys)
    for key, users in records_by_key(stmt, User.name, "name", keys).items():
        found.setdefault(key, [])
        found[key].extend(u for u in users if u not in found[key])
    return found
