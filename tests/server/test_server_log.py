"""The server's log (issue 23 item 5): every line that ``maegler-server serve`` writes, uvicorn's
own, its access lines and the server's loggers', starts with the time in UTC as ISO 8601 and the
level. Read from a real ``serve`` process."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import requests

from .conftest import run_cli, start_server

STAMP = r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})Z"
LINE = re.compile(rf"^{STAMP} (INFO|WARNING|ERROR|DEBUG|CRITICAL):\s+(.*)$")


def _when(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp).replace(tzinfo=dt.UTC)


def test_serve_writes_each_line_with_its_utc_time_and_level(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert run_cli("init", db=db).returncode == 0
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    srv = start_server(db, tmp_path / "server.log")
    try:
        assert requests.get(f"{srv.base}/api/v1/healthz", timeout=10).status_code == 200
        assert requests.get(f"{srv.base}/ingen-side", timeout=10).status_code == 404
    finally:
        assert srv.stop() == 0, srv.log()
    ended = dt.datetime.now(dt.UTC)
    lines = [line for line in srv.log().splitlines() if line.strip()]
    assert lines
    for line in lines:
        found = LINE.match(line)
        assert found, line
        assert started <= _when(found[1]) <= ended, (line, started, ended)  # UTC, not local time
    texts = [LINE.match(line)[3] for line in lines]  # type: ignore[index]
    assert any(t.startswith("Started server process") for t in texts), texts  # uvicorn's error log
    assert any(t.endswith('"GET /api/v1/healthz HTTP/1.1" 200 OK') for t in texts), texts
    assert any(t.endswith('"GET /ingen-side HTTP/1.1" 404 Not Found') for t in texts), texts


def test_the_servers_own_loggers_write_the_same_way() -> None:
    """The configuration ``serve`` gives uvicorn also formats the server's loggers (``maegler.server``)."""
    script = (
        "import logging, logging.config\n"
        "from mægler_app.server.cli import uvicorn_log_config\n"
        "logging.config.dictConfig(uvicorn_log_config('info'))\n"
        "logging.getLogger('maegler.server').warning('checkpoint mislykkedes')\n"
        "logging.getLogger('maegler.server').debug('ikke med')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    (line,) = done.stderr.splitlines()
    found = LINE.match(line)
    assert found and found[2] == "WARNING" and found[3] == "maegler.server: checkpoint mislykkedes", line
