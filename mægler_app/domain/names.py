"""One naming scheme for the files Mægler writes (issue 20, item 3; issue 24, item 4): one slug for
every document name and every name in an audit ZIP, Danish letters kept. Without ReportLab: the GUI
suggests the name before the worker writes the file."""

from __future__ import annotations

import datetime as dt
import posixpath
import re

_UNSAFE = re.compile(r"[^\wæøåÆØÅ]+", re.UNICODE)
_UNSAFE_WITH_DOTS = re.compile(r"[^\wæøåÆØÅ.]+", re.UNICODE)
MAX_SLUG = 60


def slug(text: str, fallback: str = "rapport", *, dots: bool = False, limit: int | None = MAX_SLUG) -> str:
    """A file name part: letters (æøå too), digits and dashes (and dots with ``dots``), every other
    run of characters one dash, at most ``limit`` characters; ``fallback`` when nothing is left."""
    strip = "-_." if dots else "-_"
    s = (_UNSAFE_WITH_DOTS if dots else _UNSAFE).sub("-", text.strip()).strip(strip)
    return s[:limit].strip(strip) or fallback


def safe_filename(text: str, fallback: str = "rapport") -> str:
    """A file name part from a title: ``Fødevareudstyr til Rusland`` → ``Fødevareudstyr-til-Rusland``."""
    return slug(text, fallback)


def document_name(kind: str, subject: str, day: dt.date, *, suffix: str = "", ext: str = "pdf") -> str:
    """``<kind>-<subject>-<YYYY-MM-DD>[-suffix].<ext>``, Danish letters kept:
    ``referat-Fødevareudstyr-til-Rusland-2026-12-04.pdf``."""
    tail = f"-{slug(suffix)}" if suffix else ""
    return f"{slug(kind)}-{slug(subject, 'netværk')}-{day.isoformat()}{tail}.{ext}"


def safe_member_name(name: str, fallback: str = "fil") -> str:
    """A file name as it may stand in a ZIP: the slug of its base name with its extension kept;
    no folders, no leading dot (``../x`` and ``.hidden`` cannot escape or hide)."""
    base = slug(posixpath.basename(name.replace("\\", "/")), "", dots=True, limit=None)
    stem, dot, ext = base.rpartition(".")
    if dot and stem and len(ext) <= 5:
        return f"{slug(stem, fallback, dots=True)}.{ext.lower()}"
    return slug(base, fallback, dots=True)
