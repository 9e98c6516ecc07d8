"""Admin password: salted scrypt hashes in a self-describing string, and login throttling.

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
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["LoginThrottle", "hash_password", "is_valid_hash", "verify_password"]

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


@dataclass
class LoginThrottle:
    """Growing lockout after repeated failures, shared by all sessions of a process.

    The first ``free_attempts`` failures cost nothing; each further one doubles the wait,
    starting at ``base_delay_s`` and capped at ``max_delay_s``. A success resets it.
    """

    free_attempts: int = 3
    base_delay_s: float = 5.0
    max_delay_s: float = 300.0
    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    locked_until: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def wait_seconds(self) -> float:
        """Seconds until the next attempt is allowed (0 = now)."""
        with self._lock:
            return max(0.0, self.locked_until - self.clock())

    def record_failure(self) -> None:
        """Count a failed attempt and extend the lockout."""
        with self._lock:
            self.failures += 1
            over = self.failures - self.free_attempts
            if over >= 0:
                delay = min(self.max_delay_s, self.base_delay_s * 2**over)
                self.locked_until = self.clock() + delay

    def record_success(self) -> None:
        """Reset after a correct password."""
        with self._lock:
            self.failures, self.locked_until = 0, 0.0
