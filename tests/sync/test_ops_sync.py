"""A sync in the window announces the records it pulled and pushed, once, as ``Changes`` (issue 24,
item 2): the views that list them refresh, the others do not."""

from __future__ import annotations

from typing import Any

from mægler_app.domain.changes import SYNC_STATE, Changes
from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.store.models import Company
from mægler_app.ui.context import AppContext
from mægler_app.ui.main_window import MainWindow
from mægler_app.ui.sync.controller import controller_for


def test_pulled_companies_refresh_the_companies_list_and_not_the_meetings(
    qtbot: Any, new_user: Any, laptop: Any, monkeypatch: Any
) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    with b.store.session() as s:
        company = Company(cvr=make_valid_cvr(913_577), name="Fra den anden computer ApS")
        s.add(company)
        company_id = company.id
    assert b.sync().complete
    with a.store.session() as s:  # and one of its own, not sent yet: its mark goes once sent
        own = Company(cvr=make_valid_cvr(913_578), name="Herfra ApS")
        s.add(own)
        own_id = own.id
    window = MainWindow(AppContext(store=a.store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    meetings = window.show_view("moeder")
    companies = window.show_view("virksomheder")
    heard: list[Changes] = []
    window.ctx.bus.changed.connect(heard.append)
    refreshed: dict[str, int] = {"companies": 0, "meetings": 0}
    for name, view in (("companies", companies), ("meetings", meetings)):
        original = view.refresh
        monkeypatch.setattr(
            view, "refresh", lambda n=name, o=original: (refreshed.__setitem__(n, refreshed[n] + 1), o())
        )
    controller = controller_for(window.ctx)
    assert controller.sync_now()
    qtbot.waitUntil(lambda: not controller.running, timeout=30_000)
    controller.timer.stop()
    assert controller.last_report is not None and controller.last_report.pulled == 1
    assert len(heard) == 1
    assert heard[0].ids == {("company", company_id), ("company", own_id)} and heard[0].touches(SYNC_STATE)
    assert not heard[0].touches("meeting", "expense", "network")
    assert refreshed == {"companies": 1, "meetings": 0}
    qtbot.waitUntil(lambda: companies.model.rowCount() == 2, timeout=10_000)
