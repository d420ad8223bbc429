"""Rate limits: a token bucket per device cookie and address (phones may share an address)."""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class RateLimit:
    """`allow(key)` is False once `key` spent `burst` requests faster than `per_second` refills."""

    MAX_KEYS = 20_000  # beyond this, buckets that have refilled are forgotten

    def __init__(self, burst: int, per_second: float, clock=time.monotonic) -> None:
        self.burst, self.per_second, self.clock = burst, per_second, clock
        self._buckets: dict[object, _Bucket] = {}

    def allow(self, key: object) -> bool:
        now = self.clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.MAX_KEYS:
                self._forget_full(now)
            bucket = self._buckets[key] = _Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.per_second)
        bucket.stamp = now
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True

    def _forget_full(self, now: float) -> None:
        for key, bucket in list(self._buckets.items()):
            if bucket.tokens + (now - bucket.stamp) * self.per_second >= self.burst:
                del self._buckets[key]
