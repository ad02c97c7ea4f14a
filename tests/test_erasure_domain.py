"""The one rule of which fields are personal and what they hold once erased (domain/erasure.py)."""

from __future__ import annotations

from mægler_app.domain import erasure
from mægler_app.domain.erasure import ANONYMIZED_NAME
from mægler_app.domain.schema import ContactSchema
from mægler_app.store.models import Contact

PERSON = {"company_id": "c1", "name": "Jens Kragh", "role": "Direktør", "email": "jk@example.dk",
          "phone": "12345678", "consent_date": "2026-01-02", "anonymized": False}  # fmt: skip


def test_the_personal_fields_are_the_contacts_and_exist_on_both_sides() -> None:
    fields = erasure.personal_fields("contact")
    assert fields == {"name", "role", "email", "phone", "consent_date"}
    assert fields | {erasure.MARK} <= set(ContactSchema.model_fields)
    assert fields | {erasure.MARK} <= set(Contact.__table__.columns.keys())  # type: ignore[attr-defined]
    assert erasure.personal_fields("meeting") == frozenset() and not erasure.has_personal_data("company")


def test_scrubbed_record_and_change() -> None:
    record = erasure.scrubbed("contact", PERSON)
    assert record == {"company_id": "c1", "name": ANONYMIZED_NAME, "role": "", "email": "", "phone": "",
                      "consent_date": None, "anonymized": True}  # fmt: skip
    assert erasure.scrubbed("contact", {"email": "x@y.dk", "notes": "n"}, complete=False) == {
        "email": "",
        "notes": "n",
    }
    assert erasure.personal_values("contact", PERSON) == {
        "Jens Kragh",
        "Direktør",
        "jk@example.dk",
        "12345678",
        "2026-01-02",
    }
    assert erasure.must_be_erased("contact", True, PERSON) and erasure.must_be_erased(
        "contact", False, record
    )
    assert not erasure.must_be_erased("contact", False, PERSON) and not erasure.must_be_erased(
        "company", True, {}
    )


def test_an_erased_contact_never_gets_a_person_again() -> None:
    record = erasure.scrubbed("contact", PERSON)
    assert erasure.erased_change_problems("contact", PERSON, {"name": "Ny"}) == []  # not erased: allowed
    (problem,) = erasure.erased_change_problems("contact", record, {"name": "Jens"})
    assert problem.code == "contact_anonymized"
    assert erasure.erased_change_problems("contact", record, {"anonymized": False})
    assert erasure.erased_change_problems("contact", record, {"name": ANONYMIZED_NAME, "email": ""}) == []
    assert erasure.is_erased_payload("contact", {"name": ANONYMIZED_NAME, "company_id": "c1"})
    assert not erasure.is_erased_payload("contact", {"name": "Jens"})


def test_a_stored_answer_loses_the_person() -> None:
    answer = {
        "status": "conflict",
        "error": "Jens Kragh: jk@example.dk",
        "server": {"version": 2, "data": PERSON},
    }
    out = erasure.scrub_answer("contact", answer, {"Jens Kragh", "jk@example.dk"}, same_record=True)
    assert "Jens Kragh" not in str(out) and "jk@example.dk" not in str(out)
    assert out["server"]["data"]["anonymized"] is True and out["server"]["version"] == 2
