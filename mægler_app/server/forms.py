"""Form definitions: validated minimally here (the forms package owns their meaning), versioned."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..domain.errors import os_reason
from ..domain.messages import Message, Msg, render_all
from ..domain.timeutil import utcnow
from ..forms import FormDefinitionError, parse_definition
from .db import Database
from .errors import OperatorError
from .jsonclean import clean_json
from .models import FormDefinition

BUNDLED = Path(__file__).resolve().parent.parent / "forms" / "definitions"


class FormError(OperatorError):
    def __init__(self, message: Message | str, *, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def validate_form(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise FormError(Msg.SERVER_FORM_NOT_AN_OBJECT(), status=422)
    problems: list[Message] = []
    if not isinstance(body.get("id"), str) or not body["id"].strip() or len(body["id"]) > 80:
        problems.append(Msg.SERVER_FORM_ID_INVALID(field="id"))
    version = body.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version < 2**31:
        problems.append(Msg.SERVER_FORM_VERSION_INVALID(field="version"))
    if not isinstance(body.get("title"), str):
        problems.append(Msg.SERVER_FORM_NOT_TEXT(field="title"))
    if not isinstance(body.get("sections"), list):
        problems.append(Msg.SERVER_FORM_NOT_A_LIST(field="sections"))
    if problems:
        raise FormError(Msg.SERVER_FORM_UNUSABLE(reason=render_all(problems)), status=422)
    try:
        clean_json(body)
    except ValueError as exc:
        raise FormError(Msg.SERVER_FORM_UNUSABLE(reason=str(exc)), status=422) from None
    try:
        # The laptops read it with the same engine: what it refuses would only be skipped there.
        parse_definition(body, source=f"{body['id']} version {body['version']}")
    except FormDefinitionError as exc:
        raise FormError(
            exc.message or str(exc), status=422
        ) from None  # its own words, as the laptop has them
    return body


def load_file(path: Path) -> dict[str, Any]:
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FormError(Msg.SERVER_FORM_FILE_UNREADABLE(path=str(path), reason=os_reason(exc))) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormError(Msg.SERVER_FORM_FILE_NOT_JSON(path=str(path), detail=str(exc))) from None
    return validate_form(body)


def publish(db: Database, body: dict[str, Any], *, note: str = "") -> tuple[str, int]:
    body = validate_form(body)
    try:
        _insert(db, body, note)
    except IntegrityError:
        # Someone published the same id and version a moment before.
        raise FormError(
            Msg.SERVER_FORM_EXISTS(form=body["id"], version=body["version"]), status=409
        ) from None
    return body["id"], body["version"]


def _insert(db: Database, body: dict[str, Any], note: str) -> None:
    with db.write() as s:
        latest = s.scalar(select(func.max(FormDefinition.version)).where(FormDefinition.id == body["id"]))
        if latest is not None and body["version"] <= latest:
            raise FormError(Msg.SERVER_FORM_VERSION_NOT_HIGHER(form=body["id"], latest=latest), status=409)
        s.add(
            FormDefinition(
                id=body["id"], version=body["version"], body=body, published_at=utcnow(), note=note
            )
        )


def publish_bundled(db: Database) -> list[str]:
    """Publish the definitions shipped with the app that the database does not have yet."""
    done: list[str] = []
    if not BUNDLED.is_dir():
        return done
    for path in sorted(BUNDLED.glob("*.json")):
        body = load_file(path)
        with db.session() as s:
            exists = s.get(FormDefinition, (body["id"], body["version"])) is not None
            latest = s.scalar(select(func.max(FormDefinition.version)).where(FormDefinition.id == body["id"]))
        if exists or (latest is not None and latest > body["version"]):
            continue
        publish(db, body, note=f"bundled:{path.name}")
        done.append(f"{body['id']} v{body['version']}")
    return done


def current_forms(db: Database) -> list[dict[str, Any]]:
    with db.session() as s:
        latest = (
            select(FormDefinition.id, func.max(FormDefinition.version).label("v"))
            .group_by(FormDefinition.id)
            .subquery()
        )
        rows = s.scalars(
            select(FormDefinition)
            .join(latest, (FormDefinition.id == latest.c.id) & (FormDefinition.version == latest.c.v))
            .order_by(FormDefinition.id)
        )
        return [_out(f) for f in rows]


def all_forms(db: Database) -> list[dict[str, Any]]:
    """Every published version of every form, by id and version (a laptop keeps the versions its
    screenings were filled in with)."""
    with db.session() as s:
        rows = s.scalars(select(FormDefinition).order_by(FormDefinition.id, FormDefinition.version))
        return [_out(f) for f in rows]


def listing_tag(db: Database, *, all_versions: bool) -> str:
    """An ETag for ``GET /forms``: a published version never changes, so the ids and versions
    listed say whether a client's copy of the listing is current (without reading the bodies)."""
    with db.session() as s:
        keys = sorted(s.execute(select(FormDefinition.id, FormDefinition.version)).tuples())
    if not all_versions:
        keys = sorted(dict(keys).items())  # sorted by version within an id: the newest is kept
    text = ("all:" if all_versions else "newest:") + ",".join(f"{fid}/{v}" for fid, v in keys)
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'


def _out(f: FormDefinition) -> dict[str, Any]:
    """One form as ``GET /forms`` lists it; ``published_at`` (v2, optional) is UTC ISO-8601."""
    return {"id": f.id, "version": f.version, "body": f.body, "published_at": f.published_at.isoformat()}
