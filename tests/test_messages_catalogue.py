"""The message catalogue: rules say what is wrong with a code and parameters, the catalogue says it
in Danish (and English), with the right singular or plural."""

from __future__ import annotations

import pytest

from mægler_app.domain.messages import Msg
from mægler_app.domain.stages import NetworkFacts, Stage, StageError, missing_for, parse_stage, transition


def test_a_refused_move_carries_every_missing_requirement_as_a_code() -> None:
    with pytest.raises(StageError) as err:
        transition(Stage.CANDIDATE, Stage.STAGE_1, NetworkFacts(independent_companies=1))
    assert [m.code for m in err.value.messages] == [Msg.TOO_FEW_COMPANIES, Msg.STAGE_SCREENING_NOT_PASSED]
    assert err.value.messages[0].params == {"count": 1, "minimum": 3}
    assert str(err.value) == (
        "Netværket har 1 uafhængig virksomhed; der skal være mindst 3. "
        "Netværket skal have bestået screeningen."
    )
    assert err.value.render("en") == (
        "The network has 1 independent company; it needs at least 3. "
        "The network must have passed the screening."
    )


def test_stage_messages_name_the_stages_by_their_labels() -> None:
    [move] = missing_for(Stage.STAGE_1, Stage.STAGE_3, NetworkFacts())
    assert move == Msg.STAGE_MOVE_NOT_ALLOWED(current=Stage.STAGE_1, target=Stage.STAGE_3)
    assert (
        str(move)
        == "Et netværk kan ikke gå fra »Trin 1: netværk etableret« til »Trin 3: forretningsnetværk«."
    )
    assert move.render("en") == (
        "A network cannot go from “Stage 1: network established” to “Stage 3: business network”."
    )
    assert move.as_json() == {
        "code": "stage_move_not_allowed",
        "params": {"current": "stage_1", "target": "stage_3"},
    }
    [already] = missing_for(Stage.SCREENED, Stage.SCREENED, NetworkFacts())
    assert str(already) == "Netværket er allerede på »Screenet«."


def test_an_unknown_stage_is_refused_with_its_value() -> None:
    assert parse_stage("stage_2") == Stage.STAGE_2
    for value in ("trin1", None, 3):
        with pytest.raises(StageError) as err:
            parse_stage(value)
        assert err.value.messages == [Msg.STAGE_UNKNOWN(stage=str(value))]
    assert str(Msg.STAGE_UNKNOWN(stage="trin1")) == "Ukendt trin »trin1«."
