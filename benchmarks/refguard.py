"""Detect (and, for measuring only, outlive) a binding that drops references to None.

PySide6 6.12.0 on CPython 3.11 returns ``None`` from every void method (``setText``,
``move``, ``update`` …) without taking a reference. On 3.11 None is not immortal, so each
call lowers its reference count by one until CPython aborts with "none_dealloc". The kiosk
calls such methods many times a second (the attract screen's drift timer alone does), so it
aborts within minutes. The benchmarks report this, then top the count up so that the other
figures can still be measured; the fix belongs in the dependency pins, not here.
"""

from __future__ import annotations

import ctypes
import sys


def none_refs() -> int:
    """The reference count of None (constant on 3.12+, where None is immortal)."""
    return sys.getrefcount(None)


def leak_per_void_call(calls: int = 2000) -> float:
    """How many references to None one void Qt call loses (0 for a sound binding)."""
    from PySide6.QtCore import QRect

    rect = QRect(0, 0, 10, 10)
    before = none_refs()
    for _ in range(calls):
        rect.setWidth(5)
    return (before - none_refs()) / calls


def top_up_none(amount: int = 10**12) -> None:
    """Add ``amount`` to the reference counts of None, True and False.

    The same binding also loses references to True (one per
    ``KioskWindow.replace_session``, the idle reset), so a leaking binding could bring
    any of them to zero. Only for the benchmark processes; CPython 3.11 keeps ob_refcnt
    at the object's address.
    """
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += amount
