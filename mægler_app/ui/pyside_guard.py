"""Keep None, True and False alive under PySide6 6.12 on Python 3.11.

PySide6 6.12.0 (abi3 wheels) hands back ``None`` from void methods and ``True`` from
``Signal.emit()`` without a new reference, as if they were immortal, which they are only from
Python 3.12 on (PEP 683). On 3.11 every such call drops one reference; ``True`` starts near 600,
so a few hundred emits abort the interpreter with "bool_dealloc: deallocating True or False"
(measured: ``sys.getrefcount(True)`` falls by one per ``emit()``, ``None`` by one per ``setText``).
Python 3.12 makes these objects immortal by giving them a huge reference count; on 3.11 we do
the same, once, before any widget is made. Remove when PySide6 is fixed or Python is ≥ 3.12.
"""

from __future__ import annotations

import sys

# Far more references than a session can drop, far below the overflow of Py_ssize_t.
_HEADROOM = 1 << 40
_done = False


def apply() -> bool:
    """Give None, True and False the headroom; True if it was needed here (CPython < 3.12)."""
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    import PySide6

    # pyproject pins PySide6 below 6.12; this is the safety net should 6.12.0 be installed anyway.
    if not PySide6.__version__.startswith("6.12."):
        return False
    import ctypes  # only here: on other versions start-up need not import it

    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object (Include/object.h, 3.11).
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
    _done = True
    return True
