"""The ``maegler`` entry point (pyproject's ``mægler_app.cli:main``); the command line is in ``commands``."""

from __future__ import annotations

import gc
import sys

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """The command line. The cyclic garbage collector is paused while the modules load and the
    window is built: start-up allocates tens of thousands of objects that live as long as the app,
    and the collector's passes over them cost 10–15 ms of CPU before the first paint, and a full
    pass over all of them at exit (benchmarks/startup.py counts both: 289 → 241 ms of CPU with
    the log line's change, same run). A sub-command gets it back once its arguments are read, the
    app at its first paint (``ui.app.resume_gc``, which freezes what exists then), and whoever
    calls this in a process of their own when it returns."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        from .commands import main as run

        return run(argv)
    finally:
        if was_enabled:
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
