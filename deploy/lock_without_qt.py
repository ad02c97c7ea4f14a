"""Drop PySide6 and shiboken6 from deploy/requirements-server.txt (``make lock`` runs it): the server
never imports Qt (import-linter), and the image installs the app itself with ``--no-deps``."""

import re
import sys
from pathlib import Path

path = Path(sys.argv[1] if len(sys.argv) > 1 else "deploy/requirements-server.txt")
blocks = re.split(r"(?m)^(?=[A-Za-z0-9])", path.read_text(encoding="utf-8"))
kept = [b for b in blocks if not re.match(r"(pyside6-essentials|pyside6-addons|shiboken6)==", b)]
NOTE = (
    "# Without PySide6 and shiboken6 (make lock drops them): the server never imports Qt, and the\n"
    "# image installs the app itself with --no-deps.\n"
)
if NOTE not in kept[0]:
    kept[0] += NOTE  # after pip-compile's header
path.write_text("".join(kept), encoding="utf-8")
