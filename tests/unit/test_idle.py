"""kiosk.idle: when an untouched kiosk warns, how the countdown runs, and when it resets."""

from __future__ import annotations

import pytest

from kiosk.idle import MAX_BUSY_S, IdleClock, IdlePhase

WARN = 90.0
COUNTDOWN = 30.0


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, now: float = 5000.0) -> None:
        self.now = now
        self.calls = 0

    def __call__(self) -> float:
        self.calls += 1
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def idle(clock: FakeClock) -> IdleClock:
    return IdleClock(WARN, COUNTDOWN, clock)


def test_counting_starts_when_the_clock_is_made(clock: FakeClock) -> None:
    clock.now = 123.0
    idle = IdleClock(WARN, COUNTDOWN, clock)
    clock.now = 130.0
    assert idle.idle_for() == 7.0


def test_active_until_the_warning_time(idle: IdleClock, clock: FakeClock) -> None:
    assert idle.phase() is IdlePhase.ACTIVE
    assert idle.idle_for() == 0.0
    clock.now += WARN - 0.01
    assert idle.phase() is IdlePhase.ACTIVE


def test_the_warning_starts_exactly_at_warn_after(idle: IdleClock, clock: FakeClock) -> None:
    clock.now += WARN
    assert idle.phase() is IdlePhase.WARNING
    assert idle.seconds_left() == COUNTDOWN


def test_the_reset_comes_exactly_a_countdown_later(idle: IdleClock, clock: FakeClock) -> None:
    clock.now += WARN + COUNTDOWN - 0.01
    assert idle.phase() is IdlePhase.WARNING
    assert idle.seconds_left() == 1
    clock.now += 0.01
    assert idle.phase() is IdlePhase.EXPIRED
    assert idle.seconds_left() == 0


def test_the_countdown_shows_whole_seconds_rounded_up(idle: IdleClock, clock: FakeClock) -> None:
    start = clock.now + WARN
    shown = []
    for tenth in range(0, int(COUNTDOWN * 10), 5):  # every half second of the warning
        clock.now = start + tenth / 10
        assert idle.phase() is IdlePhase.WARNING
        shown.append(idle.seconds_left())
    assert shown[:4] == [30, 30, 29, 29]
    assert shown[-4:] == [2, 2, 1, 1]
    assert shown == sorted(shown, reverse=True)
    assert set(shown) == set(range(1, 31))  # every number from 30 down to 1 is shown


def test_seconds_left_never_goes_below_zero(idle: IdleClock, clock: FakeClock) -> None:
    clock.now += 10_000
    assert idle.phase() is IdlePhase.EXPIRED
    assert idle.seconds_left() == 0


def test_seconds_left_before_the_warning_counts_the_whole_wait(
    idle: IdleClock, clock: FakeClock
) -> None:
    assert idle.seconds_left() == WARN + COUNTDOWN
    clock.now += 60.2
    assert idle.seconds_left() == 60  # ceil(59.8)


@pytest.mark.parametrize("elapsed", [WARN / 2, WARN + 1, WARN + COUNTDOWN + 5])
def test_a_touch_starts_counting_again(idle: IdleClock, clock: FakeClock, elapsed: float) -> None:
    clock.now += elapsed
    idle.touch()
    assert idle.phase() is IdlePhase.ACTIVE
    assert idle.idle_for() == 0.0
    assert idle.seconds_left() == WARN + COUNTDOWN
    clock.now += WARN - 1
    assert idle.phase() is IdlePhase.ACTIVE  # a full wait again, not what was left
    clock.now += 1
    assert idle.phase() is IdlePhase.WARNING


def test_the_clock_is_read_on_every_question(idle: IdleClock, clock: FakeClock) -> None:
    before = clock.calls
    idle.phase()
    idle.seconds_left()
    idle.idle_for()
    assert clock.calls > before  # nothing is cached from an earlier reading


def test_a_clock_stepping_back_does_not_warn(idle: IdleClock, clock: FakeClock) -> None:
    clock.now -= 50
    assert idle.phase() is IdlePhase.ACTIVE


@pytest.mark.parametrize("countdown", [0, 5, 19, 19.99])
def test_a_countdown_shorter_than_twenty_seconds_is_refused(
    clock: FakeClock, countdown: float
) -> None:
    with pytest.raises(ValueError, match=r"at least 20 seconds \(WCAG 2\.2\.1\)"):
        IdleClock(WARN, countdown, clock)


def test_twenty_seconds_is_enough(clock: FakeClock) -> None:
    idle = IdleClock(20, 20, clock)
    clock.now += 20
    assert idle.phase() is IdlePhase.WARNING
    assert idle.seconds_left() == 20


def test_new_timings_apply_at_once_from_the_last_touch(idle: IdleClock, clock: FakeClock) -> None:
    clock.now += 60
    assert idle.phase() is IdlePhase.ACTIVE
    idle.set_timings(45, COUNTDOWN)  # content reloaded with a shorter wait
    assert (idle.warn_after_s, idle.countdown_s) == (45, COUNTDOWN)
    assert idle.phase() is IdlePhase.WARNING  # the time already idle still counts
    assert idle.seconds_left() == 15  # 45 + 30 - 60
    idle.set_timings(45, 20)
    assert idle.phase() is IdlePhase.WARNING
    assert idle.seconds_left() == 5
    idle.set_timings(120, 20)  # a longer wait takes the warning away again
    assert idle.phase() is IdlePhase.ACTIVE
    assert idle.seconds_left() == 80


def test_new_timings_do_not_count_as_a_touch(idle: IdleClock, clock: FakeClock) -> None:
    clock.now += 30
    idle.set_timings(WARN, COUNTDOWN)
    assert idle.idle_for() == 30


def test_shorter_timings_can_expire_an_idle_kiosk_at_once(
    idle: IdleClock, clock: FakeClock
) -> None:
    clock.now += 100
    assert idle.phase() is IdlePhase.WARNING
    idle.set_timings(20, 20)
    assert idle.phase() is IdlePhase.EXPIRED


def test_new_timings_keep_the_twenty_second_rule(idle: IdleClock, clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="at least 20 seconds"):
        idle.set_timings(45, 10)
    assert (idle.warn_after_s, idle.countdown_s) == (WARN, COUNTDOWN)  # the old ones stay
    clock.now += WARN
    assert idle.seconds_left() == COUNTDOWN


def test_time_spent_busy_does_not_count_as_idle(idle: IdleClock, clock: FakeClock) -> None:
    """A visitor listening to a page read aloud has not gone away."""
    idle.tick(busy=False)
    for _ in range(200):  # 100 s of speech, checked every half second
        clock.now += 0.5
        idle.tick(busy=True)
    assert idle.idle_for() == pytest.approx(0)
    assert idle.phase() is IdlePhase.ACTIVE
    clock.now += 5
    idle.tick(busy=False)
    assert idle.idle_for() == pytest.approx(5)


def test_the_countdown_waits_while_the_warning_is_spoken(idle: IdleClock, clock: FakeClock) -> None:
    clock.now += idle.warn_after_s + 1
    idle.tick(busy=False)
    left = idle.seconds_left()
    for _ in range(20):  # the warning read aloud for 10 s
        clock.now += 0.5
        idle.tick(busy=True)
    assert idle.seconds_left() == left
    clock.now += 3
    idle.tick(busy=False)
    assert idle.seconds_left() == left - 3


def test_the_first_tick_after_a_quiet_spell_counts_it(idle: IdleClock, clock: FakeClock) -> None:
    """Only the time between two busy checks is held back, never the quiet time before."""
    clock.now += 30
    idle.tick(busy=True)
    assert idle.idle_for() == pytest.approx(30)


def test_time_before_a_touch_is_never_credited(idle: IdleClock, clock: FakeClock) -> None:
    """Hours on the attract screen (checks off), then speech at the first check: no credit."""
    idle.tick(busy=False)
    clock.now += 3 * 3600
    idle.touch()  # the watcher is turned on again for a new visit
    clock.now += 0.5
    idle.tick(busy=True)
    assert idle.idle_for() >= 0
    clock.now += WARN + 1
    idle.tick(busy=False)
    assert idle.phase() is IdlePhase.WARNING


def test_a_voice_that_never_stops_does_not_hold_the_clock_for_ever(
    idle: IdleClock, clock: FakeClock
) -> None:
    idle.tick(busy=False)
    for _ in range(int(2 * MAX_BUSY_S)):  # "speaking" for twice the cap
        clock.now += 1
        idle.tick(busy=True)
    assert idle.phase() is IdlePhase.EXPIRED  # the next visitor gets a fresh kiosk
