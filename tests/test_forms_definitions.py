"""Definition files: an invalid one is refused with the file and the fault named; versions side by side."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from mægler_app.forms import (
    FormDefinitionError,
    FormRegistry,
    bundled_registry,
    load_definition_file,
    parse_definition,
)
from mægler_app.forms.registry import BUNDLED_DIR

from .test_forms_engine import small_definition


def write(tmp_path: Path, name: str, body: Any) -> Path:
    path = tmp_path / name
    path.write_text(body if isinstance(body, str) else json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return path


def broken(change) -> dict[str, Any]:
    data = copy.deepcopy(small_definition())
    change(data)
    return data


def q(data: dict[str, Any], sid: str, qid: str) -> dict[str, Any]:
    sec = next(s for s in data["sections"] if s["id"] == sid)
    return next(x for x in sec["questions"] if x["id"] == qid)


CASES = [
    ("not json", "{ id: ", "ikke gyldig JSON (linje 1"),
    ("no id", broken(lambda d: d.pop("id")), "feltet »id« mangler"),
    ("bad version", broken(lambda d: d.update(version="2")), "»version« skal være et helt tal"),
    ("no sections", broken(lambda d: d.update(sections=[])), "mindst én sektion"),
    (
        "unknown kind",
        broken(lambda d: q(d, "a", "count").update(kind="slider")),
        "ukendt spørgsmålstype »slider«",
    ),
    ("duplicate id", broken(lambda d: q(d, "a", "budget").update(id="count")), "»count«"),
    ("bad condition", broken(lambda d: q(d, "a", "why").update(relevant_if="kind = 'x'")), "relevant_if"),
    ("unknown name", broken(lambda d: q(d, "a", "why").update(relevant_if="colour == 'x'")), "»colour«"),
    (
        "member outside repeat",
        broken(lambda d: q(d, "a", "why").update(relevant_if="member.employees > 1")),
        "kun bruges pr. virksomhed",
    ),
    (
        "repeat answer at top",
        broken(lambda d: q(d, "a", "why").update(relevant_if="emp > 1")),
        "brug count(pr",
    ),
    (
        "bad rule name",
        broken(lambda d: q(d, "a", "count").update(constraints=[{"range": {"max": "rules.NOPE"}}])),
        "rules.NOPE",
    ),
    (
        "min over max",
        broken(lambda d: q(d, "a", "count").update(constraints=[{"range": {"min": 9, "max": 2}}])),
        "større end »max«",
    ),
    (
        "bad regex",
        broken(lambda d: q(d, "a", "postcode").update(constraints=[{"pattern": "(\\d"}])),
        "ikke et gyldigt regulært udtryk",
    ),
    (
        "range on text",
        broken(lambda d: q(d, "a", "postcode").update(constraints=[{"range": {"min": 1}}])),
        "kun bruges på tal",
    ),
    ("options missing", broken(lambda d: q(d, "a", "kind").pop("options_from")), "»options«"),
    ("unknown option list", broken(lambda d: q(d, "a", "kind").update(options_from="COLOURS")), "»COLOURS«"),
    (
        "unknown prefill",
        broken(lambda d: q(d, "a", "count").update(prefill="network.secret")),
        "ukendt »prefill«",
    ),
    (
        "min_yes too many",
        broken(lambda d: d["sections"][1]["constraints"][0].update(min_yes=4)),
        "kræver 4 ja",
    ),
    ("bad effect", broken(lambda d: d["verdict"]["rules"][0].update(effect="maybe")), "»effect«"),
    (
        "bad reason hole",
        broken(lambda d: d["verdict"]["rules"][0].update(reason="{oops(1)}")),
        "Ukendt funktion »oops«",
    ),
    ("unknown repeat", broken(lambda d: d["sections"][2].update(repeat="contacts")), "»repeat«"),
    ("section not object", broken(lambda d: d["sections"].append("x")), "sektion 4"),
]


@pytest.mark.parametrize(("case", "body", "fault"), CASES, ids=[c[0] for c in CASES])
def test_invalid_definition_file_names_file_and_fault(
    tmp_path: Path, case: str, body: Any, fault: str
) -> None:
    path = write(tmp_path, "skema_fejl.json", body)
    with pytest.raises(FormDefinitionError) as info:
        load_definition_file(path)
    message = str(info.value)
    assert "skema_fejl.json" in message
    assert fault in message


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(FormDefinitionError, match="»mangler.json« kan ikke læses"):
        load_definition_file(tmp_path / "mangler.json")
    path = tmp_path / "latin1.json"
    path.write_bytes('{"title": "Økonomi"}'.encode("latin-1"))
    with pytest.raises(FormDefinitionError, match="ikke gemt som UTF-8"):
        load_definition_file(path)


def test_parse_definition_without_a_file_names_the_form() -> None:
    with pytest.raises(FormDefinitionError, match="»proeve«"):
        parse_definition(broken(lambda d: d.update(version=0)))
    with pytest.raises(FormDefinitionError, match="objekt"):
        parse_definition(["not", "a", "form"])


def test_registry_picks_the_highest_version_and_keeps_older_ones(tmp_path: Path) -> None:
    v1 = small_definition()
    v2 = copy.deepcopy(v1)
    v2["version"] = 2
    v2["title"] = "Prøveskema, skærpet"
    write(tmp_path, "proeve_v1.json", v1)
    write(tmp_path, "proeve_v2.json", v2)
    write(tmp_path, "odelagt.json", "{")
    reg = FormRegistry()
    errors = reg.load_dir(tmp_path)
    assert len(errors) == 1 and "odelagt.json" in str(errors[0])
    assert reg.versions("proeve") == [1, 2]
    assert reg.latest("proeve").title == "Prøveskema, skærpet"
    assert reg.get("proeve", 1).title == "Prøveskema"
    with pytest.raises(FormDefinitionError, match="version 7 findes ikke"):
        reg.get("proeve", 7)


def test_same_version_with_other_content_is_refused() -> None:
    reg = FormRegistry([parse_definition(small_definition())])
    changed = small_definition()
    changed["title"] = "Andet indhold"
    with pytest.raises(FormDefinitionError, match="højere versionsnummer"):
        reg.add(parse_definition(changed))
    reg.add(parse_definition(small_definition()))  # the same again is harmless


def test_every_bundled_definition_loads() -> None:
    files = sorted(BUNDLED_DIR.glob("*.json"))
    assert files, "no bundled definitions"
    for path in files:
        defn = load_definition_file(path)
        assert path.stem == f"{defn.id}_v{defn.version}"
    assert bundled_registry().latest("screening").version >= 1
