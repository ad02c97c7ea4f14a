"""Erasing a contact person everywhere the server keeps them (GDPR art. 17, issue 21 item 1).

One operation for the caseworker's button (``POST /contacts/{id}/erase``) and for
``maegler-server erase-contact ID``; a broker's "Anonymisér" reaches the same scrubbing through
its push (server/push.py). What it does, in one write transaction under the broker's lock:

- the record gets the erased values of ``domain/erasure.py`` (its personal fields, and the mark
  ``anonymized``), a new version and sequence number, so every laptop pulls it and follows;
  a tombstone too (tombstones carry no personal data at all);
- every stored push answer about the record (``applied_change.record_id``; a conflict answer
  carries the server's copy) loses the person;
- the history (``record_change``) keeps no values of contacts (``changelog.SHOWN_FIELDS``), so
  there is nothing to reach into; the erasure adds a row naming the fields, not their values.

After the commit the freed space is cleaned: SQLite runs with ``secure_delete`` (freed content is
zeroed, db.py) and the write-ahead log is checkpointed and truncated; PostgreSQL runs VACUUM on
the tables the erasure rewrote, so the dead row versions are pruned (the command line: VACUUM
FULL, which rewrites them into new files).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from .. import fastjson
from ..domain.erasure import erased_values, personal_values, scrub_answer
from ..domain.timeutil import utcnow
from ..domain.vocab import ChangeKind
from .changelog import note, write_one
from .db import Database, allocate_seqs
from .models import Record

log = logging.getLogger("maegler.server")
ENTITY = "contact"
TOUCHED_TABLES = ("record", "applied_change")


class ErasureNotFoundError(LookupError):
    """No contact with that id."""


@dataclass(frozen=True)
class Erasure:
    contact_id: str
    version: int
    seq: int
    answers: int  # stored push answers rewritten
    data: dict[str, Any]


def erase_contact(db: Database, contact_id: str, user_id: str, *, full: bool = False) -> Erasure:
    """Erase the contact ``contact_id`` (``user_id``: who, for the history; "server" from the
    command line). Erasing an erased contact again is allowed and scrubs once more. ``full`` (the
    command line): on PostgreSQL the touched tables are rewritten (VACUUM FULL), see
    ``clean_freed_space``."""
    with db.session() as s:
        owner_id = s.scalar(
            text("SELECT owner_id FROM record WHERE entity = :e AND id = :i"), {"e": ENTITY, "i": contact_id}
        )
    if owner_id is None:
        raise ErasureNotFoundError(contact_id)
    with db.write(owner_id) as s:
        rec = s.get(Record, (ENTITY, contact_id))
        if rec is None:
            raise ErasureNotFoundError(contact_id)
        texts = personal_values(ENTITY, rec.data)
        changes = {k: v for k, v in erased_values(ENTITY).items() if rec.data.get(k, object()) != v}
        now = utcnow()
        if changes:
            from .push import SERVER_CLIENT

            version = rec.version + 1
            markers = dict(rec.field_versions)
            for key in changes:
                markers[key] = [version, SERVER_CLIENT]
            rec.data = {**rec.data, **changes}
            rec.field_versions = markers
            rec.version = version
            rec.seq = allocate_seqs(s, 1)
            rec.updated_at = now
            write_one(s, note(ENTITY, rec.id, None, version, ChangeKind.CHANGED, sorted(changes), rec.data), user_id, now)  # fmt: skip
        s.flush()
        answers = scrub_stored_answers(s.connection(), owner_id, {contact_id: texts})
        result = Erasure(contact_id, rec.version, rec.seq, answers, dict(rec.data))
    clean_freed_space(db, full=full)
    log.info("kontaktperson %s slettet (GDPR art. 17); %d gemte svar renset", contact_id, answers)
    return result


def scrub_stored_answers(conn: Connection, owner_id: str, people: dict[str, Iterable[str]]) -> int:
    """Rewrite the stored push answers of ``owner_id`` about these contacts (id → the person's
    texts), found by ``applied_change.record_id`` (indexed: a broker's push that deletes a contact
    runs this inside its transaction). Answers stored before s0008 were scrubbed or given their
    record by the migration."""
    if not people:
        return 0
    ids = list(people)
    all_texts = sorted({t for texts in people.values() for t in texts})
    params: dict[str, Any] = {f"id{n}": rid for n, rid in enumerate(ids)}
    params["owner"] = owner_id
    marks = ", ".join(f":id{n}" for n in range(len(ids)))
    rows = conn.execute(
        text(
            "SELECT change_id, record_id, CAST(result AS TEXT) FROM applied_change "
            f"WHERE record_id IN ({marks}) AND user_id = :owner"
        ),
        params,
    ).all()
    rewritten = 0
    for change_id, record_id, stored in rows:
        answer = fastjson.loads(stored)
        if not isinstance(answer, dict):
            continue
        new = scrub_answer(ENTITY, answer, all_texts, same_record=record_id in people)
        if new != answer:
            conn.execute(
                text(
                    "UPDATE applied_change SET result = "
                    + ("CAST(:r AS json)" if conn.dialect.name == "postgresql" else ":r")
                    + " WHERE change_id = :c"
                ),
                {"r": fastjson.dumps_str(new), "c": change_id},
            )
            rewritten += 1
    return rewritten


def clean_freed_space(db: Database, *, full: bool = False) -> None:
    """After an erasure's commit: SQLite's log checkpointed and truncated (its pages were zeroed
    as they were freed, ``secure_delete``); PostgreSQL's touched tables vacuumed.

    A plain VACUUM (the caseworker's button: it takes no lock that stops the brokers' syncs)
    prunes the dead row versions but does not zero the space they took, so their bytes can stay
    in a page until it is reused (measured: the name was still in ``record``'s heap file after
    it). ``full`` (``maegler-server erase-contact``) rewrites the tables into new files
    (VACUUM FULL; it holds an exclusive lock on them while it runs), after which the heap files
    hold no trace of the person."""
    try:
        if db.is_sqlite:
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            return
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in TOUCHED_TABLES:
                conn.exec_driver_sql(f"VACUUM {'FULL ' if full else ''}{table}")
    except DBAPIError as exc:  # busy: the next checkpoint or autovacuum does it
        log.warning("oprydning efter sletning mislykkedes: %s", exc.orig)
