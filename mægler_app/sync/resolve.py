"""What the broker sees and decides about sync: records not yet sent, conflicts, rejected changes,
and records from the server that could not be stored here (parked by the engine).

Plain rows out, plain ids in; each decision is one transaction. Nothing here drops what the
broker typed without being asked: "take the server's" and "discard" are explicit choices.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from ..domain.changes import SYNC_STATE, Changes
from ..domain.errors import DomainError
from ..domain.messages import Message, Msg, from_json
from ..domain.numbers import format_date, format_date_numeric, format_kr
from ..domain.record_history import ENTITY_LABELS
from ..domain.stages import STAGE_LABELS, STAGE_VALUES, Move, Stage, moves
from ..domain.vocab import OutboxStatus
from ..store.db import Store
from ..store.models import SYNCED, Company, LocalState, Network, OutboxEntry, SyncMixin
from ..store.services.overview import MARK_PENDING, PARKED_PREFIX, sync_marks
from .apply import RANK, UnstorableRecordError, parse_server_time, set_fields
from .engine import records_by_key, reset_pull

FIELD_LABELS = {
    "name": "Navn",
    "cvr": "CVR-nummer",
    "address": "Adresse",
    "postcode": "Postnummer",
    "city": "By",
    "municipality": "Kommune",
    "employees": "Ansatte",
    "industry": "Branche",
    "notes": "Noter",
    "stage": "Fase",
    "stage_changed_at": "Fase skiftet",
    "stage_history": "Faseforløb",
    "core_task": "Kerneopgave (hvad)",
    "goals": "Mål (hvorfor)",
    "terms": "Vilkår (hvordan)",
    "network_type": "Netværkstype",
    "amount_ore": "Beløb",
    "description": "Beskrivelse",
    "category": "Kategori",
    "spent_on": "Dato",
    "starts_at": "Tidspunkt",
    "agenda": "Dagsorden",
    "minutes": "Referat",
    "status": "Status",
    "consultant_hours": "Konsulenttimer",
    "period_months": "Måneder",
    "role": "Rolle",
    "email": "E-mail",
    "phone": "Telefon",
    # --- effects
    "baseline_year": "Basisår",
    "_deleted": "Slettet",
}


def pending_record_ids(store: Store, entity: str) -> set[str]:
    """Ids of ``entity`` records with a change the server has not accepted yet (for marking list rows)."""
    return set(sync_marks(store, entity))


def attention_record_ids(store: Store, entity: str) -> set[str]:
    """Ids with a conflict or a rejected change (the broker must act)."""
    return {rid for rid, mark in sync_marks(store, entity).items() if mark != MARK_PENDING}


# A record's field by its sync name (an ORM object's attribute, or a value of a pulled change).
Getter = Callable[[str], Any]
_NAMES_CHUNK = 500  # ids per query, well below SQLite's limit of bound parameters


def _getter(obj: SyncMixin | None) -> Getter | None:
    return None if obj is None else (lambda attr: getattr(obj, attr, None))


def record_labels(s: Any, records: Mapping[tuple[str, str], Getter | None]) -> dict[tuple[str, str], str]:
    """What each ``(entity, id)`` is called on the sync page: a company, contact or network by its
    name; a record that belongs to one by what it is of (a membership "<virksomhed> i <netværk>", a
    screening "Screening af <netværk>", a meeting its date and network, an expense its description
    or else its date and network, …). The names of the networks and companies are read once for
    all the records (one query per kind). A record no longer here (None) is called by its type; one
    whose network or company is not here (yet) by its own name or text, or its id's start."""
    wanted: dict[str, set[str]] = {"network_id": set(), "company_id": set()}
    for get in records.values():
        if get is not None:
            for attr, ids in wanted.items():
                value = get(attr)
                if isinstance(value, str):
                    ids.add(value)
    names = {"network_id": _names(s, Network, wanted["network_id"]),
             "company_id": _names(s, Company, wanted["company_id"])}  # fmt: skip
    return {(entity, rid): _label_of(entity, rid, get, names) for (entity, rid), get in records.items()}


def labels_of(store: Store, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """``record_labels`` of records named by key, read from the store (any thread)."""
    with store.session() as s:
        return record_labels(s, {(e, rid): _getter(_record(s, e, rid)) for e, rid in dict.fromkeys(keys)})


def _names(s: Any, cls: type[Network] | type[Company], ids: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), _NAMES_CHUNK):
        chunk = ordered[start : start + _NAMES_CHUNK]
        for rid, name in s.execute(select(cls.id, cls.name).where(cls.id.in_(chunk))):
            out[rid] = name
    return out


def _label_of(entity: str, rid: str, get: Getter | None, names: dict[str, dict[str, str]]) -> str:
    if get is None:
        return ENTITY_LABELS.get(entity, entity)

    def name_of(attr: str) -> str:
        value = get(attr)
        name = names[attr].get(value) if isinstance(value, str) else None
        return name.strip() if isinstance(name, str) else ""

    network, company = name_of("network_id"), name_of("company_id")
    message: Message | None = None
    if entity == "contact" and company:
        own = get("name")
        message = Msg.UI_RECORD_CONTACT(name=own.strip(), company=company) if _text(own) else None
    elif entity in ("membership", "satisfaction") and network and company:
        message = Msg.UI_RECORD_COMPANY_IN_NETWORK(company=company, network=network)
    elif entity == "screening" and network:
        message = Msg.UI_RECORD_SCREENING(network=network)
    elif entity == "meeting" and network and isinstance(get("starts_at"), dt.datetime):
        message = Msg.UI_RECORD_MEETING(d=get("starts_at"), network=network)
    elif entity == "expense" and _text(get("description")):
        pass  # what the broker wrote it was for names it best
    elif entity == "expense" and network and isinstance(get("spent_on"), dt.date | str) and get("spent_on"):
        message = Msg.UI_RECORD_EXPENSE(d=get("spent_on"), network=network)
    elif entity == "application" and network:
        message = Msg.UI_RECORD_APPLICATION(network=network)
    elif entity == "action_plan" and network:
        message = Msg.UI_RECORD_ACTION_PLAN(network=network)
    elif entity == "effect_measurement" and company and isinstance(get("year"), int):
        message = Msg.UI_RECORD_EFFECT_MEASUREMENT(year=get("year"), company=company)
    return str(message) if message is not None else _name(get, rid) or ENTITY_LABELS.get(entity, entity)


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _name(get: Getter, record_id: str) -> str:
    """A record's own name or text, or its meeting time; "" when it has neither (the caller then
    names its type: a broker never reads an id, issue 20 item 7)."""
    for attr in ("name", "description", "agenda", "consultant_name"):
        value = get(attr)
        if isinstance(value, str) and value.strip():
            return value.strip()
    starts = get("starts_at")
    if isinstance(starts, dt.datetime):
        return format_date_numeric(starts)
    return ""


def _show_move(move: Move) -> str:
    return f"{STAGE_LABELS[move.stage]} ({format_date(move.at.date())})"


def show_value(field: str, value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if field.endswith("_ore") and isinstance(value, int):
        return format_kr(value)
    if field == "stage" and value in STAGE_VALUES:
        return STAGE_LABELS[Stage(value)]
    if field == "stage_history" and isinstance(value, list):
        return " → ".join(_show_move(m) for m in moves(value)) or "–"
    if isinstance(value, list | dict):
        return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return str(value)


@dataclass(frozen=True)
class FieldDiff:
    field: str
    label: str
    mine: str
    server: str


@dataclass(frozen=True)
class ConflictRow:
    seq: int
    entity: str
    entity_label: str
    record_id: str
    label: str
    fields: tuple[FieldDiff, ...]
    server_version: int
    server_deleted: bool
    mine_deleted: bool


@dataclass(frozen=True)
class RejectedRow:
    seq: int
    entity: str
    entity_label: str
    record_id: str
    label: str
    reason: str
    fields: tuple[str, ...]
    created_at: dt.datetime


@dataclass(frozen=True)
class ParkedRow:
    tag: str  # "<entity>/<id>", as the engine keeps it
    entity: str
    entity_label: str
    record_id: str
    label: str
    reason: str


@dataclass(frozen=True)
class PendingRow:
    entity: str
    entity_label: str
    record_id: str
    label: str
    network: str  # the name of the network the record belongs to, if it belongs to one
    what: str  # "Ny post", "Slettes", or the changed fields' names
    changed_at: dt.datetime | None


# The sync page lists this many records waiting to be sent, the most recently changed first.
PENDING_SHOWN = 200


def list_pending(store: Store, limit: int = PENDING_SHOWN) -> tuple[list[PendingRow], int]:
    """Records with changes not yet sent, most recently changed first: at most ``limit``, and how many in all."""
    key = (OutboxEntry.entity, OutboxEntry.record_id)
    waiting = OutboxEntry.status == OutboxStatus.PENDING
    latest = func.max(OutboxEntry.seq)
    with store.session() as s:
        total = int(
            s.scalar(select(func.count()).select_from(select(*key).where(waiting).distinct().subquery())) or 0
        )
        shown = [
            (entity, rid)
            for entity, rid, _seq in s.execute(
                select(*key, latest).where(waiting).group_by(*key).order_by(latest.desc()).limit(limit)
            )
        ]
        entries: dict[tuple[str, str], list[OutboxEntry]] = {k: [] for k in shown}
        for e in s.scalars(
            select(OutboxEntry)
            .where(waiting, OutboxEntry.record_id.in_([rid for _entity, rid in shown]))
            .order_by(OutboxEntry.seq)
        ):
            if (e.entity, e.record_id) in entries:
                entries[(e.entity, e.record_id)].append(e)
        objects = records_by_key(s, shown)
        network_ids = {getattr(obj, "network_id", None) for obj in objects.values()} - {None}
        networks = dict(s.execute(select(Network.id, Network.name).where(Network.id.in_(network_ids))).all())
        labels = record_labels(s, {key: _getter(objects.get(key)) for key in shown})
        out = []
        for entity, rid in shown:
            changes = entries[(entity, rid)]
            obj = objects.get((entity, rid))
            if changes[-1].deleted:
                what = "Slettes"
            elif any(e.base_version == 0 for e in changes) and (obj is None or obj.version == 0):
                what = "Ny post"
            else:
                fields = dict.fromkeys(k for e in changes for k in (e.data or {}))
                what = ", ".join(FIELD_LABELS.get(k, k) for k in fields) or "Ændret"
            changed = obj.updated_at if obj is not None and obj.updated_at else changes[-1].created_at
            network = networks.get(getattr(obj, "network_id", None) or "", "")
            out.append(
                PendingRow(
                    entity,
                    ENTITY_LABELS.get(entity, entity),
                    rid,
                    labels[(entity, rid)],
                    network,
                    what,
                    changed,
                )
            )
    return out, total


@dataclass(frozen=True)
class Place:
    """A record as the app opens it: the record, and the network and company it belongs to."""

    entity: str
    record_id: str
    network_id: str | None
    company_id: str | None
    application_id: str | None


def record_place(store: Store, entity: str, record_id: str) -> Place | None:
    """Where a record lives, or None for a record no longer here (never created, or deleted)."""
    with store.session() as s:
        obj = _record(s, entity, record_id)
        if obj is None or obj.deleted:
            return None
        network_id = obj.id if entity == "network" else getattr(obj, "network_id", None)
        company_id = obj.id if entity == "company" else getattr(obj, "company_id", None)
        application_id = getattr(obj, "application_id", None)
        return Place(
            entity,
            obj.id,
            network_id if isinstance(network_id, str) else None,
            company_id if isinstance(company_id, str) else None,
            application_id if isinstance(application_id, str) else None,
        )


def _record(s: Any, entity: str, rid: str) -> SyncMixin | None:
    cls = SYNCED.get(entity)
    return None if cls is None else s.get(cls, rid)


def list_conflicts(store: Store) -> list[ConflictRow]:
    out = []
    with store.session() as s:
        entries = s.scalars(
            select(OutboxEntry).where(OutboxEntry.status == OutboxStatus.CONFLICT).order_by(OutboxEntry.seq)
        ).all()
        objects = records_by_key(s, [(e.entity, e.record_id) for e in entries])
        labels = record_labels(
            s, {(e.entity, e.record_id): _getter(objects.get((e.entity, e.record_id))) for e in entries}
        )
        for e in entries:
            server = e.server_data or {}
            sdata = server.get("data") or {}
            diffs = []
            for key, mine in (e.data or {}).items():
                theirs = sdata.get(key)
                if theirs != mine:
                    diffs.append(
                        FieldDiff(
                            key, FIELD_LABELS.get(key, key), show_value(key, mine), show_value(key, theirs)
                        )
                    )
            if bool(e.deleted) != bool(server.get("deleted")):
                diffs.append(
                    FieldDiff(
                        "_deleted",
                        "Slettet",
                        show_value("", bool(e.deleted)),
                        show_value("", bool(server.get("deleted"))),
                    )
                )
            out.append(
                ConflictRow(
                    e.seq,
                    e.entity,
                    ENTITY_LABELS.get(e.entity, e.entity),
                    e.record_id,
                    labels[(e.entity, e.record_id)],
                    tuple(diffs),
                    int(server.get("version") or 0),
                    bool(server.get("deleted")),
                    bool(e.deleted),
                )
            )
    return out


def list_rejected(store: Store) -> list[RejectedRow]:
    out = []
    with store.session() as s:
        entries = s.scalars(
            select(OutboxEntry).where(OutboxEntry.status == OutboxStatus.REJECTED).order_by(OutboxEntry.seq)
        ).all()
        objects = records_by_key(s, [(e.entity, e.record_id) for e in entries])
        labels = record_labels(
            s, {(e.entity, e.record_id): _getter(objects.get((e.entity, e.record_id))) for e in entries}
        )
        for e in entries:
            obj = objects.get((e.entity, e.record_id))
            out.append(
                RejectedRow(
                    e.seq,
                    e.entity,
                    ENTITY_LABELS.get(e.entity, e.entity),
                    e.record_id,
                    labels[(e.entity, e.record_id)],
                    e.last_error,
                    ("ny post",)
                    if e.base_version == 0 and (obj is None or obj.version == 0)
                    else tuple(FIELD_LABELS.get(k, k) for k in (e.data or {})),
                    e.created_at,
                )
            )
    return out


def _field_label(key: Any) -> str:
    return f"{FIELD_LABELS[key]} ({key})" if key in FIELD_LABELS else str(key)


def _parked_reason(entry: dict[str, Any]) -> Message:
    reason = from_json(entry.get("reason"))
    if reason is not None:
        # The engine keeps sync names; a person reads the field's and the entity's labels.
        params = dict(reason.params)
        if "field" in params:
            params["field"] = _field_label(params["field"])
        if "entity" in params:
            params["entity"] = ENTITY_LABELS.get(str(params["entity"]), str(params["entity"]))
        return Message(reason.code, params)
    waiting = entry.get("waiting") or [[None, None]]
    parent = str(waiting[0][0])
    return Msg.PULLED_WAITING_FOR_PARENT(parent=ENTITY_LABELS.get(parent, parent))


def list_parked(store: Store) -> list[ParkedRow]:
    """Records from the server kept aside by the engine (waiting for their parent, or not storable
    here as they came), parents' entities first, with the reason in Danish."""
    with store.session() as s:
        rows = s.execute(
            select(LocalState.key, LocalState.value).where(
                LocalState.key.startswith(PARKED_PREFIX, autoescape=True)
            )
        ).all()
        parked: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
        getters: dict[tuple[str, str], Getter | None] = {}
        for key, entry in rows:
            tag = key[len(PARKED_PREFIX) :]
            entity, _, rid = tag.partition("/")
            if not isinstance(entry, dict):
                continue
            change = entry.get("change")
            data = change.get("data") if isinstance(change, dict) else None
            data = data if isinstance(data, dict) else {}

            def get(attr: str, data: dict[str, Any] = data) -> Any:
                value = data.get(attr)
                return parse_server_time(value) if attr == "starts_at" else value

            parked[(entity, rid)] = (tag, entry)
            getters[(entity, rid)] = get
        labels = record_labels(s, getters)
    out = [
        ParkedRow(
            tag,
            entity,
            ENTITY_LABELS.get(entity, entity),
            rid,
            labels[(entity, rid)],
            str(_parked_reason(entry)),
        )  # fmt: skip
        for (entity, rid), (tag, entry) in parked.items()
    ]
    return sorted(out, key=lambda r: (RANK.get(r.entity, len(RANK)), r.entity, r.label, r.record_id))


class ResolveError(DomainError):
    pass


def _resolved(e: OutboxEntry) -> Changes:
    """What resolving an entry changed: its record, and the sync's own state (what waits)."""
    return Changes.of(e.entity, e.record_id) | Changes.of(SYNC_STATE)


def _entry(s: Any, seq: int, status: str) -> OutboxEntry:
    e = s.get(OutboxEntry, seq)
    if e is None or e.status != status:
        raise ResolveError(Msg.SYNC_ALREADY_RESOLVED())
    return e


def keep_mine(store: Store, seq: int) -> Changes:
    """Send my values again, now based on the server's version, so they win on the next sync."""
    with store.session() as s:
        s.info["from_server"] = True
        e = _entry(s, seq, OutboxStatus.CONFLICT)
        server = e.server_data or {}
        obj = _record(s, e.entity, e.record_id)
        base = int(server.get("version") or e.base_version)
        if obj is not None:
            # my values, from the record (they may have been edited further since the conflict)
            data = {k: _current(obj, k, v) for k, v in (e.data or {}).items()}
            obj.version = max(obj.version, base)
        else:
            data = dict(e.data or {})
        s.add(
            OutboxEntry(
                change_id=str(uuid.uuid4()),
                entity=e.entity,
                record_id=e.record_id,
                base_version=base,
                deleted=bool(e.deleted),
                data=data,
                created_at=e.created_at,
            )
        )
        s.delete(e)
        return _resolved(e)


def _current(obj: SyncMixin, key: str, fallback: Any) -> Any:
    from ..store.serialize import to_json_value

    if hasattr(obj, key):
        return to_json_value(getattr(obj, key))
    return fallback


def take_server(store: Store, seq: int) -> Changes:
    """Put the server's values into the record; my conflicting change is dropped (the broker chose so)."""
    with store.session() as s:
        s.info["from_server"] = True
        e = _entry(s, seq, OutboxStatus.CONFLICT)
        server = e.server_data or {}
        obj = _record(s, e.entity, e.record_id)
        if obj is not None:
            data = dict(server.get("data") or {})
            # fields of other changes still waiting stay as the broker typed them
            others = s.scalars(
                select(OutboxEntry).where(
                    OutboxEntry.entity == e.entity,
                    OutboxEntry.record_id == e.record_id,
                    OutboxEntry.seq != e.seq,
                    OutboxEntry.status.in_(list(OutboxStatus)),
                )
            ).all()
            keep: set[str] = set()
            for other in others:
                keep.update((other.data or {}).keys())
            try:
                set_fields(obj, e.entity, data, keep)
            except UnstorableRecordError as exc:
                raise ResolveError(str(exc)) from None
            obj.deleted = bool(server.get("deleted"))
            obj.version = max(obj.version, int(server.get("version") or 0))
        s.delete(e)
        return _resolved(e)


def retry_rejected(store: Store, seq: int) -> Changes:
    """Send a rejected change again (after the broker fixed the record), with the record's current values."""
    with store.session() as s:
        s.info["from_server"] = True
        e = _entry(s, seq, OutboxStatus.REJECTED)
        obj = _record(s, e.entity, e.record_id)
        if obj is not None:
            e.data = {k: _current(obj, k, v) for k, v in (e.data or {}).items()}
            e.deleted = bool(obj.deleted)
        e.change_id = str(uuid.uuid4())  # a new payload needs a new idempotency key
        e.status = OutboxStatus.PENDING
        e.attempts = 0
        e.last_error = ""
        return _resolved(e)


def discard_rejected(store: Store, seq: int) -> Changes:
    """Give up a rejected change: a record the server never had is removed here; else the server's copy is fetched."""
    refetch: list[str] = []
    with store.session() as s:
        s.info["from_server"] = True
        e = _entry(s, seq, OutboxStatus.REJECTED)
        obj = _record(s, e.entity, e.record_id)
        others = s.scalar(
            select(OutboxEntry.seq).where(
                OutboxEntry.entity == e.entity, OutboxEntry.record_id == e.record_id, OutboxEntry.seq != e.seq
            )
        )
        if obj is not None and obj.version == 0 and others is None:
            obj.deleted = True  # never reached the server: a local tombstone, nothing to send
        elif obj is not None:
            refetch.append(f"{e.entity}/{e.record_id}")
        s.delete(e)
        changes = _resolved(e)
    if refetch:
        reset_pull(store, refetch)
    return changes
