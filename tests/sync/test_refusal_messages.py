"""A refusal's text on the laptop: from the laptop's own catalogue when the push answer carries the
message's code and parameters (protocol version 2), else the server's Danish ``error`` as it is."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.store.models import Company, OutboxEntry
from mægler_app.sync.api import Api
from mægler_app.sync.engine import SyncEngine

from .conftest import run_to_end
from .fakeserver import FakeServer

USER = {"id": "u1", "username": "anna", "role": "broker"}
SERVER_TEXT = "Tekst fra en anden udgave af serveren."


def _sync_with_answer(store: Any, extra: dict[str, Any]) -> str:
    """Push one company to a server that refuses it with ``extra`` beside its text; the reason kept."""

    def push(body: Any) -> tuple[int, dict[str, Any]]:
        results = [
            {
                "change_id": c["change_id"],
                "status": "rejected",
                "version": None,
                "error": SERVER_TEXT,
                "server": None,
                **extra,
            }  # fmt: skip
            for c in body["changes"]
        ]
        return 200, {"results": results}

    fake = FakeServer(
        {
            "GET /api/v1/me": lambda _b: (200, {"user": USER}),
            "POST /api/v1/sync/push": push,
            "GET /api/v1/sync/pull": lambda _b: (200, {"changes": [], "next_since": 0, "has_more": False}),
        }
    )
    try:
        with store.session() as s:
            s.add(Company(cvr=make_valid_cvr(700_001), name="Firma"))
        run_to_end(SyncEngine(store, Api(fake.url, "t")).run())
    finally:
        fake.close()
    with store.session() as s:
        (entry,) = s.scalars(select(OutboxEntry)).all()
        return str(entry.last_error)


def test_a_known_message_is_rendered_from_the_laptops_catalogue(store: Any) -> None:
    message = {"code": "cvr_bad_checksum", "params": {"text": "12345678"}}
    assert _sync_with_answer(store, {"message": message}) == (
        "»12345678« er ikke et gyldigt CVR-nummer: kontrolcifferet passer ikke."
    )


def test_several_messages_are_rendered_in_order(store: Any) -> None:
    messages = [
        {"code": "too_few_companies", "params": {"count": 1, "minimum": 3}},
        {"code": "stage_screening_not_passed", "params": {}},
    ]
    assert _sync_with_answer(store, {"message": messages[0], "messages": messages}) == (
        "Netværket har 1 uafhængig virksomhed; der skal være mindst 3. Netværket skal have bestået screeningen."
    )


@pytest.mark.parametrize(
    "extra",
    [
        {},  # an older server: no message
        {"message": {"code": "a_code_of_a_newer_server", "params": {}}},
        {"message": {"code": "too_few_companies", "params": {"antal": 1}}},  # other parameters
        {"message": "too_few_companies"},  # not a message
    ],
)
def test_otherwise_the_servers_text_is_kept(store: Any, extra: dict[str, Any]) -> None:
    assert _sync_with_answer(store, extra) == SERVER_TEXT
