"""Networks: the board, a network's page, members with the rules shown live, stages and closing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy import select

from mægler_app.domain.changes import Changes
from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.domain.rules import CLOSE_REASONS, INACTIVE_AFTER_DAYS, NETWORK_TYPES
from mægler_app.domain.stages import STAGE_LABELS, STAGE_ORDER, Stage
from mægler_app.domain.timeutil import utcnow
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Company, Expense, Meeting, Membership, Network, Screening
from mægler_app.store.services import networks as svc
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow


def _view(qtbot, store):  # type: ignore[no-untyped-def]
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window.show_view("netvaerk")


def _network(store, network_id: str) -> Network:  # type: ignore[no-untyped-def]
    with store.session() as s:
        n = s.get(Network, network_id)
        assert n is not None
        return n


def _add_companies(store, names: list[str], *, knowledge: bool = False) -> dict[str, str]:  # type: ignore[no-untyped-def]
    ids = {}
    with store.session() as s:
        for i, name in enumerate(names):
            c = Company(
                cvr=make_valid_cvr(5000 + len(name) * 31 + i), name=name, is_knowledge_institution=knowledge
            )
            s.add(c)
            ids[name] = c.id
    return ids


def _add_by_search(qtbot, panel, text: str, role: str = "member") -> None:  # type: ignore[no-untyped-def]
    panel.search.clear()
    qtbot.keyClicks(panel.search, text)
    assert panel.hits.count() >= 1
    if role != "member":
        panel.add_role.setCurrentIndex(panel.add_role.findData(role))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)


def test_create_a_network_with_every_field(qtbot, store) -> None:
    view = _view(qtbot, store)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    page = view.page
    assert page is not None and page.network_id is None
    form = page.form
    qtbot.keyClicks(form.name, "Plastnetværket Midt")
    form.network_type.setCurrentIndex(form.network_type.findData("congruent"))
    assert form.type_help.text() == NETWORK_TYPES["congruent"][1]
    qtbot.keyClicks(form.core_task, "Fælles kapacitet til store ordrer")
    qtbot.keyClicks(form.participants, "Tre plastvirksomheder")
    qtbot.keyClicks(form.goals, "Større ordrer")
    qtbot.keyClicks(form.terms, "Styregruppe med en fra hver")
    form.lead_source.setCurrentIndex(form.lead_source.findData("business_organisation"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        n = s.scalars(select(Network)).one()
    assert (
        n.name,
        n.network_type,
        n.core_task,
        n.participants_text,
        n.goals,
        n.terms,
        n.lead_source,
        n.stage,
    ) == (
        "Plastnetværket Midt",
        "congruent",
        "Fælles kapacitet til store ordrer",
        "Tre plastvirksomheder",
        "Større ordrer",
        "Styregruppe med en fra hver",
        "business_organisation",
        "candidate",
    )
    # the page became the network's own page with members and timeline
    assert page.network_id == n.id and page.members is not None
    assert [page.tabs.tabText(i) for i in range(3)] == ["Stamdata", "Medlemmer", "Tidslinje"]
    assert "Kandidat" in page.stage_label.text()
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert view.board_counts()[Stage.CANDIDATE] == 1


def test_a_network_needs_a_name(qtbot, store) -> None:
    view = _view(qtbot, store)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert view.page is not None
    qtbot.mouseClick(view.page.form.save_button, Qt.MouseButton.LeftButton)
    assert "skal have et navn" in view.page.form.error.text()
    with store.session() as s:
        assert s.scalars(select(Network)).all() == []


def test_member_rules_are_shown_live(qtbot, store) -> None:
    _add_companies(store, ["Alfa Plast ApS", "Beta Plast ApS", "Gamma Plast ApS", "Delta Plast ApS"])
    _add_companies(store, ["Epsilon Plast ApS", "Zeta Plast ApS"])
    unis = _add_companies(store, ["Uni Et", "Uni To", "Uni Tre"], knowledge=True)
    network_id = svc.save_network(store, svc.NetworkData(name="Plast"))
    view = _view(qtbot, store)
    page = view.open_network(network_id)
    panel = page.members
    assert panel is not None
    assert "0 uafhængige virksomheder" in panel.rules_error.text()
    _add_by_search(qtbot, panel, "Alfa", "lead")
    _add_by_search(qtbot, panel, "Beta")
    assert "2 uafhængige virksomheder; der skal være mindst 3" in panel.rules_error.text()
    assert "ikke komme videre end kandidat" in panel.rules_error.text()
    assert not page.advance_button.isEnabled()
    assert "2 uafhængige" in page.missing.text()
    _add_by_search(qtbot, panel, "Gamma")
    assert not panel.rules_error.isVisible()
    assert "sammensætningen er i orden" in panel.rules_ok.text()
    assert "2 uafhængige" not in page.missing.text()
    # three knowledge institutions: the role is proposed by the company's flag
    for name in unis:
        panel.search.clear()
        qtbot.keyClicks(panel.search, name)
        assert panel.add_role.currentData() == "knowledge"
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert "3 videninstitutioner; der må højst være 2" in panel.rules_error.text()
    assert "erfa-gruppe" not in panel.rules_warning.text()
    assert "6 virksomheder" in panel.rules_warning.text()
    _add_by_search(qtbot, panel, "Delta")
    _add_by_search(qtbot, panel, "Epsilon")
    _add_by_search(qtbot, panel, "Zeta")
    assert "9 virksomheder" in panel.rules_warning.text()
    with store.session() as s:
        roles = dict(
            s.execute(
                select(Company.name, Membership.role)
                .join(Company, Company.id == Membership.company_id)
                .where(Membership.network_id == network_id, Membership.deleted.is_(False))
            ).all()  # type: ignore[arg-type]
        )
    assert (
        roles["Alfa Plast ApS"] == "lead"
        and roles["Uni To"] == "knowledge"
        and roles["Beta Plast ApS"] == "member"
    )
    assert len(roles) == 9
    # removing one institution again lifts the error
    panel.select_member(unis["Uni Tre"])
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert not panel.rules_error.isVisible()
    with store.session() as s:
        gone = s.scalars(select(Membership).where(Membership.company_id == unis["Uni Tre"])).one()
        assert gone.deleted


def test_adding_the_same_company_twice_is_refused(qtbot, store) -> None:
    ids = fill_demo(store)
    view = _view(qtbot, store)
    panel = view.open_network(ids["network:3"]).members
    assert panel is not None
    panel.search.clear()
    qtbot.keyClicks(panel.search, "Silkeborg Metal")
    assert "allerede med" in panel.hits.item(0).text()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert "Søg efter en virksomhed" in panel.error.text()


def test_company_in_another_active_network_gets_a_note(qtbot, store) -> None:
    ids = fill_demo(store)
    view = _view(qtbot, store)
    page = view.open_network(ids["network:3"])
    panel = page.members
    assert panel is not None and not panel.rules_note.isVisible()
    _add_by_search(qtbot, panel, "Skive Køle")
    assert "Skive Køleteknik ApS er også med i et andet aktivt netværk" in panel.rules_note.text()
    assert "Fødevareudstyr til Rusland" in panel.rules_note.text()
    # a closed network does not count
    svc.close_network(store, ids["network:2"], "merged", "Slået sammen")
    panel.reload()
    assert not panel.rules_note.isVisible()


def test_member_role_and_goals_are_edited(qtbot, store) -> None:
    ids = fill_demo(store)
    view = _view(qtbot, store)
    panel = view.open_network(ids["network:1"]).members
    assert panel is not None
    panel.select_member(ids["panel"])
    panel.member_role.setCurrentIndex(panel.member_role.findData("lead"))
    qtbot.keyClicks(panel.member_goals, "Flere ordrer på styretavler")
    qtbot.mouseClick(panel.update_button, Qt.MouseButton.LeftButton)
    with store.session() as s:
        m = s.scalars(
            select(Membership).where(
                Membership.network_id == ids["network:1"], Membership.company_id == ids["panel"]
            )
        ).one()
    assert (m.role, m.goals) == ("lead", "Flere ordrer på styretavler")


def test_board_shows_each_stage_with_counts_and_opens_a_network(qtbot, store) -> None:
    ids = fill_demo(store)
    view = _view(qtbot, store)
    counts = view.board_counts()
    assert list(counts) == STAGE_ORDER
    with store.session() as s:
        stages = [n.stage for n in s.scalars(select(Network))]
    assert counts == {st: stages.count(st.value) for st in STAGE_ORDER}
    assert view.columns[Stage.STAGE_1].header.text() == "Trin 1 (2)"
    assert view.columns[Stage.CANDIDATE].ids() == [ids["network:3"]]
    # filtering narrows the board too
    qtbot.keyClicks(view.filter, "rusland")
    assert view.board_counts()[Stage.STAGE_1] == 1 and view.proxy.rowCount() == 1
    view.filter.clear()
    column = view.columns[Stage.CANDIDATE].list
    rect = column.visualItemRect(column.item(0))
    qtbot.mouseClick(column.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(column.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.page is not None and view.page.network_id == ids["network:3"]
    assert view.stack.currentWidget() is view.page
    assert view.page.title.text() == "Ukraine-sourcing med Horsens Maskinfabrik"


def test_page_shows_next_stage_requirements_and_advances_when_met(qtbot, store) -> None:
    ids = fill_demo(store)
    view = _view(qtbot, store)
    page = view.open_network(ids["network:3"])
    assert "»Screenet«, kræver" in page.requires.text()
    assert "En afsluttet screening mangler." in page.missing.text()
    assert not page.advance_button.isEnabled()
    with store.session() as s:
        s.add(
            Screening(
                network_id=ids["network:3"],
                form_id="screening",
                form_version=1,
                status="final",
                verdict="not_passed",
                finalized_at=utcnow(),
            )
        )
    view.ctx.bus.changed.emit(Changes.of("screening"))
    assert page.advance_button.isEnabled() and not page.missing.isVisible()
    qtbot.mouseClick(page.advance_button, Qt.MouseButton.LeftButton)
    assert _network(store, ids["network:3"]).stage == "screened"
    assert "Screenet" in page.stage_label.text()
    assert "bestået screening" in page.missing.text().lower()
    kinds = [page.timeline_model.row_at(r).kind for r in range(page.timeline_model.rowCount())]
    assert "screening" in kinds and "stage" in kinds


def test_closing_needs_a_reason_and_text(qtbot, store) -> None:
    ids = fill_demo(store)
    view = _view(qtbot, store)
    page = view.open_network(ids["network:2"])
    qtbot.mouseClick(page.close_toggle, Qt.MouseButton.LeftButton)
    assert page.close_panel.isVisible()
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert "Vælg hvorfor" in page.close_error.text()
    page.close_reason.setCurrentIndex(page.close_reason.findData("companies_withdrew"))
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert "Skriv kort hvorfor" in page.close_error.text()
    assert _network(store, ids["network:2"]).stage == "stage_1"
    qtbot.keyClicks(page.close_text, "Viborg og Skive trak sig efter messen")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    n = _network(store, ids["network:2"])
    assert (n.stage, n.closed_reason, n.closed_reason_text) == (
        "closed",
        "companies_withdrew",
        "Viborg og Skive trak sig efter messen",
    )
    assert n.closed_on == utcnow().date()
    assert CLOSE_REASONS["companies_withdrew"] in page.requires.text()
    assert not page.advance_button.isVisible() and not page.close_toggle.isVisible()
    assert not page.members.add_button.isEnabled()  # type: ignore[union-attr]
    timeline = [page.timeline_model.row_at(r) for r in range(page.timeline_model.rowCount())]
    assert next(e for e in timeline if e.kind != "planned").kind == "closed"
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert view.board_counts()[Stage.CLOSED] == 1


def test_networks_without_activity_are_marked(qtbot, store) -> None:
    ids = fill_demo(store)
    old = utcnow() - dt.timedelta(days=INACTIVE_AFTER_DAYS + 5)
    with store.session() as s:
        s.info["from_server"] = True  # keep the back-dated timestamps as they are
        for n in s.scalars(select(Network).where(Network.id == ids["network:3"])):
            n.updated_at = old
        for m in s.scalars(select(Membership).where(Membership.network_id == ids["network:3"])):
            m.updated_at = old
    rows = {r.id: r for r in svc.list_networks(store)}
    assert rows[ids["network:3"]].inactive
    assert not rows[ids["network:1"]].inactive  # meetings and expenses in the last 30 days
    later = {
        r.id: r for r in svc.list_networks(store, now=utcnow() + dt.timedelta(days=INACTIVE_AFTER_DAYS + 20))
    }
    assert later[ids["network:1"]].inactive  # its last held meeting is then long past
    view = _view(qtbot, store)
    item = view.columns[Stage.CANDIDATE].list.item(0)
    # the card marks it; the note is on the card as far as the column's width allows, and whole in the tooltip
    assert "⚠" in item.text()
    assert f"Ingen aktivitet i {INACTIVE_AFTER_DAYS} dage" in item.toolTip()
    page = view.open_network(ids["network:3"])
    assert page.inactive.isVisible()
    # adding a member is activity
    _add_by_search(qtbot, page.members, "Brande")
    assert not page.inactive.isVisible()


def test_timeline_lists_meetings_expenses_and_screening(store) -> None:
    ids = fill_demo(store)
    entries = svc.timeline(store, ids["network:1"])
    kinds = [e.kind for e in entries]
    with store.session() as s:
        meetings = s.scalars(select(Meeting).where(Meeting.network_id == ids["network:1"])).all()
        expenses = s.scalars(select(Expense).where(Expense.network_id == ids["network:1"])).all()
    assert kinds.count("meeting") + kinds.count("planned") == len(meetings)
    assert kinds.count("expense") == len(expenses)
    assert kinds.count("screening") == 1
    assert [e.when for e in entries] == sorted((e.when for e in entries), reverse=True)
    assert any("2.380,50 kr." in e.text for e in entries)


class FakeTab(QWidget):
    """A feature tab as another part of the app would register it."""

    made: list[str] = []

    def __init__(self, ctx, network_id: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.reloads = 0
        FakeTab.made.append(network_id)
        QLabel(f"netværk {network_id}", self)

    def reload(self) -> None:
        self.reloads += 1


def test_feature_tabs_from_the_registry(qtbot, store, monkeypatch) -> None:
    from mægler_app.ui import network_tabs

    ids = fill_demo(store)
    monkeypatch.setattr(
        network_tabs,
        "NETWORK_TABS",
        [("Screening", "tests.test_networks:FakeTab"), ("Defekt", "tests.test_networks:NoSuchTab")],
    )
    monkeypatch.setattr("mægler_app.ui.networks.page.NETWORK_TABS", network_tabs.NETWORK_TABS)
    view = _view(qtbot, store)
    page = view.open_network(ids["network:1"])
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["Stamdata", "Medlemmer", "Tidslinje", "Screening", "Defekt"]
    assert FakeTab.made[-1] == ids["network:1"]
    fake = page.feature_tabs[0]
    assert isinstance(fake, FakeTab) and fake.reloads >= 1
    broken = page.feature_tabs[1]
    assert isinstance(broken, QLabel) and "kunne ikke vises" in broken.text()


def test_models_pass_qtmodeltester(qtmodeltester, qtbot, store) -> None:
    ids = fill_demo(store)
    view = _view(qtbot, store)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    page = view.open_network(ids["network:1"])
    assert page.members is not None
    qtmodeltester.check(page.members.model)
    qtmodeltester.check(page.timeline_model)


def test_unsaved_typing_survives_a_refresh_and_is_asked_about_before_leaving(
    qtbot, store, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    network_id = svc.save_network(store, svc.NetworkData(name="Træ og møbler"))
    view = _view(qtbot, store)
    page = view.open_network(network_id)
    form = page.form
    form.goals.setPlainText("Fælles eksport til Tyskland")
    assert form.is_dirty()

    # a sync (or another view) changes the stored network and everything refreshes
    svc.save_network(store, svc.NetworkData(name="Træ og møbler", notes="fra den anden bærbar"), network_id)
    view.ctx.bus.changed.emit(Changes.ALL)
    page.reload()
    assert form.goals.toPlainText() == "Fælles eksport til Tyskland"
    assert "ændret et andet sted" in form.error.text()

    asked: list[str] = []
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]

    def answer(*args, **_kw):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)  # Cancel: stay on the page
    assert view.stack.currentWidget() is page
    assert "Træ og møbler" in asked[0]
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)  # Save: saved, then the board
    assert view.stack.currentWidget() is view.overview_page
    assert _network(store, network_id).goals == "Fælles eksport til Tyskland"


def test_closing_the_window_asks_about_an_unsaved_network(qtbot, store, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    network_id = svc.save_network(store, svc.NetworkData(name="Fødevarer Nord"))
    view = _view(qtbot, store)
    page = view.open_network(network_id)
    page.form.terms.setPlainText("Møder hver anden måned")
    window = view.window()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close()  # kept open: the typing is still there
    assert window.isVisible() and page.form.terms.toPlainText() == "Møder hver anden måned"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert _network(store, network_id).terms == ""


def test_timeline_tells_every_stage_move_in_order(store) -> None:
    ids = fill_demo(store)
    net = ids["network:1"]  # stage 1 in the demo: candidate → screened → stage 1
    moves = [e.text for e in reversed(svc.timeline(store, net)) if e.kind == "stage"]
    assert moves[0] == "Oprettet som kandidat"
    stage_1 = f"Flyttet til »{STAGE_LABELS[Stage.STAGE_1]}«"
    assert moves.index("Flyttet til »Screenet«") < moves.index(stage_1)
    svc.close_network(store, net, "merged", "Slået sammen med netværk 2")
    with store.session() as s:
        history = s.get(Network, net).stage_history
    assert [m["stage"] for m in history] == ["candidate", "screened", "stage_1", "closed"]
    assert all(dt.datetime.fromisoformat(m["at"]).tzinfo is not None for m in history)
    entries = svc.timeline(store, net)
    closed = [e for e in entries if e.kind == "closed"]
    assert len(closed) == 1 and "Slået sammen med netværk 2" in closed[0].text  # told once, with its reason
    # A history from a newer or broken client shows what it can and never breaks the timeline.
    with store.session() as s:
        s.get(Network, net).stage_history = [
            "stage_1",
            {"stage": "trin9", "at": "2026-01-01T00:00:00+00:00"},
            {"stage": "stage_2", "at": "ikke en dato"},
            {"stage": "stage_2", "at": "2026-05-04T10:00:00+00:00"},
        ]
    moved = [e for e in svc.timeline(store, net) if e.text.startswith(("Flyttet", "Oprettet"))]
    assert [(e.when.date(), e.text) for e in moved] == [
        (dt.date(2026, 5, 4), f"Flyttet til »{STAGE_LABELS[Stage.STAGE_2]}«")
    ]
    # A network made in the app starts its history as a candidate.
    made = svc.save_network(
        store, svc.NetworkData(name="Nyt netværk", network_type=next(iter(NETWORK_TYPES)))
    )
    assert [e.text for e in svc.timeline(store, made) if e.kind == "stage"] == ["Oprettet som kandidat"]


def test_a_whole_programmes_networks_are_loaded_off_the_gui_thread(qtbot, store, monkeypatch) -> None:
    import threading

    from mægler_app.ui.networks import view as networks_view

    ids = fill_demo(store)
    # a broker's few networks come at once; a caseworker's hundreds (here: above a lowered limit) in a worker
    assert svc.count_networks(store) <= networks_view.NETWORKS_SYNC_LIMIT
    monkeypatch.setattr(networks_view, "NETWORKS_SYNC_LIMIT", 1)
    threads: list[str] = []
    real = svc.list_networks

    def fetch(st):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(st)

    monkeypatch.setattr(svc, "list_networks", fetch)
    window = MainWindow(AppContext(store=store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.view("netvaerk")
    with qtbot.waitSignal(view.shown, timeout=5000):
        window.show_view("netvaerk")
    assert threads and threading.main_thread().name not in threads
    assert view.model.rowCount() == svc.count_networks(store)
    assert view.columns[Stage.CANDIDATE].ids() == [ids["network:3"]]
    # the card's tooltip, written when asked for
    item = view.columns[Stage.CANDIDATE].list.item(0)
    assert "Ukraine-sourcing med Horsens Maskinfabrik" in item.toolTip()
