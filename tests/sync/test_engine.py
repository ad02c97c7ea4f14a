"""The sync engine against a real server process on 127.0.0.1: convergence, decisions, conflicts, rejections."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.domain.rules import BROKER_BONUS_ORE, FACILITATION_FRAME_ORE
from mægler_app.domain.timeutil import utcnow
from mægler_app.store.models import (
    Application,
    Company,
    Expense,
    LocalState,
    Membership,
    Network,
    OutboxEntry,
    Screening,
)
from mægler_app.store.services.overview import get_state
from mægler_app.sync import resolve

from ..forms_fixtures import passed_screening_fields

_cvr = iter(range(700_000, 10**6))


def add_network(
    store: Any, companies: int = 3, stage: str = "candidate", name: str = "Metalnetværket"
) -> dict[str, Any]:
    with store.session() as s:
        net = Network(name=name, network_type="horizontal", stage=stage)
        s.add(net)
        cos = [Company(cvr=make_valid_cvr(next(_cvr)), name=f"Virksomhed {i} ApS") for i in range(companies)]
        s.add_all(cos)
        s.add_all(Membership(network_id=net.id, company_id=c.id) for c in cos)
        if stage in ("screened", "stage_1"):
            # A network beyond kandidat has been screened (the server checks it, DESIGN §2).
            fields = passed_screening_fields({c.id: c.name for c in cos})
            s.add(Screening(network_id=net.id, finalized_at=utcnow(), **fields))
    return {"network": net.id, "companies": [c.id for c in cos]}


def snapshot(store: Any) -> dict[tuple[str, str], dict[str, Any]]:
    from mægler_app.store.models import SYNCED
    from mægler_app.store.serialize import record_data

    out = {}
    with store.session() as s:
        for entity, cls in SYNCED.items():
            for obj in s.scalars(select(cls)):
                out[(entity, obj.id)] = {**record_data(obj), "_deleted": obj.deleted, "_version": obj.version}
    return out


def outbox(store: Any) -> list[tuple[str, str, str]]:
    with store.session() as s:
        return [
            (e.entity, e.record_id, e.status)
            for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))
        ]


def test_two_laptops_of_one_broker_converge(new_user: Any, laptop: Any) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = add_network(a.store, stage="stage_1")  # stage folded into the creation: sent after the members
    report = a.sync()
    assert report.complete, report
    assert report.rejected == 0 and outbox(a.store) == []
    assert b.sync().complete
    assert snapshot(b.store).keys() == snapshot(a.store).keys()
    with b.store.session() as s:
        assert s.get(Network, ids["network"]).stage == "stage_1"
    # each edits another field of the same network, and B deletes a membership
    with a.store.session() as s:
        s.get(Network, ids["network"]).goals = "Fælles eksport til Tyskland"
    with b.store.session() as s:
        s.get(Network, ids["network"]).terms = "Møde hver måned"
        m = s.scalars(select(Membership).where(Membership.company_id == ids["companies"][0])).one()
        m.deleted = True
        s.add(Company(cvr=make_valid_cvr(next(_cvr)), name="Ny på B ApS"))
    for lap in (a, b, a, b):
        assert lap.sync().complete
    sa, sb = snapshot(a.store), snapshot(b.store)
    assert sa == sb
    net = sa[("network", ids["network"])]
    assert (net["goals"], net["terms"]) == ("Fælles eksport til Tyskland", "Møde hver måned")
    assert sum(1 for (e, _i), v in sa.items() if e == "membership" and v["_deleted"]) == 1
    assert get_state(a.store, "last_sync") is not None


def test_own_pushes_are_not_pulled_back_but_others_changes_are(new_user: Any, laptop: Any) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    add_network(a.store, companies=4)  # 1 network, 4 companies, 4 memberships
    first = a.sync()
    assert first.complete and first.pushed == 9
    assert first.pulled == 0  # the server left out what this laptop had just sent
    with b.store.session() as s:
        s.add(Company(cvr=make_valid_cvr(next(_cvr)), name="Fra den anden computer ApS"))
    assert b.sync().complete
    add_network(a.store, companies=3, name="Fødevarenetværket")
    second = a.sync()
    assert second.complete and second.pushed == 7
    assert second.pulled == 1  # only B's company
    assert b.sync().complete
    assert snapshot(a.store) == snapshot(b.store)


def test_pulled_records_are_stored_as_this_computer_stores_its_own(new_user: Any, laptop: Any) -> None:
    """Dates, times, JSON and flags land in the same form whether typed here or pulled."""
    import sqlite3

    from mægler_app.store.models import Meeting

    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = add_network(a.store, stage="stage_1")
    with a.store.session() as s:
        s.add(
            Meeting(
                network_id=ids["network"],
                starts_at=dt.datetime(2026, 3, 4, 9, 30, 15, 123456, tzinfo=dt.UTC),
                participant_contact_ids=["k1", "k2"],
                next_steps=[
                    {"text": "Ring til Ærø Stål", "owner": "Karen", "due": "2026-04-01", "done": False}
                ],
                agenda="Dagsorden",
            )
        )
        s.add(
            Expense(
                network_id=ids["network"],
                spent_on=dt.date(2026, 3, 5),
                amount_ore=123_45,
                description="Kaffe",
            )
        )
    assert a.sync().complete and b.sync().complete
    columns = {
        "meeting": "id, network_id, starts_at, kind, participant_contact_ids, next_steps, agenda, deleted",
        "expense": "id, network_id, spent_on, amount_ore, description, deleted",
        "company": "id, cvr, name, deleted",
        "membership": "id, network_id, company_id, deleted",
    }
    for table, cols in columns.items():
        rows = []
        for laptop_ in (a, b):
            with sqlite3.connect(laptop_.store.db_path) as con:
                rows.append(sorted(con.execute(f"SELECT {cols} FROM {table}").fetchall()))  # noqa: S608
        assert rows[0] == rows[1] and rows[0], table


def test_own_consecutive_changes_never_conflict(new_user: Any, laptop: Any) -> None:
    a = laptop(new_user())
    ids = add_network(a.store)
    assert a.sync().complete
    for text in ("første", "anden", "tredje"):
        with a.store.session() as s:
            s.get(Network, ids["network"]).notes = text
        report = a.sync()
        assert report.complete and report.conflicts == 0


def test_caseworker_decision_reaches_the_broker(new_user: Any, laptop: Any, caseworker_api: Any) -> None:
    a = laptop(new_user())
    ids = add_network(a.store, stage="stage_1")
    with a.store.session() as s:
        app = Application(
            network_id=ids["network"],
            market_perspective="Eksport til Tyskland",
            economic_perspective="Vækst",
            technology_perspective="Nye processer",
            strategy_perspective="Ledelse",
            consultant_name="Konsulent K",
            consultant_hours=300,
            hourly_rate_ore=95000,
            period_months=8,
            status="submitted",
            submitted_at=dt.datetime.now(dt.UTC),
        )
        s.add(app)
    report = a.sync()
    assert report.complete, [r.reason for r in resolve.list_rejected(a.store)]
    caseworker_api.decide(app.id, "approved", "Godt forarbejde")
    report = a.sync()
    assert report.complete and report.pulled >= 2
    with a.store.session() as s:
        got = s.get(Application, app.id)
        assert (got.status, got.decision, got.decision_comment) == ("approved", "approved", "Godt forarbejde")
        assert got.bonus_ore == BROKER_BONUS_ORE and got.decided_at is not None
        assert s.get(Network, ids["network"]).stage == "stage_2"
    assert outbox(a.store) == []  # a pulled decision is not sent back


def test_conflict_shown_side_by_side_and_keep_mine(new_user: Any, laptop: Any) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = add_network(a.store)
    assert a.sync().complete and b.sync().complete
    with a.store.session() as s:
        s.get(Network, ids["network"]).core_task = "A: fælles indkøb"
    with b.store.session() as s:
        s.get(Network, ids["network"]).core_task = "B: fælles salg"
    assert a.sync().complete
    report = b.sync()
    assert report.conflicts == 1 and not report.complete
    # B still shows its own text; the server's is kept beside it
    with b.store.session() as s:
        assert s.get(Network, ids["network"]).core_task == "B: fælles salg"
    (row,) = resolve.list_conflicts(b.store)
    diff = {f.field: (f.mine, f.server) for f in row.fields}
    assert diff == {"core_task": ("B: fælles salg", "A: fælles indkøb")}
    assert row.label == "Metalnetværket"
    resolve.keep_mine(b.store, row.seq)
    assert b.sync().complete
    assert a.sync().complete
    with a.store.session() as s:
        assert s.get(Network, ids["network"]).core_task == "B: fælles salg"


def test_conflict_take_server(new_user: Any, laptop: Any) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = add_network(a.store)
    assert a.sync().complete and b.sync().complete
    with a.store.session() as s:
        s.get(Network, ids["network"]).core_task = "A"
    with b.store.session() as s:
        s.get(Network, ids["network"]).core_task = "B"
        s.get(Network, ids["network"]).notes = "kun B"
    assert a.sync().complete
    assert b.sync().conflicts == 1
    (row,) = resolve.list_conflicts(b.store)
    # the whole change was refused, so every field of it is shown, not only the contested one
    assert {f.field: (f.mine, f.server) for f in row.fields} == {
        "core_task": ("B", "A"),
        "notes": ("kun B", ""),
    }
    resolve.take_server(b.store, row.seq)
    assert b.sync().complete and a.sync().complete
    assert snapshot(a.store) == snapshot(b.store)
    with b.store.session() as s:
        net = s.get(Network, ids["network"])
        assert (net.core_task, net.notes) == ("A", "")


def test_rejected_change_stays_visible_until_fixed(new_user: Any, laptop: Any) -> None:
    a = laptop(new_user())
    ids = add_network(a.store)
    with a.store.session() as s:
        s.add(
            Expense(
                description="Forplejning",
                network_id=ids["network"],
                spent_on=dt.date(2025, 3, 1),
                amount_ore=FACILITATION_FRAME_ORE - 100,
                receipt_sha256="ab" * 32,  # over 500 kr.: final only with its receipt
            )
        )
        big = Expense(
            network_id=ids["network"], spent_on=dt.date(2025, 3, 2), amount_ore=500_00, description="Bus"
        )
        s.add(big)
    report = a.sync()
    assert report.rejected == 1 and not report.complete
    (row,) = resolve.list_rejected(a.store)
    assert row.record_id == big.id and "over rammen" in row.reason
    with a.store.session() as s:  # the broker still has what was typed
        assert s.get(Expense, big.id).amount_ore == 500_00
    # the broker fixes it (a reason for going over the frame) and sends it again
    with a.store.session() as s:
        s.get(Expense, big.id).override_reason = "Aftalt med Væksthus"
    resolve.retry_rejected(a.store, row.seq)
    assert a.sync().complete
    assert resolve.list_rejected(a.store) == []


def test_discarding_a_rejected_new_record_removes_it_here(new_user: Any, laptop: Any) -> None:
    a = laptop(new_user())
    ids = add_network(a.store)
    assert a.sync().complete
    with a.store.session() as s:
        bad = Expense(
            description="Forplejning",
            network_id=ids["network"],
            spent_on=dt.date(2025, 3, 2),
            amount_ore=FACILITATION_FRAME_ORE + 1,
        )
        s.add(bad)
    assert a.sync().rejected == 1
    (row,) = resolve.list_rejected(a.store)
    resolve.discard_rejected(a.store, row.seq)
    with a.store.session() as s:
        assert s.get(Expense, bad.id).deleted
    assert a.sync().complete and outbox(a.store) == []


def test_discarding_a_rejected_edit_brings_back_the_servers_copy(new_user: Any, laptop: Any) -> None:
    a = laptop(new_user())
    ids = add_network(a.store, companies=2)
    assert a.sync().complete
    with a.store.session() as s:
        s.get(Network, ids["network"]).stage = "stage_1"  # two companies are not a network
    assert a.sync().rejected == 1
    (row,) = resolve.list_rejected(a.store)
    assert "mindst 3" in row.reason
    resolve.discard_rejected(a.store, row.seq)
    assert a.sync().complete
    with a.store.session() as s:
        assert s.get(Network, ids["network"]).stage == "candidate"


def test_a_refused_batch_is_narrowed_down_to_the_bad_change(new_user: Any, laptop: Any) -> None:
    """A 4xx for a whole push (here a NUL character the server will not store) must not wedge the queue."""
    a = laptop(new_user())
    with a.store.session() as s:
        good = [Company(cvr=make_valid_cvr(next(_cvr)), name=f"God {i}") for i in range(9)]
        bad = Company(cvr=make_valid_cvr(next(_cvr)), name="Ond\x00 ApS")
        s.add_all(good[:4] + [bad] + good[4:])
    report = a.sync()
    assert report.rejected == 1 and report.applied == 9
    (row,) = resolve.list_rejected(a.store)
    assert row.record_id == bad.id and "NUL" in row.reason


def test_a_change_too_big_to_send_is_rejected_here_and_the_rest_goes(new_user: Any, laptop: Any) -> None:
    a = laptop(new_user())
    with a.store.session() as s:
        small = [Company(cvr=make_valid_cvr(next(_cvr)), name=f"Lille {i} ApS") for i in range(3)]
        big = Company(cvr=make_valid_cvr(next(_cvr)), name="Stor ApS", notes="x" * 5000)
        s.add_all([small[0], big, *small[1:]])
    report = a.sync(max_push_bytes=2000, batch_size=2)
    assert report.applied == 3 and report.rejected == 0 and report.attention == 1
    (row,) = resolve.list_rejected(a.store)
    assert row.record_id == big.id and "for stor" in row.reason
    with a.store.session() as s:  # nothing typed is lost
        assert s.get(Company, big.id).notes == "x" * 5000


def test_pull_keeps_local_pending_fields(new_user: Any, laptop: Any) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = add_network(a.store)
    assert a.sync().complete and b.sync().complete
    with a.store.session() as s:
        net = s.get(Network, ids["network"])
        net.goals, net.notes = "fra A", "fra A"
    assert a.sync().complete
    with b.store.session() as s:
        s.get(Network, ids["network"]).notes = "B skriver stadig"
    # pull only (as a cut after push would leave it): B's unsent note must survive
    api = b.api()
    from mægler_app.sync.engine import SyncEngine

    engine = SyncEngine(b.store, api)
    for _ in engine.pull():
        pass
    with b.store.session() as s:
        net = s.get(Network, ids["network"])
        assert (net.goals, net.notes) == ("fra A", "B skriver stadig")
        assert net.version >= 2
    assert outbox(b.store) == [("network", ids["network"], "pending")]


def _parent_edited_after_children(new_user: Any, laptop: Any) -> tuple[Any, Any]:
    """Laptop A syncs a network with members, then edits the network and its companies: on the
    server the parents now come after their children. Returns (A, a fresh laptop B)."""
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = add_network(a.store, companies=3)
    assert a.sync().complete
    with a.store.session() as s:
        s.get(Network, ids["network"]).notes = "ændret efter medlemmerne"
        for cid in ids["companies"]:
            s.get(Company, cid).city = "Herning"
    assert a.sync().complete
    return a, b


def test_second_laptop_pulls_children_before_parents_arrive(new_user: Any, laptop: Any) -> None:
    """A parent edited after its children gets a later sequence number: the child is parked, not lost."""
    a, b = _parent_edited_after_children(new_user, laptop)
    b.sync(page_size=2)
    with b.store.session() as s:
        assert s.scalar(select(func.count()).select_from(Membership)) == 3
    with b.store.session() as s:
        keys = s.scalars(select(LocalState.key)).all()
    assert not [k for k in keys if k.startswith("pull_parked")], keys
    assert snapshot(a.store) == snapshot(b.store)


def test_parked_records_survive_a_cut_between_pages(new_user: Any, laptop: Any) -> None:
    """Records parked for a parent are stored row by row with the page: a cut loses none of them."""
    from mægler_app.sync.engine import SyncEngine

    a, b = _parent_edited_after_children(new_user, laptop)

    engine = SyncEngine(b.store, b.api(), page_size=2)
    pages = engine.pull()
    while engine.report.parked == 0:
        next(pages)
    pages.close()  # the cut: the page that parked them is committed, the rest never came
    with b.store.session() as s:
        parked = s.scalars(select(LocalState.key).where(LocalState.key.startswith("pull_parked:"))).all()
    assert parked, "memberships venter på netværket"

    fresh = SyncEngine(b.store, b.api(), page_size=2)
    for _ in fresh.pull():
        pass
    with b.store.session() as s:
        assert s.scalar(select(func.count()).select_from(Membership)) == 3
        assert not s.scalars(select(LocalState.key).where(LocalState.key.startswith("pull_parked"))).all()
    assert snapshot(a.store) == snapshot(b.store)


def test_batches_overlap_yet_reach_the_server_in_outbox_order(
    new_user: Any, laptop: Any, sync_server: Any
) -> None:
    """Push sends the next batch while it stores the answer to the last: with batches of three,
    networks whose members and stage span several batches, and a refused batch in the middle,
    every change still arrives once, after what it refers to, in the order it was made."""
    user = new_user()
    a = laptop(user, "a")
    made = [add_network(a.store, stage="stage_1") for _ in range(3)]  # stage held back, then sent
    with a.store.session() as s:
        good = [Company(cvr=make_valid_cvr(next(_cvr)), name=f"God {i}") for i in range(5)]
        bad = Company(cvr=make_valid_cvr(next(_cvr)), name="Ond\x00 ApS")
        s.add_all(good[:2] + [bad] + good[2:])
    with a.store.session() as s:
        order = [(e.entity, e.record_id) for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]
    report = a.sync(batch_size=3)
    assert report.rejected == 1 and report.pending_left == 0 and report.pull_complete
    (row,) = resolve.list_rejected(a.store)
    assert row.record_id == bad.id
    # On the server: everything but the refused company, each record's first change in outbox order.
    b = laptop(user, "b")
    assert b.sync().complete
    with b.store.session() as s:
        for ids in made:
            assert s.get(Network, ids["network"]).stage == "stage_1"
        assert s.get(Company, bad.id) is None
        assert all(s.get(Company, c.id) is not None for c in good)
    api = a.api()
    try:
        seqs: dict[tuple[str, str], int] = {}
        since = 0
        while True:
            page = api.pull(since, 1000)
            for ch in page["changes"]:
                seqs.setdefault((ch["entity"], ch["id"]), ch["seq"])
            since = page["next_since"]
            if not page["has_more"]:
                break
    finally:
        api.close()
    # The networks were changed again for their stage, so their last seq is late; the rest keep
    # their creation's place, which must follow the outbox.
    arrived = [key for key in order if key in seqs and key[0] != "network"]
    assert arrived == sorted(arrived, key=lambda k: seqs[k])


def test_conflicting_stage_fields_are_shown_in_words() -> None:
    from mægler_app.sync.resolve import FIELD_LABELS, show_value

    history = [
        {"stage": "candidate", "at": "2026-03-01T09:30:00+00:00"},
        {"stage": "stage_1", "at": "2026-04-01T09:30:00+00:00"},
    ]
    assert (
        show_value("stage_history", history)
        == "Kandidat (1. marts 2026) → Trin 1: netværk etableret (1. april 2026)"
    )
    assert show_value("stage", "stage_2") == "Trin 2: handlingsplan"
    assert show_value("stage", "fra-en-nyere-udgave") == "fra-en-nyere-udgave"
    assert FIELD_LABELS["stage_history"] == "Faseforløb"


def test_a_stage_folded_into_an_earlier_edit_of_the_network_travels_after_what_it_needs(
    new_user: Any, laptop: Any
) -> None:
    """The outbox folds the move to trin 1 into a waiting edit of the network, ahead of the member
    and the screening the server checks the move against: the stage is sent after them."""
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    ids = add_network(a.store, companies=2)
    assert a.sync().complete
    with a.store.session() as s:
        s.get(Network, ids["network"]).notes = "Første møde holdt"  # waits in the outbox
    with a.store.session() as s:
        c = Company(cvr=make_valid_cvr(next(_cvr)), name="Tredje ApS")
        s.add(c)
        s.add(Membership(network_id=ids["network"], company_id=c.id))
        names = {cid: s.get(Company, cid).name for cid in ids["companies"]} | {c.id: c.name}
        s.add(Screening(network_id=ids["network"], finalized_at=utcnow(), **passed_screening_fields(names)))
    with a.store.session() as s:
        s.get(Network, ids["network"]).stage = "stage_1"  # folds into the notes' entry
    report = a.sync()
    assert report.complete and report.rejected == 0, [r.reason for r in resolve.list_rejected(a.store)]
    assert outbox(a.store) == []
    assert b.sync().complete
    with b.store.session() as s:
        net = s.get(Network, ids["network"])
        assert (net.stage, net.notes) == ("stage_1", "Første møde holdt")
