"""Applying a push: idempotency, ownership, field-level merge, and the programme's rules again.

Each change is answered on its own (applied, duplicate, conflict or rejected) and the rest of
the batch goes on; changes apply in order inside one transaction, so a rule that counts (the
facilitation budget, a network's composition) sees the earlier changes of the same push.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeGuard, cast

from sqlalchemy import Table, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from .. import fastjson
from ..domain.application import all_problems, draft_problems
from ..domain.archive import Removal, network_is_active, removal_problems
from ..domain.cvr import CvrError, format_cvr, normalize_cvr
from ..domain.erasure import (  # --- erasure
    erased_change_problems,
    erased_values,
    has_personal_data,
    is_erased,
    is_erased_payload,
    must_be_erased,
    personal_values,
)
from ..domain.errors import DomainError
from ..domain.expenses import description_problem
from ..domain.facts import member_counts, network_facts, pushed_move_problems
from ..domain.follow_up import payload_problems
from ..domain.legacy_vocab import SCREENING_V1, translate_record
from ..domain.meetings import PayloadStep, next_step_problems
from ..domain.messages import Message, Msg, render_all
from ..domain.record_rules import (
    becomes_final_screening,
    cvr_twin,
    expense_receipt_problems,
    screening_frozen_problems,
    submission_stage_problems,
)
from ..domain.retention import (
    KEEP_UNTIL,
    RETAINED_ENTITIES,
    RetentionSettings,
    consent_on_create,
    keep_until_text,
    settings_from_json,
)  # --- retention
from ..domain.satisfaction import answer_problems as satisfaction_problems  # --- survey
from ..domain.satisfaction import edit_problems
from ..domain.schema import SCHEMAS, check_record
from ..domain.stages import STAGE_VALUES, NetworkFacts, Stage, StageError, parse_stage
from ..domain.sync_contract import (
    CASEWORKER_ENTITIES,
    ENTITIES,
    PURGED_KEY,  # --- retention
    SERVER_FIELDS,
    PushStatus,
)
from ..domain.timeutil import utcnow
from ..domain.validation import (
    BudgetCheck,
    check_amount,
    check_employees,
    check_hours,
    check_months,
    check_split,
)
from ..domain.vocab import ApplicationStatus, Role, SplitMode
from ..forms import FormDefinition, FormDefinitionError, bundled_registry, parse_definition
from ..forms.screening import final_screening_problems, screening_context
from .changelog import INSERT_NOTES_PG, ChangeNote, kind_of, note, notes_json, write_notes
from .db import allocate_seqs, driver_sql, pipelined, read_pipelined, write_with_seqs
from .erasure import scrub_stored_answers  # --- erasure
from .history import note_stage_move
from .models import Record, User
from .retention import SETTINGS_VALUE_PG  # --- retention
from .retention import load_settings as load_retention_settings
from .schemas import Change

# One message for "does not exist" and "belongs to someone else", so a rejection reveals nothing.
NOT_FOUND = Msg.PUSH_RECORD_NOT_FOUND()
META_KEYS = frozenset({"id", "version", "updated_at", "deleted", "owner_id", "seq", "created_at"})
FROZEN_STATUSES = frozenset(
    {ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED, ApplicationStatus.REJECTED}
)
DELETED_FIELD = "_deleted"  # a tombstone's flag takes part in the merge like a field
SERVER_CLIENT = "server"
# References whose name is not simply the entity they point to.
REFERENCE_ALIASES = {"previous_id": "application"}
# Far above any real amount, and small enough that every database sums it exactly.
MAX_AMOUNT_ORE = 10**15
# The records of a network that its facts are computed from (besides its members' companies).
FACT_ENTITIES = ("membership", "screening", "application")


def _normalized_cvr(data: dict[str, Any]) -> str | None:
    raw = data.get("cvr")
    if not isinstance(raw, str):
        return None
    try:
        return normalize_cvr(raw)
    except CvrError:
        return None


# Every pushed record is checked against its entity's schema (domain/schema.py) before the rules.
# MAEGLER_SERVER_VALIDATION=off turns that off, to measure what it costs (benchmarks/server_bench.py).
VALIDATE = os.environ.get("MAEGLER_SERVER_VALIDATION", "on") != "off"


@functools.lru_cache(maxsize=4096)  # asked for every field of every change; few distinct names
def ref_entity(key: str) -> str | None:
    if key in REFERENCE_ALIASES:
        return REFERENCE_ALIASES[key]
    if key.endswith("_id") and key[:-3] in ENTITIES:
        return key[:-3]
    return None


def _canonical(change: Change) -> dict[str, Any]:
    return {
        "entity": change.entity,
        "id": change.id,
        "base_version": change.base_version,
        "deleted": change.deleted,
        "data": change.data,
    }


def payload_hash(change: Change) -> str:
    return hashlib.sha256(fastjson.dumps(_canonical(change), sort_keys=True)).hexdigest()


def legacy_payload_hash(change: Change) -> str:
    """The hash as stored before orjson: a replay of such a change is still recognised."""
    canonical = json.dumps(_canonical(change), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def protocol_1_payload_hashes(change: Change) -> tuple[str, ...]:
    """The hashes of this change as a client sent it in protocol version 1's Danish values.

    A laptop that sent a change, lost the answer and was then updated sends the same change_id
    again, its values translated by the store's migration: still the same change. A screening
    change that does not say its form is taken as the screening form v1, the only one version 1
    shipped with.
    """
    data = translate_record(change.entity, change.data, form=SCREENING_V1, back=True)
    if data == change.data:
        return ()
    old = change.model_copy(update={"data": data})
    return payload_hash(old), legacy_payload_hash(old)


def result(change_id: str, status: str, *, version: int | None = None, error: str | None = None,
           server: dict[str, Any] | None = None, messages: list[Message] | None = None) -> dict[str, Any]:  # fmt: skip
    """One change's answer. A refusal by a rule also carries its ``message`` (code and parameters,
    docs/protocol.md, version 2) beside the Danish ``error``; ``messages`` when it has several."""
    answer: dict[str, Any] = {
        "change_id": change_id,
        "status": status,
        "version": version,
        "error": error,
        "server": server,
    }
    if messages:
        if error is None:
            answer["error"] = render_all(messages)
        answer["message"] = messages[0].as_json()
        if len(messages) > 1:
            answer["messages"] = [m.as_json() for m in messages]
    return answer


def server_copy(rec: Row) -> dict[str, Any]:
    return {"version": rec.version, "deleted": rec.deleted, "data": dict(rec.data)}


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


class RejectedError(DomainError):
    """A change the rules refuse: its reasons, as messages of the catalogue (or, still, a text).

    ``messages`` (what the answer's ``message`` carries) are there only when every reason is one.
    """

    def __init__(self, *reasons: Message | str) -> None:
        self.reasons = reasons
        coded = [r for r in reasons if isinstance(r, Message)]
        if coded and len(coded) == len(reasons):
            super().__init__(*coded)
        else:
            super().__init__(" ".join(str(r) for r in reasons))


# This push's answers to store: (change id, payload hash, answer).
Answers = list[tuple[str, str, dict[str, Any]]]


class _JsonSlot:
    """A dict attribute kept as the JSON text read from the database until it is first used."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}"

    def __get__(self, row: object, owner: type | None = None) -> dict[str, Any]:
        value = getattr(row, self.slot)
        if isinstance(value, str):
            value = fastjson.loads(value)
            setattr(row, self.slot, value)
        return cast(dict[str, Any], value)

    def __set__(self, row: object, value: dict[str, Any] | str) -> None:
        setattr(row, self.slot, value)


class Row:
    """A record as the push sees it: loaded with one query, written back in bulk at the end.

    ``data`` and ``field_versions`` arrive as the JSON text the database holds and are decoded on
    first use: most rows a push loads are parents, read only to see who owns them.
    """

    __slots__ = (
        "entity",
        "id",
        "owner_id",
        "version",
        "seq",
        "deleted",
        "network_id",
        "_data",
        "_field_versions",
        "new",
        "reader_id",
    )

    def __init__(
        self,
        entity: str,
        id: str,
        owner_id: str,
        version: int,
        seq: int,
        deleted: bool,
        network_id: str | None,
        data: dict[str, Any] | str,
        field_versions: dict[str, Any] | str,
        reader_id: str | None = None,
        new: bool = False,
    ) -> None:
        self.entity = entity
        self.id = id
        self.owner_id = owner_id
        self.version = version
        self.seq = seq
        self.deleted = bool(deleted)  # SQLite answers 0 or 1
        self.network_id = network_id
        self.data = data
        self.field_versions = field_versions
        self.new = new
        # --- followup: who besides the owner pulls it (a follow-up's network's broker)
        self.reader_id = reader_id

    data = _JsonSlot()
    # Per field: [the version that last changed it, the client that did].
    field_versions = _JsonSlot()

    def amount_ore(self) -> int | None:
        """An expense's amount for the budget's column (amounts were checked as whole øre)."""
        if self.entity != "expense":
            return None
        amount = self.data.get("amount_ore")
        return amount if _is_int(amount) else None


@dataclass(slots=True)
class Applied:
    user_id: str
    payload_hash: str
    result: dict[str, Any]


RECORD = cast(Table, Record.__table__)

# Reading. The statements are plain SQL, written once: SQLAlchemy's compiling of a list of keys
# and its decoding of every JSON column of every row cost more than the queries themselves.
# The wanted keys go in as one parameter (a JSON array on SQLite, two arrays on PostgreSQL) joined
# as a table, so the statement's text never changes and each key probes the primary key.
_ROW_SELECT = (
    "r.entity, r.id, r.owner_id, r.version, r.seq, r.deleted, r.network_id, "
    "CAST(r.data AS TEXT), CAST(r.field_versions AS TEXT), r.reader_id"
)
ROWS_BY_KEY = {
    "sqlite": text(
        f"""SELECT {_ROW_SELECT} FROM json_each(:keys) AS k
        JOIN record AS r ON r.entity = json_extract(k.value, '$[0]') AND r.id = json_extract(k.value, '$[1]')"""
    ),
    "postgresql": text(
        f"""SELECT {_ROW_SELECT} FROM unnest(CAST(:entities AS text[]), CAST(:ids AS text[])) AS k(entity, id)
        JOIN record AS r ON r.entity = k.entity AND r.id = k.id"""
    ),
}
APPLIED_BY_ID = {
    "sqlite": text(
        """SELECT a.change_id, a.user_id, a.payload_hash, CAST(a.result AS TEXT)
        FROM json_each(:ids) AS k JOIN applied_change AS a ON a.change_id = k.value"""
    ),
    "postgresql": text(
        """SELECT a.change_id, a.user_id, a.payload_hash, CAST(a.result AS TEXT)
        FROM applied_change AS a WHERE a.change_id = ANY(CAST(:ids AS text[]))"""
    ),
}
# The user's records of one entity in any of several networks (a network's members, say).
ROWS_OF_NETWORKS = {
    "sqlite": text(
        f"""SELECT {_ROW_SELECT} FROM record AS r
        WHERE r.entity = :entity AND r.owner_id = :owner_id
          AND r.network_id IN (SELECT value FROM json_each(:ids))"""
    ),
    "postgresql": text(
        f"""SELECT {_ROW_SELECT} FROM record AS r
        WHERE r.entity = :entity AND r.owner_id = :owner_id AND r.network_id = ANY(CAST(:ids AS text[]))"""
    ),
}
# The user's live companies with any of several CVR numbers (a CVR is unique in a broker's register).
COMPANIES_BY_CVR = {
    "sqlite": text(
        f"""SELECT {_ROW_SELECT} FROM record AS r
        WHERE r.entity = 'company' AND r.owner_id = :owner_id AND r.deleted = 0
          AND json_extract(r.data, '$.cvr') IN (SELECT value FROM json_each(:cvrs))"""
    ),
    "postgresql": text(
        f"""SELECT {_ROW_SELECT} FROM record AS r
        WHERE r.entity = 'company' AND r.owner_id = :owner_id AND NOT r.deleted
          AND (r.data ->> 'cvr') = ANY(CAST(:cvrs AS text[]))"""
    ),
}
# --- broker: the user's memberships of one company (archiving or deleting it, issue 20 item 1)
MEMBERSHIPS_OF_COMPANY = {
    "sqlite": text(
        """SELECT r.id FROM record AS r
        WHERE r.entity = 'membership' AND r.owner_id = :owner_id AND r.deleted = 0
          AND json_extract(r.data, '$.company_id') = :company_id"""
    ),
    "postgresql": text(
        """SELECT r.id FROM record AS r
        WHERE r.entity = 'membership' AND r.owner_id = :owner_id AND NOT r.deleted
          AND (r.data ->> 'company_id') = :company_id"""
    ),
}
# The live expenses of several networks, summed per network.
NETWORKS_SPENT = {
    "sqlite": text(
        """SELECT r.network_id, SUM(r.amount_ore) FROM record AS r
        WHERE r.entity = 'expense' AND r.owner_id = :owner_id AND r.deleted = 0
          AND r.network_id IN (SELECT value FROM json_each(:ids)) GROUP BY r.network_id"""
    ),
    "postgresql": text(
        """SELECT r.network_id, SUM(r.amount_ore) FROM record AS r
        WHERE r.entity = 'expense' AND r.owner_id = :owner_id AND NOT r.deleted
          AND r.network_id = ANY(CAST(:ids AS text[])) GROUP BY r.network_id"""
    ),
}


# For ``PushContext.prefetch_pipelined``, in the driver's parameter style.
APPLIED_BY_ID_PG = driver_sql(APPLIED_BY_ID["postgresql"].text)
ROWS_BY_KEY_PG = driver_sql(ROWS_BY_KEY["postgresql"].text)
NETWORKS_SPENT_PG = driver_sql(NETWORKS_SPENT["postgresql"].text)
COMPANIES_BY_CVR_PG = driver_sql(COMPANIES_BY_CVR["postgresql"].text)


def key_params(dialect: str, keys: list[tuple[str, str]]) -> dict[str, Any]:
    if dialect == "postgresql":
        return {"entities": [k[0] for k in keys], "ids": [k[1] for k in keys]}
    return {"keys": fastjson.dumps_str(keys)}


def id_params(dialect: str, ids: list[str]) -> dict[str, Any]:
    return {"ids": ids if dialect == "postgresql" else fastjson.dumps_str(ids)}


def fetch_rows(conn: Connection, keys: list[tuple[str, str]]) -> list[Row]:
    dialect = conn.dialect.name
    return [Row(*r) for r in conn.execute(ROWS_BY_KEY[dialect], key_params(dialect, keys)).all()]


def fetch_spent(conn: Connection, owner_id: str, network_ids: list[str]) -> dict[str, int]:
    """Each network's live expenses in øre (0 for a network without any)."""
    if not network_ids:
        return {}
    dialect = conn.dialect.name
    params = {"owner_id": owner_id, **id_params(dialect, network_ids)}
    spent = {network_id: 0 for network_id in network_ids}
    # Amounts are checked whole øre, at most MAX_AMOUNT_ORE each, so the database sums them exactly.
    spent.update((n, int(total or 0)) for n, total in conn.execute(NETWORKS_SPENT[dialect], params).all())
    return spent


def fetch_applied(conn: Connection, ids: list[str]) -> dict[str, Applied]:
    dialect = conn.dialect.name
    return {
        change_id: Applied(user_id, phash, fastjson.loads(answer))
        for change_id, user_id, phash, answer in conn.execute(APPLIED_BY_ID[dialect], id_params(dialect, ids))
    }


@dataclass
class PushContext:
    """One push's view of the database.

    Everything the batch needs is read up front, changes apply to plain rows in memory, and the
    rows that changed are written back in bulk at the end (``write``): the sequence counter is
    locked only for that last step, so pushes of different brokers overlap.
    """

    session: Session
    conn: Connection
    user: User
    client_id: str
    now: dt.datetime
    records: dict[tuple[str, str], Row | None] = field(default_factory=dict)
    applied: dict[str, Applied | None] = field(default_factory=dict)
    new_applied: Answers = field(default_factory=list)
    # Rows changed by this push, in the order they were first touched (parents before children).
    dirty: dict[tuple[str, str], Row] = field(default_factory=dict)
    # Each applied change's answer and its row, which tells the answer its seq once it has one.
    written: list[tuple[dict[str, Any], Row]] = field(default_factory=list)
    # Live expenses per network in øre as stored before this push, and what this push moved.
    spent_before: dict[str, int] = field(default_factory=dict)
    spent_delta: dict[str, int] = field(default_factory=dict)
    # (entity, network id) → the keys of the user's stored records of that entity in that network
    children: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)
    # CVR number → ids of the broker's stored companies with it (read for the CVRs a push writes)
    cvr_index: dict[str, set[str]] = field(default_factory=dict)
    # What each applied change did, for the history (server/changelog.py)
    notes: list[ChangeNote] = field(default_factory=list)
    # --- erasure: change id → record id of answers about a record with personal data, and the
    # records this push erases (deleted or anonymised) → the person's texts they held
    answer_records: dict[str, str] = field(default_factory=dict)
    erased: dict[str, set[str]] = field(default_factory=dict)
    # --- retention: the server's retention settings, read once per push when a document comes
    retention: RetentionSettings | None = None

    def retention_settings(self) -> RetentionSettings:
        if self.retention is None:
            self.retention = load_retention_settings(self.conn)
        return self.retention

    # --- end retention

    def prefetch(self, changes: list[Change]) -> None:
        keys: set[tuple[str, str]] = {(c.entity, c.id) for c in changes}
        for c in changes:
            for key, value in c.data.items():
                target = ref_entity(key)
                if target is not None and isinstance(value, str):
                    keys.add((target, value))
        if pipelined(self.conn.dialect.name):
            self.prefetch_pipelined(changes, keys)
        ids = [cid for cid in dict.fromkeys(c.change_id for c in changes) if cid not in self.applied]
        if ids:
            self.applied.update(fetch_applied(self.conn, ids))
            for cid in ids:
                self.applied.setdefault(cid, None)
        self.load(keys)
        # The budgets these expenses count against (where they go, and where they were).
        networks: set[str] = set()
        for c in changes:
            if c.entity == "expense":
                target = c.data.get("network_id")
                row = self.records.get((c.entity, c.id))
                networks.update(n for n in (target, row and row.network_id) if isinstance(n, str))
        self.spent_before.update(
            fetch_spent(self.conn, self.user.id, sorted(networks - set(self.spent_before)))
        )
        # Networks whose facts a rule needs (a stage move, a screening, a submitted application):
        # their members, companies, screenings and applications, in one query per entity.
        networks = {n for c in changes if (n := self.facts_network(c)) is not None}
        if networks:
            self.load(("network", n) for n in networks)
            for entity in FACT_ENTITIES:
                self.load_children(entity, networks)
            self.load(
                ("company", m.data["company_id"])
                for n in networks
                for m in self.stored_children("membership", n)
                if isinstance(m.data.get("company_id"), str)
            )
        # The broker's companies that share a CVR number with a company this push writes.
        cvrs = {
            cvr for c in changes if c.entity == "company" and (cvr := _normalized_cvr(c.data)) is not None
        }
        if cvrs:
            self.load_cvrs(cvrs)

    def prefetch_pipelined(self, changes: list[Change], keys: set[tuple[str, str]]) -> None:
        """PostgreSQL: what ``prefetch`` reads first, in one round trip with the owner's lock
        (``db.read_pipelined``): the answers already given, the records, the budgets the expenses
        go to, the companies with the CVR numbers sent, and the retention settings when a document
        comes. ``prefetch`` then reads only what depends on these (seldom anything)."""
        ids = list(dict.fromkeys(c.change_id for c in changes))
        wanted = sorted(keys)
        networks = sorted(
            {n for c in changes if c.entity == "expense" and isinstance(n := c.data.get("network_id"), str)}
        )
        cvrs = sorted(
            {cvr for c in changes if c.entity == "company" and (cvr := _normalized_cvr(c.data)) is not None}
        )
        owner = self.user.id
        statements: list[tuple[str, dict[str, Any]]] = [
            (APPLIED_BY_ID_PG, {"ids": ids}),
            (ROWS_BY_KEY_PG, key_params("postgresql", wanted)),
        ]
        if networks:
            statements.append((NETWORKS_SPENT_PG, {"owner_id": owner, "ids": networks}))
        if cvrs:
            statements.append((COMPANIES_BY_CVR_PG, {"owner_id": owner, "cvrs": cvrs}))
        retained = any(c.entity in RETAINED_ENTITIES for c in changes)
        if retained:
            statements.append((SETTINGS_VALUE_PG, {}))
        found = iter(read_pipelined(self.session, statements))
        for change_id, user_id, phash, answer in next(found):
            self.applied[change_id] = Applied(user_id, phash, fastjson.loads(answer))
        for cid in ids:
            self.applied.setdefault(cid, None)
        for r in next(found):
            row = Row(*r)
            self.records[(row.entity, row.id)] = row
        for key in wanted:
            self.records.setdefault(key, None)
        if networks:
            self.spent_before.update({n: 0 for n in networks})
            self.spent_before.update((n, int(total or 0)) for n, total in next(found))
        if cvrs:
            self.index_cvrs(cvrs, (Row(*r) for r in next(found)))
        if retained:
            stored = next(found)
            self.retention = settings_from_json(fastjson.loads(stored[0][0]) if stored else None)

    def facts_network(self, c: Change) -> str | None:
        """The network whose facts ``c``'s rules need (None when they need none)."""
        if c.deleted:
            return None
        if c.entity == "network":
            return c.id if "stage" in c.data else None
        if c.entity not in ("screening", "application") or "status" not in c.data:
            return None
        network_id = c.data.get("network_id")
        if not isinstance(network_id, str):
            row = self.records.get((c.entity, c.id))
            network_id = row.network_id if row is not None else None
        return network_id if isinstance(network_id, str) else None

    def load_cvrs(self, cvrs: Iterable[str]) -> None:
        """Read in one query the broker's companies with any of these CVR numbers."""
        wanted = sorted(set(cvrs) - set(self.cvr_index))
        if not wanted:
            return
        dialect = self.conn.dialect.name
        params = {
            "owner_id": self.user.id,
            "cvrs": wanted if dialect == "postgresql" else fastjson.dumps_str(wanted),
        }
        self.index_cvrs(wanted, (Row(*r) for r in self.conn.execute(COMPANIES_BY_CVR[dialect], params)))

    def index_cvrs(self, cvrs: list[str], rows: Iterable[Row]) -> None:
        for cvr in cvrs:
            self.cvr_index[cvr] = set()
        for row in rows:
            self.records.setdefault((row.entity, row.id), row)
            stored = row.data.get("cvr")
            if isinstance(stored, str):
                self.cvr_index.setdefault(stored, set()).add(row.id)

    def cvr_twin(self, cvr: str, company_id: str) -> Row | None:
        """Another live company of this broker with ``cvr``, as this push holds it now."""
        self.load_cvrs([cvr])
        ids = set(self.cvr_index.get(cvr, ())) | {k[1] for k in self.dirty if k[0] == "company"}
        rows = [self.records.get(("company", i)) for i in sorted(ids)]
        found = cvr_twin(
            cvr,
            company_id,
            (
                {**r.data, "id": r.id, "deleted": r.deleted}
                for r in rows
                if r is not None and r.owner_id == self.user.id
            ),
        )
        return None if found is None else self.records.get(("company", str(found["id"])))

    def facts(self, network_id: str, network: dict[str, Any]) -> NetworkFacts:
        """The stage machine's facts about the network as this push holds it now."""
        members = [m.data for m in self.live_children("membership", network_id)]
        self.load(("company", m["company_id"]) for m in members if isinstance(m.get("company_id"), str))
        return network_facts(
            network,
            members,
            self.live_companies(members),
            [r.data for r in self.live_children("screening", network_id)],
            [r.data for r in self.live_children("application", network_id)],
        )

    def live_companies(self, members: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """The members' companies that are the broker's and live, by id."""
        out: dict[str, dict[str, Any]] = {}
        for m in members:
            company_id = m.get("company_id")
            company = self.own("company", company_id) if isinstance(company_id, str) else None
            if company is not None and not company.deleted:
                out[company.id] = {**company.data, "id": company.id}
        return out

    def load(self, keys: Iterable[tuple[str, str]]) -> None:
        """Read in one query those of ``keys`` not read yet (a key that does not exist is None)."""
        wanted = sorted({k for k in keys if k not in self.records})
        if wanted:
            for row in fetch_rows(self.conn, wanted):
                self.records[(row.entity, row.id)] = row
            for key in wanted:
                self.records.setdefault(key, None)

    def get(self, entity: str, record_id: str) -> Row | None:
        key = (entity, record_id)
        if key not in self.records:
            rows = fetch_rows(self.conn, [key])
            self.records[key] = rows[0] if rows else None
        return self.records[key]

    def own(self, entity: str, record_id: str) -> Row | None:
        row = self.get(entity, record_id)
        if row is None or row.owner_id != self.user.id:
            return None
        return row

    def network_spent(self, network_id: str) -> int:
        """The network's live expenses in øre, this push's changes included."""
        if network_id not in self.spent_before:
            # Nothing of this push is written yet, so this is the total before it.
            self.spent_before.update(fetch_spent(self.conn, self.user.id, [network_id]))
        return self.spent_before[network_id] + self.spent_delta.get(network_id, 0)

    def expense_moved(self, before: tuple[str | None, int], after: tuple[str | None, int]) -> None:
        for (network_id, amount), sign in ((before, -1), (after, 1)):
            if network_id is not None:
                self.spent_delta[network_id] = self.spent_delta.get(network_id, 0) + sign * amount

    def load_children(self, entity: str, network_ids: Iterable[str]) -> None:
        """Read in one query the user's stored ``entity`` records of those networks not read yet."""
        wanted = sorted({n for n in network_ids if (entity, n) not in self.children})
        if not wanted:
            return
        for network_id in wanted:
            self.children[(entity, network_id)] = []
        dialect = self.conn.dialect.name
        params = {"entity": entity, "owner_id": self.user.id, **id_params(dialect, wanted)}
        for row in (Row(*r) for r in self.conn.execute(ROWS_OF_NETWORKS[dialect], params)):
            key = (row.entity, row.id)
            if self.records.get(key) is None:  # a row this push has read (or changed) already wins
                self.records[key] = row
            self.children[(entity, cast(str, row.network_id))].append(key)

    def stored_children(self, entity: str, network_id: str) -> list[Row]:
        """The user's ``entity`` records in the network as stored (as this push holds them now)."""
        self.load_children(entity, [network_id])
        rows = (self.records[key] for key in self.children[(entity, network_id)])
        return [row for row in rows if row is not None]

    def live_children(self, entity: str, network_id: str) -> list[Row]:
        """The user's live records of ``entity`` in the network, with this push's changes applied."""
        found = {(r.entity, r.id): r for r in self.stored_children(entity, network_id)}
        for key, row in self.dirty.items():
            if row.entity == entity:
                found[key] = row
        return [
            r
            for r in found.values()
            if not r.deleted and r.network_id == network_id and r.owner_id == self.user.id
        ]

    def touch(self, row: Row) -> None:
        self.dirty.setdefault((row.entity, row.id), row)

    def write(self) -> None:
        """Take the changed rows' sequence numbers, then write the rows and the answers.

        The numbers come from the counter row, which stays locked until commit, so sequence
        order is commit order. Taking them before the rows are written costs the pushes of other
        brokers a wait of a few statements; numbering rows last (written first with provisional
        numbers, renumbered just before commit) held the lock shorter but wrote every row twice,
        and under load that was the slower of the two on PostgreSQL (p99 240–280 vs 215–220 ms).
        """
        rows = list(self.dirty.values())
        if rows and pipelined(self.conn.dialect.name) and not self.erased:
            self.write_pipelined(rows)
            return
        if rows:
            first = allocate_seqs(self.session, len(rows))
            for k, row in enumerate(rows):
                row.seq = first + k
            # The record's seq after this push: a client that stores the answer's version holds
            # the record as pulled with that seq, and may ask pull to skip it.
            for answer, row in self.written:
                answer["seq"] = row.seq
        writer = write_rows_postgresql if self.conn.dialect.name == "postgresql" else write_rows_sqlite
        writer(self.conn, rows, self.new_applied, self.user.id, self.now, self.answer_records)
        if self.erased:  # --- erasure: the stored answers about the person lose them
            scrub_stored_answers(self.conn, self.user.id, dict(self.erased))
        write_notes(
            self.conn, self.notes, self.user.id, _stored_time(self.conn, self.now), self.now.isoformat()
        )

    def write_pipelined(self, rows: list[Row]) -> None:
        """PostgreSQL: the rows, the answers and the notes written and committed in one round
        trip with the taking of their sequence numbers (``db.write_with_seqs``), which the
        statements read from the counter row: each row and answer carries its distance from the
        last number taken (``back``). Everything is made into JSON before the lock is asked for."""
        count = len(rows)
        back = {id(row): count - 1 - k for k, row in enumerate(rows)}
        answer_back = {id(answer): back[id(row)] for answer, row in self.written}
        when = self.now.isoformat()
        statements: list[tuple[str, dict[str, Any]]] = []
        created = [_row_json_back(r, when, back[id(r)]) for r in rows if r.new]
        if created:
            statements.append((INSERT_ROWS_SEQ_PG, {"rows": _json(created)}))
        updated = [r for r in rows if not r.new]
        if updated:
            statements.append(
                (
                    UPDATE_ROWS_SEQ_PG,
                    {
                        "entities": [r.entity for r in updated],
                        "ids": [r.id for r in updated],
                        "rows": _json([_row_json_back(r, when, back[id(r)]) for r in updated]),
                    },
                )
            )
        if self.new_applied:
            answers = [
                {
                    "change_id": change_id,
                    "user_id": self.user.id,
                    "payload_hash": phash,
                    "result": answer,  # its seq is added last, as ``write`` adds it
                    "applied_at": when,
                    "record_id": self.answer_records.get(change_id),
                    "back": answer_back.get(id(answer)),
                }
                for change_id, phash, answer in self.new_applied
            ]
            statements.append((INSERT_APPLIED_SEQ_PG, {"rows": _json(answers)}))
        if self.notes:
            statements.append((INSERT_NOTES_PG, {"rows": notes_json(self.notes, self.user.id, when)}))
        first = write_with_seqs(self.session, count, statements)
        for row in rows:
            row.seq = first + count - 1 - back[id(row)]
        for answer, row in self.written:
            answer["seq"] = row.seq


# Writing. Every row this push changed has its time set to the push's, so the time is turned into
# the database's form once; the JSON columns are made by orjson. SQLite takes plain rows through
# executemany. PostgreSQL takes each table's rows as one statement whose one parameter is a JSON
# array of the rows, unpacked by ``json_to_recordset``: the statement's text never changes (so it
# is prepared once), and the rows cross as one string (arrays per column cost psycopg a
# Python-level loop over every value, a fifth of the server's time under load).
# New rows are inserted without ON CONFLICT: a record id another broker has just taken must fail
# (and the push be tried again), never overwrite theirs.
INSERT_ROWS_SQLITE = """INSERT INTO record (entity, id, owner_id, version, seq, deleted, network_id, data,
    field_versions, created_at, updated_at, amount_ore, reader_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
UPDATE_ROWS_SQLITE = """UPDATE record SET version = ?, seq = ?, deleted = ?, network_id = ?, data = ?,
    field_versions = ?, updated_at = ?, amount_ore = ?, reader_id = ?
    WHERE entity = ? AND id = ? AND owner_id = ?"""
INSERT_APPLIED_SQLITE = """INSERT INTO applied_change (change_id, user_id, payload_hash, result, applied_at,
    record_id) VALUES (?, ?, ?, ?, ?, ?)"""


def _stored_time(conn: Connection, now: dt.datetime) -> Any:
    """``now`` in the form SQLAlchemy gives the column (SQLite: text), made once per push."""
    column_type = RECORD.c.updated_at.type.dialect_impl(conn.dialect)
    to_db = column_type.bind_processor(conn.dialect)
    return to_db(now) if to_db is not None else now


def write_rows_sqlite(
    conn: Connection,
    rows: list[Row],
    applied: Answers,
    user_id: str,
    now: dt.datetime,
    records: dict[str, str] | None = None,
) -> None:
    when = _stored_time(conn, now)
    created = [
        (r.entity, r.id, r.owner_id, r.version, r.seq, r.deleted, r.network_id, _json(r.data),
         _json(r.field_versions), when, when, r.amount_ore(), r.reader_id)
        for r in rows
        if r.new
    ]  # fmt: skip
    updated = [
        (r.version, r.seq, r.deleted, r.network_id, _json(r.data), _json(r.field_versions), when,
         r.amount_ore(), r.reader_id, r.entity, r.id, r.owner_id)
        for r in rows
        if not r.new
    ]  # fmt: skip
    if created:
        conn.exec_driver_sql(INSERT_ROWS_SQLITE, created)
    if updated:
        conn.exec_driver_sql(UPDATE_ROWS_SQLITE, updated)
    if applied:
        conn.exec_driver_sql(
            INSERT_APPLIED_SQLITE,
            [
                (change_id, user_id, phash, _json(answer), when, (records or {}).get(change_id))
                for change_id, phash, answer in applied
            ],
        )


_ROW_COLUMNS_PG = """entity text, id text, owner_id text, version integer, seq bigint,
        deleted boolean, network_id text, data json, field_versions json, created_at timestamptz,
        updated_at timestamptz, amount_ore bigint, reader_id text"""
INSERT_ROWS_PG = text(
    f"""
    INSERT INTO record (entity, id, owner_id, version, seq, deleted, network_id, data,
                        field_versions, created_at, updated_at, amount_ore, reader_id)
    SELECT u.entity, u.id, u.owner_id, u.version, u.seq, u.deleted, u.network_id, u.data,
           u.field_versions, u.created_at, u.updated_at, u.amount_ore, u.reader_id
    FROM json_to_recordset(CAST(:rows AS json)) AS u({_ROW_COLUMNS_PG})
    """
)
# The rows to change are named by two key arrays (whose length the planner sees, so it probes the
# primary key) and matched with their values by position.
UPDATE_ROWS_PG = text(
    f"""
    UPDATE record SET version = u.version, seq = u.seq, deleted = u.deleted,
        network_id = u.network_id, data = u.data, field_versions = u.field_versions,
        updated_at = u.updated_at, amount_ore = u.amount_ore, reader_id = u.reader_id
    FROM unnest(CAST(:entities AS text[]), CAST(:ids AS text[])) WITH ORDINALITY AS k(entity, id, n)
    JOIN ROWS FROM (json_to_recordset(CAST(:rows AS json)) AS ({_ROW_COLUMNS_PG}))
        WITH ORDINALITY AS u(entity, id, owner_id, version, seq, deleted, network_id, data,
                             field_versions, created_at, updated_at, amount_ore, reader_id, n)
        ON u.n = k.n
    WHERE record.entity = k.entity AND record.id = k.id AND record.owner_id = u.owner_id
    """
)
INSERT_APPLIED_PG = text(
    """
    INSERT INTO applied_change (change_id, user_id, payload_hash, result, applied_at, record_id)
    SELECT u.change_id, u.user_id, u.payload_hash, u.result, u.applied_at, u.record_id
    FROM json_to_recordset(CAST(:rows AS json)) AS u(
        change_id text, user_id text, payload_hash text, result json, applied_at timestamptz,
        record_id text)
    """
)


def write_rows_postgresql(
    conn: Connection,
    rows: list[Row],
    applied: Answers,
    user_id: str,
    now: dt.datetime,
    records: dict[str, str] | None = None,
) -> None:
    when = now.isoformat()
    created = [r for r in rows if r.new]
    updated = [r for r in rows if not r.new]
    if created:
        conn.execute(INSERT_ROWS_PG, {"rows": _json([_row_json(r, when) for r in created])})
    if updated:
        conn.execute(
            UPDATE_ROWS_PG,
            {
                "entities": [r.entity for r in updated],
                "ids": [r.id for r in updated],
                "rows": _json([_row_json(r, when) for r in updated]),
            },
        )
    if applied:
        answers = [
            {
                "change_id": change_id,
                "user_id": user_id,
                "payload_hash": phash,
                "result": answer,
                "applied_at": when,
                "record_id": (records or {}).get(change_id),
            }
            for change_id, phash, answer in applied
        ]
        conn.execute(INSERT_APPLIED_PG, {"rows": _json(answers)})


# The same writes for ``PushContext.write_pipelined``, in psycopg's parameter style, each row's
# seq read from the counter row this transaction has just advanced (``back``: how far before the
# last number taken). An answer with a row gets the row's seq as its last field.
_ROW_COLUMNS_BACK_PG = _ROW_COLUMNS_PG.replace("seq bigint", "back bigint")
INSERT_ROWS_SEQ_PG = f"""
    INSERT INTO record (entity, id, owner_id, version, seq, deleted, network_id, data,
                        field_versions, created_at, updated_at, amount_ore, reader_id)
    SELECT u.entity, u.id, u.owner_id, u.version, c.value - u.back, u.deleted, u.network_id, u.data,
           u.field_versions, u.created_at, u.updated_at, u.amount_ore, u.reader_id
    FROM json_to_recordset(CAST(%(rows)s AS json)) AS u({_ROW_COLUMNS_BACK_PG})
    CROSS JOIN seq_counter AS c WHERE c.id = 1
"""
UPDATE_ROWS_SEQ_PG = f"""
    UPDATE record SET version = u.version, seq = c.value - u.back, deleted = u.deleted,
        network_id = u.network_id, data = u.data, field_versions = u.field_versions,
        updated_at = u.updated_at, amount_ore = u.amount_ore, reader_id = u.reader_id
    FROM unnest(CAST(%(entities)s AS text[]), CAST(%(ids)s AS text[])) WITH ORDINALITY AS k(entity, id, n)
    JOIN ROWS FROM (json_to_recordset(CAST(%(rows)s AS json)) AS ({_ROW_COLUMNS_BACK_PG}))
        WITH ORDINALITY AS u(entity, id, owner_id, version, back, deleted, network_id, data,
                             field_versions, created_at, updated_at, amount_ore, reader_id, n)
        ON u.n = k.n
    CROSS JOIN seq_counter AS c
    WHERE record.entity = k.entity AND record.id = k.id AND record.owner_id = u.owner_id AND c.id = 1
"""
INSERT_APPLIED_SEQ_PG = """
    INSERT INTO applied_change (change_id, user_id, payload_hash, result, applied_at, record_id)
    SELECT u.change_id, u.user_id, u.payload_hash,
        CASE WHEN u.back IS NULL THEN u.result
             ELSE CAST(left(CAST(u.result AS text), -1) || ',"seq":' || (c.value - u.back) || '}' AS json)
        END,
        u.applied_at, u.record_id
    FROM json_to_recordset(CAST(%(rows)s AS json)) AS u(
        change_id text, user_id text, payload_hash text, result json, applied_at timestamptz,
        record_id text, back bigint)
    CROSS JOIN seq_counter AS c WHERE c.id = 1
"""


def _row_json_back(row: Row, when: str, back: int) -> dict[str, Any]:
    out = _row_json(row, when)
    del out["seq"]
    out["back"] = back
    return out


def _row_json(row: Row, when: str) -> dict[str, Any]:
    return {
        "entity": row.entity,
        "id": row.id,
        "owner_id": row.owner_id,
        "version": row.version,
        "seq": row.seq,
        "deleted": row.deleted,
        "network_id": row.network_id,
        "data": row.data,
        "field_versions": row.field_versions,
        "created_at": when,  # read for new rows only
        "updated_at": when,
        "amount_ore": row.amount_ore(),
        "reader_id": row.reader_id,
    }


def _json(value: Any) -> str:
    return fastjson.dumps_str(value)


def expense_share(row: Row | None) -> tuple[str | None, int]:
    """Which network a stored expense counts against, and with how much (nothing once deleted)."""
    if row is None or row.deleted:
        return None, 0
    amount = row.data.get("amount_ore")
    return row.network_id, amount if _is_int(amount) else 0


def apply_push(session: Session, user: User, client_id: str, changes: list[Change]) -> list[dict[str, Any]]:
    # Core statements on the session's connection: the ORM layer adds nothing for plain rows.
    ctx = PushContext(session, session.connection(), user, client_id, utcnow())
    ctx.prefetch(changes)
    results = [apply_change(ctx, change) for change in changes]
    ctx.write()
    return results


def apply_change(ctx: PushContext, ch: Change) -> dict[str, Any]:
    phash = payload_hash(ch)
    prior = ctx.applied.get(ch.change_id)
    if prior is not None:
        same = (
            prior.payload_hash == phash
            or prior.payload_hash == legacy_payload_hash(ch)
            or prior.payload_hash in protocol_1_payload_hashes(ch)
        )
        if prior.user_id == ctx.user.id and (same or _erased_replay(ctx, ch)):
            return {**prior.result, "status": PushStatus.DUPLICATE}
        return result(ch.change_id, PushStatus.REJECTED, messages=[Msg.PUSH_CHANGE_ID_REUSED()])
    answer = check_then_decide(ctx, ch)
    if has_personal_data(ch.entity) or ch.entity in RETAINED_ENTITIES:
        # an erasure (--- erasure) or a purge (--- retention) finds this answer by its record
        ctx.answer_records[ch.change_id] = ch.id
    ctx.applied[ch.change_id] = Applied(ctx.user.id, phash, answer)
    ctx.new_applied.append((ch.change_id, phash, answer))
    return answer


def check_then_decide(ctx: PushContext, ch: Change) -> dict[str, Any]:
    """The entity's schema (domain/schema.py) before any rule: a change with a field of the wrong
    type, value, range or length, or a new record without a required field, is rejected naming
    the field; a field the schema does not know is not stored, and the answer names it."""
    if not VALIDATE or ch.deleted or ch.entity not in SCHEMAS or not _may_push(ctx.user, ch.entity):
        return decide_change(ctx, ch)  # a tombstone takes no data; the others are refused below
    rec = ctx.get(ch.entity, ch.id)
    server_owned = SERVER_FIELDS.get(ch.entity, frozenset())
    data = {k: v for k, v in ch.data.items() if k not in META_KEYS and k not in server_owned}
    # A create needs the required fields (someone else's record counts as one that does not
    # exist, as in decide_change); a change on top of a version the server lacks is refused there.
    new = ch.base_version == 0 and (rec is None or rec.owner_id != ctx.user.id)
    checked = check_record(ch.entity, data, new=new)
    if not checked.ok:
        return result(ch.change_id, PushStatus.REJECTED, messages=list(checked.problems))
    answer = decide_change(ctx, ch.model_copy(update={"data": checked.data}) if checked.ignored else ch)
    if checked.ignored and answer["status"] == PushStatus.APPLIED:
        answer["ignored_fields"] = list(checked.ignored)
    return answer


def decide_change(ctx: PushContext, ch: Change) -> dict[str, Any]:
    if ch.entity not in ENTITIES:
        return result(ch.change_id, PushStatus.REJECTED, messages=[Msg.PUSH_ENTITY_UNKNOWN(entity=ch.entity)])
    if not _may_push(ctx.user, ch.entity):
        refusal = (
            Msg.FOLLOW_UP_CASEWORKERS_ONLY() if ch.entity in CASEWORKER_ENTITIES else Msg.PUSH_BY_CASEWORKER()
        )
        return result(ch.change_id, PushStatus.REJECTED, messages=[refusal])
    rec = ctx.get(ch.entity, ch.id)
    if rec is not None and rec.owner_id != ctx.user.id:
        # --- followup: caseworkers see each other's follow-ups, so the refusal may say whose it is
        mine = Msg.FOLLOW_UP_OTHER_CASEWORKER() if ch.entity in CASEWORKER_ENTITIES else NOT_FOUND
        return result(ch.change_id, PushStatus.REJECTED, messages=[mine])
    if rec is None and ch.base_version > 0:
        return result(ch.change_id, PushStatus.REJECTED, messages=[NOT_FOUND])
    if rec is not None and ch.base_version > rec.version:
        return result(
            ch.change_id,
            PushStatus.REJECTED,
            messages=[Msg.PUSH_BASE_VERSION_AHEAD(base_version=ch.base_version, version=rec.version)],
        )

    server_owned = SERVER_FIELDS.get(ch.entity, frozenset())
    data = {k: v for k, v in ch.data.items() if k not in META_KEYS and k not in server_owned}
    current: dict[str, Any] = rec.data if rec is not None else {}
    current_deleted = rec.deleted if rec is not None else False

    if ch.entity == "application" and current.get("status") in FROZEN_STATUSES:
        return result(
            ch.change_id,
            PushStatus.REJECTED,
            messages=[Msg.APPLICATION_FROZEN()],
        )

    # --- retention: a purged record is gone for good; nothing brings it back
    if current_deleted and PURGED_KEY in current:
        return result(ch.change_id, PushStatus.REJECTED, messages=[Msg.PURGE_RECORD_PURGED()])
    # --- end retention
    if ch.deleted:
        data = {}  # a tombstone keeps the last values; nothing new is taken with it
    deleted_changes = ch.deleted != current_deleted
    if rec is not None and ch.base_version < rec.version:
        fields = [k for k, v in data.items() if k not in current or current[k] != v]
        if deleted_changes:
            fields.append(DELETED_FIELD)
        if ch.deleted and deleted_changes:
            # Deleting throws away every field, so any field someone else changed since conflicts.
            fields = list(rec.field_versions)
        for name in fields:
            marker = rec.field_versions.get(name)
            if marker and marker[0] > ch.base_version and marker[1] != ctx.client_id:
                return result(ch.change_id, PushStatus.CONFLICT, version=rec.version, server=server_copy(rec))

    if ch.entity == "company" and rec is not None and not current_deleted:
        # --- broker: a company in an active network is neither deleted nor archived (issue 20)
        removal = (
            Removal.DELETE
            if ch.deleted
            else Removal.ARCHIVE
            if data.get("archived") is True and not current.get("archived")
            else None
        )
        if removal is not None:
            problems = removal_problems(
                removal, str(current.get("name", "")), _active_networks_of(ctx, ch.id)
            )
            if problems:
                return result(
                    ch.change_id, PushStatus.REJECTED, error=render_all(problems), messages=problems
                )
    if not ch.deleted:
        try:
            data = check_rules(ctx, ch, rec, current, data)
        except RejectedError as exc:
            return result(ch.change_id, PushStatus.REJECTED, error=str(exc), messages=exc.messages)
        # --- retention: the document's keep-until date, the server's (domain/retention.py)
        if ch.entity in RETAINED_ENTITIES:
            day = keep_until_text(ch.entity, {**current, **data}, ctx.retention_settings())
            if day is not None and current.get(KEEP_UNTIL) != day:
                data = {**data, KEEP_UNTIL: day}
        # --- retention: a new contact's consent date is recorded when it is created
        if ch.entity == "contact" and (rec is None or current_deleted) and not merged_consent(current, data):
            data = {**data, "consent_date": consent_on_create(None, ctx.now.date()).isoformat()}
    if must_be_erased(ch.entity, ch.deleted, {**current, **data}):  # --- erasure
        data = _erasing(ctx, ch, current, data)
    touched = [k for k, v in data.items() if k not in current or current[k] != v]

    if rec is not None and not touched and not deleted_changes:
        return result(ch.change_id, PushStatus.APPLIED, version=rec.version)
    version = (rec.version if rec is not None else 0) + 1
    merged = {**current, **data}
    markers = dict(rec.field_versions) if rec is not None else {}
    for name in touched:
        markers[name] = [version, ctx.client_id]
    if deleted_changes:
        markers[DELETED_FIELD] = [version, ctx.client_id]
    network_id = merged.get("network_id")
    before = expense_share(rec)
    kind = kind_of(rec is None, current_deleted, ch.deleted)
    if rec is None:
        rec = Row(
            entity=ch.entity,
            id=ch.id,
            owner_id=ctx.user.id,
            version=0,
            seq=0,
            deleted=False,
            network_id=None,
            data={},
            field_versions={},
            new=True,
        )
        ctx.records[(ch.entity, ch.id)] = rec
    rec.version = version
    rec.deleted = ch.deleted
    rec.network_id = network_id if isinstance(network_id, str) else None
    if ch.entity in CASEWORKER_ENTITIES and rec.network_id is not None:
        # --- followup: the network's broker pulls it (server/pull.py); check_rules found the network
        network = ctx.get("network", rec.network_id)
        if network is not None:
            rec.reader_id = network.owner_id
    rec.data = merged
    rec.field_versions = markers
    ctx.touch(rec)
    ctx.notes.append(note(ch.entity, ch.id, rec.network_id, version, kind, touched, merged))
    note_stage_move(ctx.session, rec, current.get("stage"), ctx.now, ctx.client_id)
    if ch.entity == "expense":
        ctx.expense_moved(before, expense_share(rec))
    answer = result(ch.change_id, PushStatus.APPLIED, version=version)
    ctx.written.append((answer, rec))
    return answer


def _active_networks_of(ctx: PushContext, company_id: str) -> list[str]:
    """--- broker: the names of the user's active networks with a live membership of the company,
    as this push holds them now."""
    ids = [
        str(r[0])
        for r in ctx.conn.execute(
            MEMBERSHIPS_OF_COMPANY[ctx.conn.dialect.name], {"owner_id": ctx.user.id, "company_id": company_id}
        )
    ]
    ctx.load(("membership", i) for i in ids)
    members = {("membership", i): ctx.records.get(("membership", i)) for i in ids}
    members.update({k: r for k, r in ctx.dirty.items() if r.entity == "membership"})
    network_ids = {
        r.data.get("network_id")
        for r in members.values()
        if r is not None and not r.deleted and r.data.get("company_id") == company_id
    }
    names = []
    for network_id in sorted(n for n in network_ids if isinstance(n, str)):
        network = ctx.own("network", network_id)
        if network is not None and network_is_active(str(network.data.get("stage", "")), network.deleted):
            names.append(str(network.data.get("name", "")))
    return names


# --- erasure
def _erasing(ctx: PushContext, ch: Change, current: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """A change that deletes or anonymises a record with personal data: the erased values go in
    with it (a tombstone carries no personal data), and the stored answers about the person are
    rewritten when the push writes (``PushContext.write``)."""
    texts = personal_values(ch.entity, current) | personal_values(ch.entity, data)
    if texts or not is_erased(ch.entity, current):
        ctx.erased.setdefault(ch.id, set()).update(texts)
    return {**data, **erased_values(ch.entity)}


def _erased_replay(ctx: PushContext, ch: Change) -> bool:
    """A change sent before its record was erased, sent again by a laptop that has since scrubbed
    the person from it: the same change (its first answer stands), not a reuse of its id."""
    if not has_personal_data(ch.entity) or not is_erased_payload(ch.entity, ch.data):
        return False
    rec = ctx.get(ch.entity, ch.id)
    return rec is not None and rec.owner_id == ctx.user.id and (rec.deleted or is_erased(ch.entity, rec.data))


def _check_contact(ctx, ch, rec, current, data, merged):  # type: ignore[no-untyped-def]
    """An erased contact never gets a person's values again (domain/erasure.py)."""
    problems = erased_change_problems(ch.entity, current, data)
    if problems:
        raise RejectedError(*problems)
    return data


# --- end erasure


# --- retention
def merged_consent(current: dict[str, Any], data: dict[str, Any]) -> Any:
    return data.get("consent_date", current.get("consent_date"))


def check_rules(
    ctx: PushContext, ch: Change, rec: Row | None, current: dict[str, Any], data: dict[str, Any]
) -> dict[str, Any]:
    """The data to apply (possibly normalised), or RejectedError with a Danish reason."""
    for key, value in data.items():
        target = ref_entity(key)
        if target is not None and value is not None:
            if ch.entity in CASEWORKER_ENTITIES:
                # --- followup: a caseworker's record is about a broker's live network
                parent = ctx.get(target, value) if isinstance(value, str) else None
                if parent is None or parent.deleted:
                    raise RejectedError(Msg.FOLLOW_UP_NETWORK_UNKNOWN())
            elif not isinstance(value, str) or ctx.own(target, value) is None:
                raise RejectedError(Msg.FIELD_REFERENCE_UNKNOWN(field=key))
        if key.endswith("_ore") and value is not None:
            if not _is_int(value):
                raise RejectedError(Msg.FIELD_NOT_ORE(field=key))
            if abs(value) > MAX_AMOUNT_ORE:
                raise RejectedError(Msg.FIELD_AMOUNT_TOO_LARGE(field=key))
    merged = {**current, **data}
    checker = _CHECKS.get(ch.entity)
    if checker is not None:
        data = checker(ctx, ch, rec, current, data, merged)
    return data


def _check_company(ctx, ch, rec, current, data, merged):  # type: ignore[no-untyped-def]
    if rec is None or "cvr" in data:
        try:
            data = {**data, "cvr": normalize_cvr(merged.get("cvr"))}
        except CvrError as exc:
            raise RejectedError(*exc.messages) from None
    if rec is None or rec.deleted or "cvr" in data:
        cvr = data.get("cvr", merged.get("cvr"))
        twin = ctx.cvr_twin(cvr, ch.id) if isinstance(cvr, str) else None
        if twin is not None:
            raise RejectedError(
                Msg.CVR_ALREADY_REGISTERED(cvr=format_cvr(cvr), name=str(twin.data.get("name", "")))
            )
    if "employees" in data and data["employees"] is not None:
        if not _is_int(data["employees"]):
            raise RejectedError(Msg.EMPLOYEES_NOT_WHOLE())
        errors = check_employees(data["employees"]).errors
        if errors:
            raise RejectedError(errors[0])
    return data


def _check_expense(ctx, ch, rec, current, data, merged):  # type: ignore[no-untyped-def]
    amount = merged.get("amount_ore")
    errors = check_amount(amount)
    if errors:
        raise RejectedError(errors[0])
    network_id = merged.get("network_id")
    if not isinstance(network_id, str):
        raise RejectedError(Msg.EXPENSE_NEEDS_NETWORK())
    if rec is None or rec.deleted or "description" in data:
        missing = description_problem(merged.get("description"))
        if missing is not None:
            raise RejectedError(missing)
    meeting_id = merged.get("meeting_id")
    if isinstance(meeting_id, str) and (
        rec is None or rec.deleted or "meeting_id" in data or "network_id" in data
    ):
        meeting = ctx.own("meeting", meeting_id)  # check_rules has refused a meeting not the broker's
        if meeting is not None and meeting.network_id != network_id:
            raise RejectedError(Msg.EXPENSE_MEETING_OTHER_NETWORK())
    if rec is None or rec.deleted or any(k in data and data[k] != current.get(k) for k in RECEIPT_FIELDS):
        problems = expense_receipt_problems(amount, merged.get("status"), merged.get("receipt_sha256"))
        if problems:
            raise RejectedError(*problems)
    touches_budget = (
        rec is None
        or rec.deleted
        or any(
            k in data and data[k] != current.get(k) for k in ("amount_ore", "network_id", "override_reason")
        )
    )
    if touches_budget:
        own_network, own_amount = expense_share(rec)
        spent = ctx.network_spent(network_id) - (own_amount if own_network == network_id else 0)
        budget = BudgetCheck(spent_ore=spent, new_ore=amount)
        reason = merged.get("override_reason")
        over = budget.message()
        if budget.exceeds and over is not None and not (isinstance(reason, str) and reason.strip()):
            raise RejectedError(over)
    return data


def _int_field(data: dict[str, Any], key: str, message: Message) -> None:
    if key in data and data[key] is not None and not _is_int(data[key]):
        raise RejectedError(message)


def _check_application(ctx, ch, rec, current, data, merged):  # type: ignore[no-untyped-def]
    _int_field(data, "consultant_hours", Msg.HOURS_NOT_WHOLE())
    _int_field(data, "period_months", Msg.MONTHS_NOT_WHOLE())
    if data.get("consultant_hours") is not None:
        errors = check_hours(data["consultant_hours"])
        if errors:
            raise RejectedError(errors[0])
    if data.get("period_months") is not None:
        errors = check_months(data["period_months"])
        if errors:
            raise RejectedError(errors[0])
    rate = data.get("hourly_rate_ore")
    if rate is not None and rate <= 0:
        raise RejectedError(Msg.APPLICATION_RATE_NOT_POSITIVE())
    split = merged.get("split_basis_points")
    if split is not None:
        if not isinstance(split, dict) or not all(_is_int(v) for v in split.values()):
            raise RejectedError(Msg.APPLICATION_SPLIT_SHAPE())
        for company_id in split:
            if ctx.own("company", company_id) is None:
                raise RejectedError(Msg.APPLICATION_SPLIT_UNKNOWN_COMPANY())
    custom = merged.get("split_mode") == SplitMode.CUSTOM
    # An empty key is a draft that has not been filled in yet; submitting requires it.
    if custom and data.get("split_basis_points"):
        errors = check_split(list(split.values()))
        if errors:
            raise RejectedError(errors[0])
    old_status = current.get("status", ApplicationStatus.DRAFT)
    new_status = data.get("status", old_status)
    if new_status != old_status:
        if not (old_status == ApplicationStatus.DRAFT and new_status == ApplicationStatus.SUBMITTED):
            raise RejectedError(Msg.APPLICATION_ONLY_DRAFT_TO_SUBMITTED())
        network_id = merged.get("network_id")
        network = ctx.own("network", network_id) if isinstance(network_id, str) else None
        if network is None or network.deleted:
            raise RejectedError(Msg.APPLICATION_WITHOUT_NETWORK())
        members = [m.data for m in ctx.live_children("membership", network_id)]
        companies = ctx.live_companies(members)
        independent, knowledge = member_counts(members, companies)
        stage = network.data.get("stage") or Stage.CANDIDATE
        if stage in (Stage.CANDIDATE, Stage.SCREENED) and not pushed_move_problems(
            Stage(stage), Stage.STAGE_1, ctx.facts(network_id, network.data)
        ):
            # The laptop sends a network's stage after everything else in its outbox (see
            # sync/engine._DEFERRED): a network whose facts put it at trin 1 is taken as there.
            stage = Stage.STAGE_1
        problems = submission_stage_problems(stage, independent, knowledge)
        problems += all_problems(draft_problems(merged, sorted(companies)))
        if problems:
            raise RejectedError(Msg.APPLICATION_CANNOT_SUBMIT(), *problems)
    return data


def _check_network(ctx, ch, rec, current, data, merged):  # type: ignore[no-untyped-def]
    if "stage" in data and data["stage"] != current.get("stage"):
        try:
            target = parse_stage(data["stage"])
        except StageError as exc:
            raise RejectedError(*exc.messages) from None
        stored = current.get("stage")
        here = Stage(stored) if stored in STAGE_VALUES else Stage.CANDIDATE
        if here != target:
            reason = merged.get("closed_reason")
            problems = pushed_move_problems(
                here, target, ctx.facts(ch.id, merged), close_reason=reason if isinstance(reason, str) else ""
            )
            if problems:
                raise RejectedError(*problems)
    return data


def _check_screening(ctx, ch, rec, current, data, merged):  # type: ignore[no-untyped-def]
    problems = screening_frozen_problems(current, data)
    if problems:
        raise RejectedError(*problems)
    if becomes_final_screening(current, merged):
        network_id = merged.get("network_id")
        network = ctx.own("network", network_id) if isinstance(network_id, str) else None
        if network is None or network.deleted:
            raise RejectedError(Msg.SCREENING_WITHOUT_NETWORK())
        form_id, version = merged.get("form_id"), merged.get("form_version")
        defn = form_definition(ctx.conn, form_id, version)
        if defn is None:
            raise RejectedError(Msg.SCREENING_FORM_UNKNOWN(form_id=str(form_id), version=str(version)))
        members = [m.data for m in ctx.live_children("membership", network_id)]
        context = screening_context(network.data, members, ctx.live_companies(members))
        problems = final_screening_problems(defn, merged.get("answers"), context, merged.get("verdict"))
        if problems:
            raise RejectedError(*problems)
    return data


def _check_meeting(ctx, ch, rec, current, data, merged):  # type: ignore[no-untyped-def]
    cost = data.get("estimated_cost_ore")
    if cost is not None and cost < 0:
        raise RejectedError(Msg.MEETING_COST_NEGATIVE())
    steps = data.get("next_steps")
    if isinstance(steps, list):  # the schema has checked each step's shape
        problems = next_step_problems([PayloadStep.from_payload(s) for s in steps if isinstance(s, dict)])
        if problems:
            raise RejectedError(*problems)
    return data


# --- survey
def _check_satisfaction(ctx, ch, rec, current, data, merged):  # type: ignore[no-untyped-def]
    """A satisfaction answer by the app's own rules (domain.satisfaction): it stands once the
    server has it; a new one is checked for its score, occasion, date, company, contact and for
    another answer of the company at the same occasion (stored, or earlier in this push)."""
    if rec is not None and not rec.deleted:
        # the stored answer, not ``current``: demo.recheck passes its values as if sent afresh
        if any(k not in rec.data or rec.data[k] != v for k, v in data.items()):
            raise RejectedError(*edit_problems(rec.version))
        return data
    network_id = merged.get("network_id")
    company_id = merged.get("company_id")
    members = (
        {m.data.get("company_id") for m in ctx.live_children("membership", network_id)}
        if isinstance(network_id, str)
        else set()
    )
    contact_id = merged.get("contact_id")
    contact = ctx.own("contact", contact_id) if isinstance(contact_id, str) else None
    contact = contact if contact is not None and not contact.deleted else None
    company = ctx.own("company", company_id) if isinstance(company_id, str) else None
    others = (
        [{**r.data, "id": r.id, "deleted": r.deleted} for r in ctx.live_children("satisfaction", network_id)]
        if isinstance(network_id, str)
        else []
    )
    problems = satisfaction_problems(
        {**merged, "id": ch.id},
        member_ids={m for m in members if isinstance(m, str)},
        contact_company_id=contact.data.get("company_id") if contact is not None else None,
        others=others,
        today=ctx.now.date() + dt.timedelta(days=1),  # a laptop a time zone ahead of UTC
        company=str(company.data.get("name", "")) if company is not None else "",
    )
    if problems:
        raise RejectedError(*problems)
    return data


# --- end survey


# --- followup
def _may_push(user: User, entity: str) -> bool:
    """A caseworker pushes only the caseworkers' entities (follow-ups), a broker only the others."""
    if entity in CASEWORKER_ENTITIES:
        return user.role == Role.CASEWORKER
    return user.role == Role.BROKER


def _check_follow_up(ctx, ch, rec, current, data, merged):  # type: ignore[no-untyped-def]
    problems = payload_problems(merged)
    if problems:
        raise RejectedError(*problems)
    # the server's field: who recorded it, by the name the broker reads on the timeline
    name = (ctx.user.display_name or "").strip() or ctx.user.username
    if current.get("caseworker_name") != name:
        data = {**data, "caseworker_name": name}
    return data


_CHECKS: dict[str, Any] = {
    "company": _check_company,
    "expense": _check_expense,
    "application": _check_application,
    "network": _check_network,
    "meeting": _check_meeting,
    "screening": _check_screening,
    "satisfaction": _check_satisfaction,  # --- survey
    "follow_up": _check_follow_up,  # --- followup
    "contact": _check_contact,  # --- erasure
}

# An expense's fields whose change asks the receipt rule again.
RECEIPT_FIELDS = ("amount_ore", "status", "receipt_sha256")


@functools.lru_cache(maxsize=64)  # a published version never changes
def _parsed_form(form_id: str, version: int, body: str) -> FormDefinition:
    return parse_definition(fastjson.loads(body))


FORM_BODY = text("SELECT CAST(body AS TEXT) FROM form_definition WHERE id = :id AND version = :version")


def form_definition(conn: Connection, form_id: Any, version: Any) -> FormDefinition | None:
    """The form definition a screening names: as published on this server, else as bundled."""
    if not isinstance(form_id, str) or not _is_int(version):
        return None
    body = conn.execute(FORM_BODY, {"id": form_id, "version": version}).scalar()
    if isinstance(body, str):
        try:
            return _parsed_form(form_id, version, body)
        except (FormDefinitionError, ValueError):
            return None
    try:
        return bundled_registry().get(form_id, version)
    except FormDefinitionError:
        return None
