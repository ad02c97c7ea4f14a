"""Fewer round trips (issue 25 item 4; docs/protocol.md "One request per sync", v2, optional).

- ``GET /sync/pull?…&with=me,forms``: the page also carries ``me`` (what ``GET /me`` answers) and
  ``forms_etag`` (the ETag of ``GET /forms?all=true``), so a sync with nothing to send is one request.
- a push with ``short_answers: true`` gets its results without the change ids it sent (one result
  per change, in order, as always) and without null fields.
- a push whose body has ``pull: {since, limit, skip, with, not_held}`` is answered with its results
  and the first pull page after it (``pull``), read once the push is stored. That page leaves out the
  records this push put at exactly the version the laptop now holds (applied straight on its
  ``base_version``, which is the laptop's version of the record unless its change id is in
  ``not_held``), as the laptop's own ``skip`` would next time.

An older server ignores both (the unknown query parameter and body field): the laptop then asks
``/me``, ``/sync/pull`` and ``/forms`` as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..domain.sync_contract import CASEWORKER_ENTITIES, RETENTION_KEY, PushStatus, parse_skip, seq_ranges
from . import forms
from .db import Database
from .models import User
from .pull import pull
from .retention import read_settings
from .schemas import MAX_INT, PushRequest

WITH_ME = "me"
WITH_FORMS = "forms"


def user_out(user: User) -> dict[str, str]:
    return {
        "id": user.id,
        "username": user.username,
        "role": user.role,
        "display_name": user.display_name or "",
    }


def extras(db: Database, user: User, wanted: Iterable[str]) -> dict[str, Any]:
    """What a pull page carries besides its changes when the client asks (``with``)."""
    wanted = set(wanted)
    out: dict[str, Any] = {}
    if WITH_ME in wanted:
        out["me"] = {"user": user_out(user), RETENTION_KEY: read_settings(db).as_json()}
    if WITH_FORMS in wanted:
        out["forms_etag"] = forms.listing_tag(db, all_versions=True)
    return out


def parse_with(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def own_seqs(body: PushRequest, results: list[dict[str, Any]], not_held: set[str]) -> list[int]:
    """The seqs of records this push left at the version the laptop holds once it stores the answer."""
    out = []
    for change, result in zip(body.changes, results, strict=False):
        seq, version = result.get("seq"), result.get("version")
        if (
            result.get("status") == PushStatus.APPLIED
            and isinstance(seq, int)
            and isinstance(version, int)
            and version == change.base_version + 1
            and change.change_id not in not_held
            and change.entity not in CASEWORKER_ENTITIES
        ):
            out.append(seq)
    return out


def shorten(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Results as a push with ``short_answers`` gets them: in the order of its changes, without
    the change id the laptop sent and without the fields that are null."""
    return [{k: v for k, v in r.items() if k != "change_id" and v is not None} for r in results]


def pull_along(
    db: Database, user: User, body: PushRequest, results: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The first pull page after this push, or None when the push did not ask for one."""
    ask = body.pull
    if ask is None:
        return None
    ranges = parse_skip(ask.skip, MAX_INT) or []
    ranges += seq_ranges(own_seqs(body, results, set(ask.not_held)))
    page = pull(db, user, ask.since, ask.limit, ranges)
    page.update(extras(db, user, ask.with_))
    return page
