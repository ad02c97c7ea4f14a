"""The desktop app's log: a rotating file in the platform's log folder, and the last lines in memory.

Standard library and platformdirs only, so the command line can set it up before anything heavy.
What is logged: what happened and to which id (a network, a company, a view's key) — never a
password, a token or a person's name or e-mail. ``redact`` is the last guard: every record, and
the crash report that quotes them, passes through it.

``MAEGLER_LOG_DIR`` puts the log elsewhere (the tests point it into a temporary folder).

The desktop app opens its file once its window has painted (``setup(later=True)``, then
``open_file``): what is logged before is kept and written first, in order. Opening it took
``logging.handlers`` (with socket, pickle and queue), platformdirs and the redaction's patterns,
~10 ms of the first paint's ~170 (benchmarks/startup.py). Nothing is formatted until it is written
or read: the last lines in memory are kept as records.
"""

from __future__ import annotations

import collections
import copy
import datetime as dt
import logging
import os
import re
from functools import cache
from pathlib import Path

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
    (rf"({_SECRET_KEYS}[\"']?\s*[=:]\s*[\"']?)(?:Bearer\s+)?[^\s\"',;)}}]+", re.I, r"\1***"),
    (r"(Bearer\s+)[A-Za-z0-9._~+/=-]+", re.I, r"\1***"),
    (r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", 0, "***@***"),
    (r"\b\d{6}-\d{4}\b", 0, "******-****"),
]


@cache
def _compiled() -> list[tuple[re.Pattern[str], str]]:
    """The patterns, compiled when first used (~3 ms: not before the app's first paint)."""
    return [(re.compile(pattern, flags), replacement) for pattern, flags, replacement in _PATTERNS]


def redact(text: str) -> str:
    """``text`` without what looks like a secret or a personal identifier."""
    for pattern, replacement in _compiled():
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


def _kept(record: logging.LogRecord) -> logging.LogRecord:
    """A copy of ``record`` to be written later: its message (and traceback) made now, so that what
    it names is written as it was when logged, and no traceback keeps its frames alive (as
    ``logging.handlers.QueueHandler`` keeps one). Other handlers see the record as it came."""
    kept = copy.copy(record)
    kept.msg = record.getMessage()
    kept.args = None
    if record.exc_info:
        kept.exc_text = record.exc_text or logging.Formatter().formatException(record.exc_info)
        kept.exc_info = None
    return kept


class _RecentLines(logging.Handler):
    """The last records logged, for the crash report (the file may be unwritable or rotated):
    formatted when read."""

    def __init__(self, keep: int = KEEP_LINES) -> None:
        super().__init__()
        self.keep = keep
        self.records: collections.deque[logging.LogRecord] = collections.deque(maxlen=keep)

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(_kept(record))  # under the handler's lock (Handler.handle)

    def lines(self) -> list[str]:
        self.acquire()
        try:
            records = list(self.records)
        finally:
            self.release()
        out: list[str] = []
        for record in records:
            try:
                out.extend(self.format(record).splitlines())
            except Exception:  # noqa: BLE001 - a record that cannot be formatted is left out
                continue
        return out[-self.keep :]


class _LogFile(logging.Handler):
    """The rotating log file: opened at once, or when ``open`` is called (the app's first paint),
    keeping what comes before and writing it first. A folder that cannot be written leaves none."""

    # what is kept at most while the file waits (a start logs a few lines)
    WAITING_LIMIT = 10_000

    def __init__(self, directory: Path | None, max_bytes: int, backups: int) -> None:
        super().__init__()
        self.directory, self.max_bytes, self.backups = directory, max_bytes, backups
        self.file: logging.FileHandler | None = None
        self.waiting: list[logging.LogRecord] | None = []  # None once opened (or failed)

    def open(self) -> None:
        """Open the file and write what waited (once; later calls do nothing)."""
        self.acquire()  # what another thread logs meanwhile comes after what waited
        try:
            if self.waiting is None:
                return
            waiting, self.waiting = self.waiting, None
            import logging.handlers  # socket, pickle, queue: not before the app's first paint

            folder = self.directory if self.directory is not None else log_dir()
            try:
                folder.mkdir(parents=True, exist_ok=True)
                handler = logging.handlers.RotatingFileHandler(
                    folder / LOG_NAME,
                    maxBytes=self.max_bytes,
                    backupCount=self.backups,
                    encoding="utf-8",
                    delay=False,
                )
            except OSError as exc:
                log.warning("no log file in %s: %s", folder, exc.strerror or exc.__class__.__name__)
                return
            handler.setFormatter(self.formatter)
            self.file = handler
            for record in waiting:
                handler.handle(record)
        finally:
            self.release()

    def emit(self, record: logging.LogRecord) -> None:
        if self.file is not None:
            self.file.handle(record)
        elif self.waiting is not None and len(self.waiting) < self.WAITING_LIMIT:
            self.waiting.append(_kept(record))

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        self.waiting = None
        super().close()


_recent: _RecentLines | None = None
_file_handler: _LogFile | None = None


def log_dir() -> Path:
    env = os.environ.get(LOG_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs  # not before the app's first paint

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def log_file() -> Path | None:
    """The file being written, or None when there is none (not set up, not yet opened, or not
    writable)."""
    if _file_handler is not None and _file_handler.file is not None:
        return Path(_file_handler.file.baseFilename)
    return None


def setup(
    directory: Path | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
    level: int = logging.INFO,
    later: bool = False,
) -> Path | None:
    """Log ``mægler_app`` (and warnings of the libraries) to ``directory``/maegler.log, rotating.

    ``later``: the file is opened by ``open_file`` (the app's first paint); what is logged until
    then is kept, and written first. Called again, it replaces the file handler (another folder,
    another size); the last lines in memory are kept. A folder that cannot be written leaves only
    the memory: the app runs on. Returns the log file, or None (also while it waits).
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
    _file_handler = _LogFile(directory, max_bytes, backups)
    _file_handler.setFormatter(formatter)
    root.addHandler(_file_handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    log.setLevel(level)
    if not later:
        _file_handler.open()
    return log_file()


def open_file() -> Path | None:
    """Open the log file ``setup(later=True)`` left waiting and write what was logged meanwhile.
    The app calls it at its first paint, and ``maegler`` once more when it ends (a start that ends
    before its window paints); a crash report before it. Returns the file, or None."""
    if _file_handler is not None:
        _file_handler.open()
    return log_file()


def recent_lines(n: int = 50) -> list[str]:
    """The last ``n`` lines logged in this process (redacted)."""
    if _recent is None:
        return []
    return _recent.lines()[-n:]
