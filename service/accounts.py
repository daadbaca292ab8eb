"""Users, their roles and credentials: passwords for people, API tokens for scripts.

Passwords are kept as Argon2id hashes; tokens and sign-in session ids are random and kept
only as their SHA-256, so a copy of the database signs nobody in. Names are casefolded
NFC, so `Lan` and `lan` are one account.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from service.db.models import ApiToken, LoginSession, Role, User, as_utc, utcnow

TOKEN_PREFIX = "tdkt_"
MIN_PASSWORD = 8
_NAME = re.compile(r"^[\w.@-]{1,100}$")
_hasher = PasswordHasher()


class AccountError(ValueError):
    """A request about accounts that cannot be met; `code` is the API's error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Principal:
    """Who is asking, and how they proved it (`session` carries a CSRF token)."""

    user_id: int
    name: str
    role: str
    via: str  # session | token
    csrf_token: str | None = None

    def may(self, role: str) -> bool:
        return Role.ALL.index(self.role) >= Role.ALL.index(role)


def normalize_name(name: str) -> str:
    cleaned = unicodedata.normalize("NFC", name.strip()).casefold()
    if not _NAME.match(cleaned):
        raise AccountError(
            "invalid_name", "a user name is 1-100 letters, digits, dots, dashes or @"
        )
    return cleaned


def check_role(role: str) -> str:
    if role not in Role.ALL:
        raise AccountError("invalid_role", f"role must be one of {', '.join(Role.ALL)}")
    return role


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError("weak_password", f"a password has at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def count_users(session: Session) -> int:
    return session.execute(select(func.count()).select_from(User)).scalar_one()


def find_user(session: Session, name: str) -> User | None:
    return session.scalars(select(User).where(User.name == normalize_name(name))).first()


def add_user(session: Session, name: str, role: str, password: str | None) -> User:
    """A new account; without a password it signs in only with API tokens."""
    name = normalize_name(name)
    if session.scalars(select(User).where(User.name == name)).first() is not None:
        raise AccountError("user_exists", f"user {name!r} already exists")
    user = User(
        name=name,
        role=check_role(role),
        password_hash=hash_password(password) if password is not None else None,
        active=True,
    )
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, user: User, password: str) -> int:
    """A new password: every sign-in and API token of the account ends (whoever knew the
    old one may have made them); returns how many tokens were revoked."""
    user.password_hash = hash_password(password)
    session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
    revoked = session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
    return int(getattr(revoked, "rowcount", 0) or 0)


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The active user whose password this is, or None (same answer for an unknown name)."""
    try:
        user = find_user(session, name)
    except AccountError:
        return None
    if user is None or not user.active or user.password_hash is None:
        _hasher.hash(password)  # as slow as a real check: timing does not tell names apart
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.last_login_at = utcnow()
    return user


def new_token(session: Session, user: User, label: str = "") -> str:
    """A new API token for the user; only its hash is kept, so it is shown this once."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=digest(token), label=label))
    return token


def new_session(session: Session, user: User, hours: float) -> tuple[str, LoginSession]:
    """A sign-in for a browser: (cookie value, the stored session with its CSRF token)."""
    cookie = secrets.token_urlsafe(32)
    login = LoginSession(
        user_id=user.id,
        token_hash=digest(cookie),
        csrf_token=secrets.token_urlsafe(32),
        expires_at=utcnow() + timedelta(hours=hours),
    )
    session.add(login)
    session.execute(delete(LoginSession).where(LoginSession.expires_at < utcnow()))
    return cookie, login


def end_session(session: Session, cookie: str) -> str | None:
    """End a browser's sign-in; the name of whose it was, None when it was not one."""
    name = session.scalars(
        select(User.name)
        .join(LoginSession, LoginSession.user_id == User.id)
        .where(LoginSession.token_hash == digest(cookie))
    ).first()
    session.execute(delete(LoginSession).where(LoginSession.token_hash == digest(cookie)))
    return name


def principal_for_token(session: Session, token: str) -> Principal | None:
    row = session.execute(
        select(User, ApiToken)
        .join(ApiToken, ApiToken.user_id == User.id)
        .where(ApiToken.token_hash == digest(token))
    ).first()
    if row is None or not row[0].active:
        return None
    user = row[0]
    return Principal(user.id, user.name, user.role, "token")


def principal_for_session(session: Session, cookie: str) -> Principal | None:
    row = session.execute(
        select(User, LoginSession)
        .join(LoginSession, LoginSession.user_id == User.id)
        .where(LoginSession.token_hash == digest(cookie))
    ).first()
    if row is None:
        return None
    user, login = row
    if not user.active or as_utc(login.expires_at) < datetime.now(UTC):
        return None
    return Principal(user.id, user.name, user.role, "session", login.csrf_token)


def first_admin(session: Session, password: str | None) -> tuple[str, str] | None:
    """On an archive with no users: create `admin` and return (name, password), else None.

    The password is the configured one, or a random one the caller prints once.
    """
    if count_users(session):
        return None
    chosen = password or secrets.token_urlsafe(12)
    add_user(session, "admin", Role.admin, chosen)
    return "admin", chosen
