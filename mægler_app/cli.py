"""The ``maegler`` entry point (pyproject's ``mægler_app.cli:main``); the command line is in ``commands``."""

from __future__ import annotations

import sys

from .commands import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
