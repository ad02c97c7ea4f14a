"""Text that fits its space: wrapped at word boundaries, never cut in the middle of a word.

Qt's own word wrap breaks a word that is wider than the space anywhere ("Fødevareudsty" on one line,
the rest hidden); here such a word is elided with "…", and so is the last line when the text needs
more lines than it may have. Whoever shows the result keeps the full text as its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics


def wrap_words(text: str, metrics: QFontMetrics, width: int, max_lines: int = 3) -> list[str]:
    """``text`` in lines no wider than ``width`` pixels, broken at spaces, at most ``max_lines``."""
    width = max(1, width)
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and metrics.horizontalAdvance(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate  # a line's first word always goes in; elided below if too wide
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        # the last line shown runs on with the rest, which is wider than the space: elided with "…"
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


def is_cut(lines: list[str], text: str) -> bool:
    """Whether the lines show less than the whole text."""
    return " ".join(lines).split() != text.split()
