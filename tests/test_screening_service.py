"""The screening workflow in the store: draft, autosave, finalize and freeze, stage change, versions."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from mægler_app.domain import rules
from mægler_app.domain.errors import DomainError
from mægler_app.forms import FormRegistry, bundled_registry, evaluate_form, parse_definition
from mægler_app.forms.registry import BUNDLED_DIR
from mægler_app.store.models import Network, OutboxEntry, Screening
from mægler_app.store.services import screening as svc

from .forms_fixtures import complete_answers, make_network


def fill_and_finalize(store, network_id: str, registry=None, **changes):
    view = svc.start_screening(store, network_id, registry)
    defn = (registry or bundled_registry()).get(view.form_id, view.form_version)
    ctx = svc.form_context(store, network_id)
    answers = complete_answers(defn, ctx, {**view.answers, **changes})
    svc.save_answers(store, view.id, answers)
    return svc.finalize_screening(store, view.id, registry)


def test_start_prefills_from_the_network_and_continues_the_same_draft(store) -> None:
    nid, cids, _ = make_network(
        store, members=[("A ApS", 12, False), ("B A/S", 40, False), ("C", 9, False), ("AU", None, True)]
    )
    view = svc.start_screening(store, nid)
    assert (view.form_id, view.form_version, view.status) == ("screening", 1, "draft")
    assert view.answers["independent_companies"] == 3
    assert view.answers["knowledge_institutions"] == 1
    assert view.answers["network_type"] == "vertical"
    assert view.answers["virksomheder"][cids[1]]["employees"] == 40
    assert svc.start_screening(store, nid).id == view.id
    assert svc.current_screening(store, nid).id == view.id


def test_autosave_keeps_answers_and_writes_the_outbox(store) -> None:
    nid, _, _ = make_network(store)
    view = svc.start_screening(store, nid)
    answers = dict(view.answers, business_relations={"value": "partly", "comment": "Få ordrer indtil nu"})
    svc.save_answers(store, view.id, answers)
    assert (
        svc.load_screening(store, view.id).answers["business_relations"]["comment"] == "Få ordrer indtil nu"
    )
    with store.session() as s:
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == view.id)).one()
        assert entry.entity == "screening"
        assert entry.data["answers"]["business_relations"]["value"] == "partly"


def test_finalize_with_missing_answers_lists_each_and_changes_nothing(store) -> None:
    nid, _, _ = make_network(store)
    view = svc.start_screening(store, nid)
    with pytest.raises(svc.ScreeningIncompleteError) as info:
        svc.finalize_screening(store, view.id)
    err = info.value
    assert len(err.issues) > 10
    text = str(err)
    assert text.startswith(f"Screeningen kan ikke afsluttes: {len(err.issues)} svar mangler")
    assert "»Samlet vurdering og anbefaling« skal besvares." in text
    assert "»Økonomisk velfunderet?« (Alfa Metal ApS) skal besvares." in text
    assert isinstance(err, DomainError)
    again = svc.load_screening(store, view.id)
    assert again.status == "draft" and again.verdict == ""
    with store.session() as s:
        assert s.get(Network, nid).stage == "candidate"


def test_passed_screening_is_frozen_and_opens_stage_1(store) -> None:
    nid, _, _ = make_network(store)
    result = fill_and_finalize(store, nid)
    view = result.screening
    assert view.status == "final" and view.verdict == "passed"
    assert view.finalized_at is not None and view.finalized_at.tzinfo is not None
    assert (view.form_id, view.form_version) == ("screening", 1)
    assert result.stage == "stage_1"
    with store.session() as s:
        network = s.get(Network, nid)
        assert network.stage == "stage_1"
        assert network.facilitation_opened_on == view.finalized_at.date()
        row = s.get(Screening, view.id)
        assert row.reasons == view.reasons and row.reasons[0].startswith("Netværket opfylder")
    # Frozen: neither answers nor a second finalize are accepted.
    with pytest.raises(DomainError, match="afsluttet screening kan ikke ændres"):
        svc.save_answers(store, view.id, {"broker_assessment": "ændret"})
    with pytest.raises(DomainError, match="allerede afsluttet"):
        svc.finalize_screening(store, view.id)
    assert svc.load_screening(store, view.id).answers == view.answers


def test_not_passed_screening_records_why_and_does_not_open_the_frame(store) -> None:
    nid, _, _ = make_network(store)
    result = fill_and_finalize(
        store, nid, business_potential={"value": "no", "comment": "Ingen fælles kunder"}
    )
    assert result.screening.verdict == "not_passed"
    assert any("forretningsmæssigt potentiale" in r for r in result.screening.reasons)
    assert result.stage == "screened"
    with store.session() as s:
        assert s.get(Network, nid).facilitation_opened_on is None


def test_only_a_new_screening_changes_the_verdict(store) -> None:
    nid, _, _ = make_network(store)
    first = fill_and_finalize(store, nid, long_term="no")
    assert first.screening.verdict == "not_passed" and first.stage == "screened"
    second = fill_and_finalize(store, nid)
    assert second.screening.id != first.screening.id
    assert second.screening.verdict == "passed" and second.stage == "stage_1"
    assert svc.load_screening(store, first.screening.id).verdict == "not_passed"
    assert [v.id for v in svc.list_screenings(store, nid)] == [second.screening.id, first.screening.id]


def test_final_screening_keeps_the_members_it_was_made_with(store) -> None:
    from mægler_app.store.models import Membership

    nid, cids, _ = make_network(store)
    view = fill_and_finalize(store, nid).screening
    with store.session() as s:
        m = s.scalars(select(Membership).where(Membership.company_id == cids[2])).one()
        m.deleted = True
    report = svc.screening_report(store, view.id)
    assert [m.company_id for m in report.members] == cids
    assert len(svc.form_context(store, nid).members) == 2


def test_newer_version_is_used_for_new_screenings_while_old_ones_keep_theirs(store, tmp_path: Path) -> None:
    body = json.loads((BUNDLED_DIR / "screening_v1.json").read_text(encoding="utf-8"))
    v2 = copy.deepcopy(body)
    v2["version"] = 2
    v2["title"] = "Screening af netværk, skærpet af advisory board"
    v2["sections"][1]["questions"].append(
        {
            "id": "advisory_extra",
            "kind": "yes_partly_no",
            "label": "Har netværket en tovholder?",
            "required": True,
        }
    )
    old_nid, _, _ = make_network(store, name="Gammelt netværk")
    reg_v1 = bundled_registry()
    old = fill_and_finalize(store, old_nid, reg_v1).screening
    draft_v1 = svc.start_screening(store, make_network(store, name="Kladde-netværk")[0], reg_v1)

    reg = FormRegistry(reg_v1.all())
    reg.add(parse_definition(v2, source="screening_v2.json"))
    new_nid, _, _ = make_network(store, name="Nyt netværk")
    new = svc.start_screening(store, new_nid, reg)
    assert new.form_version == 2
    # The old final screening and the old draft keep version 1 and still evaluate with it.
    assert svc.load_screening(store, old.id).form_version == 1
    assert svc.start_screening(store, draft_v1.network_id, reg).form_version == 1
    defn, ctx, ev = svc.evaluate_screening(store, old.id, reg)
    assert defn.version == 1 and ev.issues == []
    # The new question is asked in version 2 only.
    with pytest.raises(svc.ScreeningIncompleteError, match="Har netværket en tovholder"):
        svc.finalize_screening(store, new.id, reg)
    # The profile folder is where published versions are picked up.
    forms_dir = store.profile / svc.PROFILE_FORMS_DIR
    forms_dir.mkdir()
    (forms_dir / "screening_v2.json").write_text(json.dumps(v2, ensure_ascii=False), encoding="utf-8")
    assert svc.registry_for(store).latest("screening").version == 2


def test_the_three_demo_networks_filled_with_checklist_v1(store) -> None:
    demo = pytest.importorskip("mægler_app.store.demo")
    ids = demo.fill_demo(store)
    network_ids = [ids[f"network:{n}"] for n in (1, 2, 3)]
    reg = bundled_registry()
    defn = reg.latest("screening")
    results = []
    for nid in network_ids:
        view = svc.start_screening(store, nid, reg)
        ctx = svc.form_context(store, nid)
        assert len(ctx.members) >= rules.MIN_INDEPENDENT_COMPANIES
        assert view.answers["independent_companies"] == len(ctx.members)
        for m in ctx.members:
            assert view.answers["virksomheder"][m.company_id]["employees"] == m.employees
            assert view.answers["virksomheder"][m.company_id]["focus_area"] == m.focus_area
        answers = complete_answers(defn, ctx, view.answers)
        assert evaluate_form(defn, answers, ctx).issues == []
        svc.save_answers(store, view.id, answers)
        results.append(svc.finalize_screening(store, view.id, reg))
    assert [r.screening.verdict for r in results] == ["passed"] * 3
    # Networks 1 and 2 already were in trin 1; network 3 was a candidate and moves there now.
    assert [r.stage for r in results] == ["stage_1", "stage_1", "stage_1"]
    with store.session() as s:
        assert s.get(Network, network_ids[2]).facilitation_opened_on is not None


def test_unknown_network_and_screening_are_danish_errors(store) -> None:
    with pytest.raises(DomainError, match="Netværket findes ikke"):
        svc.start_screening(store, "nope")
    with pytest.raises(DomainError, match="Screeningen findes ikke"):
        svc.load_screening(store, "nope")
