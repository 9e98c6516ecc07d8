"""The login throttle under parallel attempts: atomic, per client, never locking out a clean client.

The race test runs 8 sessions at once against one scrypt hash (the real verification); the
number of password checks that got through is printed with the other figures of the run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from ui.auth import LoginGuard, LoginResult, hash_password, verify_password

PASSWORD = "Richtig-1234"
HASH = hash_password(PASSWORD, n=2**12)
SESSIONS = 8


def _parallel(guard: LoginGuard, client: str, password: str, count: int) -> list[LoginResult]:
    start = threading.Barrier(count)
    results: list[LoginResult] = []
    lock = threading.Lock()

    def one() -> None:
        start.wait()
        result = guard.attempt(client, lambda: verify_password(password, HASH))
        with lock:
            results.append(result)

    threads = [threading.Thread(target=one) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


def test_parallel_sessions_get_no_more_checks_than_sequential_ones(
    record_property: Callable[[str, object], None],
) -> None:
    guard = LoginGuard(free_attempts=3)
    results = _parallel(guard, "198.51.100.7", "falsch", SESSIONS)
    checked = sum(r.checked for r in results)
    record_property(
        "messwert",
        f"Anmeldedrossel: {SESSIONS} parallele Sitzungen mit falschem Passwort, davon "
        f"{checked} Passwortprüfungen durchgelassen (nacheinander: {guard.free_attempts})",
    )
    assert checked == guard.free_attempts
    assert not any(r.ok for r in results)
    assert guard.wait_seconds("198.51.100.7") > 0


def test_a_clean_client_always_gets_in_during_an_attack() -> None:
    guard = LoginGuard(free_attempts=3, global_per_minute=5)
    for n in range(20):  # many addresses, each failing: the shared budget runs out
        _parallel(guard, f"203.0.113.{n}", "falsch", 4)
    assert guard.wait_seconds("203.0.113.99") == 0
    assert guard.wait_seconds("203.0.113.1") > 0
    result = guard.attempt("192.0.2.10", lambda: verify_password(PASSWORD, HASH))
    assert result.ok and result.checked


def test_a_client_that_has_failed_shares_the_global_budget() -> None:
    now = [0.0]
    guard = LoginGuard(free_attempts=3, global_per_minute=4, clock=lambda: now[0])
    for n in range(4):
        guard.attempt(f"a{n}", lambda: False)
    guard_wait = guard.wait_seconds("a0")
    assert 0 < guard_wait <= 60  # a0 failed once, but the shared budget is used up
    assert guard.wait_seconds("fresh") == 0
    now[0] += 61
    assert guard.wait_seconds("a0") == 0


def test_failures_are_forgotten_after_a_quiet_hour() -> None:
    now = [0.0]
    guard = LoginGuard(free_attempts=1, base_delay_s=5, clock=lambda: now[0])
    guard.attempt("c", lambda: False)
    assert guard.wait_seconds("c") == 5
    now[0] += 3601
    assert guard.wait_seconds("c") == 0
