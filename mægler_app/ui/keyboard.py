"""The keyboard in every page and dialog, from one place.

- **Tab follows the reading order and stays on the page.** A *scope* (every main view, every
  dialog) owns Tab and Shift+Tab for the widgets inside it: the next input is the next one in the
  layouts' own order (a form's rows top to bottom, a row left to right, a grid row by row), wrapping
  at the end, so Tab never lands on the navigation or in another view. Qt's own focus chain follows
  the order the widgets were created in, which is not the order they are shown in. A widget marked
  with ``skip()`` (the page's "← Alle netværk") is never a Tab stop; a group of radio buttons is
  one stop (the chosen one), the arrow keys move within it; an empty list or table is none. Tab
  inside a table cell being edited is the table's. A search box is followed by the list it
  searches (``then()``), before the buttons beside it: type, Tab, and the arrow keys pick a row.
- **Every input has a name a screen reader can read**: ``label_inputs()`` makes a form row's label
  the buddy of its input and its accessible name; an input without a label is named by its group
  box or its placeholder.
- **Ctrl+S saves the editor in view.** An editor registers its save with ``saves()``;
  ``save_in(window)`` (the main window's Filer → Gem, a dialog's own Ctrl+S) calls the one that
  holds the focus, else the only one shown.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6 import (
    QtCore,  # QtCore.Qt where used: the first paint names none of it (label_inputs)
    QtGui,
    QtWidgets,
)
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence

# The classes the window's first paint makes anyway; the others are named where used, as
# QtWidgets.X: PySide makes a class when it is first named, ~0.25 ms each, and the first paint
# (label_inputs on the overview, which has no input) needs none of them.
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QLayout, QLayoutItem, QStackedWidget, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFormLayout

SCOPE = "maeglerTabScope"
SKIP = "maeglerTabSkip"
# what comes right after a widget in reading order (``then``): the list a search box searches
_THEN: weakref.WeakKeyDictionary[QWidget, weakref.ref[QWidget]] = weakref.WeakKeyDictionary()

# Inputs that need a name of their own (a button or check box is named by its text).
INPUT_CLASSES = (
    "QLineEdit",
    "QPlainTextEdit",
    "QTextEdit",
    "QComboBox",
    "QAbstractSpinBox",
    "QAbstractItemView",
)


@cache
def input_types() -> tuple[type[QWidget], ...]:
    """The classes of ``INPUT_CLASSES``, made when first asked for."""
    return tuple(getattr(QtWidgets, name) for name in INPUT_CLASSES)


# -- reading order ---------------------------------------------------------------------------------


def reading_order(root: QWidget) -> list[QWidget]:
    """Every widget under ``root`` that takes Tab, in the order its layouts show them."""
    out: list[QWidget] = []
    seen: set[int] = set()

    def add(w: QWidget) -> None:
        if id(w) not in seen:
            seen.add(id(w))
            out.append(w)

    def visit_layout(layout: QLayout) -> None:
        for item in _layout_items(layout):
            if (child := item.widget()) is not None:
                visit_widget(child)
            elif (inner := item.layout()) is not None:
                visit_layout(inner)

    def visit_widget(w: QWidget) -> None:
        if w.property(SKIP):
            return
        if isinstance(w, QtWidgets.QScrollArea):
            if (content := w.widget()) is not None:
                visit_widget(content)
            return
        if isinstance(w, QtWidgets.QTabWidget):
            add(w.tabBar())
        if isinstance(w, (QtWidgets.QTabWidget, QStackedWidget, QtWidgets.QSplitter)):
            for i in range(w.count()):
                if (page := w.widget(i)) is not None:
                    visit_widget(page)
            return
        if _takes_tab(w):
            add(w)
            if (after := _then_of(w)) is not None and root.isAncestorOf(after):
                visit_widget(after)  # its own place later in the layouts is then passed over
            if isinstance(
                w, (QtWidgets.QAbstractScrollArea, QtWidgets.QComboBox, QtWidgets.QAbstractSpinBox)
            ):
                return  # their insides (viewport, line edit) are theirs
        if (own := w.layout()) is not None:
            visit_layout(own)

    if (top := root.layout()) is not None:
        visit_layout(top)
    else:
        visit_widget(root)
    return out


def then(first: QWidget, second: QWidget) -> None:
    """Tab from ``first`` goes to ``second`` (and the stops inside it), then on in reading order
    from ``first``'s place: a search box's list comes right after the box, before the buttons on
    its line (a broker types, presses Tab and picks a row with the arrow keys). Shift+Tab from
    ``second`` comes back to ``first``. Qt's own focus chain is told the same."""
    _THEN[first] = weakref.ref(second)
    QWidget.setTabOrder(first, second)


def _then_of(w: QWidget) -> QWidget | None:
    ref = _THEN.get(w)
    after = ref() if ref is not None else None
    return after if after is not None and shiboken6.isValid(after) else None


def _layout_items(layout: QLayout) -> list[QLayoutItem]:
    items: list[QLayoutItem] = []
    if isinstance(layout, QtWidgets.QFormLayout):
        for row in range(layout.rowCount()):
            for role in (
                QtWidgets.QFormLayout.ItemRole.LabelRole,
                QtWidgets.QFormLayout.ItemRole.FieldRole,
                QtWidgets.QFormLayout.ItemRole.SpanningRole,
            ):
                item = layout.itemAt(row, role)
                if item is not None:
                    items.append(item)
        return items
    if isinstance(layout, QGridLayout):
        placed: list[tuple[int, int, int]] = []
        for i in range(layout.count()):
            position: tuple[int, int, int, int] = layout.getItemPosition(i)  # type: ignore[assignment]
            placed.append((position[0], position[1], i))
        indices = [i for _r, _c, i in sorted(placed)]
    else:
        indices = list(range(layout.count()))
    return [item for i in indices if (item := layout.itemAt(i)) is not None]


def _takes_tab(w: QWidget) -> bool:
    if isinstance(w, QLabel):
        return False
    return bool(w.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus)


def tab_chain(root: QWidget, current: QWidget | None = None) -> list[QWidget]:
    """The Tab stops of ``root`` now: shown, enabled, one per group of radio buttons."""
    chain = []
    for w in reading_order(root):
        if not (w.isVisible() and w.isEnabled()):
            continue
        if w is not current and not _radio_stop(w, current):
            continue
        if w is not current and isinstance(w, QtWidgets.QAbstractItemView) and _is_empty(w):
            continue  # nothing to choose there (an empty column of the board)
        chain.append(w)
    return chain


def _is_empty(view: QtWidgets.QAbstractItemView) -> bool:
    model = view.model()
    return model is None or model.rowCount() == 0


def _radio_group(button: QtWidgets.QAbstractButton) -> list[QtWidgets.QAbstractButton]:
    group = button.group()
    if group is not None:
        return list(group.buttons()) if group.exclusive() else [button]
    if (
        isinstance(button, QtWidgets.QRadioButton)
        and button.autoExclusive()
        and button.parentWidget() is not None
    ):
        return [
            b
            for b in button.parentWidget().findChildren(
                QtWidgets.QRadioButton, options=QtCore.Qt.FindChildOption.FindDirectChildrenOnly
            )
            if b.autoExclusive()
        ]
    return [button]


def _radio_stop(w: QWidget, current: QWidget | None) -> bool:
    """A radio button is a Tab stop when it is the group's chosen one (or, none chosen, its first)."""
    if not isinstance(w, QtWidgets.QRadioButton):
        return True
    group = [b for b in _radio_group(w) if b.isVisible() and b.isEnabled()]
    if len(group) <= 1:
        return True
    if current is not None and current in group:
        return False  # the focused one stands for its group
    checked = [b for b in group if b.isChecked()]
    return w is (checked[0] if checked else group[0])


# -- the Tab router --------------------------------------------------------------------------------


def scope(root: QWidget) -> QWidget:
    """Make ``root`` a page whose Tab stays inside it (see the module doc)."""
    root.setProperty(SCOPE, True)
    _router()
    return root


def skip(widget: QWidget) -> QWidget:
    """Never a Tab stop (still clickable, and reachable by its shortcut)."""
    widget.setProperty(SKIP, True)
    return widget


def back_button(button: QtWidgets.QAbstractButton, page: QWidget) -> None:
    """A page's "← back" link: no Tab stop (Tab stays on the page); the desktop's Back key
    (Alt+Left) presses it while the page is shown, and its tooltip says so."""
    skip(button)
    sequence = QKeySequence(QKeySequence.StandardKey.Back)
    if sequence.isEmpty():
        sequence = QKeySequence("Alt+Left")
    QtGui.QShortcut(sequence, page, button.click)
    text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{button.text().lstrip('← ')} ({text})")


def scope_of(widget: QWidget) -> QWidget:
    """The nearest scope around ``widget``; a window is the scope of what is in no other."""
    w: QWidget | None = widget
    while w is not None:
        if w.property(SCOPE):
            return w
        if w.isWindow():
            return w
        w = w.parentWidget()
    return widget.window()


def move_focus(root: QWidget, forward: bool = True) -> QWidget | None:
    """Tab (or Shift+Tab) within ``root``: the next stop in reading order, wrapping at the ends."""
    focus = QApplication.focusWidget()
    chain = tab_chain(root, focus)
    if not chain:
        return None
    index = _index_in(chain, focus)
    if index is None:
        target = chain[0] if forward else chain[-1]
    else:
        target = chain[(index + (1 if forward else -1)) % len(chain)]
    reason = QtCore.Qt.FocusReason.TabFocusReason if forward else QtCore.Qt.FocusReason.BacktabFocusReason
    target.setFocus(reason)
    _ensure_visible(target)
    return target


def focus_first(root: QWidget) -> QWidget | None:
    """Put the focus on the first Tab stop of ``root`` (a page just shown)."""
    chain = tab_chain(root)
    if not chain:
        return None
    chain[0].setFocus(QtCore.Qt.FocusReason.TabFocusReason)
    return chain[0]


def bring_to(widget: QWidget) -> None:
    """Focus ``widget`` and scroll it into view (a refused save points at what to correct)."""
    widget.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
    _ensure_visible(widget)


def _index_in(chain: list[QWidget], focus: QWidget | None) -> int | None:
    w = focus
    while w is not None:
        if w in chain:
            return chain.index(w)
        w = w.parentWidget()
    return None


def _ensure_visible(target: QWidget) -> None:
    w = target.parentWidget()
    while w is not None:
        if (
            isinstance(w, QtWidgets.QScrollArea)
            and (content := w.widget()) is not None
            and content.isAncestorOf(target)
        ):
            w.ensureWidgetVisible(target, 20, 20)
            return
        w = w.parentWidget()


def _in_cell_editor(focus: QWidget) -> bool:
    """The focus is in an editor a table opened in one of its cells (Tab is then the table's)."""
    w = focus.parentWidget()
    while w is not None:
        if isinstance(w, QtWidgets.QAbstractItemView):
            return True
        w = w.parentWidget()
    return False


class _TabRouter(QObject):
    """Watches the widget with the focus and takes its Tab and Shift+Tab (see ``move_focus``)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._watched: weakref.WeakSet[QWidget] = weakref.WeakSet()
        app.focusChanged.connect(self._on_focus)

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new not in self._watched:
            self._watched.add(new)
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QtGui.QKeyEvent):
            return False
        key, mods = event.key(), event.modifiers()
        if key not in (QtCore.Qt.Key.Key_Tab, QtCore.Qt.Key.Key_Backtab):
            return False
        if mods & (QtCore.Qt.KeyboardModifier.ControlModifier | QtCore.Qt.KeyboardModifier.AltModifier):
            return False  # Ctrl+Tab: the tab widget's
        focus = QApplication.focusWidget()
        if focus is None or watched is not focus or _in_cell_editor(focus):
            return False
        forward = key == QtCore.Qt.Key.Key_Tab and not (mods & QtCore.Qt.KeyboardModifier.ShiftModifier)
        return move_focus(scope_of(focus), forward) is not None


_ROUTER: list[_TabRouter] = []


def _router() -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if not _ROUTER or _ROUTER[0].parent() is not app:
        _ROUTER[:] = [_TabRouter(app)]


def install() -> None:
    """Route Tab for every window of the application (a dialog is a scope of its own)."""
    _router()


# -- names -----------------------------------------------------------------------------------------


def clean_label(text: str) -> str:
    """A label's text as a name: no mnemonic '&', no trailing colon or required-star."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip("*").strip().rstrip(":").strip()


def label_inputs(root: QWidget) -> None:
    """Give each input under ``root`` a label buddy and an accessible name (an existing name stays)."""
    # Forms and inputs asked for by their class names, which makes no class (see input_types)
    forms = [cast("QFormLayout", x) for x in root.findChildren(QLayout) if x.inherits("QFormLayout")]
    if not forms and not any(w.inherits(name) for w in root.findChildren(QWidget) for name in INPUT_CLASSES):
        # Nothing to name (the overview at start-up): asked for a focus policy, PySide would build
        # the whole Qt namespace before the first paint (see main_window's _give_shortcut).
        return
    for form in forms:
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QtWidgets.QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QtWidgets.QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            if not isinstance(label, QLabel) or field_item is None or not clean_label(label.text()):
                continue
            if (field := field_item.widget()) is not None:
                stops = _stops_in_widget(field)
            elif (field_layout := field_item.layout()) is not None:
                stops = _stops_in_layout(field_layout)
            else:
                stops = []
            if not stops:
                continue
            label.setBuddy(stops[0])
            if not stops[0].accessibleName():
                stops[0].setAccessibleName(clean_label(label.text()))
    for w in reading_order(root):
        if isinstance(w, input_types()) and not w.accessibleName():
            name = _fallback_name(w)
            if name:
                w.setAccessibleName(name)


def _stops_in_widget(w: QWidget) -> list[QWidget]:
    if _takes_tab(w):
        return [w]
    return reading_order(w)


def _stops_in_layout(layout: QLayout) -> list[QWidget]:
    out: list[QWidget] = []
    for item in _layout_items(layout):
        if (child := item.widget()) is not None:
            out.extend(_stops_in_widget(child))
        elif (inner := item.layout()) is not None:
            out.extend(_stops_in_layout(inner))
    return out


def _fallback_name(w: QWidget) -> str:
    """A name for an input without a form label: the label that names it, its group, its placeholder."""
    parent = w.parentWidget()
    if parent is not None:
        for label in parent.findChildren(QLabel, options=QtCore.Qt.FindChildOption.FindDirectChildrenOnly):
            if label.buddy() is w and clean_label(label.text()):
                return clean_label(label.text())
    w2: QWidget | None = parent
    while w2 is not None:
        if isinstance(w2, QtWidgets.QGroupBox) and w2.title():
            inputs = [x for x in reading_order(w2) if isinstance(x, input_types())]
            if len(inputs) == 1:
                return clean_label(w2.title())
            break
        w2 = w2.parentWidget()
    placeholder = getattr(w, "placeholderText", None)
    if callable(placeholder) and placeholder():
        return str(placeholder())
    if w.toolTip():
        return w.toolTip()
    return ""


def accessible_name(w: QWidget) -> str:
    """What a screen reader says for ``w`` (Qt's accessibility interface)."""
    from PySide6.QtGui import QAccessible

    iface = QAccessible.queryAccessibleInterface(w)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


# -- Ctrl+S ----------------------------------------------------------------------------------------

# editor → its save; a bound method is held weakly, else it would keep its editor alive here
_SAVES: weakref.WeakKeyDictionary[QWidget, Callable[[], Callable[[], object] | None]] = (
    weakref.WeakKeyDictionary()
)


def save_key_text() -> str:
    """Ctrl+S as this desktop writes it, for a save button's tooltip."""
    return QKeySequence(QKeySequence.StandardKey.Save).toString(QKeySequence.SequenceFormat.NativeText)


def saves(editor: QWidget, save: Callable[[], object]) -> None:
    """``editor`` is saved by Ctrl+S when it is shown. A dialog gets its own Ctrl+S."""
    _SAVES[editor] = weakref.WeakMethod(save) if hasattr(save, "__self__") else (lambda: save)
    if isinstance(editor, QtWidgets.QDialog):
        save_shortcut(editor)


def save_shortcut(window: QWidget) -> QtGui.QShortcut:
    """Ctrl+S in a window of its own (a dialog): saves the editor in it."""
    ref = weakref.ref(window)

    def save() -> None:
        target = ref()
        if target is not None and shiboken6.isValid(target):
            save_in(target)

    return QtGui.QShortcut(QKeySequence(QKeySequence.StandardKey.Save), window, save)


def editors_in(window: QWidget) -> list[QWidget]:
    return [e for e in list(_SAVES) if shiboken6.isValid(e) and e.window() is window and e.isVisible()]


def save_in(window: QWidget) -> bool:
    """Save the editor that holds the focus in ``window``, else the only one shown. False: none."""
    shown = editors_in(window)
    focus = QApplication.focusWidget()
    holding = [e for e in shown if focus is not None and (e is focus or e.isAncestorOf(focus))]
    if holding:
        # the innermost: a form inside a page that is an editor too
        chosen = min(holding, key=lambda e: sum(1 for other in holding if e.isAncestorOf(other)))
    elif len(shown) == 1:
        chosen = shown[0]
    else:
        return False
    save = _SAVES[chosen]()
    if save is None:
        return False
    save()
    return True
