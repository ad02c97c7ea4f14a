"""The started app lets the window's thread in within about a millisecond when a worker runs Python
(Python's default switch interval is 5 ms, paid at every call Qt makes into Python)."""

from __future__ import annotations

import os
import subprocess
import sys

SWITCH = r"""
import sys
from mægler_app.ui.app import make_application
make_application()
print(sys.getswitchinterval())
"""


def test_the_app_lets_a_waiting_thread_in_within_a_millisecond() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SWITCH], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert float(result.stdout.strip().splitlines()[-1]) <= 0.001
