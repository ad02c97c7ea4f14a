"""The satisfaction survey: the domain's rules (exact boundaries), and the laptop's service."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mægler_app.domain.errors import DomainError
from mægler_app.domain.messages import Msg
from mægler_app.domain.satisfaction import (
    SCALE,
    answer_problems,
    due_occasion,
    edit_problems,
    is_satisfied,
    occasion_for_stage,
    occasions_reached,
    scale_label,
    score_problems,
)
from mægler_app.domain.schema import check_record
from mægler_app.domain.stages import Stage, with_move
from mægler_app.domain.timeutil import utcnow
from mægler_app.domain.vocab import SurveyOccasion
from mægler_app.store.demo import fill_demo
from mægler_app.store.models import Contact, Network, OutboxEntry, Satisfaction
from mægler_app.store.services import applications as app_svc
from mægler_app.store.services import satisfaction as svc

from .test_application_service import _complete

TODAY = dt.date(2026, 12, 7)


def _answer(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "a1",
        "company_id": "c1",
        "network_id": "n1",
        "occasion": "stage_2",
        "score": 4,
        "contact_id": None,
        "answered_on": "2026-12-01",
    }
    return {**base, **kw}


def _codes(problems: list) -> list[str]:
    return [m.code for m in problems]


# -- domain ------------------------------------------------------------------------------------


@pytest.mark.parametrize("score", [1, 2, 3, 4, 5])
def test_scores_one_to_five_are_taken(score: int) -> None:
    assert score_problems(score) == []
    assert scale_label(score) == SCALE[score]


@pytest.mark.parametrize("score", [0, 6, 9, -1, None, "4", 4.0, True])
def test_anything_else_is_refused(score: object) -> None:
    assert _codes(score_problems(score)) == [Msg.SURVEY_SCORE_OUT_OF_RANGE]


def test_four_and_five_count_as_satisfied() -> None:
    assert [is_satisfied(s) for s in (1, 2, 3, 4, 5)] == [False, False, False, True, True]
    assert not is_satisfied(6) and not is_satisfied(None) and not is_satisfied(True)
    assert SCALE[1] == "Meget utilfreds" and SCALE[5] == "Meget tilfreds"


def test_the_schema_refuses_nine_and_zero_and_an_unknown_occasion() -> None:
    ok = {"company_id": "c", "network_id": "n", "score": 5, "occasion": "closed", "answered_on": "2026-12-01"}
    assert check_record("satisfaction", ok, new=True).ok
    for bad in ({"score": 9}, {"score": 0}, {"occasion": "trin_2"}, {"answered_on": "1/12"}):
        checked = check_record("satisfaction", {**ok, **bad}, new=True)
        assert not checked.ok, bad


def test_an_answer_is_checked_for_every_rule() -> None:
    members = {"c1", "c2"}
    good = answer_problems(_answer(), member_ids=members, contact_company_id=None, others=[], today=TODAY)
    assert good == []
    cases = {
        Msg.SURVEY_SCORE_OUT_OF_RANGE: _answer(score=6),
        Msg.SURVEY_OCCASION_UNKNOWN: _answer(occasion="stage_1"),
        Msg.SURVEY_DATE_IN_FUTURE: _answer(answered_on="2026-12-08"),
        Msg.SURVEY_DATE_MISSING: _answer(answered_on=None),
        Msg.SURVEY_COMPANY_NOT_MEMBER: _answer(company_id="c9"),
        Msg.SURVEY_CONTACT_OTHER_COMPANY: _answer(contact_id="p2"),
    }
    for code, answer in cases.items():
        found = answer_problems(answer, member_ids=members, contact_company_id="c2", others=[], today=TODAY)
        assert _codes(found) == [code], (code, found)
    # today itself is fine, and the contact of the company itself
    assert not answer_problems(
        _answer(answered_on=TODAY.isoformat(), contact_id="p1"),
        member_ids=members,
        contact_company_id="c1",
        others=[],
        today=TODAY,
    )


def test_one_answer_per_company_per_network_per_occasion() -> None:
    stored = [_answer(id="x", occasion="stage_2")]
    kw = {"member_ids": {"c1"}, "contact_company_id": None, "today": TODAY}
    assert _codes(answer_problems(_answer(), others=stored, **kw)) == [Msg.SURVEY_DUPLICATE]  # type: ignore[arg-type]
    # another occasion, another network, a deleted one, the answer itself: fine
    assert not answer_problems(_answer(occasion="stage_3"), others=stored, **kw)  # type: ignore[arg-type]
    assert not answer_problems(_answer(network_id="n2"), others=stored, **kw)  # type: ignore[arg-type]
    assert not answer_problems(_answer(), others=[{**stored[0], "deleted": True}], **kw)  # type: ignore[arg-type]
    assert not answer_problems(_answer(id="x"), others=stored, **kw)  # type: ignore[arg-type]


def test_an_answer_stands_once_synced() -> None:
    assert edit_problems(0) == []
    assert _codes(edit_problems(1)) == [Msg.SURVEY_ALREADY_SYNCED]


def test_the_occasions_follow_the_networks_history() -> None:
    at = utcnow()
    history: list = []
    for stage in (Stage.CANDIDATE, Stage.SCREENED, Stage.STAGE_1):
        history = with_move(history, stage, at)
    assert occasions_reached(Stage.STAGE_1, history) == [] and due_occasion(Stage.STAGE_1, history) is None
    history = with_move(history, Stage.APPLICATION, at)
    history = with_move(history, Stage.STAGE_2, at)
    assert due_occasion(Stage.STAGE_2, history) == SurveyOccasion.STAGE_2
    history = with_move(history, Stage.STAGE_3, at)
    history = with_move(history, Stage.CLOSED, at)
    assert occasions_reached(Stage.CLOSED, history) == list(SurveyOccasion)
    # closed as a candidate: nobody took part, nobody is asked
    assert occasions_reached(Stage.CLOSED, [{"stage": "candidate", "at": at.isoformat()}]) == []
    assert (
        occasion_for_stage(Stage.STAGE_3) == SurveyOccasion.STAGE_3 and occasion_for_stage("stage_1") is None
    )


# -- the laptop's service --------------------------------------------------------------------------


@pytest.fixture
def at_stage_2(store) -> tuple[str, dict[str, str]]:
    ids = fill_demo(store)
    network_id = ids["network:1"]
    app_id = app_svc.create_application(store, network_id)
    app_svc.save_draft(store, app_id, _complete(app_svc.get_application(store, app_id).draft))
    app_svc.submit(store, app_id)
    app_svc.apply_decision(store, app_id, "approved", "", utcnow())  # as a pull brings it
    return network_id, ids


def test_a_network_at_trin_2_asks_for_each_member(store, at_stage_2) -> None:
    network_id, ids = at_stage_2
    pending = svc.pending(store, network_id)
    assert pending == svc.SurveyPending(SurveyOccasion.STAGE_2, 3)
    survey = svc.survey(store, network_id)
    assert survey.occasion == SurveyOccasion.STAGE_2 and survey.missing == 3
    assert {r.company_id for r in survey.rows} == {ids["brande"], ids["panel"], ids["ingenioer"]}
    brande = next(r for r in survey.rows if r.company_id == ids["brande"])
    assert [c.id for c in brande.contacts] == [ids["contact:brande"]]
    assert svc.pending(store, ids["network:3"]) is None  # a candidate: no survey


def test_answers_are_saved_all_or_nothing_and_say_what_changed(store, at_stage_2) -> None:
    network_id, ids = at_stage_2
    today = svc.today()
    answers = [
        svc.AnswerInput(ids["brande"], 5, "Meget udbytterigt", ids["contact:brande"], today),
        svc.AnswerInput(ids["panel"], 4, "", None, today),
        svc.AnswerInput(ids["ingenioer"], None),  # not answered yet
    ]
    bad = [*answers[:2], svc.AnswerInput(ids["ingenioer"], 6, "", ids["contact:brande"], today)]
    with pytest.raises(svc.SurveyError) as refused:
        svc.save_answers(store, network_id, "stage_2", bad)
    assert set(refused.value.by_company) == {ids["ingenioer"]}
    assert _codes(refused.value.by_company[ids["ingenioer"]]) == [
        Msg.SURVEY_SCORE_OUT_OF_RANGE,
        Msg.SURVEY_CONTACT_OTHER_COMPANY,
    ]
    with store.session() as s:
        assert s.scalars(select(Satisfaction)).all() == []  # nothing saved
    saved = svc.save_answers(store, network_id, "stage_2", answers)
    assert len(saved.created) == 2 and saved.updated == [] and saved.entities == ("satisfaction",)
    assert str(saved.message()) == "2 svar på tilfredshedsmålingen er gemt."
    assert svc.pending(store, network_id) == svc.SurveyPending(SurveyOccasion.STAGE_2, 1)
    with store.session() as s:
        rows = s.scalars(select(Satisfaction)).all()
        assert {(r.score, r.occasion, r.answered_on) for r in rows} == {
            (5, "stage_2", today),
            (4, "stage_2", today),
        }
        queued = s.scalars(select(OutboxEntry).where(OutboxEntry.entity == "satisfaction")).all()
        assert len(queued) == 2 and all(q.data["occasion"] == "stage_2" for q in queued)
    # a change before it is synced is taken; the same values again change nothing
    again = svc.save_answers(
        store, network_id, "stage_2", [svc.AnswerInput(ids["panel"], 3, "Langsomt", None, today)]
    )
    assert again.created == [] and len(again.updated) == 1
    assert (
        svc.save_answers(
            store, network_id, "stage_2", [svc.AnswerInput(ids["panel"], 3, "Langsomt", None, today)]
        ).count
        == 0
    )
    latest = svc.latest_by_company(store, network_id)
    assert latest[ids["panel"]].score == 3 and not latest[ids["panel"]].satisfied
    # an answer taken back before it is synced (its score cleared) is gone
    back = svc.save_answers(store, network_id, "stage_2", [svc.AnswerInput(ids["panel"], None)])
    assert (
        len(back.removed) == 1 and str(back.message()) == "1 svar på tilfredshedsmålingen er taget tilbage."
    )
    assert ids["panel"] not in svc.latest_by_company(store, network_id)
    svc.save_answers(
        store, network_id, "stage_2", [svc.AnswerInput(ids["panel"], 3, "Langsomt", None, today)]
    )
    assert [r.network for r in svc.company_answers(store, ids["brande"])] == [
        "Vindkraftleverandørerne Brande-Herning-Ikast"
    ]


def test_an_answer_the_server_has_cannot_be_changed_or_deleted(store, at_stage_2) -> None:
    network_id, ids = at_stage_2
    today = svc.today()
    saved = svc.save_answers(
        store, network_id, "stage_2", [svc.AnswerInput(ids["brande"], 4, "", None, today)]
    )
    with store.session() as s:  # as after a push: the server's version
        s.info["from_server"] = True
        s.get(Satisfaction, saved.created[0]).version = 1
    with pytest.raises(svc.SurveyError, match="sendt til Væksthus"):
        svc.save_answers(store, network_id, "stage_2", [svc.AnswerInput(ids["brande"], 2, "", None, today)])
    with pytest.raises(DomainError, match="sendt til Væksthus"):
        svc.delete_answer(store, saved.created[0])
    with pytest.raises(svc.SurveyError, match="sendt til Væksthus"):
        svc.save_answers(store, network_id, "stage_2", [svc.AnswerInput(ids["brande"], None)])
    # the same answer again is no edit
    assert (
        svc.save_answers(
            store, network_id, "stage_2", [svc.AnswerInput(ids["brande"], 4, "", None, today)]
        ).count
        == 0
    )


def test_future_dates_duplicates_and_strangers_are_refused(store, at_stage_2) -> None:
    network_id, ids = at_stage_2
    today = svc.today()
    cases = [
        (
            [svc.AnswerInput(ids["brande"], 4, "", None, today + dt.timedelta(days=1))],
            Msg.SURVEY_DATE_IN_FUTURE,
        ),
        ([svc.AnswerInput(ids["silkeborg"], 4, "", None, today)], Msg.SURVEY_COMPANY_NOT_MEMBER),
        ([svc.AnswerInput(ids["brande"], 4, "", None, today)] * 2, Msg.SURVEY_DUPLICATE),
    ]
    for answers, code in cases:
        with pytest.raises(svc.SurveyError) as refused:
            svc.save_answers(store, network_id, "stage_2", answers)
        assert code in _codes(refused.value.messages), code
    with pytest.raises(DomainError, match="anledningen"):
        svc.save_answers(store, network_id, "stage_1", [svc.AnswerInput(ids["brande"], 4, "", None, today)])
    with pytest.raises(DomainError, match="Intet at gemme"):
        svc.save_answers(store, network_id, "stage_2", [svc.AnswerInput(ids["brande"], None)])
    # a comment typed without its score is said, not dropped
    with pytest.raises(svc.SurveyError) as refused:
        svc.save_answers(store, network_id, "stage_2", [svc.AnswerInput(ids["brande"], None, "God idé")])
    assert _codes(refused.value.messages) == [Msg.SURVEY_SCORE_MISSING]
    # an answer at another occasion of the same company is its own
    svc.save_answers(store, network_id, "stage_2", [svc.AnswerInput(ids["brande"], 4, "", None, today)])
    svc.save_answers(store, network_id, "closed", [svc.AnswerInput(ids["brande"], 5, "", None, today)])
    with store.session() as s:
        assert len(s.scalars(select(Satisfaction)).all()) == 2
        assert s.get(Network, network_id) is not None and s.scalars(select(Contact)).first() is not None


def test_generated_demo_data_has_closing_answers_by_the_rules(store) -> None:
    from mægler_app.domain.satisfaction import occasions_reached
    from mægler_app.store.demo import generate
    from mægler_app.store.models import Membership

    for _ in generate(store, 0.1, seed=11):
        pass
    with store.session() as s:
        answers = s.scalars(select(Satisfaction)).all()
        assert answers and {a.occasion for a in answers} == {"closed"}
        for a in answers:
            network = s.get(Network, a.network_id)
            assert SurveyOccasion.CLOSED in occasions_reached(network.stage, network.stage_history)
            members = {
                m.company_id
                for m in s.scalars(select(Membership).where(Membership.network_id == a.network_id))
            }
            others = [svc._payload(o) for o in answers]
            payload = {**svc._payload(a)}
            assert (
                answer_problems(
                    payload, member_ids=members, contact_company_id=None, others=others, today=svc.today()
                )
                == []
            ), a.id


def test_the_store_migration_keeps_older_answers_and_goes_back(tmp_path) -> None:
    """0004_survey on a profile from before (an answer pulled then): the answer stays, without an
    occasion or date; the downgrade takes the columns away again."""
    import sqlite3

    from alembic import command

    from mægler_app.store.db import DB_NAME, alembic_config, make_engine, open_store

    profile = tmp_path / "p"
    profile.mkdir()
    engine = make_engine(profile / DB_NAME)
    with engine.begin() as conn:
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    engine.dispose()
    con = sqlite3.connect(profile / DB_NAME)
    now = "2026-01-01 10:00:00.000000"
    con.execute("INSERT INTO company (id, version, updated_at, deleted, cvr, name, address, postcode, city, "
                "municipality, focus_area, industry, is_knowledge_institution, website, notes) VALUES "
                f"('c', 3, '{now}', 0, '13585628', 'A ApS', '', '', '', '', 'other', '', 0, '', '')")  # fmt: skip
    con.execute(
        "INSERT INTO network (id, version, updated_at, deleted, name, network_type, core_task, "
        "participants_text, goals, terms, lead_source, stage, stage_history, closed_reason, "
        "closed_reason_text, stage_3_evidence, notes) VALUES "
        f"('n', 3, '{now}', 0, 'N', '', '', '', '', '', '', 'stage_2', '[]', '', '', '', '')"
    )
    con.execute(
        "INSERT INTO satisfaction (id, version, updated_at, deleted, company_id, network_id, score, comment) "
        f"VALUES ('s', 2, '{now}', 0, 'c', 'n', 4, 'fint')"
    )
    con.commit()
    con.close()
    store = open_store(profile)
    with store.session() as s:
        old = s.get(Satisfaction, "s")
        assert (old.score, old.comment, old.occasion, old.contact_id, old.answered_on) == (
            4,
            "fint",
            "",
            None,
            None,
        )
    assert [r.occasion for r in svc.network_answers(store, "n")] == [""]
    store.close()
    engine = make_engine(profile / DB_NAME)
    with engine.begin() as conn:
        cfg = alembic_config(str(engine.url))
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    engine.dispose()
    con = sqlite3.connect(profile / DB_NAME)
    columns = {row[1] for row in con.execute("PRAGMA table_info(satisfaction)")}
    assert "occasion" not in columns and con.execute("SELECT score FROM satisfaction").fetchone() == (4,)
    con.close()
