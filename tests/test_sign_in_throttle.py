"""Guessing passwords is slowed, and the real user is not locked out: the guesser's
address waits longer and longer (a minute at most), the account cools down for every
browser but the user's own, and a new password revokes the account's API tokens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service import accounts
from service.api.app import create_app
from service.db.models import Role
from service.login_throttle import ADDRESS_MAX_DELAY, LoginThrottle
from service.settings import Settings
from tests.service_helpers import authorize

PASSWORD = "mật-khẩu-của-hoa"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Any]:
    settings = Settings(data_dir=tmp_path, job_workers=1, admin_password=None)
    app = create_app(settings)
    with TestClient(app) as client:
        archive = client.app.state.archive  # type: ignore[attr-defined]
        with archive.db.write() as session:
            accounts.add_user(session, "hoa", Role.viewer, PASSWORD)
        yield app


@pytest.fixture
def clock(app: Any) -> Clock:
    clock = Clock()
    app.state.login_throttle = LoginThrottle(clock=clock)
    return clock


def browser(app: Any, address: str) -> TestClient:
    return TestClient(app, client=(address, 50000))


def sign_in(client: TestClient, password: str, name: str = "hoa") -> tuple[int, dict[str, Any]]:
    answer = client.post("/api/v1/session", json={"name": name, "password": password})
    return answer.status_code, {"body": answer.json(), "headers": answer.headers}


def test_the_right_password_from_the_users_own_browser_passes_while_others_guess(
    app: Any, clock: Clock
) -> None:
    own = browser(app, "10.0.0.5")
    assert sign_in(own, PASSWORD)[0] == 200  # the browser is now one hoa signed in from
    guesser = browser(app, "203.0.113.9")
    for attempt in range(6):
        assert sign_in(guesser, f"doan-{attempt}")[0] in (401, 429)
    status, answer = sign_in(guesser, PASSWORD)  # even the right one, from elsewhere
    assert status == 429 and answer["body"]["error"]["code"] == "too_many_attempts"
    assert int(answer["headers"]["retry-after"]) > 60
    new_browser = browser(app, "10.0.0.6")
    assert sign_in(new_browser, PASSWORD)[0] == 429  # a browser hoa never used waits
    assert sign_in(own, PASSWORD)[0] == 200  # hoa's own browser is not locked out


def test_the_account_cool_down_passes_with_time_and_grows_with_more_failures(
    app: Any, clock: Clock
) -> None:
    guesser = browser(app, "203.0.113.9")
    for attempt in range(5):
        assert sign_in(guesser, f"doan-{attempt}")[0] == 401
    first = int(sign_in(guesser, "doan-5")[1]["headers"]["retry-after"])
    clock.now += first
    assert sign_in(guesser, "doan-6")[0] == 401  # one more try once it passed
    second = int(sign_in(guesser, "doan-7")[1]["headers"]["retry-after"])
    assert second > first
    clock.now += second
    assert sign_in(browser(app, "10.0.0.6"), PASSWORD)[0] == 200  # then the user signs in


def test_one_address_guessing_many_accounts_is_slowed_not_locked(app: Any, clock: Clock) -> None:
    guesser = browser(app, "203.0.113.9")
    waits = []
    for attempt in range(40):
        status, answer = sign_in(guesser, "sai-mat-khau", name=f"user{attempt}")
        if status == 429:
            wait = int(answer["headers"]["retry-after"])
            waits.append(wait)
            clock.now += wait
            assert sign_in(guesser, "sai-mat-khau", name=f"user{attempt}")[0] == 401
        else:
            assert status == 401
    assert waits and max(waits) <= ADDRESS_MAX_DELAY
    assert waits == sorted(waits)  # longer and longer, up to the cap
    elsewhere = browser(app, "10.0.0.5")
    assert sign_in(elsewhere, PASSWORD)[0] == 200  # other addresses never wait
    status, answer = sign_in(guesser, PASSWORD)  # the same address waits a minute at most
    assert status == 429 and int(answer["headers"]["retry-after"]) <= ADDRESS_MAX_DELAY
    clock.now += ADDRESS_MAX_DELAY
    assert sign_in(guesser, PASSWORD)[0] == 200


def test_a_forged_known_browser_cookie_does_not_pass_the_cool_down(app: Any, clock: Clock) -> None:
    from service.known_browsers import cookie_name

    guesser = browser(app, "203.0.113.9")
    for attempt in range(5):
        sign_in(guesser, f"doan-{attempt}")
    guesser.cookies.set(cookie_name("hoa"), "nonce.0000")
    assert sign_in(guesser, PASSWORD)[0] == 429


def test_a_new_password_revokes_the_accounts_tokens_and_known_browsers(
    app: Any, clock: Clock
) -> None:
    admin = authorize(TestClient(app), Role.admin)
    archive = app.state.archive
    with archive.db.write() as session:
        user = accounts.find_user(session, "hoa")
        assert user is not None
        token = accounts.new_token(session, user, "script")
    script = {"Authorization": f"Bearer {token}"}
    assert TestClient(app).get("/api/v1/awards", headers=script).status_code == 200
    own = browser(app, "10.0.0.5")
    assert sign_in(own, PASSWORD)[0] == 200

    changed = admin.patch("/api/v1/users/hoa", json={"password": "mật-khẩu-mới-2025"})
    assert changed.status_code == 200
    assert TestClient(app).get("/api/v1/awards", headers=script).status_code == 401
    assert own.get("/api/v1/awards").status_code == 401  # its sign-in ended too
    tokens = admin.get("/api/v1/users/hoa/tokens").json()
    assert tokens == []
    for attempt in range(5):  # the old browser is no longer known: it waits like any
        sign_in(browser(app, "203.0.113.9"), f"doan-{attempt}")
    assert sign_in(own, "mật-khẩu-mới-2025")[0] == 429
