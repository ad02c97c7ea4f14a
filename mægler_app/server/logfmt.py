"""The server's log lines: each starts with its time in UTC as ISO 8601 (``2026-12-07T17:45:01.123Z``)
and its level (issue 23 item 5). Named by ``cli.uvicorn_log_config`` as text, so the configuration
travels to every server process."""

from __future__ import annotations

import logging
import time

from uvicorn.logging import AccessFormatter, DefaultFormatter


class UtcDefaultFormatter(DefaultFormatter):
    converter = staticmethod(time.gmtime)


class UtcAccessFormatter(AccessFormatter):
    converter = staticmethod(time.gmtime)


class UtcFormatter(logging.Formatter):
    converter = staticmethod(time.gmtime)
