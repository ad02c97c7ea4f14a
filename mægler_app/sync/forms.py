"""Form definitions published by Væksthus reach this computer at sync (an optional step).

The server lists every published version (``GET /forms?all=true``; an older server lists only the
newest of each form). A version this computer does not have is checked with the forms engine and
kept as a JSON file in the profile's ``skemaer`` folder, where ``registry_for`` finds it: a new
screening takes the newest version, a started or final one keeps the version it was made with.

A definition this computer cannot use (the engine refuses it, or it differs from the version of the
same number already here) is *parked*: skipped with its reason, listed on the sync page, and looked
at again at every sync. A failure here never fails the sync: push and pull are done by then.

The listing's ETag is kept; the next sync sends it (``If-None-Match``) and a server with nothing
new answers 304 without the bodies. Not while a definition is parked: an updated Mægler may read it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.messages import Message, Msg, from_json
from ..forms import FormDefinitionError, FormRegistry, parse_definition
from ..store.db import Store
from ..store.services.overview import get_state, get_states, set_state
from ..store.services.screening import PROFILE_FORMS_DIR, registry_for
from .api import Api, RefusedError, SyncError

# LocalState key: {"<id>/<version>": {"id", "version", "title", "reason": Message JSON}}
PARKED_FORMS_KEY = "forms_parked"
# LocalState key: the ETag of the listing last taken in whole (GET /forms, If-None-Match)
FORMS_ETAG_KEY = "forms_etag"


@dataclass
class FormsResult:
    added: list[str]  # "screening v2"
    parked: int
    messages: list[str]


@dataclass(frozen=True)
class ParkedForm:
    tag: str
    form_id: str
    version: int
    title: str
    reason: str


def fetch_forms(
    store: Store, api: Api, *, listing_etag: str | None = None, kept: tuple[object, object] | None = None
) -> FormsResult:
    """Fetch the published definitions this computer lacks; never raises a SyncError.

    ``listing_etag`` (--- field): the listing's ETag as the pull page said it (``forms_etag``); the
    same as the one kept here means nothing new, and no request is made. ``kept``: the parked
    forms' and the ETag's states as the caller has just read them (only this function writes them)."""
    result = FormsResult([], 0, [])
    parked_value, etag_value = (
        kept if kept is not None else get_states(store, PARKED_FORMS_KEY, FORMS_ETAG_KEY)
    )
    already = _parked_of(parked_value)
    # Unchanged since the last sync: nothing to fetch. Not while some are parked: an updated
    # Mægler may read them now.
    etag = "" if already else str(etag_value or "")
    if etag and listing_etag == etag:
        return result
    try:
        listed, new_etag = api.forms_if_changed(etag)
    except RefusedError as exc:
        if exc.status != 404:  # 404: a server without form definitions; nothing to fetch
            result.messages.append(str(Msg.FORMS_NOT_FETCHED(reason=exc.detail)))
        result.parked = len(already)
        return result
    except SyncError as exc:
        result.messages.append(str(Msg.FORMS_NOT_FETCHED(reason=str(exc))))
        result.parked = len(already)
        return result
    if listed is None:
        return result
    registry = registry_for(store)
    folder = Path(store.profile) / PROFILE_FORMS_DIR
    parked: dict[str, dict[str, Any]] = {}
    for entry in listed:
        outcome = _take(entry, registry, folder)
        if isinstance(outcome, str):
            result.added.append(outcome)
        elif outcome is not None:
            tag, value = outcome
            parked[tag] = value
    # What this listing could not use, and only that: a version fixed or withdrawn is no longer shown.
    if parked or already:
        set_state(store, PARKED_FORMS_KEY, parked)
    if new_etag and new_etag != etag:
        set_state(store, FORMS_ETAG_KEY, new_etag)
    result.parked = len(parked)
    if result.added:
        result.messages.append(str(Msg.FORMS_FETCHED(names=", ".join(result.added))))
    if parked:
        result.messages.append(str(Msg.FORMS_NOT_USED(n=len(parked))))
    return result


def _take(
    entry: Mapping[str, Any], registry: FormRegistry, folder: Path
) -> str | tuple[str, dict[str, Any]] | None:
    """Store one listed definition: its name if it is new here, (tag, parked entry) if it cannot
    be used, None if this computer has it already."""
    form_id, version, body = entry.get("id"), entry.get("version"), entry.get("body")
    tag = f"{form_id}/{version}"
    title = str(body.get("title") or "") if isinstance(body, dict) else ""

    def park(reason: Message) -> tuple[str, dict[str, Any]]:
        return tag, {"id": str(form_id), "version": version, "title": title, "reason": reason.as_json()}

    if not isinstance(form_id, str) or type(version) is not int:
        return park(Msg.FORM_MALFORMED(field="id" if not isinstance(form_id, str) else "version"))
    if not isinstance(body, dict):
        return park(Msg.FORM_MALFORMED(field="body"))
    if body.get("id") != form_id or body.get("version") != version:
        return park(Msg.FORM_MALFORMED(field="id" if body.get("id") != form_id else "version"))
    if (form_id, version) in {d.key for d in registry.all()}:
        if dict(registry.get(form_id, version).body) == body:
            return None
        return park(Msg.FORM_OTHER_BODY(form=title or form_id, version=version))
    try:
        definition = parse_definition(body, source=f"{form_id} version {version}")
        registry.add(definition)
    except FormDefinitionError as exc:
        return park(Msg.FORM_NOT_USABLE(form=title or form_id, version=version, reason=str(exc)))
    _write(folder / f"{definition.id}_v{definition.version}.json", body)
    return f"{title or form_id} v{version}"


def _write(path: Path, body: Mapping[str, Any]) -> None:
    """Write the file whole or not at all (a half-written definition would be skipped as bad)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(body, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def _parked(store: Store) -> dict[str, dict[str, Any]]:
    return _parked_of(get_state(store, PARKED_FORMS_KEY))


def _parked_of(value: object) -> dict[str, dict[str, Any]]:
    return {k: v for k, v in value.items() if isinstance(v, dict)} if isinstance(value, dict) else {}


def list_parked_forms(store: Store) -> list[ParkedForm]:
    """Definitions from Væksthus this computer could not use, with the reason in Danish."""
    out = []
    for tag, entry in sorted(_parked(store).items()):
        reason = from_json(entry.get("reason"))
        version = entry.get("version")
        out.append(
            ParkedForm(
                tag,
                str(entry.get("id", "")),
                version if type(version) is int else 0,
                str(entry.get("title") or entry.get("id") or ""),
                str(reason) if reason is not None else "",
            )
        )
    return out
