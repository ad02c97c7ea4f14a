"""The desktop app's log: a rotating file in the platform's log folder, and the last lines in memory.

Standard library and platformdirs only, so the command line can set it up before anything heavy.
What is logged: what happened and to which id (a network, a company, a view's key) — never a
password, a token or a person's name or e-mail. ``redact`` is the last guard: every record, and
the crash report that quotes them, passes through it.

``MAEGLER_LOG_DIR`` puts the log elsewhere (the tests point it into a temporary folder).
"""

from __future__ import annotations

import collections
import datetime as dt
import logging
import logging.handlers
import os
import re
import threading
from pathlib import Path

import platformdirs

from .paths import APP_AUTHOR, APP_NAME

LOG_ENV = "MAEGLER_LOG_DIR"
LOG_NAME = "maegler.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
KEEP_LINES = 200

log = logging.getLogger("mægler_app")

# A password or token given as key=value, key: value or "key": "value", a bearer token, an e-mail
# address, a CPR number: each replaced by *** (the key itself stays, to show that one was there).
_SECRET_KEYS = r"(?:password|passwd|adgangskode|kodeord|token|secret|api[_-]?key|authorization|cookie)"
_PATTERNS = [
    (re.compile(rf"({_SECRET_KEYS}[\"']?\s*[=:]\s*[\"']?)(?:Bearer\s+)?[^\s\"',;)}}]+", re.I), r"\1***"),
    (re.compile(r"(Bearer\s+)[A-Za-z0-9._~+/=-]+", re.I), r"\1***"),
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"), "***@***"),
    (re.compile(r"\b\d{6}-\d{4}\b"), "******-****"),
]


def redact(text: str) -> str:
    """``text`` without what looks like a secret or a personal identifier."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class _Formatter(logging.Formatter):
    """UTC ISO times; the whole line (message and traceback) redacted."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds")

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _RecentLines(logging.Handler):
    """The last lines logged, for the crash report (the file may be unwritable or rotated)."""

    def __init__(self, keep: int = KEEP_LINES) -> None:
        super().__init__()
        self.lines: collections.deque[str] = collections.deque(maxlen=keep)
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:  # noqa: BLE001 - a record that cannot be formatted is left out
            return
        with self._guard:
            self.lines.extend(text.splitlines())


_recent: _RecentLines | None = None
_file_handler: logging.Handler | None = None


def log_dir() -> Path:
    env = os.environ.get(LOG_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def log_file() -> Path | None:
    """The file being written, or None when there is none (not set up, or not writable)."""
    if isinstance(_file_handler, logging.FileHandler):
        return Path(_file_handler.baseFilename)
    return None


def setup(
    directory: Path | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
    level: int = logging.INFO,
) -> Path | None:
    """Log ``mægler_app`` (and warnings of the libraries) to ``directory``/maegler.log, rotating.

    Called again, it replaces the file handler (another folder, another size); the last lines in
    memory are kept. A folder that cannot be written leaves only the memory: the app runs on.
    Returns the log file, or None.
    """
    global _recent, _file_handler
    root = logging.getLogger()
    formatter = _Formatter()
    if _recent is None:
        _recent = _RecentLines()
        _recent.setFormatter(formatter)
        root.addHandler(_recent)
    if _file_handler is not None:
        root.removeHandler(_file_handler)
        _file_handler.close()
        _file_handler = None
    folder = directory if directory is not None else log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=False
        )
    except OSError as exc:
        log.warning("no log file in %s: %s", folder, exc.strerror or exc.__class__.__name__)
    else:
        handler.setFormatter(formatter)
        root.addHandler(handler)
        _file_handler = handler
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    log.setLevel(level)
    return log_file()


def recent_lines(n: int = 50) -> list[str]:
    """The last ``n`` lines logged in this process (already redacted)."""
    if _recent is None:
        return []
    with _recent._guard:
        return list(_recent.lines)[-n:]
