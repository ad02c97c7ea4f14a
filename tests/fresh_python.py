"""Running a script in a fresh interpreter, as the app starts (what a test process has imported
already says nothing about what the app's start imports or builds)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any


def last_line(script: str, *args: str, env: dict[str, str] | None = None) -> str:
    """``script`` run by a fresh interpreter with ``args`` (Qt offscreen, ``env`` added); it must
    succeed. The last line it printed ("" for none)."""
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=environ
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.strip().splitlines()
    return lines[-1] if lines else ""


_AT_FIRST_PAINT = """
import json, sys
from mægler_app.ui import app as ui_app
seen = {{}}
print_paint = ui_app._print_first_paint
def at_paint():
{body}
    print_paint()
ui_app._print_first_paint = at_paint
from mægler_app.cli import main
seen["code"] = main(["--profile", sys.argv[1], "--exit-after-start"])
print(json.dumps(seen))
"""


def seen_at_first_paint(profile: Path, prelude: str, at_paint: str, env: dict[str, str] | None = None) -> Any:
    """The app started by its real entry point on ``profile`` (``--exit-after-start``) in a fresh
    interpreter: ``prelude`` runs before the start, ``at_paint`` (statements filling the dict
    ``seen``) at its first paint. ``seen``, with the exit code as ``code``."""
    script = prelude + _AT_FIRST_PAINT.format(body=textwrap.indent(textwrap.dedent(at_paint), "    "))
    return json.loads(last_line(script, str(profile), env=env))
