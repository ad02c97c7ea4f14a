"""Marks for lupdate: a Danish text written where it cannot be translated yet (a class attribute, a
table of titles) and translated where it is shown, by ``QCoreApplication.translate(context, text)``.

lupdate reads the names ``QT_TR_NOOP`` (context "") and ``QT_TRANSLATE_NOOP`` (the given context);
these return the text as ``str``, which PySide6's own (typed ``object``) do not."""

from __future__ import annotations


def QT_TR_NOOP(text: str) -> str:
    return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
