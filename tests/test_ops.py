"""Operations (issue 24, item 2): a use case says what it changed, ``ui/ops.py`` runs it, shows its
refusal where the view shows errors, and announces the ``Changes`` once; views refresh by entity."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import select

import mægler_app.ui
from mægler_app.domain.changes import SYNC_STATE, Changes, Done, changing, done
from mægler_app.domain.errors import DomainError
from mægler_app.domain.messages import Msg
from mægler_app.store.models import Company, Network
from mægler_app.store.services import companies as company_svc
from mægler_app.store.services import networks as network_svc
from mægler_app.sync.engine import SyncReport
from mægler_app.ui import ops
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.sync.controller import SyncDone, controller_for

from .forms_fixtures import make_network

# -- the value --------------------------------------------------------------------------------------


def test_changes_combine_with_or_and_say_what_they_touch() -> None:
    company = Changes.of("company", "c1")
    both = company | Changes.of("network", "n1", None)
    assert both.entities == {"company", "network"}
    assert both.ids == {("company", "c1"), ("network", "n1")}
    assert both.ids_of("network") == {"n1"}
    assert both.touches("network", "meeting") and not both.touches("meeting", "expense")
    assert company.entities == {"company"}  # the operands are left as they were
    assert not Changes.NONE and Changes.ALL and Changes.ALL.touches("anything")
    assert (Changes.NONE | Changes.ALL).everything
    with pytest.raises(dataclasses.FrozenInstanceError):
        company.everything = True  # type: ignore[misc]


def test_a_use_case_keeps_its_plain_call_and_says_what_it_changed(store: Any) -> None:
    data = company_svc.CompanyData(cvr="13585628", name="Aarhus Plast ApS")
    company_id = company_svc.save_company(store, data)  # the command line's call, as before
    assert isinstance(company_id, str)
    saved = company_svc.save_company.done(
        store, dataclasses.replace(data, name="Aarhus Plast A/S"), company_id
    )
    assert saved.value == company_id
    assert saved.changes == Changes.of("company", company_id)
    # a stand-in without a declaration (a test's monkeypatch) runs, and says nothing changed
    assert done(lambda: 7) == Done(7, Changes.NONE)

    @changing(of=lambda n: Changes.of("satisfaction") if n else Changes.NONE)
    def answers(n: int) -> int:
        return n

    assert answers.done(0).changes == Changes.NONE and answers.done(2).changes == Changes.of("satisfaction")


def test_a_sync_report_names_the_records_it_pulled() -> None:
    report = SyncReport(touched={("company", "c1"), ("meeting", "m1")})
    assert report.changes.ids == {("company", "c1"), ("meeting", "m1")}
    assert report.changes.touches(SYNC_STATE) and not report.changes.touches("network", "expense")
    assert SyncReport(blobs_downloaded=1).changes.touches("expense")  # a receipt arrived


# -- no widget names entities ---------------------------------------------------------------------


def _bus_emits(path: Path) -> list[str]:
    """``<something>.changed.emit`` where something is not the widget itself (``self.changed`` is a
    widget's own signal): the bus's signal, reached however."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "emit"
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "changed"
            and not (isinstance(node.value.value, ast.Name) and node.value.value.id == "self")
        ):
            found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_only_ops_announces_changes_on_the_bus() -> None:
    ui = Path(mægler_app.ui.__file__).parent
    files = [p for p in ui.rglob("*.py") if p.relative_to(ui).as_posix() not in ("ops.py", "bus.py")]
    assert len(files) > 50
    offenders = [hit for p in files for hit in _bus_emits(p)]
    assert offenders == [], "announce through ui/ops.py, not on the bus: " + "; ".join(offenders)
    assert _bus_emits(ui / "ops.py")  # the scan does find the one place that emits


# -- through the windows --------------------------------------------------------------------------


def _window(qtbot: Any, store: Any) -> MainWindow:
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _announced(window: MainWindow) -> list[Changes]:
    heard: list[Changes] = []
    window.ctx.bus.changed.connect(heard.append)
    return heard


def _count_refreshes(monkeypatch: Any, view: Any) -> list[int]:
    calls: list[int] = []
    original = view.refresh
    monkeypatch.setattr(view, "refresh", lambda: (calls.append(1), original())[1])
    return calls


def test_a_company_saved_in_the_editor_refreshes_the_lists_of_companies_once(
    qtbot: Any, store: Any, monkeypatch: Any
) -> None:
    make_network(store)
    window = _window(qtbot, store)
    networks = window.show_view("netvaerk")
    meetings = window.show_view("moeder")
    view = window.show_view("virksomheder")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    heard = _announced(window)
    company_refreshes = _count_refreshes(monkeypatch, view)
    network_refreshes = _count_refreshes(monkeypatch, networks)
    meeting_refreshes = _count_refreshes(monkeypatch, meetings)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.editor.cvr, "13585628")
    qtbot.keyClicks(view.editor.name, "Aarhus Plast ApS")
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    company_id = view.editor.company_id
    assert company_id is not None
    assert len(heard) == 1 and heard[0].touches("company") and company_id in heard[0].ids_of("company")
    assert company_refreshes == [1] and network_refreshes == [1]  # each list of companies, once
    assert meeting_refreshes == []  # a list of meetings shows no company: not refreshed
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)  # the list shows it (loaded in a worker)
    window.show_view("netvaerk")  # hidden when it heard: it catches up when shown
    assert not networks._stale


def test_a_refused_save_shows_why_keeps_the_typing_and_announces_nothing(qtbot: Any, store: Any) -> None:
    network_id, _, _ = make_network(store)
    window = _window(qtbot, store)
    page = window.show_view("netvaerk").open_network(network_id)
    heard = _announced(window)
    with store.session() as s:  # another window (or a sync) removed the network meanwhile
        s.get(Network, network_id).deleted = True  # type: ignore[union-attr]
    page.form.name.clear()
    qtbot.keyClicks(page.form.name, "Nyt navn")
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    assert not page.form.error.isHidden() and str(Msg.NETWORK_GONE()) in page.form.error.text(), (
        page.form.error.text()
    )
    assert page.form.name.text() == "Nyt navn"  # nothing typed is lost
    assert heard == []
    with store.session() as s:
        assert s.get(Network, network_id).name == "Testnetværk Vest"  # type: ignore[union-attr]


def test_a_refusal_goes_to_the_views_error_place_or_a_danish_dialog(
    qtbot: Any, store: Any, monkeypatch: Any
) -> None:
    ctx = AppContext(store=store)
    heard: list[Changes] = []
    ctx.bus.changed.connect(heard.append)

    def refused() -> Done[str]:
        raise DomainError(Msg.NETWORK_GONE())

    label = QLabel()
    qtbot.addWidget(label)
    assert ops.run(ctx, refused, error=label) is None
    assert label.text() == str(Msg.NETWORK_GONE()) and not label.isHidden()
    said: list[str] = []
    assert ops.run(ctx, refused, error=said.append) is None
    assert said == [str(Msg.NETWORK_GONE())]
    dialogs: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: dialogs.append((title, text)))
    assert ops.run(ctx, refused) is None
    assert dialogs == [("Det lykkedes ikke", str(Msg.NETWORK_GONE()))]
    assert heard == []  # nothing was changed, nothing announced
    # a bug is not a refusal: it is not swallowed
    with pytest.raises(ZeroDivisionError):
        ops.run(ctx, lambda: Done(1 // 0))


def test_a_use_case_in_the_worker_announces_when_done(qtbot: Any, store: Any) -> None:
    ctx = AppContext(store=store)
    data = company_svc.CompanyData(cvr="13585628", name="Aarhus Plast ApS")

    def job() -> Any:
        yield 0, 1
        return company_svc.save_company.done(store, data)

    values: list[str] = []
    with qtbot.waitSignal(ctx.bus.changed, timeout=10_000) as blocker:
        ops.start(ctx, job, on_done=values.append)
    (changes,) = blocker.args
    assert changes.touches("company") and changes.ids_of("company") == {values[0]}
    # refused in the worker: shown, nothing announced
    failed: list[str] = []
    heard: list[Changes] = []
    ctx.bus.changed.connect(heard.append)
    worker = ops.start(ctx, company_svc.save_company.done, store, data, error=failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert "allerede" in failed[0] and heard == []
    assert worker is not None
    with store.session() as s:
        assert len(list(s.scalars(select(Company)))) == 1


def test_a_member_removed_on_the_network_page_refreshes_the_listeners_of_memberships(
    qtbot: Any, store: Any, monkeypatch: Any
) -> None:
    network_id, company_ids, _ = make_network(store)
    window = _window(qtbot, store)
    companies = window.show_view("virksomheder")
    networks = window.show_view("netvaerk")
    page = networks.open_network(network_id)
    heard = _announced(window)
    company_refreshes = _count_refreshes(monkeypatch, companies)
    network_refreshes = _count_refreshes(monkeypatch, networks)
    page.members.table.selectRow(0)
    removed = page.members._selected().company_id
    page.members.remove_selected()
    assert len(heard) == 1 and heard[0].entities == {"membership"}
    assert network_refreshes == [1] and company_refreshes == []  # no company changed
    assert network_svc.composition(store, network_id) is not None
    assert removed not in {m.company_id for m in network_svc.members(store, network_id)}
    assert len(company_ids) == 3


def test_the_sync_announces_what_it_pulled_once(qtbot: Any, store: Any, monkeypatch: Any) -> None:
    window = _window(qtbot, store)
    companies = window.show_view("virksomheder")
    meetings = window.show_view("moeder")
    window.show_view("overblik")
    heard = _announced(window)
    company_refreshes = _count_refreshes(monkeypatch, companies)
    meeting_refreshes = _count_refreshes(monkeypatch, meetings)
    controller = controller_for(window.ctx)
    controller._on_finished(SyncDone(SyncReport(touched={("company", "c1")}, pull_complete=True)))
    assert len(heard) == 1 and heard[0].ids == {("company", "c1")} and heard[0].touches(SYNC_STATE)
    assert company_refreshes == [1] and meeting_refreshes == []
    controller._on_failed("Serveren svarer ikke.")  # cut short: pages may be stored, so all
    assert len(heard) == 2 and heard[1].everything
    assert meeting_refreshes == [1]
    controller.timer.stop()
