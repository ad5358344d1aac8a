"""Staff PIN: salted PBKDF2 hashes, checking, and a gate that locks after repeated wrong tries."""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 240_000
MAX_TRIES = 5
LOCKOUT_S = 300
MIN_DIGITS = 6
_PIN = re.compile(rf"[0-9]{{{MIN_DIGITS},12}}")
#: What a stored hash looks like (the settings file checks it).
HASH_PATTERN = r"^(pbkdf2_sha256)\$[0-9]+\$[0-9a-f]+\$[0-9a-f]+$"


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be used, or None: it must be 6 to 12 digits."""
    return None if _PIN.fullmatch(pin) else f"a PIN is {MIN_DIGITS} to 12 digits (0-9)"


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """The stored form of ``pin`` (admin_pin_hash in IT's settings file)."""
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"{ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, encoded: str) -> bool:
    """True when ``pin`` matches the stored hash (constant-time comparison)."""
    try:
        algorithm, iterations, salt, digest = encoded.split("$")
        rounds = int(iterations)
        expected = bytes.fromhex(digest)
        salt_bytes = bytes.fromhex(salt)
    except ValueError:
        return False
    if algorithm != ALGORITHM or not 1 <= rounds <= 10_000_000:
        return False
    actual = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt_bytes, rounds)
    return hmac.compare_digest(actual, expected)


class PinResult(enum.Enum):
    """What a PIN attempt led to."""

    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    NOT_SET = "not-set"


class PinGate:
    """Checks PIN attempts; five wrong tries lock it for five minutes."""

    def __init__(
        self,
        encoded: str | None,
        clock: Callable[[], float] = time.monotonic,
        max_tries: int = MAX_TRIES,
        lockout_s: float = LOCKOUT_S,
    ) -> None:
        self._encoded = encoded
        self._clock = clock
        self._max_tries = max_tries
        self._lockout_s = lockout_s
        self._wrong = 0
        self._locked_until = 0.0

    @property
    def is_set(self) -> bool:
        """True when a PIN hash is configured."""
        return bool(self._encoded)

    @property
    def tries_left(self) -> int:
        """Wrong tries allowed before the lock."""
        return self._max_tries - self._wrong

    def locked_for(self) -> float:
        """Seconds until the gate opens again (0 when open)."""
        return max(0.0, self._locked_until - self._clock())

    def attempt(self, pin: str) -> PinResult:
        """Check one attempt."""
        if not self._encoded:
            return PinResult.NOT_SET
        if self.locked_for() > 0:
            return PinResult.LOCKED
        if verify_pin(pin, self._encoded):
            self._wrong = 0
            return PinResult.OK
        self._wrong += 1
        if self._wrong >= self._max_tries:
            self._wrong = 0
            self._locked_until = self._clock() + self._lockout_s
            return PinResult.LOCKED
        return PinResult.WRONG
