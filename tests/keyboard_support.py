"""Driving a window with the keyboard alone: Tab walks, typed text, and where the focus is."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow


def main_window(qtbot, store, size: tuple[int, int] = (1200, 760)) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    return window


def activate(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def focus(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=3000)
    return widget


def focused() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None, "nothing has the keyboard focus"
    return w


def key(qtbot, k: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget | None:  # type: ignore[no-untyped-def]
    """Press a key where the focus is (as a person would); return where the focus is after."""
    qtbot.keyClick(focused(), k, modifiers)
    return QApplication.focusWidget()


def tab(qtbot, times: int = 1, *, back: bool = False) -> QWidget:  # type: ignore[no-untyped-def]
    for _ in range(times):
        if back:
            key(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            key(qtbot, Qt.Key.Key_Tab)
    return focused()


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the focused widget, character by character (any character: æøå, –, é)."""
    for ch in text:
        target = focused()
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    qtbot.wait(1)


def walk(qtbot, start: QWidget, limit: int = 80) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Tab from ``start`` until the focus comes back to it (or ``limit`` presses): the stops in order."""
    focus(qtbot, start)
    stops = [start]
    for _ in range(limit):
        w = tab(qtbot)
        if w is start:
            return stops
        stops.append(w)
    raise AssertionError(f"Tab did not come back to {start.objectName()} in {limit} presses")


def name(w: QWidget) -> str:
    return w.objectName() or f"<{type(w).__name__} {getattr(w, 'text', lambda: '')()}>"


def top_left(w: QWidget, root: QWidget) -> QPoint:
    return w.mapTo(root, QPoint(0, 0))
