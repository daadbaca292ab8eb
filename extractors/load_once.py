"""`@load_once`: a costly object built once per process, however many threads ask at once.

`functools.lru_cache` does not hold other callers back while the first builds: threads
arriving together each build their own and keep it. For the spaCy pipeline that meant a
matcher made over one pipeline's vocabulary applied to another's documents (spaCy's
E084) on the first concurrent searches after every start.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import update_wrapper
from typing import Generic, TypeVar

T = TypeVar("T")


class load_once(Generic[T]):
    """The result of `build()`, built by the first caller while the others wait for it."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._value: T | None = None
        self._built = False
        update_wrapper(self, build)

    def __call__(self) -> T:
        if not self._built:
            with self._lock:
                if not self._built:
                    self._value = self._build()
                    self._built = True
        return self._value  # type: ignore[return-value]

    def cache_clear(self) -> None:
        """Forget what was built (tests: as after a start)."""
        with self._lock:
            self._value, self._built = None, False
