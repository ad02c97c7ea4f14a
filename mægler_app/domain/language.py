"""The language texts are rendered in: ``"da"`` (the source language) or ``"en"``.

One function answers it for the whole package, ``current()``: the desktop app sets the process's
language once at start (``set_process_language``, from the Vis → Sprog setting), the server sets
it per request from ``Accept-Language`` (``use``, a context variable, so two requests in two
threads or tasks do not see each other's). The message catalogue, the vocabulary's labels and the
stage labels default to it.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

DEFAULT = "da"
LANGUAGES = ("da", "en")

_process_language = DEFAULT
_request_language: ContextVar[str | None] = ContextVar("maegler_language", default=None)


def current() -> str:
    """The language of this request (server) or of this process (the desktop app)."""
    return _request_language.get() or _process_language


def set_process_language(language: str) -> None:
    global _process_language
    _process_language = language if language in LANGUAGES else DEFAULT


@contextmanager
def use(language: str) -> Iterator[None]:
    """Render in ``language`` inside the block (this thread or task only)."""
    token = _request_language.set(language if language in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _request_language.reset(token)


def quoted(text: str, language: str | None = None) -> str:
    """``text`` in the quotes of ``language`` (the current one by default): »…« in Danish, “…” in
    English, as the catalogue's ``{text:q}``."""
    return f"»{text}«" if (language or current()) == DEFAULT else f"“{text}”"


def from_accept_language(header: str | None) -> str:
    """The first of our languages that an ``Accept-Language`` header asks for (by its q-values),
    Danish when it names neither: ``"en-GB,en;q=0.9"`` → ``"en"``, ``"da, en;q=0.8"`` → ``"da"``."""
    wanted: list[tuple[float, int, str]] = []
    for index, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and quality > 0:
            wanted.append((-quality, index, primary))
    return min(wanted)[2] if wanted else DEFAULT


def in_danish(fn: Callable[P, R]) -> Callable[P, R]:
    """A document's writer: its texts (labels, messages, dates) in Danish whatever the app's
    language, since the documents go to Væksthus and the auditors in Danish (a generator stays in
    Danish for every step it takes)."""
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def steps(*args: P.args, **kwargs: P.kwargs) -> Any:
            with use("da"):
                generator = fn(*args, **kwargs)
            while True:
                with use("da"):
                    try:
                        value = next(generator)
                    except StopIteration as stop:
                        return stop.value
                yield value

        return steps

    @functools.wraps(fn)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        with use("da"):
            return fn(*args, **kwargs)

    return call
