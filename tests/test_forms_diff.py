"""What changed between the published form and a new one, in sentences (forms/diff.py)."""

from __future__ import annotations

import copy
import json
from typing import Any

from mægler_app.forms import parse_definition
from mægler_app.forms.diff import diff_definitions
from mægler_app.forms.registry import BUNDLED_DIR


def v1_body() -> dict[str, Any]:
    return dict(json.loads((BUNDLED_DIR / "screening_v1.json").read_text(encoding="utf-8")))


def texts(old: dict[str, Any] | None, new: dict[str, Any]) -> list[str]:
    published = parse_definition(old) if old is not None else None
    return [str(m) for m in diff_definitions(published, parse_definition(new))]


def section(body: dict[str, Any], sid: str) -> dict[str, Any]:
    return next(s for s in body["sections"] if s["id"] == sid)


def question(body: dict[str, Any], qid: str) -> dict[str, Any]:
    return next(q for s in body["sections"] for q in s["questions"] if q["id"] == qid)


def test_the_same_questions_say_so_and_a_new_form_counts_its_questions() -> None:
    v2 = {**v1_body(), "version": 2}
    assert texts(v1_body(), v2) == ["Spørgsmålene og reglerne er de samme som i den udgivne version 1."]
    assert texts(None, v1_body()) == [
        "Skemaet »Screening af netværk (tjek-/analyseskema)« er ikke udgivet før: alle 33 spørgsmål er nye."
    ]


def test_every_kind_of_change_is_one_readable_sentence() -> None:
    v2 = copy.deepcopy(v1_body())
    v2["version"] = 2
    section(v2, "netvaerk")["questions"].append(
        {"id": "advisory_board", "kind": "text", "label": "Har følgegruppen set netværket?"}
    )
    section(v2, "vurdering")["questions"] = [
        q for q in section(v2, "vurdering")["questions"] if q["id"] != "next_steps"
    ]
    question(v2, "long_term")["label"] = "Er samarbejdet tænkt langsigtet (mindst 3 år)?"
    question(v2, "member_goals")["required"] = True
    question(v2, "trust")["options"].append({"value": "very_high", "label": "Meget høj"})
    question(v2, "knowledge_openness")["help"] = "Ny vejledning."
    question(v2, "knowledge_openness")["relevant_if"] = 'business_relations == "yes"'
    question(v2, "independent_companies")["constraints"] = [{"range": {"min": 3}}]
    question(v2, "potential_description")["kind"] = "yes_partly_no"
    section(v2, "risici")["title"] = "Risici og håndtering"
    trust = question(v2, "trust")
    section(v2, "dannelse")["questions"].remove(trust)
    section(v2, "risici")["questions"].append(trust)
    v2["sections"].append(
        {
            "id": "opfoelgning",
            "title": "Opfølgning",
            "questions": [{"id": "follow_up", "kind": "date", "label": "Næste opfølgning"}],
        }
    )
    v2["verdict"]["rules"] = [r for r in v2["verdict"]["rules"] if r["id"] != "low_trust"]
    got = texts(v1_body(), v2)
    label_long = "Er samarbejdet tænkt langsigtet (mindst 3 år)?"
    assert "Ny sektion »Opfølgning« med 1 spørgsmål." in got
    assert "Sektionen »Risici« hedder nu »Risici og håndtering«." in got
    assert "Nyt spørgsmål i »Netværkets sammensætning«: »Har følgegruppen set netværket?«." in got
    assert any(
        t.startswith("Spørgsmålet »") and "er fjernet fra »Mæglerens samlede vurdering«" in t for t in got
    )
    assert any(t.endswith(f"lyder nu »{label_long}«.") for t in got)
    assert any("skal nu besvares" in t for t in got)
    assert any("har andre valgmuligheder (nye: Meget høj; fjernet: –)" in t for t in got)
    assert any("har en ny hjælpetekst" in t for t in got)
    assert any('vises nu på en anden betingelse (business_relations == "yes")' in t for t in got)
    assert any("har andre grænser for, hvad der kan svares" in t for t in got)
    assert any("besvares nu som ja/delvist/nej (før tekst)" in t for t in got)
    assert any("er flyttet fra »Netværksdannelse og tillid« til »Risici og håndtering«" in t for t in got)
    assert any(t.startswith("Reglen for afgørelsen »") and t.endswith("er fjernet.") for t in got)
    assert not any("{" in t for t in got)  # every parameter filled in
