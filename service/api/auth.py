"""Who may call what: every route depends on one of `as_viewer`, `as_archivist`, `as_admin`.

A script sends `Authorization: Bearer <token>`; a browser sends the sign-in cookie, and
with it, on every request that changes something, the `X-CSRF-Token` its page was given
(another site can make the browser send the cookie, never read the token). No
credentials answer 401, the wrong role 403.
"""

from __future__ import annotations

import hmac
from typing import Annotated, cast

from fastapi import Depends, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer

from service.accounts import Principal, principal_for_session, principal_for_token
from service.api.deps import ArchiveDep
from service.api.errors import ApiError, error_responses
from service.archive import Archive
from service.db.models import Role

SESSION_COOKIE = "tdkt_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_bearer = HTTPBearer(auto_error=False, description="An API token from `tdkt user token`.")
_cookie = APIKeyCookie(name=SESSION_COOKIE, auto_error=False, description="The web page's sign-in.")
AUTH_ERRORS = error_responses(401, 403)
_UNSET = object()


def principal_of(request: Request, archive: ArchiveDep) -> Principal | None:
    """Who sent the request, or None; a bad token is an error, not an anonymous call."""
    cached = getattr(request.state, "principal", _UNSET)
    if cached is not _UNSET:
        return cast(Principal | None, cached)
    header = request.headers.get("authorization")
    principal: Principal | None = None
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise _unauthorized("send the token as `Authorization: Bearer <token>`")
        with archive.db.read() as session:
            principal = principal_for_token(session, token.strip())
        if principal is None:
            raise _unauthorized("the API token is unknown, revoked, or its user is disabled")
    else:
        principal = signed_in(request, archive)
    request.state.principal = principal
    return principal


def signed_in(request: Request, archive: Archive) -> Principal | None:
    """Who the browser's sign-in cookie belongs to, if anyone."""
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    with archive.db.read() as session:
        return principal_for_session(session, cookie)


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


def _require(role: str, request: Request, principal: Principal | None) -> Principal:
    if principal is None:
        raise _unauthorized("sign in, or send `Authorization: Bearer <token>`")
    if principal.via == "session" and request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not principal.csrf_token or not hmac.compare_digest(sent, principal.csrf_token):
            raise ApiError(403, "csrf_failed", f"a signed-in change needs the {CSRF_HEADER} header")
    if not principal.may(role):
        raise ApiError(
            403, "forbidden", f"this needs the {role} role; {principal.name} is {principal.role}"
        )
    return principal


Known = Annotated[Principal | None, Depends(principal_of)]
_Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
_Cookie = Annotated[str | None, Depends(_cookie)]


def as_viewer(request: Request, principal: Known, _b: _Bearer, _c: _Cookie) -> Principal:
    return _require(Role.viewer, request, principal)


def as_archivist(request: Request, principal: Known, _b: _Bearer, _c: _Cookie) -> Principal:
    return _require(Role.archivist, request, principal)


def as_admin(request: Request, principal: Known, _b: _Bearer, _c: _Cookie) -> Principal:
    return _require(Role.admin, request, principal)


Viewer = Annotated[Principal, Depends(as_viewer)]
Archivist = Annotated[Principal, Depends(as_archivist)]
Admin = Annotated[Principal, Depends(as_admin)]
