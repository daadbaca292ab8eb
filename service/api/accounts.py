"""Signing in and out (`/api/v1/session`), and users and their tokens (admin only)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import make_url, select
from starlette.concurrency import run_in_threadpool

from service import accounts, known_browsers
from service.accounts import AccountError
from service.api.auth import AUTH_ERRORS, SESSION_COOKIE, Admin, Viewer, as_admin
from service.api.deps import ArchiveDep, DbId
from service.api.errors import ApiError, error_responses
from service.api.models import API, _utc
from service.archive import Archive
from service.db.models import ApiToken, Role, User, as_utc
from service.login_throttle import LoginThrottle
from service.preservation import audit

router = APIRouter(prefix=API, tags=["accounts"])
admin_router = APIRouter(
    prefix=API, tags=["accounts"], dependencies=[Depends(as_admin)], responses=AUTH_ERRORS
)


class Credentials(BaseModel):
    name: str = Field(max_length=100, examples=["lan.nguyen"])
    password: str = Field(max_length=1000)


class SessionOut(BaseModel):
    name: str
    role: str
    csrf_token: str | None = Field(
        default=None, description="Send as X-CSRF-Token with every change made with the cookie"
    )


class UserOut(BaseModel):
    name: str
    role: str
    active: bool
    has_password: bool
    created_at: datetime
    last_login_at: datetime | None

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(
            name=user.name,
            role=user.role,
            active=user.active,
            has_password=user.password_hash is not None,
            created_at=as_utc(user.created_at),
            last_login_at=_utc(user.last_login_at),
        )


class NewUser(BaseModel):
    name: str = Field(max_length=100, examples=["lan.nguyen"])
    role: str = Field(examples=[Role.archivist], description="viewer | archivist | admin")
    password: str | None = Field(
        default=None, max_length=1000, description="None: the account only uses API tokens"
    )


class UserChange(BaseModel):
    role: str | None = None
    active: bool | None = None
    password: str | None = Field(default=None, max_length=1000)


class TokenOut(BaseModel):
    token: str = Field(description="Shown only now; send as `Authorization: Bearer <token>`")
    label: str


def sign_in(
    archive: Archive, response: Response, request: Request, name: str, password: str
) -> SessionOut:
    """Check the password and set the sign-in cookie; shared by the API and the page."""
    throttle: LoginThrottle = request.app.state.login_throttle
    name_key = name.strip().casefold()[:100]
    address = request.client.host if request.client else ""
    if wait := throttle.retry_after(address, name_key, _known_browser(archive, request, name)):
        raise ApiError(
            429, "too_many_attempts", f"too many wrong passwords; try again in {wait} s",
            headers={"Retry-After": str(wait)},
        )  # fmt: skip
    try:
        with archive.db.write() as session:
            user = accounts.authenticate(session, name, password)
            if user is None:
                throttle.failed(address, name_key)
                raise ApiError(401, "bad_credentials", "wrong user name or password")
            throttle.succeeded(name_key)
            known = (known_browsers.cookie_name(user.name), known_browsers.mark(user))
            cookie, login = accounts.new_session(session, user, archive.settings.session_hours)
            out = SessionOut(name=user.name, role=user.role, csrf_token=login.csrf_token)
            audit.record(session, user.name, "session.sign_in", f"user:{user.name}")
    except ApiError:
        with archive.db.write() as session:
            tried = name.strip()[:100]
            audit.record(session, tried, "session.sign_in_failed", f"user:{tried}")
        raise
    response.set_cookie(
        SESSION_COOKIE,
        cookie,
        max_age=int(archive.settings.session_hours * 3600),
        httponly=True,
        samesite="lax",
        secure=archive.settings.secure_cookies or request.url.scheme == "https",
        path="/",
    )
    response.set_cookie(
        known[0],
        known[1],
        max_age=known_browsers.MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=archive.settings.secure_cookies or request.url.scheme == "https",
        path="/",
    )
    return out


def _known_browser(archive: Archive, request: Request, name: str) -> bool:
    """Whether this browser signed in to `name` before (its cookie checks out)."""
    try:
        with archive.db.read() as session:
            user = accounts.find_user(session, name)
            value = request.cookies.get(known_browsers.cookie_name(user.name)) if user else None
            return known_browsers.is_known(user, value)
    except AccountError:
        return False


def sign_out(archive: Archive, request: Request, response: Response) -> None:
    if cookie := request.cookies.get(SESSION_COOKIE):
        with archive.db.write() as session:
            if name := accounts.end_session(session, cookie):
                audit.record(session, name, "session.sign_out", f"user:{name}")
    response.delete_cookie(SESSION_COOKIE, path="/")


@router.post(
    "/session",
    response_model=SessionOut,
    summary="Sign in with a user name and password (sets the sign-in cookie)",
    responses=error_responses(401, 422, 429),
)
async def create_session(
    credentials: Credentials, request: Request, response: Response, archive: ArchiveDep
) -> SessionOut:
    return await run_in_threadpool(
        sign_in, archive, response, request, credentials.name, credentials.password
    )


@router.get(
    "/session",
    response_model=SessionOut,
    summary="Who is signed in, with the CSRF token for changes",
    responses=AUTH_ERRORS,
)
def current_session(user: Viewer) -> SessionOut:
    return SessionOut(name=user.name, role=user.role, csrf_token=user.csrf_token)


@router.delete(
    "/session", status_code=204, summary="Sign out (ends the sign-in)", responses=AUTH_ERRORS
)
def delete_session(
    user: Viewer, request: Request, response: Response, archive: ArchiveDep
) -> Response:
    sign_out(archive, request, response)
    response.status_code = 204
    return response


def _account_error(error: AccountError) -> ApiError:
    status = 409 if error.code == "user_exists" else 422
    return ApiError(status, error.code, error.message)


@admin_router.get("/users", response_model=list[UserOut], summary="Every account")
def list_users(archive: ArchiveDep) -> list[UserOut]:
    with archive.db.read() as session:
        return [UserOut.of(u) for u in session.scalars(select(User).order_by(User.name))]


@admin_router.post(
    "/users",
    status_code=201,
    response_model=UserOut,
    summary="Add an account",
    responses=error_responses(409, 422),
)
def add_user(body: NewUser, archive: ArchiveDep, admin: Admin) -> UserOut:
    try:
        with archive.db.write() as session:
            user = accounts.add_user(session, body.name, body.role, body.password)
            audit.record(session, admin.name, "user.add", f"user:{user.name}", {"role": user.role})
            return UserOut.of(user)
    except AccountError as error:
        raise _account_error(error) from None


def _user(session: Any, name: str) -> User:
    try:
        user = accounts.find_user(session, name)
    except AccountError:
        user = None
    if user is None:
        raise ApiError(404, "not_found", f"no user {name!r}")
    return user


@admin_router.patch(
    "/users/{name}",
    response_model=UserOut,
    summary="Change an account's role, password, or disable it; a new password ends the "
    "account's sign-ins and revokes its API tokens",
    responses=error_responses(404, 409, 422),
)
def change_user(name: str, body: UserChange, archive: ArchiveDep, admin: Admin) -> UserOut:
    try:
        with archive.db.write() as session:
            user = _user(session, name)
            if user.id == admin.user_id and (
                body.active is False or (body.role is not None and body.role != Role.admin)
            ):
                raise ApiError(409, "self_lockout", "an admin cannot disable or demote themself")
            if body.role is not None:
                user.role = accounts.check_role(body.role)
            if body.active is not None:
                user.active = body.active
            revoked = None
            if body.password is not None:
                revoked = accounts.set_password(session, user, body.password)
            changed = body.model_dump(exclude_none=True) | (
                {"password": "set", "tokens_revoked": revoked} if body.password else {}
            )
            audit.record(session, admin.name, "user.change", f"user:{user.name}", changed)
            session.flush()
            return UserOut.of(user)
    except AccountError as error:
        raise _account_error(error) from None


@admin_router.post(
    "/users/{name}/tokens",
    status_code=201,
    response_model=TokenOut,
    summary="A new API token for the account (shown once)",
    responses=error_responses(404),
)
def new_token(
    name: str,
    archive: ArchiveDep,
    admin: Admin,
    label: Annotated[str, Body(embed=True, max_length=200)] = "",
) -> TokenOut:
    with archive.db.write() as session:
        user = _user(session, name)
        made = accounts.new_token(session, user, label)
        audit.record(session, admin.name, "token.add", f"user:{user.name}", {"label": label})
        return TokenOut(token=made, label=label)


class TokenInfo(BaseModel):
    id: int
    label: str
    created_at: datetime


@admin_router.get(
    "/users/{name}/tokens",
    response_model=list[TokenInfo],
    summary="The account's API tokens (labels and dates; the tokens themselves are not kept)",
    responses=error_responses(404),
)
def list_tokens(name: str, archive: ArchiveDep) -> list[TokenInfo]:
    with archive.db.read() as session:
        user = _user(session, name)
        rows = session.scalars(
            select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)
        ).all()
        return [TokenInfo(id=t.id, label=t.label, created_at=as_utc(t.created_at)) for t in rows]


@admin_router.delete(
    "/users/{name}/tokens/{token_id}",
    status_code=204,
    summary="Revoke an API token: scripts using it get 401 from now on",
    responses=error_responses(404),
)
def revoke_token(name: str, token_id: DbId, archive: ArchiveDep, admin: Admin) -> Response:
    with archive.db.write() as session:
        user = _user(session, name)
        token = session.get(ApiToken, token_id)
        if token is None or token.user_id != user.id:
            raise ApiError(404, "not_found", f"{name} has no token {token_id}")
        session.delete(token)
        audit.record(session, admin.name, "token.revoke", f"user:{user.name}", {"token": token_id})
    return Response(status_code=204)


@admin_router.get("/settings", summary="The running service's settings (secrets left out)")
def settings(archive: ArchiveDep) -> dict[str, Any]:
    data = archive.settings.model_dump(
        mode="json", exclude={"s3_access_key", "s3_secret_key", "admin_password"}
    )
    for key in ("database_url", "queue_url", "storage_url"):
        if data.get(key) and "@" in data[key]:
            data[key] = make_url(data[key]).render_as_string(hide_password=True)
    return data
