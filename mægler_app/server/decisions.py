"""A caseworker's decision on a submitted application: a server change the broker pulls."""

from __future__ import annotations

from typing import Any

from ..domain.rules import BROKER_BONUS_ORE
from ..domain.stages import Stage
from ..domain.timeutil import utcnow
from .db import Database, SeqAllocator
from .models import Record, User
from .push import SERVER_CLIENT


class DecisionError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _server_update(rec: Record, changes: dict[str, Any], seqs: SeqAllocator) -> None:
    version = rec.version + 1
    markers = dict(rec.field_versions)
    for key in changes:
        markers[key] = [version, SERVER_CLIENT]
    rec.data = {**rec.data, **changes}
    rec.field_versions = markers
    rec.version = version
    rec.seq = seqs.next()
    rec.updated_at = utcnow()


def decide(db: Database, user: User, application_id: str, decision: str, comment: str) -> Record:
    if user.role != "caseworker":
        raise DecisionError(403, "Kun Væksthus' sagsbehandlere kan træffe afgørelse om en ansøgning.")
    with db.write() as (s, seqs):
        app = s.get(Record, ("application", application_id))
        if app is None or app.deleted:
            raise DecisionError(404, "Ansøgningen findes ikke.")
        status = app.data.get("status", "draft")
        if status != "submitted":
            raise DecisionError(
                409, f"Der kan kun træffes afgørelse om en indsendt ansøgning; denne har status »{status}«."
            )
        now = utcnow()
        approved = decision == "approved"
        _server_update(
            app,
            {
                "status": decision,
                "decision": decision,
                "decision_comment": comment,
                "decided_at": now.isoformat(),
                "bonus_ore": BROKER_BONUS_ORE if approved else 0,
            },
            seqs,
        )
        network_id = app.data.get("network_id")
        if isinstance(network_id, str):
            network = s.get(Record, ("network", network_id))
            if network is not None and network.owner_id == app.owner_id and not network.deleted:
                stage = Stage.TRIN2 if approved else Stage.TRIN1
                _server_update(network, {"stage": str(stage), "stage_changed_at": now.isoformat()}, seqs)
        s.flush()
        s.expunge(app)
    return app
