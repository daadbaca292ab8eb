"""Browsers an account has signed in from: a long-lived cookie per account, so the right
password from the user's own browser passes the account's cool-down
(`service.login_throttle`) while someone elsewhere guesses.

The cookie is a random nonce and its HMAC keyed with the account's password hash: no
secret to configure and no table to keep; nobody without the stored hash can make one,
and a password change forgets every browser. The cookie signs nobody in — it only spares
its holder the wait.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from service.db.models import User

COOKIE_PREFIX = "tdkt_known_"
MAX_AGE = 365 * 24 * 3600


def cookie_name(user_name: str) -> str:
    """One cookie per account (several people may share a browser)."""
    return COOKIE_PREFIX + hashlib.sha256(user_name.encode("utf-8")).hexdigest()[:16]


def _mac(user: User, nonce: str) -> str:
    key = (user.password_hash or "").encode("utf-8")
    message = f"known-browser:{user.name}:{nonce}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def mark(user: User) -> str:
    """The cookie value that makes this browser one the user signed in from."""
    nonce = secrets.token_urlsafe(16)
    return f"{nonce}.{_mac(user, nonce)}"


def is_known(user: User | None, value: str | None) -> bool:
    """Whether `value` is a cookie `mark` made for this user under their password now."""
    if user is None or not user.password_hash or not value or len(value) > 200:
        return False
    nonce, _, mac = value.partition(".")
    return bool(nonce) and hmac.compare_digest(mac, _mac(user, nonce))
