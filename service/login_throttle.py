"""Slowing password guessing without locking the real user out.

Two brakes, both delays rather than locks:
- per address: after `ADDRESS_FREE` wrong passwords from one address, each further try
  from it waits twice as long as the one before, up to `ADDRESS_MAX_DELAY` (a minute):
  the guesser's address gets a guess a minute; an office behind the same address waits
  at most that long, never fifteen minutes.
- per account: after `NAME_FREE` wrong passwords for one name (from anywhere), the
  account cools down — `NAME_COOL_DOWN`, doubling with each further failure, at most
  `NAME_MAX_COOL_DOWN` — for every browser but those it signed in from before
  (`service.known_browsers`): the right password from the user's own browser still
  signs in while someone elsewhere guesses.

Failures older than `WINDOW` are forgotten. Kept in the API process's memory: a restart
forgets, which costs a guesser a restart the operator would notice, and keeps sign-in
free of database writes.
"""

from __future__ import annotations

import math
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable

ADDRESS_FREE = 10
ADDRESS_MAX_DELAY = 60.0
NAME_FREE = 5
NAME_COOL_DOWN = 120.0
NAME_MAX_COOL_DOWN = 15 * 60.0
WINDOW = 15 * 60.0


class LoginThrottle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._failures: defaultdict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures[key]
        while times and now - times[0] > WINDOW:
            times.popleft()
        if not times:
            del self._failures[key]  # forgotten: memory stays bounded by recent failures
            return deque()
        return times

    def _wait(self, key: str, free: int, first: float, most: float, now: float) -> float:
        times = self._recent(key, now)
        if len(times) < free:
            return 0.0
        delay: float = min(first * 2.0 ** min(len(times) - free, 32), most)
        return max(0.0, times[-1] + delay - now)

    def retry_after(self, address: str, name: str, known_browser: bool = False) -> int:
        """Whole seconds until this name may be tried from this address (0: now); a
        browser the account signed in from before is not held by the account's
        cool-down."""
        now = self._clock()
        with self._lock:
            wait = self._wait(f"from:{address}", ADDRESS_FREE, 1.0, ADDRESS_MAX_DELAY, now)
            if not known_browser:
                wait = max(
                    wait,
                    self._wait(f"name:{name}", NAME_FREE, NAME_COOL_DOWN, NAME_MAX_COOL_DOWN, now),
                )
        return math.ceil(wait)

    def failed(self, address: str, name: str) -> None:
        now = self._clock()
        with self._lock:
            for key in (f"from:{address}", f"name:{name}"):
                self._failures[key].append(now)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(f"name:{name}", None)
