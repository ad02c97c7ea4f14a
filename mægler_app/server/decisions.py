"""A caseworker's decision on a submitted application: a server change the broker pulls."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.messages import Message, Msg, render_all
from ..domain.record_rules import decision_problems
from ..domain.retention import KEEP_UNTIL, keep_until_text  # --- retention
from ..domain.rules import BROKER_BONUS_ORE
from ..domain.stages import Stage, with_move
from ..domain.timeutil import utcnow
from ..domain.vocab import ApplicationStatus, ChangeKind, Decision, Role
from .changelog import note, write_one
from .db import Database, allocate_seqs
from .history import note_stage_move
from .models import Record, User
from .push import SERVER_CLIENT
from .retention import load_settings as load_retention_settings  # --- retention


class DecisionError(Exception):
    """A decision refused: its message and the HTTP status to answer it with. Not a ValueError, which
    the route reads as an application id the database cannot hold."""

    def __init__(self, status: int, message: Message, *more: Message) -> None:
        self.messages = [message, *more]
        super().__init__(render_all(self.messages))
        self.status = status


def _server_update(rec: Record, changes: dict[str, Any], seq: int, now: dt.datetime) -> None:
    version = rec.version + 1
    markers = dict(rec.field_versions)
    for key in changes:
        markers[key] = [version, SERVER_CLIENT]
    rec.data = {**rec.data, **changes}
    rec.field_versions = markers
    rec.version = version
    rec.seq = seq
    rec.updated_at = now


def _owner_of(db: Database, application_id: str) -> str | None:
    with db.session() as s:
        return s.scalar(
            select(Record.owner_id).where(Record.entity == "application", Record.id == application_id)
        )


def decide(db: Database, user: User, application_id: str, decision: str, comment: str) -> Record:
    if user.role != Role.CASEWORKER:
        raise DecisionError(403, Msg.DECISION_CASEWORKERS_ONLY())
    problems = decision_problems(decision, comment)
    if problems:
        raise DecisionError(422, *problems)
    owner_id = _owner_of(db, application_id)
    if owner_id is None:
        raise DecisionError(404, Msg.APPLICATION_NOT_FOUND())
    # The broker's lock: the decision and that broker's pushes apply one after the other.
    with db.write(owner_id) as s:
        return _decide_locked(s, user, application_id, decision, comment)


def _decide_locked(s: Session, user: User, application_id: str, decision: str, comment: str) -> Record:
    app = s.get(Record, ("application", application_id))
    if app is None or app.deleted:
        raise DecisionError(404, Msg.APPLICATION_NOT_FOUND())
    status = app.data.get("status", ApplicationStatus.DRAFT)
    if status != ApplicationStatus.SUBMITTED:
        raise DecisionError(409, Msg.APPLICATION_DECISION_NOT_SUBMITTED(status=status))
    now = utcnow()
    approved = decision == Decision.APPROVED
    network = None
    network_id = app.data.get("network_id")
    if isinstance(network_id, str):
        network = s.get(Record, ("network", network_id))
        if network is None or network.owner_id != app.owner_id or network.deleted:
            network = None
    first = allocate_seqs(s, 2 if network is not None else 1)
    changes: dict[str, Any] = {
        "status": decision,
        "decision": decision,
        "decision_comment": comment,
        "decided_at": now.isoformat(),
        "bonus_ore": BROKER_BONUS_ORE if approved else 0,
    }
    # --- retention: an approved bonus is a posting too; the later of the two dates
    changes[KEEP_UNTIL] = keep_until_text("application", {**app.data, **changes}, load_retention_settings(s))
    _server_update(app, changes, first, now)
    if network is not None:
        stage = Stage.STAGE_2 if approved else Stage.STAGE_1
        before = network.data.get("stage")
        history = with_move(network.data.get("stage_history"), stage, now)
        _server_update(
            network,
            {"stage": str(stage), "stage_changed_at": now.isoformat(), "stage_history": history},
            first + 1,
            now,
        )
        note_stage_move(s, network, before, now, SERVER_CLIENT)
        write_one(s, note("network", network.id, network.id, network.version, ChangeKind.DECIDED,
                          ["stage", "stage_changed_at", "stage_history"], network.data), user.id, now)  # fmt: skip
    write_one(s, note("application", app.id, app.data.get("network_id"), app.version, ChangeKind.DECIDED,
                      ["status", "decision", "decision_comment", "decided_at", "bonus_ore"], app.data), user.id, now)  # fmt: skip
    s.flush()
    s.expunge(app)
    return app
