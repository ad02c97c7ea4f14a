"""The one table framework (ui/table.py): the proxy filters as the search box is typed in, the
Danish way, and sorts; the tree keeps one set-up of a table and one place for colours."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt

import mægler_app
from mægler_app.ui.table import Column, FilterProxy, RowsTableModel, make_table_view, sort_text

UI = Path(mægler_app.__file__).parent / "ui"


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    city: str
    employees: int


ROWS = [
    Row("1", "Ørsted Stål A/S", "Århus", 40),
    Row("2", "Aalborg Køl ApS", "Aalborg", 12),
    Row("3", "Æblegården", "Skæring", 300),
    Row("4", "Brande Smed", "Brande", 8),
    Row("5", "Zebra Plast", "Ikast", 55),
]


def _proxy(qtbot, rows: list[Row] = ROWS) -> tuple[RowsTableModel[Row], FilterProxy]:  # type: ignore[no-untyped-def]
    model: RowsTableModel[Row] = RowsTableModel(
        [
            Column("Navn", lambda r: r.name),
            Column("By", lambda r: r.city),
            Column("Ansatte", lambda r: str(r.employees), lambda r: r.employees, True, searched=False),
        ],
        lambda r: r.id,
    )
    proxy = FilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(rows)
    return model, proxy


def _ids(proxy: FilterProxy) -> list[str | None]:
    return [proxy.source_row_id(proxy.index(r, 0)) for r in range(proxy.rowCount())]


def test_the_search_text_filters_in_any_case_with_danish_letters(qtbot) -> None:  # type: ignore[no-untyped-def]
    _model, proxy = _proxy(qtbot)
    proxy.set_text("ØRSTED")
    assert _ids(proxy) == ["1"]
    proxy.set_text("århus")  # the city column is searched too
    assert _ids(proxy) == ["1"]
    proxy.set_text("ÆBLE skæ")  # every word, each in any searched column
    assert _ids(proxy) == ["3"]
    proxy.set_text("aalborg køl")
    assert _ids(proxy) == ["2"]
    proxy.set_text("300")  # a column marked not searched is not looked in
    assert _ids(proxy) == []
    proxy.set_text("  ")
    assert proxy.rowCount() == len(ROWS)


def test_hidden_rows_map_to_nothing_and_ids_find_shown_rows(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model, proxy = _proxy(qtbot)
    proxy.set_text("brande")
    assert proxy.rowCount() == 1
    assert not proxy.mapFromSource(model.index(model.row_of_id("1"), 0)).isValid()
    assert proxy.index_of_id("4").isValid() and not proxy.index_of_id("1").isValid()
    assert proxy.mapToSource(proxy.index(0, 1)).data() == "Brande"
    assert proxy.headerData(1, Qt.Orientation.Horizontal) == "By"  # also with no row shown
    qtmodeltester.check(proxy)
    proxy.set_text("ingen sådan")
    assert proxy.rowCount() == 0 and not proxy.hasChildren(QModelIndex())
    assert proxy.headerData(0, Qt.Orientation.Horizontal) == "Navn"
    qtmodeltester.check(proxy)


def test_sorting_is_danish_and_survives_new_rows_and_filters(qtbot) -> None:  # type: ignore[no-untyped-def]
    model, proxy = _proxy(qtbot)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert [r.name for r in proxy.rows()] == [
        "Aalborg Køl ApS",
        "Brande Smed",
        "Zebra Plast",
        "Æblegården",
        "Ørsted Stål A/S",
    ]
    proxy.sort(2, Qt.SortOrder.DescendingOrder)  # by the sort key: numbers, not texts
    assert [r.employees for r in proxy.rows()] == [300, 55, 40, 12, 8]
    proxy.set_text("a")
    model.set_rows([*ROWS, Row("6", "Aarhus Data", "Aarhus", 1000)])  # still sorted and filtered
    assert [r.employees for r in proxy.rows()] == [1000, 55, 40, 12, 8]  # not Æblegården in Skæring
    assert sort_text("Åse") > sort_text("Øre") > sort_text("Ære") > sort_text("zulu")


def test_a_row_filter_narrows_what_the_text_shows(qtbot) -> None:  # type: ignore[no-untyped-def]
    _model, proxy = _proxy(qtbot)
    proxy.set_row_filter(lambda r: r.employees < 50)
    proxy.refilter()
    assert sorted(_ids(proxy)) == ["1", "2", "4"]  # type: ignore[type-var]
    proxy.set_text("a")
    assert sorted(_ids(proxy)) == ["1", "2", "4"]  # type: ignore[type-var]


def test_selection_follows_its_row_when_sorted(qtbot) -> None:  # type: ignore[no-untyped-def]
    _model, proxy = _proxy(qtbot)
    view = make_table_view(proxy, "t", "T", sort=(0, Qt.SortOrder.AscendingOrder))
    qtbot.addWidget(view)
    view.selectRow(proxy.index_of_id("5").row())
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert proxy.source_row_id(view.currentIndex()) == "5"
    assert view.currentIndex().row() == proxy.index_of_id("5").row()


def test_rows_prepared_in_a_worker_show_as_rows_set_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """``prepare`` (run in a worker for a long list) makes what ``set_rows`` would: the same order,
    the same search hits and the same rows by id; a sort it did not prepare is made when asked."""
    rows = [*ROWS, Row("6", "Aarhus Data", "Aarhus", 1000), Row("7", "aalborg køl aps", "Aalborg", 12)]
    plain, plain_proxy = _proxy(qtbot)
    ready, ready_proxy = _proxy(qtbot)
    for proxy in (plain_proxy, ready_proxy):
        proxy.sort(0, Qt.SortOrder.DescendingOrder)
        proxy.set_text("a")
    prepared = ready.prepare(rows, ready_proxy.sorting())
    assert ready_proxy.sorting() == (0, True) and prepared.orders is not None and (0, True) in prepared.orders
    plain.set_rows(rows)
    ready.set_rows(rows, prepared=prepared)
    # Ø after Z, and two names alike in any case keep their order (a stable sort)
    assert _ids(ready_proxy) == _ids(plain_proxy) == ["1", "5", "4", "6", "2", "7"]
    for proxy in (plain_proxy, ready_proxy):
        proxy.set_text("")
        proxy.sort(2, Qt.SortOrder.AscendingOrder)  # not prepared: sorted now, the same way
    assert _ids(ready_proxy) == _ids(plain_proxy)
    assert [ready.row_of_id(r.id) for r in rows] == [plain.row_of_id(r.id) for r in rows] == list(range(7))
    assert ready.row_of_id("ingen") == plain.row_of_id("ingen") == -1
    ready.set_rows(rows[:2])  # a later plain set_rows forgets what was prepared for other rows
    assert ready.row_of_id("6") == -1 and [r.id for r in ready_proxy.rows()] == ["2", "1"]


def test_a_long_lists_old_rows_are_freed_off_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Freeing thousands of rows (and their texts) at a reload cost the GUI thread milliseconds: a
    long list's old rows are freed in the thread pool; a short list's where they are let go."""
    import threading

    from mægler_app.ui.worker import LET_GO_AT

    freed_on: list[bool] = []

    class Freed(Row):
        def __del__(self) -> None:
            freed_on.append(threading.current_thread() is threading.main_thread())

    model, proxy = _proxy(qtbot, [Freed(str(i), f"Firma {i}", "By", i) for i in range(LET_GO_AT + 10)])
    proxy.set_text("firma 1")  # the search texts are made, and go with the rows
    model.set_rows(ROWS)
    assert [r.id for r in model.rows()] == [r.id for r in ROWS]
    qtbot.waitUntil(lambda: len(freed_on) == LET_GO_AT + 10, timeout=5000)
    assert not any(freed_on)  # every old row freed in the pool
    freed_on.clear()
    model.set_rows([Freed("a", "Lille", "By", 1)])
    model.set_rows(ROWS)  # one row: freed at once, here
    assert freed_on == [True]


def test_a_long_lists_rows_are_left_out_of_the_collectors_full_passes(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A full garbage collection walks every object it tracks while holding the interpreter, so one
    in a worker stalled the window for as long as it took to walk a long list's rows (170–190 ms
    with 20.000 companies, benchmarks/gui_stall_bench.py). A long list is left out once shown (and
    still freed at its reload: the test above); a short one is left as it is."""
    import gc

    from mægler_app.ui.worker import LET_GO_AT

    rows = [Row(str(i), f"Firma {i}", "By", i) for i in range(LET_GO_AT)]
    try:
        model, _ = _proxy(qtbot, rows)
        walked = {id(o) for o in gc.get_objects()}  # what a full collection walks
        assert not any(id(r) in walked for r in rows)
        short = [Row("x", "Lille", "By", 1)]
        model.set_rows(short)
        assert id(short[0]) in {id(o) for o in gc.get_objects()}
    finally:
        gc.unfreeze()  # the rest of the test run as it was


def test_the_companies_search_box_filters_the_table(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    from mægler_app.store.demo import fill_demo
    from mægler_app.ui.companies.view import CompaniesView
    from mægler_app.ui.context import AppContext
    from mægler_app.ui.main_window import MainWindow

    fill_demo(store)
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("virksomheder")
    assert isinstance(view, CompaniesView)
    total = view.proxy.rowCount()
    qtbot.keyClicks(view.filter, "SKIVE")
    shown = [view.table.model().index(r, 0).data() for r in range(view.table.model().rowCount())]
    assert shown == ["Skive Køleteknik ApS"]
    assert view.table.model() is view.proxy and view.model.rowCount() == total  # the model keeps all


# the house rules --------------------------------------------------------------------------------


def _python_files() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def test_no_table_view_is_made_outside_ui_table() -> None:
    """Every QTableView comes from make_table_view(): one set-up, not one per screen."""
    made = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = (
                    func.id
                    if isinstance(func, ast.Name)
                    else func.attr
                    if isinstance(func, ast.Attribute)
                    else ""
                )
                if name == "QTableView" and path.name != "table.py":
                    made.append(f"{path.relative_to(UI)}:{node.lineno}")
            if isinstance(node, ast.ClassDef) and path.name != "table.py":
                bases = [b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases]
                if "QTableView" in bases or "QSortFilterProxyModel" in bases:
                    made.append(f"{path.relative_to(UI)}:{node.lineno} class {node.name}")
    assert made == []


HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b")


def test_no_colour_literal_outside_ui_style() -> None:
    """Colours are named once, in ui/style.py; everywhere else in ui they are used by name."""
    found = []
    for path in _python_files():
        if path == UI / "style.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and HEX_COLOUR.search(node.value)
            ):
                found.append(f"{path.relative_to(UI)}:{node.lineno}: {node.value[:60]}")
    assert found == []


def test_a_long_sort_a_run_at_a_time_gives_the_order_of_one_sort() -> None:
    """``sorted_in_runs`` (which lets a worker give the interpreter back between runs) orders as
    one ``sorted`` would, equal keys kept in their order, both ways, across the runs' borders."""
    import random

    from mægler_app.ui.table import SORT_RUN, sorted_in_runs

    draw = random.Random(25)
    for n in (0, 1, SORT_RUN - 1, SORT_RUN + 1, 3 * SORT_RUN + 17):
        keys = [str(draw.randrange(n // 3 + 1)) for _ in range(n)]  # many equal keys
        for descending in (False, True):
            expected = sorted(range(n), key=keys.__getitem__, reverse=descending)
            assert sorted_in_runs(keys, descending) == expected


def test_a_long_list_sorted_by_a_column_with_empty_values_puts_them_at_the_end(qtbot) -> None:  # type: ignore[no-untyped-def]
    from mægler_app.ui.table import SORT_RUN

    n = SORT_RUN + 500
    model: RowsTableModel[Row] = RowsTableModel(
        [
            Column("Navn", lambda r: r.name),
            Column(
                "Ansatte", lambda r: str(r.employees), lambda r: None if r.employees % 7 == 0 else r.employees
            ),
        ],
        lambda r: r.id,
    )
    rows = [Row(str(i), f"Firma {i}", "Ikast", (i * 7919) % 1000) for i in range(n)]
    model.set_rows(rows)
    order = model.sorted_rows(1, False)
    employees = [rows[i].employees for i in order]
    known = [e for e in employees if e % 7]
    assert known == sorted(known)
    assert all(e % 7 == 0 for e in employees[len(known) :])  # the empty ones last
    # both ways the order of one sort of (empty?, value), as it always was (descending: empty first)
    keys = [(True, 0) if r.employees % 7 == 0 else (False, r.employees) for r in rows]
    for descending in (False, True):
        assert model.sorted_rows(1, descending) == sorted(range(n), key=keys.__getitem__, reverse=descending)
