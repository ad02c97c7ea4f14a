"""``maegler demo-data`` makes only what a broker can make offline, each record by the programme's rules."""

from __future__ import annotations

import collections
import hashlib
from pathlib import Path

from sqlalchemy import select

from mægler_app.demo_files import receipt_pdf
from mægler_app.domain.stages import NetworkFacts, Stage, moves, transition
from mægler_app.domain.validation import BudgetCheck, check_hours, check_months, check_split, receipt_required
from mægler_app.forms import FormContext, MemberInfo, bundled_registry, evaluate_form
from mægler_app.forms.fill import FROZEN_CONTEXT_KEY
from mægler_app.store.demo import fill_demo, generate
from mægler_app.store.models import Application, Blob, Company, Expense, Membership, Network, Screening
from mægler_app.store.serialize import record_data
from mægler_app.store.services.blobs import blob_path, read_blob


def test_every_generated_record_obeys_the_rules(store) -> None:
    for _ in generate(store, 0.1, seed=11):
        pass
    stages = assert_obeys_rules(store)
    # Everything a broker reaches offline, nothing a decision makes.
    assert {Stage.CANDIDATE, Stage.SCREENED, Stage.STAGE_1, Stage.APPLICATION, Stage.CLOSED} <= set(stages)
    assert stages[Stage.STAGE_2] == stages[Stage.STAGE_3] == 0
    with store.session() as s:  # an expense over the limit without its receipt yet is a draft
        drafts = s.scalars(select(Expense).where(Expense.status == "draft")).all()
        assert drafts and all(receipt_required(e.amount_ore) and not e.receipt_sha256 for e in drafts)


def test_the_programmes_three_example_networks_obey_the_rules(store) -> None:
    fill_demo(store)
    stages = assert_obeys_rules(store)
    assert stages == {Stage.STAGE_1: 2, Stage.CANDIDATE: 1}


def assert_fits_the_schema(store) -> None:
    """Every record as the sync pushes it (its ``record_data``, what the outbox queues) is one the
    server's schema (domain/schema.py) takes as a new record: each field known, of its type, range
    and length, the required ones there."""
    from mægler_app.domain.schema import SCHEMAS, check_record
    from mægler_app.store.models import SYNCED

    assert set(SYNCED) == set(SCHEMAS)
    checked_entities = set()
    with store.session() as s:
        for entity, cls in SYNCED.items():
            for obj in s.scalars(select(cls)):
                checked = check_record(entity, record_data(obj), new=True)
                assert checked.ok and not checked.ignored, (entity, obj.id, checked)
                checked_entities.add(entity)
    assert {"company", "network", "membership", "screening", "meeting", "expense"} <= checked_entities


def assert_obeys_rules(store) -> collections.Counter[str]:
    """Every rule a broker's own records obey, checked over the profile; the networks per stage."""
    assert_fits_the_schema(store)
    registry = bundled_registry()
    with store.session() as s:
        networks = s.scalars(select(Network)).all()
        companies = {c.id: c for c in s.scalars(select(Company))}
        members = collections.defaultdict(list)
        for m in s.scalars(select(Membership)):
            members[m.network_id].append(m)
        screenings = collections.defaultdict(list)
        for sc in s.scalars(select(Screening)):
            screenings[sc.network_id].append(sc)
        apps = collections.defaultdict(list)
        for a in s.scalars(select(Application)):
            apps[a.network_id].append(a)
        expenses = collections.defaultdict(list)
        for e in s.scalars(select(Expense)):
            expenses[e.network_id].append(e)
        blobs = s.scalars(select(Blob)).all()

        stages = collections.Counter(n.stage for n in networks)
        for n in networks:
            independent = sum(
                1
                for m in members[n.id]
                if m.role != "knowledge" and not companies[m.company_id].is_knowledge_institution
            )
            knowledge = len(members[n.id]) - independent
            final = [sc for sc in screenings[n.id] if sc.status == "final"]
            for sc in final:
                # The verdict is the forms engine's, computed from the answers and the frozen members.
                frozen = sc.answers[FROZEN_CONTEXT_KEY]
                ctx = FormContext(
                    members=tuple(MemberInfo(**m) for m in frozen["members"]), facts=frozen["facts"]
                )
                ev = evaluate_form(registry.get(sc.form_id, sc.form_version), sc.answers, ctx)
                assert ev.issues == [] and ev.verdict == sc.verdict and sc.verdict
            passed = any(sc.verdict == "passed" for sc in final)
            for a in apps[n.id]:
                assert a.status in ("draft", "submitted") and not a.decision and a.bonus_ore == 0
                if a.status == "submitted":
                    assert not check_hours(a.consultant_hours) and not check_months(a.period_months)
                    assert not check_split(list(a.split_basis_points.values()))
            # Every move of the history is one the stage machine allows, with the facts the network has.
            facts = NetworkFacts(
                independent_companies=independent,
                knowledge_institutions=knowledge,
                screening_final=bool(final),
                screening_passed=passed,
                application_submitted=any(a.status == "submitted" for a in apps[n.id]),
            )
            history = moves(n.stage_history)
            assert history[0].stage == Stage.CANDIDATE and history[-1].stage == n.stage
            for before, after in zip(history, history[1:], strict=False):
                transition(before.stage, after.stage, facts, close_reason=n.closed_reason)
                assert before.at <= after.at
            # The frame opens with a passed screening; only then are there expenses, inside it.
            assert (n.facilitation_opened_on is not None) == passed
            spent = 0
            for e in expenses[n.id]:
                assert n.facilitation_opened_on is not None and e.spent_on >= n.facilitation_opened_on
                if receipt_required(e.amount_ore) and not e.receipt_sha256:
                    assert e.status == "draft"
                spent += e.amount_ore
            assert not BudgetCheck(spent_ore=0, new_ore=spent).exceeds
        with_receipt = [e for es in expenses.values() for e in es if e.receipt_sha256]
        assert with_receipt and all(receipt_required(e.amount_ore) for e in with_receipt)
    # One receipt, a real PDF, stored once under its SHA-256 as the app stores an attached file.
    assert len(blobs) == 1
    data = read_blob(store, blobs[0].sha256)
    assert data == receipt_pdf() and data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert hashlib.sha256(data).hexdigest() == blobs[0].sha256 == with_receipt[0].receipt_sha256
    assert isinstance(blob_path(store, blobs[0].sha256), Path)
    return stages


def test_scale_1_keeps_the_volume_the_sync_benchmark_measures(store) -> None:
    """benchmarks/sync_bench.py syncs a scale-1 profile: about 12.000 records (11.966 before issue 16)."""
    from sqlalchemy import func

    from mægler_app.store.models import SYNCED

    for _ in generate(store, 1.0):
        pass
    with store.session() as s:
        counts = {name: s.scalar(select(func.count()).select_from(cls)) or 0 for name, cls in SYNCED.items()}
    assert 11_500 <= sum(counts.values()) <= 12_500, counts
    assert counts["company"] == 2_000 and counts["network"] == 400


def test_demo_screenings_are_frozen_under_the_apps_key() -> None:
    from mægler_app.forms import fill
    from mægler_app.store.services import screening

    assert fill.FROZEN_CONTEXT_KEY == screening.FROZEN_CONTEXT_KEY
