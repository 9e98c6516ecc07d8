"""Passwords: salted scrypt hashes in a self-describing string, and the login throttle.

Hash format: ``scrypt:<n>:<r>:<p>:<salt>:<hash>`` (salt and hash base64url without padding).
Colons instead of ``$`` so the line can go into ``.env``, a shell or a systemd unit unquoted.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["LoginGuard", "LoginResult", "hash_password", "is_valid_hash", "verify_password"]

SCHEME = "scrypt"
N, R, P = 2**15, 8, 1  # ~32 MiB and ~0.1 s per check: slow for guessing, fine for a login
DKLEN = 32
_MAXMEM = 128 * 1024 * 1024


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _derive(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=dklen
    )


def hash_password(password: str, n: int = N, r: int = R, p: int = P) -> str:
    """A new salted hash line for ``password``."""
    salt = os.urandom(16)
    digest = _derive(password, salt, n, r, p, DKLEN)
    return f"{SCHEME}:{n}:{r}:{p}:{_b64(salt)}:{_b64(digest)}"


def _parse(encoded: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = encoded.strip().split(":")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, digest = _unb64(parts[4]), _unb64(parts[5])
    except ValueError:
        return None
    if n < 2 or n & (n - 1) or not (0 < r <= 64 and 0 < p <= 16) or len(digest) < 16:
        return None
    return n, r, p, salt, digest


def is_valid_hash(encoded: str) -> bool:
    """Whether ``encoded`` is a hash line this module can check against."""
    return _parse(encoded) is not None


def verify_password(password: str, encoded: str) -> bool:
    """Whether ``password`` matches the hash line (constant-time comparison)."""
    parsed = _parse(encoded)
    if parsed is None:
        return False
    n, r, p, salt, digest = parsed
    try:
        candidate = _derive(password, salt, n, r, p, len(digest))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, digest)


@dataclass(frozen=True)
class LoginResult:
    """The outcome of one login attempt."""

    ok: bool  # the password was right
    checked: bool  # the password was actually verified (not refused by the throttle)
    wait_s: float = 0.0  # seconds until this client may try again (0 = now)


@dataclass
class _Client:
    failures: int = 0
    locked_until: float = 0.0
    last_failure: float = 0.0


@dataclass
class LoginGuard:
    """Throttles password checks per client address, over all accounts of the app.

    One lock covers check, verification and record, so parallel sessions cannot slip extra
    guesses through one window. A client's first ``free_attempts`` failures cost nothing;
    each further one doubles its wait (``base_delay_s`` up to ``max_delay_s``). On top, all
    clients that have failed before share a small budget of ``global_per_minute`` checks,
    so many addresses cannot guess fast either. A client without failures is never
    throttled: the right password from a clean address always gets through.
    """

    free_attempts: int = 3
    base_delay_s: float = 5.0
    max_delay_s: float = 300.0
    global_per_minute: int = 10
    forget_after_s: float = 3600.0  # failures older than this no longer count
    clock: Callable[[], float] = time.monotonic
    _clients: dict[str, _Client] = field(default_factory=dict, repr=False)
    _recent: deque[float] = field(default_factory=deque, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def wait_seconds(self, client: str) -> float:
        """Seconds until ``client`` may try again (0 = now)."""
        with self._lock:
            return self._wait(client, self.clock())

    def attempt(self, client: str, verify: Callable[[], bool]) -> LoginResult:
        """Check, verify and record one attempt of ``client`` atomically."""
        with self._lock:
            now = self.clock()
            wait = self._wait(client, now)
            if wait > 0:
                return LoginResult(ok=False, checked=False, wait_s=wait)
            ok = verify()
            if ok:
                self._clients.pop(client, None)
                return LoginResult(ok=True, checked=True)
            self._record_failure(client, now)
            return LoginResult(ok=False, checked=True, wait_s=self._wait(client, now))

    def _wait(self, client: str, now: float) -> float:
        record = self._clients.get(client)
        if record is None:
            return 0.0
        if now - record.last_failure > self.forget_after_s:
            del self._clients[client]
            return 0.0
        own = record.locked_until - now
        while self._recent and now - self._recent[0] >= 60.0:
            self._recent.popleft()
        shared = (
            60.0 - (now - self._recent[0]) if len(self._recent) >= self.global_per_minute else 0
        )
        return max(0.0, own, shared)

    def _record_failure(self, client: str, now: float) -> None:
        record = self._clients.setdefault(client, _Client())
        record.failures += 1
        record.last_failure = now
        over = record.failures - self.free_attempts
        if over >= 0:
            record.locked_until = now + min(self.max_delay_s, self.base_delay_s * 2**over)
        self._recent.append(now)
        if len(self._clients) > 10_000:  # a flood of addresses: keep only the locked ones
            for key in [k for k, c in self._clients.items() if c.locked_until <= now]:
                del self._clients[key]
