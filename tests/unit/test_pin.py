"""kiosk.pin: the PIN rule, salted PBKDF2 hashes and the gate that locks after wrong tries."""

from __future__ import annotations

import hashlib
import re

import pytest

from kiosk.pin import (
    ALGORITHM,
    HASH_PATTERN,
    ITERATIONS,
    LOCKOUT_S,
    MAX_TRIES,
    PinGate,
    PinResult,
    hash_pin,
    pin_problem,
    verify_pin,
)

PIN = "246813"
#: Few rounds keep the tests fast; the stored form records the count, so checking still works.
FAST = 1000
SALT = bytes(range(16))


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def encoded() -> str:
    return hash_pin(PIN, salt=SALT, iterations=FAST)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def gate(encoded: str, clock: FakeClock) -> PinGate:
    return PinGate(encoded, clock=clock)


def wrong_tries(gate: PinGate, count: int) -> list[PinResult]:
    return [gate.attempt("000000") for _ in range(count)]


# -- the 6-12 digit rule --------------------------------------------------------------------


@pytest.mark.parametrize("pin", ["123456", "000000", "1234567", "123456789012"])
def test_six_to_twelve_ascii_digits_are_a_pin(pin: str) -> None:
    assert pin_problem(pin) is None


@pytest.mark.parametrize(
    "pin",
    [
        "",
        "12345",  # one short
        "1234567890123",  # one too many
        "12345a",
        "12 3456",
        " 123456",
        "123456 ",
        "-123456",
        "١٢٣٤٥٦",  # Arabic-Indic digits: isdigit() is true, the pad has no such keys
        "１２３４５６",  # fullwidth digits
    ],
)
def test_anything_else_is_refused_with_the_rule(pin: str) -> None:
    assert pin_problem(pin) == "a PIN is 6 to 12 digits (0-9)"
    with pytest.raises(ValueError, match="6 to 12 digits"):
        hash_pin(pin, iterations=FAST)


def test_a_trailing_newline_is_not_a_digit() -> None:
    assert pin_problem("123456\n") is not None
    with pytest.raises(ValueError):
        hash_pin("123456\n", iterations=FAST)


# -- hashing -------------------------------------------------------------------------------


def test_the_stored_form_is_algorithm_rounds_salt_digest(encoded: str) -> None:
    assert re.fullmatch(HASH_PATTERN, encoded)
    algorithm, rounds, salt, digest = encoded.split("$")
    assert algorithm == ALGORITHM == "pbkdf2_sha256"
    assert rounds == str(FAST)
    assert salt == SALT.hex()
    assert digest == hashlib.pbkdf2_hmac("sha256", PIN.encode(), SALT, FAST).hex()
    assert PIN not in encoded


def test_the_default_uses_the_full_round_count_and_a_fresh_salt() -> None:
    first = hash_pin(PIN)
    _, rounds, salt, _ = first.split("$")
    assert int(rounds) == ITERATIONS >= 100_000
    assert len(bytes.fromhex(salt)) == 16
    second = hash_pin(PIN, iterations=FAST)
    assert second.split("$")[2] != salt  # a new random salt every time


def test_the_same_pin_hashes_differently_without_a_given_salt() -> None:
    assert hash_pin(PIN, iterations=FAST) != hash_pin(PIN, iterations=FAST)


def test_verify_accepts_the_pin_and_nothing_else(encoded: str) -> None:
    assert verify_pin(PIN, encoded)
    for other in ("246814", "2468130", "24681", "", " 246813", "246813\n"):
        assert not verify_pin(other, encoded), other


def test_verify_reads_a_hash_made_elsewhere() -> None:
    salt = b"kiosk-salt"
    digest = hashlib.pbkdf2_hmac("sha256", b"135790", salt, 1)
    assert verify_pin("135790", f"pbkdf2_sha256$1${salt.hex()}${digest.hex()}")


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "246813",  # a plain PIN pasted into the settings file
        "pbkdf2_sha256$1000$0011",
        "pbkdf2_sha256$1000$0011$2233$4455",
        "pbkdf2_sha256$many$0011$2233",
        "pbkdf2_sha256$1000$zz$2233",
        "pbkdf2_sha256$1000$0011$abc",  # odd number of hex digits
        "pbkdf2_sha256$0$0011$2233",
        "pbkdf2_sha256$-5$0011$2233",
        "pbkdf2_sha256$10000001$0011$2233",  # too many rounds to be a real hash
    ],
)
def test_a_malformed_hash_never_matches_and_never_raises(stored: str) -> None:
    assert verify_pin(PIN, stored) is False


def test_another_algorithm_is_refused_even_with_the_right_digest() -> None:
    digest = hashlib.pbkdf2_hmac("sha256", PIN.encode(), SALT, 1).hex()
    assert verify_pin(PIN, f"pbkdf2_sha256$1${SALT.hex()}${digest}")
    assert not verify_pin(PIN, f"pbkdf2_sha1$1${SALT.hex()}${digest}")
    assert not verify_pin(PIN, f"PBKDF2_SHA256$1${SALT.hex()}${digest}")


# -- the gate ------------------------------------------------------------------------------


@pytest.mark.parametrize("stored", [None, ""])
def test_no_pin_set_never_opens_and_never_locks(stored: str | None, clock: FakeClock) -> None:
    gate = PinGate(stored, clock=clock)
    assert not gate.is_set
    results = {gate.attempt(pin) for pin in ("", PIN, "000000") * MAX_TRIES}
    assert results == {PinResult.NOT_SET}
    assert gate.locked_for() == 0.0
    assert gate.tries_left == MAX_TRIES


def test_the_right_pin_opens(gate: PinGate) -> None:
    assert gate.is_set
    assert gate.attempt(PIN) is PinResult.OK
    assert gate.attempt(PIN) is PinResult.OK  # and again: a right PIN costs no try
    assert gate.tries_left == MAX_TRIES


def test_each_wrong_try_uses_one_of_five(gate: PinGate) -> None:
    assert MAX_TRIES == 5
    for left in (4, 3, 2, 1):
        assert gate.attempt("000000") is PinResult.WRONG
        assert gate.tries_left == left
        assert gate.locked_for() == 0.0


def test_a_right_pin_forgives_earlier_wrong_tries(gate: PinGate) -> None:
    wrong_tries(gate, MAX_TRIES - 1)
    assert gate.attempt(PIN) is PinResult.OK
    assert gate.tries_left == MAX_TRIES
    assert wrong_tries(gate, MAX_TRIES - 1) == [PinResult.WRONG] * (MAX_TRIES - 1)


def test_the_fifth_wrong_try_locks_for_five_minutes(gate: PinGate, clock: FakeClock) -> None:
    assert wrong_tries(gate, MAX_TRIES) == [PinResult.WRONG] * 4 + [PinResult.LOCKED]
    assert LOCKOUT_S == 300
    assert gate.locked_for() == 300.0
    clock.now += 120.5
    assert gate.locked_for() == pytest.approx(179.5)


def test_while_locked_even_the_right_pin_is_refused(gate: PinGate, clock: FakeClock) -> None:
    wrong_tries(gate, MAX_TRIES)
    clock.now += LOCKOUT_S - 0.001
    assert gate.attempt(PIN) is PinResult.LOCKED
    assert gate.locked_for() == pytest.approx(0.001)


def test_tries_during_the_lock_do_not_extend_it(gate: PinGate, clock: FakeClock) -> None:
    wrong_tries(gate, MAX_TRIES)
    for _ in range(50):
        clock.now += 1
        assert gate.attempt("000000") is PinResult.LOCKED
    assert gate.locked_for() == LOCKOUT_S - 50


def test_the_lock_ends_on_time_with_all_tries_back(gate: PinGate, clock: FakeClock) -> None:
    wrong_tries(gate, MAX_TRIES)
    clock.now += LOCKOUT_S
    assert gate.locked_for() == 0.0
    assert gate.tries_left == MAX_TRIES
    assert gate.attempt(PIN) is PinResult.OK


def test_after_a_lock_five_more_wrong_tries_lock_it_again(gate: PinGate, clock: FakeClock) -> None:
    wrong_tries(gate, MAX_TRIES)
    clock.now += LOCKOUT_S + 1
    assert wrong_tries(gate, MAX_TRIES) == [PinResult.WRONG] * 4 + [PinResult.LOCKED]
    assert gate.locked_for() == LOCKOUT_S
    clock.now += 10 * LOCKOUT_S
    assert gate.locked_for() == 0.0  # never negative


def test_tries_and_lock_length_can_be_chosen(encoded: str, clock: FakeClock) -> None:
    gate = PinGate(encoded, clock=clock, max_tries=2, lockout_s=30)
    assert gate.tries_left == 2
    assert wrong_tries(gate, 2) == [PinResult.WRONG, PinResult.LOCKED]
    assert gate.locked_for() == 30
    clock.now += 30
    assert gate.attempt(PIN) is PinResult.OK


def test_a_gate_with_a_damaged_hash_counts_tries_as_wrong(clock: FakeClock) -> None:
    gate = PinGate("pbkdf2_sha256$1000$zz$zz", clock=clock)
    assert gate.is_set
    assert gate.attempt(PIN) is PinResult.WRONG
    assert gate.tries_left == MAX_TRIES - 1
