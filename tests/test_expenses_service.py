"""Expenses: receipts stored once by hash, the receipt rule, date warnings, the frame."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select

from mægler_app.domain.numbers import parse_kr
from mægler_app.domain.rules import FACILITATION_FRAME_ORE, RECEIPT_REQUIRED_ABOVE_ORE
from mægler_app.store.models import Blob, Expense, OutboxEntry
from mægler_app.store.services import blobs
from mægler_app.store.services import expenses as svc

from .meetings_support import make_network


def _inp(net, amount: str, **kw) -> svc.ExpenseInput:  # type: ignore[no-untyped-def]
    kw.setdefault("spent_on", dt.date(2026, 4, 1))
    kw.setdefault("category", "catering")
    kw.setdefault("description", "Kaffe og brød")
    return svc.ExpenseInput(network_id=net.network_id, amount_ore=parse_kr(amount), **kw)


def test_same_receipt_twice_is_stored_once(store, tmp_path) -> None:
    photo = tmp_path / "kvittering.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"receipt-bytes" * 100)
    copy = tmp_path / "andet navn.JPG"
    copy.write_bytes(photo.read_bytes())
    first = blobs.store_file(store, photo)
    second = blobs.store_file(store, copy)
    assert first.sha256 == second.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert not first.already_stored and second.already_stored
    files = [p for p in store.blob_dir.rglob("*") if p.is_file()]
    assert files == [blobs.blob_path(store, first.sha256)]
    assert files[0].read_bytes() == photo.read_bytes()
    with store.session() as s:
        rows = s.scalars(select(Blob)).all()
        assert [(b.sha256, b.size, b.mime, b.uploaded) for b in rows] == [
            (first.sha256, photo.stat().st_size, "image/jpeg", False)
        ]
    assert blobs.pending_uploads(store) == [first.sha256]
    blobs.mark_uploaded(store, first.sha256)
    assert blobs.pending_uploads(store) == []


def test_receipt_of_the_wrong_kind_or_empty_is_refused(store, tmp_path) -> None:
    doc = tmp_path / "regning.docx"
    doc.write_bytes(b"PK..")
    with pytest.raises(blobs.BlobError, match="kan ikke bruges som kvittering"):
        blobs.store_file(store, doc)
    empty = tmp_path / "tom.pdf"
    empty.write_bytes(b"")
    with pytest.raises(blobs.BlobError, match="tom"):
        blobs.store_file(store, empty)
    with pytest.raises(blobs.BlobError, match="findes ikke"):
        blobs.store_file(store, tmp_path / "mangler.pdf")


def test_receipt_rule_keeps_a_large_expense_without_receipt_as_draft(store, tmp_path) -> None:
    net = make_network(store)
    limit = RECEIPT_REQUIRED_ABOVE_ORE
    at_limit = svc.save_expense(
        store, svc.ExpenseInput(net.network_id, dt.date(2026, 4, 1), limit, "other", "Ved grænsen")
    )
    above = svc.save_expense(
        store, svc.ExpenseInput(net.network_id, dt.date(2026, 4, 1), limit + 1, "other", "Lige over")
    )
    assert at_limit.status == "final"
    assert above.status == "draft"
    assert any("kræver en kvittering" in w for w in above.warnings)
    assert svc.budget(store, net.network_id).spent_ore == limit
    assert svc.budget(store, net.network_id).draft_ore == limit + 1
    # Attaching the receipt makes it final and it counts.
    pdf = tmp_path / "bon.pdf"
    pdf.write_bytes(b"%PDF-1.4 receipt")
    blob = blobs.store_file(store, pdf)
    row = svc.get_expense(store, above.id)
    again = svc.save_expense(
        store,
        svc.ExpenseInput(
            net.network_id,
            row.spent_on,
            row.amount_ore,
            row.category,
            row.description,
            receipt_sha256=blob.sha256,
            receipt_name=blob.name,
        ),
        expense_id=above.id,
    )
    assert again.status == "final"
    with store.session() as s:
        e = s.get(Expense, above.id)
        assert (e.status, e.receipt_sha256, e.receipt_name) == ("final", blob.sha256, "bon.pdf")
    assert svc.budget(store, net.network_id).spent_ore == 2 * limit + 1


def test_overspend_is_blocked_then_allowed_with_a_reason_and_flagged(store, tmp_path) -> None:
    net = make_network(store)
    invoice = tmp_path / "faktura.pdf"
    invoice.write_bytes(b"%PDF-1.4 faktura 23000")
    blob = blobs.store_file(store, invoice)
    svc.save_expense(store, _inp(net, "400,00"))
    svc.save_expense(
        store,
        _inp(
            net,
            "23.000,00",
            receipt_sha256=blob.sha256,
            receipt_name="faktura.pdf",
            category="speaker",
            description="Ekstern oplægsholder",
        ),
    )
    assert svc.budget(store, net.network_id).spent_ore == parse_kr("23.400,00")
    new = _inp(
        net, "2.800,00", receipt_sha256=blob.sha256, receipt_name="faktura.pdf", description="Workshop"
    )
    chk = svc.check_expense(store, new)
    assert (
        chk.exceeds_frame and "26.200,00 kr." in chk.budget_message and "1.200,00 kr." in chk.budget_message
    )
    with pytest.raises(svc.BudgetExceededError, match="over rammen på 25.000,00 kr."):
        svc.save_expense(store, new)
    with store.session() as s:
        assert s.scalar(select(Expense).where(Expense.description == "Workshop")) is None
    new.override_reason = "   "
    with pytest.raises(svc.BudgetExceededError):
        svc.save_expense(store, new)
    new.override_reason = "Aftalt med Væksthus: ekstra workshop med DTU"
    saved = svc.save_expense(store, new)
    assert saved.flagged and saved.status == "final"
    with store.session() as s:
        e = s.get(Expense, saved.id)
        assert e.override_reason == "Aftalt med Væksthus: ekstra workshop med DTU"
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == saved.id)).one()
        assert entry.data["override_reason"] == "Aftalt med Væksthus: ekstra workshop med DTU"
    b = svc.budget(store, net.network_id)
    assert (
        b.spent_ore == parse_kr("26.200,00") and b.flagged == 1 and b.remaining_ore == -parse_kr("1.200,00")
    )
    assert "over rammen" in b.warning()


def test_override_reason_is_dropped_when_not_needed(store) -> None:
    net = make_network(store)
    saved = svc.save_expense(store, _inp(net, "100,00", override_reason="unødvendig"))
    assert not saved.flagged
    assert svc.get_expense(store, saved.id).override_reason == ""


def test_date_warnings_before_screening_and_after_closing(store) -> None:
    net = make_network(store, opened_on=dt.date(2026, 3, 2), closed_on=dt.date(2026, 6, 30))
    before = svc.check_expense(store, _inp(net, "100", spent_on=dt.date(2026, 3, 1)))
    inside = svc.check_expense(store, _inp(net, "100", spent_on=dt.date(2026, 3, 2)))
    after = svc.check_expense(store, _inp(net, "100", spent_on=dt.date(2026, 7, 1)))
    assert any("før screeningen blev bestået (2. marts 2026)" in w for w in before.warnings)
    assert inside.warnings == []
    assert any("efter at netværket blev lukket (30. juni 2026)" in w for w in after.warnings)
    assert not before.errors and not after.errors  # a warning, the expense can still be saved
    never = make_network(store, name="Uscreenet", opened_on=None, seed=1)
    chk = svc.check_expense(store, _inp(never, "100"))
    assert any("ikke bestået endnu" in w for w in chk.warnings)


def test_bad_input_gives_danish_errors(store) -> None:
    net = make_network(store)
    other = make_network(store, name="Andet", seed=2)
    from mægler_app.store.services import meetings

    mid = meetings.save_meeting(
        store, meetings.MeetingInput(other.network_id, dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC))
    )
    chk = svc.check_expense(
        store, svc.ExpenseInput(net.network_id, dt.date(2026, 4, 1), 0, "xx", " ", meeting_id=mid)
    )
    assert "Beløbet skal være større end 0." in chk.errors
    assert any("udgiftskategori" in e for e in chk.errors)
    assert "Skriv hvad udgiften dækker." in chk.errors
    assert "Mødet hører ikke til dette netværk." in chk.errors
    with pytest.raises(svc.ExpenseError):
        svc.save_expense(store, svc.ExpenseInput(net.network_id, dt.date(2026, 4, 1), 0, "xx", " "))


def test_budget_committed_and_burn_down(store) -> None:
    from mægler_app.store.services import meetings

    net = make_network(store)
    svc.save_expense(store, _inp(net, "400,00", spent_on=dt.date(2026, 3, 10)))
    svc.save_expense(store, _inp(net, "100,50", spent_on=dt.date(2026, 3, 10)))
    svc.save_expense(store, _inp(net, "250,00", spent_on=dt.date(2026, 3, 20)))
    plan = meetings.save_meeting(
        store,
        meetings.MeetingInput(
            net.network_id,
            dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC),
            planned=True,
            estimated_cost_ore=parse_kr("19.250,00"),
        ),
    )
    b = svc.budget(store, net.network_id)
    assert (b.spent_ore, b.committed_ore) == (parse_kr("750,50"), parse_kr("19.250,00"))
    assert b.remaining_ore == FACILITATION_FRAME_ORE - parse_kr("20.000,50")
    assert b.warn and b.warning().startswith("80 % af rammen")
    # Booking part of the planned meeting moves that part from committed to spent.
    svc.save_expense(store, _inp(net, "300,00", spent_on=dt.date(2026, 5, 1), meeting_id=plan))
    b2 = svc.budget(store, net.network_id)
    assert (b2.spent_ore, b2.committed_ore) == (parse_kr("1.050,50"), parse_kr("18.950,00"))
    assert b2.remaining_ore == b.remaining_ore
    bd = svc.burn_down(store, net.network_id, today=dt.date(2026, 4, 15))
    assert [(p.day, p.remaining_ore) for p in bd.actual] == [
        (dt.date(2026, 3, 2), FACILITATION_FRAME_ORE),
        (dt.date(2026, 3, 10), FACILITATION_FRAME_ORE - parse_kr("500,50")),
        (dt.date(2026, 3, 20), FACILITATION_FRAME_ORE - parse_kr("750,50")),
        (dt.date(2026, 5, 1), FACILITATION_FRAME_ORE - parse_kr("1.050,50")),
    ]
    assert [(p.day, p.remaining_ore) for p in bd.planned] == [
        (dt.date(2026, 5, 1), FACILITATION_FRAME_ORE - parse_kr("1.050,50")),
        (dt.date(2026, 5, 1), b2.remaining_ore),
    ]


def test_broker_totals_over_all_networks(store) -> None:
    a = make_network(store, name="A")
    b = make_network(store, name="B", seed=3)
    make_network(store, name="Kandidat", opened_on=None, seed=4)
    svc.save_expense(store, _inp(a, "234,50"))
    svc.save_expense(store, _inp(b, "0,50"))
    svc.save_expense(store, _inp(b, "600,00"))  # a draft: no receipt
    t = svc.broker_totals(store)
    assert t.spent_ore == parse_kr("235,00")
    assert [n.network for n in t.networks] == ["A", "B"]
    assert t.frames_ore == 2 * FACILITATION_FRAME_ORE


def test_broker_totals_agree_with_each_networks_budget(store) -> None:
    from mægler_app.store.demo import fill_demo
    from mægler_app.store.services import meetings

    ids = fill_demo(store)
    extra = make_network(store, name="Ekstra", seed=6)
    plan = meetings.save_meeting(
        store,
        meetings.MeetingInput(
            extra.network_id,
            dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC),
            planned=True,
            estimated_cost_ore=90_000,
        ),
    )
    svc.save_expense(store, _inp(extra, "300,00", meeting_id=plan))
    svc.save_expense(store, _inp(extra, "900,00"))  # a draft
    svc.save_expense(store, _inp(extra, "24.800,00", override_reason="Aftalt"))  # a draft, flagged
    totals = svc.broker_totals(store)
    assert {b.network_id for b in totals.networks} == {ids["network:1"], ids["network:2"], extra.network_id}
    for b in totals.networks:
        assert b == svc.budget(store, b.network_id)
    assert totals.flagged == 1
    assert totals.spent_ore == sum(svc.budget(store, b.network_id).spent_ore for b in totals.networks)


def test_an_expense_synced_before_its_receipt_file_can_still_be_edited(store) -> None:
    net = make_network(store)
    sha = "ab" * 32
    with store.session() as s:
        s.info["from_server"] = True  # as pulled: the record is here, the blob not yet
        e = Expense(
            network_id=net.network_id, spent_on=dt.date(2026, 4, 1), amount_ore=90_000, category="other",
            description="Fra den anden pc", receipt_sha256=sha, receipt_name="bon.jpg", status="final",
        )  # fmt: skip
        s.add(e)
        eid = e.id
    row = svc.get_expense(store, eid)
    inp = svc.ExpenseInput(
        net.network_id, row.spent_on, row.amount_ore, row.category, "Rettet tekst",
        receipt_sha256=row.receipt_sha256, receipt_name=row.receipt_name,
    )  # fmt: skip
    assert svc.save_expense(store, inp, eid).status == "final"
    # A new expense cannot point at a file this profile has never seen.
    with pytest.raises(svc.ExpenseError, match="vedhæft den igen"):
        svc.save_expense(store, inp)


def test_drafts_count_against_the_frame_as_on_the_server(store, tmp_path) -> None:
    net = make_network(store)
    bon = tmp_path / "bon.pdf"
    bon.write_bytes(b"%PDF-1.4 bon")
    blob = blobs.store_file(store, bon)
    with_receipt = {"receipt_sha256": blob.sha256, "receipt_name": "bon.pdf"}
    svc.save_expense(store, _inp(net, "23.400,00", **with_receipt))
    draft = svc.save_expense(store, _inp(net, "1.000,00", description="Bon mangler"))
    assert draft.status == "draft"
    assert svc.budget(store, net.network_id).spent_ore == parse_kr("23.400,00")  # spent: finals only
    chk = svc.check_expense(store, _inp(net, "700,00", **with_receipt))
    assert chk.exceeds_frame and "25.100,00 kr." in chk.budget_message
    with pytest.raises(svc.BudgetExceededError):
        svc.save_expense(store, _inp(net, "700,00", **with_receipt))
    # The draft itself, when its receipt comes, is not counted twice.
    row = svc.get_expense(store, draft.id)
    again = svc.ExpenseInput(
        net.network_id, row.spent_on, row.amount_ore, row.category, row.description, **with_receipt
    )
    assert not svc.check_expense(store, again, draft.id).exceeds_frame
    assert svc.save_expense(store, again, draft.id).status == "final"


def test_messages_end_an_amount_without_a_double_full_stop(store) -> None:
    from mægler_app.store.services import meetings

    net = make_network(store)
    meetings.save_meeting(
        store,
        meetings.MeetingInput(
            net.network_id,
            dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC),
            planned=True,
            estimated_cost_ore=2_490_000,
        ),
    )
    chk = svc.check_expense(store, _inp(net, "200,00"))
    assert chk.warnings and all(not w.endswith("..") for w in chk.warnings)
    over = svc.Budget(
        net.network_id, "N", FACILITATION_FRAME_ORE, FACILITATION_FRAME_ORE + 10_050, 0, 0, None, None, 1
    )
    assert over.warning() == (
        "Netværket har brugt 25.100,50 kr. og er 100,50 kr. over rammen på 25.000,00 kr."
    )
