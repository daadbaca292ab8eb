"""Slowing password guessing: after `NAME_LIMIT` wrong passwords for one name, or
`ADDRESS_LIMIT` from one address, within `WINDOW` seconds, sign-ins for it are refused
until the window passes.

Kept in the API process's memory: a restart forgets, which costs a guesser a restart
the operator would notice, and keeps sign-in free of database writes.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

NAME_LIMIT = 5
ADDRESS_LIMIT = 30
WINDOW = 15 * 60.0


class LoginThrottle:
    def __init__(
        self,
        name_limit: int = NAME_LIMIT,
        address_limit: int = ADDRESS_LIMIT,
        window: float = WINDOW,
    ) -> None:
        self.limits = {"name": name_limit, "from": address_limit}
        self.window = window
        self._failures: defaultdict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures[key]
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def retry_after(self, *keys: str) -> int:
        """Seconds until these keys (`name:…`, `from:…`) may try again; 0 when they may."""
        now = time.monotonic()
        with self._lock:
            waits = [
                self.window - (now - times[0])
                for key in keys
                if len(times := self._recent(key, now)) >= self.limits[key.split(":", 1)[0]]
            ]
        return int(max(waits)) + 1 if waits else 0

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def succeeded(self, name_key: str) -> None:
        with self._lock:
            self._failures.pop(name_key, None)
