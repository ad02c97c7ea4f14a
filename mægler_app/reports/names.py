"""One naming scheme for the documents Mægler writes (issue 20, item 3), without ReportLab (the
GUI suggests the name before the worker writes the file)."""

from __future__ import annotations

import datetime as dt
import re


def safe_filename(text: str, fallback: str = "rapport") -> str:
    """A file name part from a title: letters (æøå too), digits and dashes."""
    s = re.sub(r"[^\wæøåÆØÅ]+", "-", text.strip(), flags=re.UNICODE).strip("-_")
    return s[:60] or fallback


def document_name(kind: str, subject: str, day: dt.date, *, suffix: str = "", ext: str = "pdf") -> str:
    """``<kind>-<subject>-<YYYY-MM-DD>[-suffix].<ext>``, Danish letters kept:
    ``referat-Fødevareudstyr-til-Rusland-2026-12-04.pdf``."""
    tail = f"-{safe_filename(suffix)}" if suffix else ""
    return f"{safe_filename(kind)}-{safe_filename(subject, 'netværk')}-{day.isoformat()}{tail}.{ext}"
