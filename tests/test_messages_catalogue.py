"""The message catalogue: rules say what is wrong with a code and parameters, the catalogue says it
in Danish (and English), with the right singular or plural."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from mægler_app.domain import messages
from mægler_app.domain.messages import CATALOGUE, LANGUAGES, Code, Message, Msg, answer_messages
from mægler_app.domain.stages import NetworkFacts, Stage, StageError, missing_for, parse_stage, transition
from mægler_app.domain.vocab import ApplicationStatus, label

ROOT = Path(__file__).resolve().parent.parent / "mægler_app"
# Where a refusal or a rule's message is raised: every module of the domain, the laptop's services,
# the server, the sync client and the command line, and the profile's checks before the store opens.
SCANNED = ("domain", "store/services", "server", "sync", "commands")
RULE_MODULES = sorted(
    {*(p for folder in SCANNED for p in (ROOT / folder).rglob("*.py")), ROOT / "store" / "quick.py"}
)
# Programming errors, not messages to a person.
NOT_MESSAGES = {"TypeError", "AssertionError", "NotImplementedError", "KeyError", "IndexError"}
# Raises with a written-out text that no person reads: developer errors, by module, exception and
# the text's start. Each entry must still be found, so the list cannot outlive its reasons.
DEVELOPER_ERRORS = {
    # A naive datetime handed to a column: a bug in the caller, caught by the tests, never shown.
    ("server/models.py", "ValueError", "naive datetime refused"),
}


def _is_text(node: ast.AST) -> bool:
    """A finished sentence: a string literal, an f-string, or one glued from them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) or _is_text(node.orelse)
    return False


def _first_text(node: ast.AST) -> str:
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            return child.value
    return ""


def literal_raises(source: str) -> list[tuple[int, str]]:
    """(line, exception) of every ``raise SomethingError("…")`` with a written-out sentence."""
    return [(line, name) for line, name, _text in _literal_raises(source)]


def _literal_raises(source: str) -> list[tuple[int, str, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            args = [*node.exc.args, *(k.value for k in node.exc.keywords)]
            texts = [a for a in args if _is_text(a)]
            if name not in NOT_MESSAGES and texts:
                found.append((node.lineno, name, _first_text(texts[0])))
    return found


def test_the_scan_finds_a_sentence_written_in_a_raise() -> None:
    assert literal_raises('raise StageError("Netværket er afsluttet.")') == [(1, "StageError")]
    assert literal_raises('raise RejectedError(f"Ukendt trin »{x}«.")') == [(1, "RejectedError")]
    assert literal_raises('raise DomainError("Kan ikke: " + " ".join(m))') == [(1, "DomainError")]
    assert literal_raises("raise StageError(Msg.STAGE_NETWORK_CLOSED())") == []
    assert literal_raises('raise TypeError("not a date")') == []
    assert literal_raises('raise HTTPException(404, "Bilaget findes ikke.")') == [(1, "HTTPException")]
    assert literal_raises('raise ValueError(f"Data er indlejret mere end {n} niveauer.")') == [
        (1, "ValueError")
    ]
    assert literal_raises("raise HTTPException(404, str(Msg.SERVER_BLOB_NOT_FOUND()))") == []


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", RULE_MODULES, ids=_relative)
def test_rules_raise_message_codes_not_sentences(path: Path) -> None:
    allowed = {(name, text) for module, name, text in DEVELOPER_ERRORS if module == _relative(path)}
    found = [
        (line, name)
        for line, name, text in _literal_raises(path.read_text(encoding="utf-8"))
        if not any(name == a_name and text.startswith(a_text) for a_name, a_text in allowed)
    ]
    assert found == []


def test_the_scan_covers_every_module_and_its_allow_list_is_current() -> None:
    scanned = {_relative(p) for p in RULE_MODULES}
    assert {"server/push.py", "sync/api.py", "store/services/blobs.py", "store/quick.py"} <= scanned
    assert any(m.startswith("server/migrations/") for m in scanned)
    for module, name, text in DEVELOPER_ERRORS:
        raised = _literal_raises((ROOT / module).read_text(encoding="utf-8"))
        assert any(n == name and t.startswith(text) for _line, n, t in raised), (module, name, text)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_code_has_a_danish_and_an_english_text_with_the_same_placeholders() -> None:
    codes = {v for k, v in vars(Msg).items() if isinstance(v, Code)}
    assert codes == set(CATALOGUE), "a code without texts, or texts without a code"
    names = [k for k, v in vars(Msg).items() if isinstance(v, Code)]
    assert len(set(map(str, codes))) == len(names), "two names for one code"
    for code, texts in CATALOGUE.items():
        assert set(texts) == set(LANGUAGES), code
        assert all(texts[lang].strip() for lang in LANGUAGES), code
        assert _fields(texts["da"]) == _fields(texts["en"]), code
        assert code == code.lower() and " " not in code, code


def test_plural_forms_follow_the_count() -> None:
    one, two = Msg.TOO_FEW_COMPANIES(count=1, minimum=3), Msg.TOO_FEW_COMPANIES(count=2, minimum=3)
    assert str(one) == "Netværket har 1 uafhængig virksomhed; der skal være mindst 3."
    assert str(two) == "Netværket har 2 uafhængige virksomheder; der skal være mindst 3."
    assert str(Msg.TOO_FEW_COMPANIES(count=0, minimum=3)).startswith(
        "Netværket har 0 uafhængige virksomheder"
    )
    assert one.render("en") == "The network has 1 independent company; it needs at least 3."
    assert str(Msg.CSV_READY(n=1, new=1, updated=0)) == "1 virksomhed klar: 1 ny, 0 opdateres."
    assert str(Msg.CSV_READY(n=2, new=2, updated=0)) == "2 virksomheder klar: 2 nye, 0 opdateres."
    assert str(Msg.CSV_ROWS_WITH_PROBLEMS(n=1)).startswith("1 række har fejl. Intet er importeret; ret den")
    assert str(Msg.CSV_ROWS_WITH_PROBLEMS(n=3)).startswith("3 rækker har fejl. Intet er importeret; ret dem")
    assert str(Msg.EMPLOYEES_OUTSIDE_TARGET_GROUP(employees=1_200, maximum=250)).startswith(
        "Virksomheden har 1.200 ansatte"
    )


def test_every_text_renders_in_both_languages_with_numbers_for_its_numbers() -> None:
    """Fill each placeholder with what its spec wants; nothing is left of the template's braces."""
    sample = {
        "kr": 1_234_50,
        "int": 2,
        "pct": 5_000,
        "date": "2025-03-07",
        "stage": "stage_1",
        "bytes": 2_500_000,
    }
    for code, texts in CATALOGUE.items():
        params: dict[str, object] = {}
        for lang in LANGUAGES:
            for _, name, spec, _ in string.Formatter().parse(texts[lang]):
                if name:
                    kind = (spec or "").partition(":")[0]
                    params.setdefault(name, sample.get(kind, 1 if kind == "plural" else "x"))
        for lang in LANGUAGES:
            text = Message(code, params).render(lang)
            assert "{" not in text and "}" not in text, (code, lang, text)


def test_a_push_answers_message_is_used_only_when_this_catalogue_can_say_it() -> None:
    known = {"message": {"code": "stage_unknown", "params": {"stage": "trin9"}}}
    assert answer_messages(known) == [Msg.STAGE_UNKNOWN(stage="trin9")]
    assert answer_messages({"message": {"code": "from_a_newer_server", "params": {}}}) == []
    assert answer_messages({"message": {"code": "too_few_companies", "params": {}}}) == []
    assert answer_messages({"error": "Tekst"}) == []
    assert messages.from_json("too_few_companies") is None


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
    assert type(move.as_json()["params"]["current"]) is str  # the plain value, not the enum
    [already] = missing_for(Stage.SCREENED, Stage.SCREENED, NetworkFacts())
    assert str(already) == "Netværket er allerede på »Screenet«."


def test_an_unknown_stage_is_refused_with_its_value() -> None:
    assert parse_stage("stage_2") == Stage.STAGE_2
    for value in ("trin1", None, 3):
        with pytest.raises(StageError) as err:
            parse_stage(value)
        assert err.value.messages == [Msg.STAGE_UNKNOWN(stage=str(value))]
    assert str(Msg.STAGE_UNKNOWN(stage="trin1")) == "Ukendt trin »trin1«."


def test_an_application_status_is_a_value_rendered_as_the_language_label() -> None:
    locked = Msg.APPLICATION_STATUS_LOCKED(status=ApplicationStatus.SUBMITTED)
    assert locked.as_json() == {"code": "application_status_locked", "params": {"status": "submitted"}}
    assert str(locked) == "Ansøgningen er indsendt og kan ikke ændres."
    assert locked.render("en") == "The application is submitted and cannot be changed."
    approved = Msg.APPLICATION_DECISION_NOT_SUBMITTED(status="approved")
    assert str(approved).endswith("denne er bevilget.")
    assert approved.render("en").endswith("this one is approved.")
    # A value from a newer version reads as it is; a language without labels, in Danish (every
    # vocabulary has English labels since issue 24).
    assert Msg.APPLICATION_STATUS_LOCKED(status="archived").render("en") == (
        "The application is archived and cannot be changed."
    )
    assert label("expense_category", "catering", "en") == "Catering"
    assert label("expense_category", "catering", "de") == "Forplejning"
    assert label("application_status", "draft", "en") == "Draft"


def test_a_clause_given_as_a_message_follows_the_sentence_language() -> None:
    import errno

    from mægler_app.domain.errors import os_reason

    reason = os_reason(PermissionError(errno.EACCES, "Permission denied"))
    unreadable = Msg.BLOB_FILE_UNREADABLE(name="kvittering.pdf", reason=reason)
    assert str(unreadable) == (
        "Filen kvittering.pdf kan ikke læses (adgang nægtet; vælg en anden mappe, eller bed om adgang "
        "til denne)."
    )
    assert unreadable.render("en").startswith("The file kvittering.pdf cannot be read (access denied;")
    assert unreadable.as_json()["params"]["reason"] == str(reason)
    too_large = Msg.BLOB_FILE_TOO_LARGE(name="foto.jpg", size=30 * 1024 * 1024, maximum=25 * 1024 * 1024)
    assert str(too_large).startswith("Filen foto.jpg fylder 30 MB; et bilag må højst fylde 25 MB.")
