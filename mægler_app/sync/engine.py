"""One sync run: push the outbox, upload receipts, pull, fetch missing receipts (DESIGN.md §5).

``SyncEngine(store, api).run()`` is a generator yielding ``(done, total)`` and returning a
``SyncReport``; it is safe to stop between any two steps (the UI's cancel, a killed process):

- push: an entry's ``attempts`` is raised (and committed) before it is sent, so a later local edit
  never folds into a change the server may already hold; the entry is deleted (applied/duplicate)
  or marked conflict/rejected only in the transaction that stores the server's answer. A cut
  connection means the same ``change_id``s are sent again: the server answers ``duplicate``.
- a 4xx for a whole batch is narrowed down by halving until the one change the server refuses is
  marked rejected with the server's reason; the rest go through (a 4xx must not wedge the queue).
- 426: nothing in the outbox changes; 401: log in again.
- pull: each page is applied together with its checkpoint (``pull_since``) in ONE transaction, in a
  session marked ``from_server``; the fields of a local change not yet accepted by the server are
  kept, the server's version recorded. A record whose parent has not arrived yet is parked (in the
  same transaction) until it does, because SQLite checks the foreign keys at each commit.
- a pulled record this computer cannot store (a value of the wrong type, a missing field, an entity
  it does not know: an older or newer server, see sync/apply.py) is parked the same way, with its
  reason, and the pull goes on: one bad record never stops a sync. It is tried again when a newer
  version of it arrives, and once at the start of each sync (an updated app may store it now).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Generator, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from sqlalchemy import Table, Text, bindparam, delete, func, insert, select, update
from sqlalchemy import cast as sql_cast

from .. import fastjson
from ..domain.changes import SYNC_STATE, Changes
from ..domain.erasure import erased_values, must_be_erased  # --- erasure
from ..domain.messages import Msg, answer_messages, render_all
from ..domain.stages import Stage
from ..domain.sync_contract import (
    CASEWORKER_ENTITIES,
    MAX_PUSH_BYTES,
    RETENTION_KEY,
    SERVER_FIELDS,
    PushStatus,
    format_skip,
    seq_ranges,
)
from ..domain.timeutil import utcnow
from ..domain.vocab import OutboxStatus, Role
from ..store.db import Store, StoreSession
from ..store.models import SYNCED, Blob, Expense, LocalState, OutboxEntry, SyncMixin
from ..store.retention import SETTINGS_KEY as RETENTION_SETTINGS_KEY  # --- retention
from ..store.retention import (  # --- retention
    is_purged,
    purge_local,
    settings_kept,  # --- field
    unused_receipts,
)
from ..store.retention import remember_settings as remember_retention  # --- retention
from ..store.services.blobs import mark_uploaded, remove_blob_files  # --- receipts
from ..store.services.erasure import scrub_outbox
from ..store.services.overview import PARKED_PREFIX, USER_KEY, remember_server_user, server_user_value
from .api import Api, AuthError, RefusedError, SyncError, UpgradeRequiredError, encode_push
from .apply import (
    RANK,
    UnstorableRecordError,
    change_problem,
    missing_required,
    new_record,
    new_row,
    parent_refs,
    parse_server_time,
    server_values,
)
from .blobs import blob_file
from .forms import FORMS_ETAG_KEY, PARKED_FORMS_KEY, fetch_forms
from .receipts import WANTED_KEY

# --- field: what the first pull page (or a push's answer) is asked to carry (docs/protocol.md,
# "One request per sync"): /me's answer and the forms' ETag. An older server ignores it.
_ALONG = ("me", "forms")
_ENCODING_KEY = "server_request_encoding"  # LocalState: what the server took in requests last time

Progress = Generator[tuple[int, int], None, Any]

# A network's stage travels after everything else in the outbox: the server checks a stage against
# the network's members, screening and application (DESIGN §2), and the outbox folds a later stage
# change into the network's creation, or into an edit of it still waiting, ahead of the records
# that stage needs. (A change to an existing network is split only when others wait after it.)
_DEFERRED = {"network": frozenset({"stage", "stage_changed_at", "stage_history"})}
_OPEN_STAGES = frozenset({Stage.CANDIDATE.value, Stage.CLOSED.value})
_TAIL_NAMESPACE = uuid.UUID("0b6f1a8e-5a55-4d8e-9d7e-6d2f8d1c7a10")


# --- retention: the server-owned fields an outbox entry may hold, left out of what is sent.
# ``keep_until`` is not among them: the store never queues it (``__server_fields__``) and the server
# drops it from a push anyway, so a meeting's or an expense's change is sent without decoding it.
_STRIPPED: dict[str, frozenset[str]] = {
    entity: rest for entity, fields in SERVER_FIELDS.items() if (rest := fields - {"keep_until"})
}


def _is_tail(change_id: str) -> bool:
    """Whether an outbox entry is a stage held back already (its id is made by uuid5 from the
    change it was split from; a local change's id is a uuid4). It went to the end of the outbox
    after everything waiting then, so it is not held back again: re-splitting it each time other
    changes wait behind it sent a network's stage once per batch (34.799 changes for 12.008 records
    in demo-data's scale 1)."""
    try:
        return uuid.UUID(change_id).version == 5
    except ValueError:
        return False


# Statuses of outbox entries whose fields a pull must not overwrite
_LOCAL_STATUSES = tuple(OutboxStatus)
_REFUSALS_TO_NARROW = frozenset({400, 409, 413, 422})
UNANSWERED = Msg.SYNC_UNANSWERED()

CONFLICT_TEXT = str(Msg.SYNC_CONFLICT())

# --- receipts: a receipt larger than this goes up in chunks of this size (resumable after a cut)
UPLOAD_CHUNK = 256 * 1024
_UPLOADS_KEY = "blob_uploads"


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    parked: int = 0
    blobs_uploaded: int = 0
    blobs_downloaded: int = 0
    receipts_waiting: int = 0  # --- receipts: receipts to fetch after the run (sync.receipts)
    pending_left: int = 0
    attention: int = 0  # conflicts + rejected entries waiting for the broker
    pull_complete: bool = False
    messages: list[str] = field(default_factory=list)
    forms_added: list[str] = field(default_factory=list)  # "Screening v2": definitions new here
    forms_parked: int = 0  # published definitions this computer cannot use (see sync/forms.py)
    purged: int = 0  # --- retention: records removed because the server purged them
    # (entity, id) of the records pulled, and of those pushed (their "not sent" mark changes)
    touched: set[tuple[str, str]] = field(default_factory=set)

    @property
    def changes(self) -> Changes:
        """What the run changed on this computer, for the views to refresh by: the records pulled
        and pushed, receipts downloaded, forms added, and the sync's own state (outbox, role)."""
        changes = Changes.of_records(self.touched) | Changes.of(SYNC_STATE)
        if self.blobs_downloaded or self.blobs_uploaded:
            changes = changes | Changes.of("expense")
        if self.forms_added or self.forms_parked:
            changes = changes | Changes.of("form")
        return changes

    @property
    def complete(self) -> bool:
        """Everything sent and pulled: nothing pending, nothing waiting for the broker."""
        return self.pull_complete and self.pending_left == 0 and self.attention == 0

    def parked_text(self) -> str:
        """The one warning about pulled records kept aside (shown on the sync page), or "" if none."""
        return str(Msg.PULLED_NOT_STORED(n=self.parked)) if self.parked else ""


def client_id(store: Store) -> str:
    with store.session() as s:
        return _client_id(s)


def _client_id(s: StoreSession) -> str:
    row = s.get(LocalState, "client_id")
    if row is None:
        row = LocalState(key="client_id", value=str(uuid.uuid4()))
        s.add(row)
    return str(row.value)


def _server_session(store: Store) -> StoreSession:
    s = store.new_session()
    s.info["from_server"] = True
    return s


def _state(s: StoreSession, key: str, default: Any = None) -> Any:
    row = s.get(LocalState, key)
    return default if row is None else row.value


# --- field: the states a no-change sync's steps after the answer would each read in a session of
# their own (the user and role /me may change, the retention settings, the forms' listing, the
# receipts wanted), read in the run's first session; ``_HERE_KEY``: which wanted receipts are here.
_KEPT_KEYS = (USER_KEY, "account", RETENTION_SETTINGS_KEY, PARKED_FORMS_KEY, FORMS_ETAG_KEY, WANTED_KEY)
_HERE_KEY = " here"


def _kept_states(s: StoreSession) -> dict[str, Any]:
    kept: dict[str, Any] = dict(
        s.execute(select(LocalState.key, LocalState.value).where(LocalState.key.in_(_KEPT_KEYS))).all()
    )
    wanted = [sha for sha in kept.get(WANTED_KEY) or [] if isinstance(sha, str)]
    kept[WANTED_KEY] = wanted
    kept[_HERE_KEY] = set(s.scalars(select(Blob.sha256).where(Blob.sha256.in_(wanted)))) if wanted else set()
    return kept


def _nothing_new(kept: dict[str, Any] | None, role: object, name: object, retention: object) -> bool:
    """Whether /me's answer (role, name, retention settings) is what the states ``kept`` at the
    run's start hold already: then remembering it would write nothing. False when not kept."""
    if kept is None or not settings_kept(kept.get(RETENTION_SETTINGS_KEY), retention):
        return False
    stored = kept.get(USER_KEY)
    value, _role_changed = server_user_value(stored, kept.get("account"), role, name)
    return value == (stored if isinstance(stored, dict) else {})


def _set_state(s: StoreSession, key: str, value: Any) -> None:
    row = s.get(LocalState, key)
    if row is None:
        s.add(LocalState(key=key, value=value))
    else:
        row.value = value


# A look-up of ORM objects by a list of ids, built once with one expanding parameter: building
# ``in_(chunk)`` anew makes a bound parameter of every id, which cost more than running the query.
@cache
def _objects_by_ids(entity: str) -> Any:
    cls = SYNCED[entity]
    return select(cls).where(cls.id.in_(bindparam("ids", expanding=True)))


_OUTBOX = cast(Table, OutboxEntry.__table__)
# On the table, not the mapped class: the ORM's loading machinery adds nothing to plain rows.
_NEXT_PENDING = (
    select(
        _OUTBOX.c.seq,
        _OUTBOX.c.change_id,
        _OUTBOX.c.entity,
        _OUTBOX.c.record_id,
        _OUTBOX.c.base_version,
        _OUTBOX.c.deleted,
        sql_cast(_OUTBOX.c.data, Text),  # as stored: most changes go out without decoding it
        _OUTBOX.c.created_at,
    )
    .where(_OUTBOX.c.status == OutboxStatus.PENDING.value, _OUTBOX.c.seq > bindparam("after"))
    .order_by(_OUTBOX.c.seq)
    .limit(bindparam("limit"))
)
# The push's bookkeeping statements in plain SQL, a list of keys as one JSON parameter: SQLAlchemy's
# processing of 500 bound parameters per statement cost more than SQLite's work.
_IN_LIST = "IN (SELECT value FROM json_each(?))"
_LOCAL_STATE = cast(Table, LocalState.__table__)
_RAISE_ATTEMPTS = f"UPDATE {_OUTBOX.name} SET attempts = attempts + 1 WHERE seq {_IN_LIST}"
_DELETE_ENTRIES = f"DELETE FROM {_OUTBOX.name} WHERE seq {_IN_LIST}"


def _as_list(values: Iterable[Any]) -> tuple[str]:
    return (fastjson.dumps_str(list(values)),)


def _table_name(entity: str) -> str:
    return str(cast(Table, SYNCED[entity].__table__).name)  # type: ignore[attr-defined]


def records_by_key(s: StoreSession, keys: list[tuple[str, str]]) -> dict[tuple[str, str], SyncMixin]:
    """The local records (ORM objects) of ``(entity, id)`` keys, a few queries per entity."""
    by_entity: dict[str, set[str]] = {}
    for entity, rid in keys:
        by_entity.setdefault(entity, set()).add(rid)
    out: dict[tuple[str, str], SyncMixin] = {}
    for entity, ids in by_entity.items():
        if entity not in SYNCED:
            continue
        for chunk in _chunks(sorted(ids), 500):
            for obj in s.scalars(_objects_by_ids(entity), {"ids": chunk}):
                out[(entity, obj.id)] = obj
    return out


_LOCAL_ENTRIES = select(OutboxEntry).where(
    OutboxEntry.record_id.in_(bindparam("ids", expanding=True)),
    OutboxEntry.status.in_(_LOCAL_STATUSES),
)


# A parked record is one row: {"change": the pulled change, and either "waiting": [[entity, id]]
# (the parents it waits for) or "reason": a message's code and parameters (why it cannot be stored)}.
_PARKED_PREFIX = PARKED_PREFIX


def _released(
    parked: dict[str, dict[str, Any]], changes: list[dict[str, Any]], retry_refused: bool = False
) -> list[dict[str, Any]]:
    """The parked records that may go in now: those waiting for a record of this page, and so
    on down (a released parent releases its own children), and with ``retry_refused`` those that
    could not be stored. The rest are not looked at."""
    if not parked:
        return []
    waiting_for: dict[tuple[str, str], list[str]] = {}
    released: set[str] = set()
    for tag, p in parked.items():
        if "reason" in p:
            if retry_refused:
                released.add(tag)
            continue
        waiting = p.get("waiting")
        if not waiting:
            released.add(tag)  # parked by an older version: no list of what it waits for; always tried
            continue
        for target, rid in waiting:
            waiting_for.setdefault((str(target), str(rid)), []).append(tag)
    arriving = [(str(ch.get("entity")), str(ch.get("id"))) for ch in changes if isinstance(ch, dict)]
    arriving += [tuple(tag.split("/", 1)) for tag in released]  # type: ignore[misc]
    while arriving:
        key = arriving.pop()
        for tag in waiting_for.get(key, ()):
            if tag not in released:
                released.add(tag)
                arriving.append(tuple(tag.split("/", 1)))  # type: ignore[arg-type]
    return [parked[tag]["change"] for tag in released]


def _version(ch: dict[str, Any]) -> int:
    version = ch.get("version", 0)
    return version if type(version) is int else -1  # a broken one is parked (see change_problem)


def _park(
    still: dict[str, dict[str, Any]],
    before: dict[str, dict[str, Any]],
    key: tuple[str, str],
    entry: dict[str, Any],
) -> None:
    """Park ``entry`` for ``key``; one parked before and saying the same stays, so its row is not
    written again (a record that still cannot be stored, tried again at each sync)."""
    tag = f"{key[0]}/{key[1]}"
    old = before.get(tag)
    still[tag] = old if old is not None and old.get("change") is entry["change"] and old == entry else entry


def _chunks(items: list[Any], n: int) -> Iterable[list[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


@dataclass
class _Outgoing:
    seq: int
    change: dict[str, Any]
    tail: dict[str, Any] | None  # fields held back to a later change (see _DEFERRED)
    piece: bytes  # the change as JSON, encoded once (for sizing the batch and for the body)
    local_version: int
    created_at: Any

    @property
    def size(self) -> int:
        return len(self.piece)


class SyncEngine:
    def __init__(
        self,
        store: Store,
        api: Api,
        *,
        batch_size: int = 500,
        page_size: int = 1000,
        max_push_bytes: int = MAX_PUSH_BYTES * 9 // 10,
        with_forms: bool = True,
        chunk_size: int = UPLOAD_CHUNK,  # --- receipts
    ) -> None:
        self.store = store
        self.with_forms = with_forms  # fetch published form definitions after the pull
        self.api = api
        self.batch_size = batch_size
        self.page_size = page_size
        self.max_push_bytes = max_push_bytes
        # --- field: what a sync reads before its first request is read in one go, in ``run``'s
        # first session (a no-change sync is one round trip, and every session opened before it
        # or after its answer adds to it); a step run on its own reads it when first needed
        self._client_id: str | None = None
        self._kept_encoding: Any = None
        self.report = SyncReport()
        self._done = 0
        self._total = 0
        self._receipts_seen: set[str] = set()
        # --- receipts: chunked uploads; None until the server has said whether it has them
        self.chunk_size = chunk_size
        self._chunked: bool | None = None
        # Server seqs of records this run stored at the server's version (its own pushes).
        self._held_seqs: set[int] = set()
        # --- field: the first pull page that came with the last push's answer (its ``since``),
        # whether /me's answer came along, and the forms' ETag as the server said it
        self._page_along: tuple[int, Future[dict[str, Any]]] | None = None
        self._me_taken = False
        self._forms_etag: str | None = None
        self._blobs_waiting: int | None = None  # receipts not uploaded when the run began
        self._parked_at_start: tuple[int, dict[str, dict[str, Any]]] | None = None
        # --- field: with nothing to send, the states the steps after the answer compare with, read
        # with the run's first reads (``_kept_states``); None: each step reads its own
        self._kept: dict[str, Any] | None = None

    @property
    def client_id(self) -> str:
        self._read_start_once()
        assert self._client_id is not None
        return self._client_id

    def _read_start_once(self) -> None:
        """``_read_start`` in a session of its own, unless done (``run`` does it in its first)."""
        if self._client_id is None:
            with self.store.session() as s:
                self._read_start(s)

    def _read_start(self, s: StoreSession) -> None:
        """This computer's client id, and what the server took in compressed requests last time
        (a new Api learns it from the first answer only, and the first request is often the push)."""
        self._client_id = _client_id(s)
        self._kept_encoding = _state(s, _ENCODING_KEY)
        api = self.api
        if hasattr(api, "request_encoding") and api.request_encoding is None:
            kept = self._kept_encoding
            if isinstance(kept, str) and kept:
                api.request_encoding = kept

    # the whole run --------------------------------------------------------------------------
    def run(self) -> Progress:
        # --- field: /me's answer comes with the first pull page, or with the push's answer (a sync
        # with nothing to send is one request); only an older server is asked /me on its own. A 401
        # or 426 on the first push gives its entries back as they were (see _not_taken).
        with self.store.session() as s:
            if self._client_id is None:
                self._read_start(s)
            pending = int(
                s.scalar(select(func.count()).where(OutboxEntry.status == OutboxStatus.PENDING)) or 0
            )
            self._blobs_waiting = int(s.scalar(select(func.count()).where(Blob.uploaded.is_(False))) or 0)
            since = int(_state(s, "pull_since", 0) or 0)
            # with nothing to send, nothing changes them before the pull: read now, not after the answer
            parked = self._load_parked(s) if not pending + self._blobs_waiting else None
            if parked is not None:
                self._kept = _kept_states(s)
        self._total = pending + self._blobs_waiting
        if parked is not None:
            self._parked_at_start = (since, parked)
            # Nothing to send: the first page is asked for at once, with /me's answer and the forms'
            # ETag along (a sync with nothing to do is one round trip). On this thread: a thread of
            # its own waited for the interpreter's lock while this one read the store (up to 5 ms).
            first: Future[dict[str, Any]] = Future()
            try:
                first.set_result(self.api.pull(since, self.page_size, self._skip(since), ",".join(_ALONG)))
            except Exception as exc:  # noqa: BLE001 (raised where the page is taken, as before)
                first.set_exception(exc)
            self._page_along = (since, first)
        yield self._done, self._total
        yield from self.push()
        yield from self.upload_blobs()
        yield from self.pull()
        if not self._me_taken:
            self._remember_user(self.api.me())
        self._remember_encoding()
        yield from self.download_blobs()
        if self.with_forms:
            kept = self._kept
            forms = fetch_forms(
                self.store,
                self.api,
                listing_etag=self._forms_etag,
                kept=None if kept is None else (kept.get(PARKED_FORMS_KEY), kept.get(FORMS_ETAG_KEY)),
            )
            self.report.forms_added = forms.added
            self.report.forms_parked = forms.parked
            self.report.messages.extend(forms.messages)
            yield self._done, self._total
        self._finish()
        return self.report

    def _remember_user(self, user: dict[str, Any]) -> None:
        """The role and name as the server has them now (an operator may have changed either)."""
        # --- retention: the server's retention settings (``/me``'s optional ``retention``)
        retention = getattr(self.api, "retention", None)
        # --- end retention (kept below, in the same transaction as the role and name)
        role, name = user.get("role"), user.get("display_name")
        if not _nothing_new(self._kept, role, name, retention):  # --- field: else no transaction
            with _server_session(self.store) as s, s.begin():
                if retention is not None:
                    remember_retention(s, retention)
                remember_server_user(s, role, name)
        if role == Role.CASEWORKER:
            from ..store.services.desk import remember_people

            remember_people(self.store, self.api)

    # --- field ----------------------------------------------------------------------------------
    def _take_along(self, page: dict[str, Any]) -> None:
        """What a page carries besides its changes (``with``): /me's answer and the forms' ETag."""
        me = page.get("me")
        if isinstance(me, dict) and isinstance(me.get("user"), dict) and not self._me_taken:
            self._me_taken = True
            self.api.retention = me.get(RETENTION_KEY)
            self._remember_user(dict(me["user"]))
        etag = page.get("forms_etag")
        if isinstance(etag, str):
            self._forms_etag = etag

    def _remember_encoding(self) -> None:
        """What the server takes in compressed requests, kept between syncs (a new Api learns it
        from the first answer only, and the first request of a sync is often the push)."""
        if not hasattr(self.api, "request_encoding"):
            return
        if (self.api.request_encoding or "") != (self._kept_encoding or ""):
            with self.store.session() as s:
                _set_state(s, _ENCODING_KEY, self.api.request_encoding or "")
            self._kept_encoding = self.api.request_encoding or ""

    def _pull_along(self, batch: list[_Outgoing]) -> dict[str, Any] | None:
        """The first pull page to ask for with this push, when nothing waits after it in the outbox."""
        with self.store.session() as s:
            later = s.scalar(
                select(OutboxEntry.seq)
                .where(OutboxEntry.status == OutboxStatus.PENDING, OutboxEntry.seq > batch[-1].seq)
                .limit(1)
            )
            since = int(_state(s, "pull_since", 0) or 0)
        if later is not None:
            return None
        seen: set[tuple[str, str]] = set()
        not_held = []
        for o in batch:
            key = (o.change["entity"], o.change["id"])
            if key in seen or o.local_version != o.change["base_version"]:
                not_held.append(o.change["change_id"])  # the server must not leave it out
            seen.add(key)
        return {
            "since": since,
            "limit": self.page_size,
            "skip": self._skip(since),
            "with": list(_ALONG),
            "not_held": not_held,
        }

    def _finish(self) -> None:
        with self.store.session() as s:
            counts = dict(
                s.execute(select(OutboxEntry.status, func.count()).group_by(OutboxEntry.status)).all()
            )
            self.report.pending_left = int(counts.get(OutboxStatus.PENDING, 0))
            self.report.attention = int(counts.get(OutboxStatus.CONFLICT, 0)) + int(
                counts.get(OutboxStatus.REJECTED, 0)
            )
            if self.report.pull_complete:
                _set_state(s, "last_sync", utcnow().isoformat(timespec="seconds"))
        if self.report.parked:
            self.report.messages.append(self.report.parked_text())

    # push -------------------------------------------------------------------------------------
    def push(self) -> Progress:
        """Batches in outbox order, each answer stored before the batch after it is sent.

        While the server works on one batch, this computer stores the answer to the one before
        and reads the next from the outbox, so the two sides' work overlaps instead of taking
        turns. Only one request is ever in flight, so the server still sees the changes in order.
        """
        sent_once: set[str] = set()
        # On this thread: the sender's must not open the store (a first push writes this computer's
        # id, and a write there while this thread raises the outbox's attempts: "database is locked").
        self._read_start_once()
        sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="maegler-push")
        try:
            batch = self._next_batch()
            if not batch:
                return
            # --- field: a page asked for at the start is older than this push (an edit made since
            # the sync began): the pull after it, or the page along with it, is the one to apply
            self._page_along = None
            self._parked_at_start = None  # and what was read with it is read again after the push
            self._check_sent_once(batch, sent_once)
            answer = sender.submit(self._post, batch, self._pull_along(batch))
            while True:
                ahead = self._next_batch(after=batch[-1].seq)
                results, refusal = self._answer_of(answer)
                next_answer: Future[list[Any]] | None = None
                checked = False
                if results is not None and ahead:
                    self._check_sent_once(ahead, sent_once)
                    checked = True
                    if self._pull_along(ahead) is None:
                        next_answer = sender.submit(self._post, ahead)
                    # --- field: the last batch asks for the first pull page along; it goes once
                    # this answer is stored, so that the page leaves out what this one holds
                if refusal is not None:
                    self._not_taken(batch, refusal)  # narrowed here, before the next batch goes
                else:
                    self._take_results(batch, results or [])
                self._done += len(batch)
                self._total = max(self._total, self._done)
                yield self._done, self._total
                if next_answer is None:
                    if not ahead:
                        # What storing the answer added itself (fields held back for a second change).
                        ahead = self._next_batch(after=batch[-1].seq)
                        if not ahead:
                            return
                    if not checked:
                        self._check_sent_once(ahead, sent_once)
                    next_answer = sender.submit(self._post, ahead, self._pull_along(ahead))
                batch, answer = ahead, next_answer
        finally:
            # A batch in flight when the run stops is answered to nobody: its entries stay in the
            # outbox and are sent again (same change ids) next time.
            sender.shutdown(wait=True, cancel_futures=True)

    @staticmethod
    def _check_sent_once(batch: list[_Outgoing], sent_once: set[str]) -> None:
        # by change_id, not seq: SQLite may give a deleted entry's seq to a new one
        if any(o.change["change_id"] in sent_once for o in batch):
            raise SyncError(UNANSWERED)
        sent_once.update(o.change["change_id"] for o in batch)

    @staticmethod
    def _answer_of(
        answer: Future[list[Any]],
    ) -> tuple[list[Any] | None, UpgradeRequiredError | RefusedError | AuthError | None]:
        """The server's results, or the refusal of the whole push (``_not_taken`` decides)."""
        try:
            return answer.result(), None
        except (UpgradeRequiredError, RefusedError, AuthError) as exc:
            return None, exc

    def _take_results(self, batch: list[_Outgoing], results: list[Any]) -> None:
        self._store_results(batch, results)
        answered = {r.get("change_id") for r in results if isinstance(r, dict)}
        if any(o.change["change_id"] not in answered for o in batch):
            raise SyncError(UNANSWERED)

    def _next_batch(self, after: int = 0) -> list[_Outgoing]:
        """The next pending entries in outbox order, after ``after`` (a batch still in flight)."""
        with self.store.session() as s:
            # Plain rows, not ORM objects: only read, and the ORM's bookkeeping per object was
            # most of the cost of a batch.
            entries = s.execute(_NEXT_PENDING, {"after": after, "limit": self.batch_size}).all()
            if not entries:
                return []
            versions = self._local_versions(s, [(e[2], e[3]) for e in entries])
            last = s.scalar(
                select(func.max(OutboxEntry.seq)).where(OutboxEntry.status == OutboxStatus.PENDING)
            )
            out: list[_Outgoing] = []
            size = 200
            for e in entries:
                item = self._outgoing(
                    *e, local_version=versions.get((e[2], e[3]), 0), later=last is not None and e[0] < last
                )
                if item.size > self.max_push_bytes:
                    self._reject_locally(s, item.seq, str(Msg.SYNC_CHANGE_TOO_LARGE()))
                    continue
                if out and size + item.size > self.max_push_bytes:
                    break
                out.append(item)
                size += item.size + 1
            if not out:
                return self._next_batch_after_commit(s, after)
            # Raised before sending: the outbox hook never folds a new edit into a sent change.
            s.connection().exec_driver_sql(_RAISE_ATTEMPTS, _as_list(o.seq for o in out))
        return out

    def _next_batch_after_commit(self, s: StoreSession, after: int) -> list[_Outgoing]:
        s.commit()
        return self._next_batch(after)

    @staticmethod
    def _local_versions(s: StoreSession, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
        by_entity: dict[str, set[str]] = {}
        for entity, rid in keys:
            by_entity.setdefault(entity, set()).add(rid)
        out: dict[tuple[str, str], int] = {}
        conn = s.connection()
        for entity, ids in by_entity.items():
            if entity not in SYNCED:
                continue
            query = f"SELECT id, version FROM {_table_name(entity)} WHERE id {_IN_LIST}"
            for rid, version in conn.exec_driver_sql(query, _as_list(ids)).all():
                out[(entity, rid)] = int(version)
        return out

    def _outgoing(
        self,
        seq: int,
        change_id: str,
        entity: str,
        record_id: str,
        base_version: int,
        deleted: bool,
        data_json: str | None,
        created_at: Any,
        *,
        local_version: int,
        later: bool = False,
    ) -> _Outgoing:
        """An outbox row (the columns of ``_NEXT_PENDING``) as the change to send.

        ``later``: other changes wait after this one in the outbox (a stage change held back to the
        tail then goes after them)."""
        if not data_json or data_json == "null":
            data_json = "{}"
        data: Any = fastjson.Raw(data_json)
        tail: dict[str, Any] | None = None
        server_owned = _STRIPPED.get(entity)  # --- retention (was SERVER_FIELDS.get(entity))
        deferred = _DEFERRED.get(entity)
        if server_owned or deferred:
            fields = {k: v for k, v in fastjson.loads(data_json).items() if k not in (server_owned or ())}
            if (
                deferred
                and ((base_version == 0 and local_version == 0) or (later and not _is_tail(change_id)))
                and not deleted
                and fields.get("stage") not in _OPEN_STAGES
                and any(k in fields for k in deferred)
            ):
                tail = {k: fields.pop(k) for k in deferred if k in fields}
            data = fields
        change = {
            "change_id": change_id,
            "entity": entity,
            "id": record_id,
            "base_version": base_version,
            "deleted": bool(deleted),
            "data": data,
        }
        return _Outgoing(seq, change, tail, fastjson.dumps(change), local_version, created_at)

    @staticmethod
    def _reject_locally(s: StoreSession, seq: int, reason: str) -> None:
        s.execute(
            update(OutboxEntry)
            .where(OutboxEntry.seq == seq)
            .values(status=OutboxStatus.REJECTED, last_error=reason)
        )

    def _post(self, batch: list[_Outgoing], along: dict[str, Any] | None = None) -> list[Any]:
        head = encode_push(self.client_id, [])[: -len(b"]}")]
        body = head + b",".join(o.piece for o in batch) + b"]"
        if not hasattr(self.api, "push_answer"):
            return self.api.push(self.client_id, [], body=body + b"}")
        # --- field: shorter answers, and the first pull page along (docs/protocol.md, "One request
        # per sync"); an older server ignores both and answers as before
        body += b',"short_answers":true'
        if along is not None:
            body += b',"pull":' + fastjson.dumps(along)
        answer = self.api.push_answer(self.client_id, [], body=body + b"}")
        page = answer.get("pull")
        if along is not None and isinstance(page, dict):
            done: Future[dict[str, Any]] = Future()
            done.set_result(page)
            self._page_along = (int(along["since"]), done)
        results = list(answer["results"])
        if len(results) == len(batch):  # a short answer names no change ids: one per change, in order
            for item, result in zip(batch, results, strict=True):
                if isinstance(result, dict) and "change_id" not in result:
                    result["change_id"] = item.change["change_id"]
        return results

    def _give_back(self, batch: list[_Outgoing]) -> None:
        """The server took nothing: the entries go back exactly as they were."""
        with self.store.session() as s:
            s.execute(
                update(OutboxEntry)
                .where(OutboxEntry.seq.in_([o.seq for o in batch]))
                .values(attempts=OutboxEntry.attempts - 1)
            )

    def _send(self, batch: list[_Outgoing]) -> None:
        try:
            results = self._post(batch)
        except (UpgradeRequiredError, RefusedError) as exc:
            self._not_taken(batch, exc)
            return
        self._store_results(batch, results)

    def _not_taken(
        self, batch: list[_Outgoing], exc: UpgradeRequiredError | RefusedError | AuthError
    ) -> None:
        """A push the server refused as a whole: given back for later, or narrowed to the bad change."""
        if isinstance(exc, UpgradeRequiredError | AuthError):  # --- field: 401 too (no /me first)
            self._give_back(batch)
            raise exc
        if exc.status not in _REFUSALS_TO_NARROW:
            raise exc
        self._narrow(batch, exc)

    def _narrow(self, batch: list[_Outgoing], exc: RefusedError) -> None:
        """A refused batch is halved until the change the server will not take stands alone."""
        if len(batch) == 1:
            self._store_results(
                batch,
                [
                    {
                        "change_id": batch[0].change["change_id"],
                        "status": PushStatus.REJECTED,
                        "error": exc.detail,
                    }
                ],
            )
            return
        half = len(batch) // 2
        self._send(batch[:half])
        self._send(batch[half:])

    def _store_results(self, batch: list[_Outgoing], results: list[dict[str, Any]]) -> None:
        by_change = {r.get("change_id"): r for r in results if isinstance(r, dict)}
        applied: list[int] = []
        version_rows: dict[str, list[tuple[int, str, int]]] = {}  # (new version, id, old version)
        tails: list[OutboxEntry] = []
        refused: dict[int, tuple[str, dict[str, Any]]] = {}
        # the record's version as this computer has it, followed through the batch (own
        # consecutive changes to one record come back as version n+1, n+2, ...)
        versions: dict[tuple[str, str], int] = {}
        for item in batch:
            versions.setdefault((item.change["entity"], item.change["id"]), item.local_version)
        for item in batch:
            answer = by_change.get(item.change["change_id"])
            if answer is None:
                continue
            self.report.touched.add((item.change["entity"], item.change["id"]))  # its mark changes
            status = answer.get("status")
            # --- broker: a stage held back and sent after the rest is the same change the broker
            # made, counted once: "Sendt N ændringer" agrees with the N waiting before (issue 20)
            tail_of_sent = _is_tail(str(item.change["change_id"]))
            if not tail_of_sent:
                self.report.pushed += 1
            # A replay of a change the server refused earlier may come back as "duplicate"
            # carrying the original error or server copy: treat it as what it was.
            if status == PushStatus.DUPLICATE and answer.get("server"):
                status = PushStatus.CONFLICT
            elif status == PushStatus.DUPLICATE and answer.get("error") and answer.get("version") is None:
                status = PushStatus.REJECTED
            if status not in (PushStatus.APPLIED, PushStatus.DUPLICATE):
                refused[item.seq] = (str(status), answer)
                continue
            if not tail_of_sent:
                self.report.applied += 1
            applied.append(item.seq)
            key = (item.change["entity"], item.change["id"])
            version = answer.get("version")
            # Only when nobody else changed the record in between does our copy equal the
            # server's; otherwise the pull brings the merged record (a higher version). A
            # caseworker's entity never equals it (--- followup: the server fills in who recorded
            # it), so the pull brings that one back whole.
            if (
                isinstance(version, int)
                and version == versions[key] + 1
                and key[0] not in CASEWORKER_ENTITIES
            ):
                version_rows.setdefault(key[0], []).append((version, key[1], versions[key]))
                versions[key] = version
                seq = answer.get("seq")
                if isinstance(seq, int):
                    self._held_seqs.add(seq)  # pull need not bring this record back
            if item.tail:
                tails.append(
                    OutboxEntry(
                        change_id=str(uuid.uuid5(_TAIL_NAMESPACE, item.change["change_id"])),
                        entity=key[0],
                        record_id=key[1],
                        base_version=version if isinstance(version, int) else item.change["base_version"],
                        deleted=False,
                        data=item.tail,
                        created_at=item.created_at,
                    )
                )
        with self.store.session() as s:
            s.info["from_server"] = True
            if tails:
                s.add_all(tails)
                s.flush()  # before the deletes, so a tail gets a seq after every entry still waiting
            conn = s.connection()
            if applied:
                conn.exec_driver_sql(_DELETE_ENTRIES, _as_list(applied))
            for entity, rows in version_rows.items():
                conn.exec_driver_sql(
                    f"UPDATE {_table_name(entity)} SET version = ? WHERE id = ? AND version = ?", rows
                )
            if refused:
                for entry in s.scalars(select(OutboxEntry).where(OutboxEntry.seq.in_(list(refused)))):
                    status, answer = refused[entry.seq]
                    if status == PushStatus.CONFLICT:
                        self.report.conflicts += 1
                        entry.status = OutboxStatus.CONFLICT
                        entry.server_data = answer.get("server") or {}
                        entry.last_error = str(Msg.SYNC_CONFLICT())
                    elif status == PushStatus.REJECTED:
                        self.report.rejected += 1
                        entry.status = OutboxStatus.REJECTED
                        # The server's reason from our own catalogue when it sent the codes (protocol
                        # version 2's optional ``message``), else its Danish text as it is.
                        known = answer_messages(answer)
                        entry.last_error = (
                            render_all(known)
                            if known
                            else str(answer.get("error") or Msg.SYNC_REJECTED_WITHOUT_REASON())
                        )
                    else:
                        entry.last_error = str(Msg.SYNC_UNKNOWN_ANSWER(status=status))

    # blobs ------------------------------------------------------------------------------------
    def _blobs_to_upload(self) -> list[str]:
        """Receipts not yet uploaded whose expense the server has (so a receipt follows its expense)."""
        with self.store.session() as s:
            waiting = list(
                s.scalars(select(Blob.sha256).where(Blob.uploaded.is_(False)).order_by(Blob.created_at))
            )
            if not waiting:
                return []
            pending_expenses = select(OutboxEntry.record_id).where(OutboxEntry.entity == "expense")
            ready = set(
                s.scalars(
                    select(Expense.receipt_sha256).where(
                        Expense.receipt_sha256.in_(waiting),
                        Expense.version > 0,
                        Expense.id.not_in(pending_expenses),
                    )
                )
            )
        return [sha for sha in waiting if sha in ready]

    def upload_blobs(self) -> Progress:
        """One receipt at a time, each marked uploaded in its own commit: a cut costs one file, and
        with chunked uploads (issue 25) not even that: a receipt larger than a chunk goes in chunks
        whose acknowledged offset is kept, so the next try goes on from there."""
        if self._blobs_waiting == 0:  # none at the run's start (a receipt added since goes next time)
            return
        for sha in self._blobs_to_upload():
            path = blob_file(self.store, sha)
            if not path.exists():
                self.report.messages.append(str(Msg.SYNC_BLOB_MISSING(sha=sha[:12])))
                continue
            content = path.read_bytes()
            if hashlib.sha256(content).hexdigest() != sha:
                self.report.messages.append(str(Msg.SYNC_BLOB_DAMAGED(sha=sha[:12])))
                continue
            self._upload_blob(sha, content)
            mark_uploaded(self.store, sha)  # --- receipts: and its original goes, unless kept
            self.report.blobs_uploaded += 1
            self._done += 1
            self._total = max(self._total, self._done)
            yield self._done, self._total

    # --- receipts
    def _upload_blob(self, sha: str, content: bytes) -> None:
        """Whole (a small receipt, or a server without chunked uploads) or in chunks, resumed."""
        if len(content) <= self.chunk_size or self._chunked is False:
            self.api.put_blob(sha, content)
            return
        for _attempt in range(3):  # opened again if the server no longer has the upload
            kept = self._upload_state().get(sha)
            if isinstance(kept, dict) and isinstance(kept.get("id"), str):
                # Cut off last time: the server says how far it got (an answer may have been lost
                # after the chunk was taken), rather than a whole chunk sent to learn it.
                upload_id = kept["id"]
                try:
                    offset = int(self.api.upload_status(sha, upload_id).get("offset") or 0)
                except RefusedError as exc:
                    if exc.status != 404:
                        raise
                    self._remember_upload(sha, None)  # expired or finished: open it again
                    continue
            else:
                started = self.api.start_upload(sha, len(content))
                if started is None:
                    self._chunked = False  # an older server: the whole-file PUT
                    self.api.put_blob(sha, content)
                    return
                self._chunked = True
                if started.get("complete"):
                    return
                upload_id, offset = str(started["upload_id"]), int(started.get("offset") or 0)
                self._remember_upload(sha, upload_id, offset)
            try:
                self._send_chunks(sha, content, upload_id, offset)
            except RefusedError as exc:
                self._remember_upload(sha, None)
                if exc.status in (400, 404):  # expired or unknown, or a whole that did not match
                    continue
                raise
            self._remember_upload(sha, None)
            return
        raise SyncError(Msg.SYNC_UPLOAD_NOT_TAKEN(sha=sha[:12]))

    def _send_chunks(self, sha: str, content: bytes, upload_id: str, offset: int) -> None:
        stalled = 0
        while True:
            answer = self.api.upload_chunk(sha, upload_id, offset, content[offset : offset + self.chunk_size])
            there = int(answer.get("offset") or 0)
            if answer.get("complete"):
                return
            stalled = stalled + 1 if there <= offset else 0
            if stalled > 2 or there > len(content):
                raise SyncError(Msg.SYNC_UPLOAD_NOT_TAKEN(sha=sha[:12]))
            offset = there
            self._remember_upload(sha, upload_id, offset)

    def _upload_state(self) -> dict[str, Any]:
        with self.store.session() as s:
            kept = _state(s, _UPLOADS_KEY, {})
        return kept if isinstance(kept, dict) else {}

    def _remember_upload(self, sha: str, upload_id: str | None, offset: int = 0) -> None:
        """The upload id and acknowledged offset of a receipt on its way (LocalState ``blob_uploads``)."""
        with self.store.session() as s:
            kept = _state(s, _UPLOADS_KEY, {})
            kept = dict(kept) if isinstance(kept, dict) else {}
            if upload_id is None:
                if kept.pop(sha, None) is None:
                    return
            else:
                kept[sha] = {"id": upload_id, "offset": offset}
            _set_state(s, _UPLOADS_KEY, kept)

    # --- end receipts

    def download_blobs(self) -> Progress:
        """--- receipts: receipts of expenses pulled in this run (or missed before) that are not on
        this computer are noted (``blobs_wanted``), not fetched: the records are usable at once, and
        the receipts come after the run (``sync.receipts.fetch_receipts``), or when one is opened."""
        kept = self._kept
        if kept is not None and not self._receipts_seen and not self.report.pulled:
            # --- field: nothing pulled, and what was wanted read with the run's first reads: the
            # store is read again only when a receipt wanted has come since (it is taken off)
            before = list(kept.get(WANTED_KEY) or [])
            if not set(before) & kept[_HERE_KEY]:
                self.report.receipts_waiting = len(set(before))
                yield self._done, self._total
                return
        with self.store.session() as s:
            before = list(_state(s, "blobs_wanted", []) or [])
            wanted = self._receipts_seen | set(before)
            known = set(s.scalars(select(Blob.sha256).where(Blob.sha256.in_(wanted)))) if wanted else set()
            still = sorted(wanted - known)
            if still != sorted(before):
                _set_state(s, "blobs_wanted", still)
        self.report.receipts_waiting = len(still)
        yield self._done, self._total

    # pull -------------------------------------------------------------------------------------
    def pull(self) -> Progress:
        """Pages in order, each applied with its checkpoint; the next page is fetched while this
        one is applied (the server and the network work while this computer writes)."""
        start, self._parked_at_start = self._parked_at_start, None
        if start is not None:
            since, parked = start
        else:
            with self.store.session() as s:
                parked = self._load_parked(s)
                since = int(_state(s, "pull_since", 0) or 0)
        retry_refused = True  # on the first page only
        fetcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="maegler-pull")
        try:
            along, self._page_along = self._page_along, None
            ahead: Future[dict[str, Any]]
            if along is not None and along[0] == since:  # --- field: came with the push's answer,
                ahead = along[1]  # or asked for at the start, with nothing to push
            else:
                ahead = fetcher.submit(
                    self.api.pull, since, self.page_size, self._skip(since), ",".join(_ALONG)
                )
            while True:
                page = ahead.result()
                self._take_along(page)
                changes = list(page.get("changes") or [])
                next_since = int(page.get("next_since", since))
                has_more = bool(page.get("has_more")) and next_since > since
                if has_more:
                    ahead = fetcher.submit(self.api.pull, next_since, self.page_size, self._skip(next_since))
                if changes or parked or next_since != since:
                    parked = self._apply_page(changes, next_since, parked, retry_refused)
                else:  # --- field: nothing to store and the checkpoint where it is (a no-change sync)
                    self.report.parked = 0
                self.report.touched.update(
                    (ch["entity"], ch["id"])
                    for ch in changes
                    if isinstance(ch, dict)
                    and isinstance(ch.get("entity"), str)
                    and isinstance(ch.get("id"), str)
                )
                retry_refused = False
                since = next_since
                self.report.pulled += len(changes)
                self._done += len(changes)
                self._total = max(self._total, self._done + (self.page_size if has_more else 0))
                yield self._done, self._total
                if not has_more:
                    self.report.pull_complete = True
                    return
        finally:
            # A page fetched ahead and not applied is simply fetched again next time.
            fetcher.shutdown(wait=False, cancel_futures=True)

    def _skip(self, since: int) -> str:
        """What this run pushed and holds at the server's version: left out of the pages."""
        return format_skip(seq_ranges({n for n in self._held_seqs if n > since}))

    @staticmethod
    def _load_parked(s: StoreSession) -> dict[str, dict[str, Any]]:
        """Records waiting for a parent or not storable, one LocalState row each (``pull_parked:<entity>/<id>``).

        Kept row by row, so that a page writes only the records it parks or releases: a parent
        edited after its children reaches this computer after all of them, and rewriting one
        growing list at every page made a first sync quadratic.
        """
        rows = s.execute(
            select(LocalState.key, LocalState.value).where(
                LocalState.key.startswith(_PARKED_PREFIX, autoescape=True)
            )
        )
        parked = {key[len(_PARKED_PREFIX) :]: value for key, value in rows}
        for ch in (_state(s, "pull_parked", {}) or {}).values():  # an older version's single list
            if isinstance(ch, dict):
                parked[f"{ch.get('entity')}/{ch.get('id')}"] = {"change": ch, "waiting": []}
        return parked

    def _apply_page(
        self,
        changes: list[dict[str, Any]],
        next_since: int,
        parked: dict[str, dict[str, Any]],
        retry_refused: bool = False,
    ) -> dict[str, dict[str, Any]]:
        """Apply one page and its checkpoint in one transaction; return the records still parked."""
        s = _server_session(self.store)
        try:
            refetch: set[str] = set(_state(s, "pull_refetch", []) or [])
            incoming: dict[tuple[str, str], dict[str, Any]] = {}
            for ch in [*_released(parked, changes, retry_refused), *changes]:
                if not isinstance(ch, dict):
                    continue  # not a record at all: nothing to name, keep or store
                entity, rid = ch.get("entity"), ch.get("id")
                if not isinstance(entity, str) or not isinstance(rid, str):
                    continue  # ditto
                key = (entity, rid)
                old = incoming.get(key)
                if old is None or _version(ch) >= _version(old):
                    incoming[key] = ch
            # A record arriving anew takes the place of its parked copy, whatever becomes of it.
            still_parked = {tag: p for tag, p in parked.items() if tuple(tag.split("/", 1)) not in incoming}
            for key, ch in list(incoming.items()):
                problem = change_problem(key[0], ch)
                if problem is not None:  # an entity this version does not know, a broken version or data
                    del incoming[key]
                    _park(still_parked, parked, key, {"change": ch, "reason": problem.as_json()})
            ordered = sorted(incoming.items(), key=lambda kv: RANK.get(kv[0][0], 99))
            # ORM objects only for records this computer has and must change: an older version
            # here, local changes to keep, or a refetch asked for. A record at the pulled version
            # already (often this computer's own push coming back) is looked at by version only.
            known = self._local_versions(s, list(incoming))
            local = self._local_changes(s, list(incoming))
            records = records_by_key(
                s,
                [
                    key
                    for key, version in known.items()
                    if key in local
                    or f"{key[0]}/{key[1]}" in refetch
                    or int(incoming[key].get("version", 0)) > version
                ],
            )
            # Only the records this page writes need their parents here.
            to_write = [(key, ch) for key, ch in ordered if key not in known or key in records]
            present = self._present_parents(s, to_write, set(known))
            last_entity = ""
            new_rows: list[dict[str, Any]] = []
            purged: list[tuple[str, str]] = []  # --- retention
            for key, ch in to_write:
                entity, rid = key
                if is_purged(ch):  # --- retention: removed below, after the page's other records
                    purged.append(key)
                    continue
                if entity != last_entity:
                    # Parents' rows first: the unit of work knows no relationships to order by,
                    # and SQLite checks each foreign key as the row is inserted.
                    self._insert_rows(s, last_entity, new_rows)
                    s.flush()
                    last_entity = entity
                missing = [
                    [target, ch["data"].get(fk)]
                    for fk, target in parent_refs(entity)
                    if isinstance((ch.get("data") or {}).get(fk), str)
                    and (target, ch["data"][fk]) not in present
                ]
                if missing:
                    _park(still_parked, parked, key, {"change": ch, "waiting": missing})
                    continue
                try:
                    if key not in known and key not in local:
                        # A record new to this computer: a plain INSERT, many at once (the common
                        # case of a first sync, where the ORM's per-object bookkeeping is most of
                        # the cost).
                        new_rows.append(new_row(entity, rid, ch))
                    else:
                        self._apply_one(s, key, ch, records.get(key), local.get(key), refetch)
                except UnstorableRecordError as exc:
                    # Nothing of it was written; its children wait for it (it is not ``present``).
                    _park(still_parked, parked, key, {"change": ch, "reason": exc.reason.as_json()})
                    continue
                self._note_receipt(ch)
                present.add(key)
            self._insert_rows(s, last_entity, new_rows)
            # --- retention: what the server purged goes from here too, its receipt file with it
            receipts = {sha for key in purged if (sha := purge_local(s, *key)) is not None}
            files_to_remove = unused_receipts(s, receipts)
            self.report.purged += len(purged)
            if files_to_remove:  # not to be fetched any more either
                self._receipts_seen.difference_update(files_to_remove)
                wanted = list(_state(s, "blobs_wanted", []) or [])
                if any(sha in files_to_remove for sha in wanted):
                    _set_state(s, "blobs_wanted", [sha for sha in wanted if sha not in files_to_remove])
            # --- end retention
            for key, ch in ordered:
                if key in known and key not in records:
                    self._note_receipt(ch)  # this version is here already
            self.report.parked = len(still_parked)
            self._store_parked(s, parked, still_parked)
            if refetch != set(_state(s, "pull_refetch", []) or []):
                _set_state(s, "pull_refetch", sorted(refetch))
            _set_state(s, "pull_since", next_since)
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()
        for sha in files_to_remove:  # --- retention: once the records are gone for good
            remove_blob_files(self.store, sha)  # --- receipts: a kept original too
        return still_parked

    def _note_receipt(self, ch: dict[str, Any]) -> None:
        receipt = (ch.get("data") or {}).get("receipt_sha256")
        if isinstance(receipt, str) and receipt:
            self._receipts_seen.add(receipt)

    @staticmethod
    def _store_parked(
        s: StoreSession, before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]
    ) -> None:
        changed = [
            {"key": _PARKED_PREFIX + tag, "value": value}
            for tag, value in after.items()
            if before.get(tag) is not value
        ]
        # Released records' rows go, and changed ones are written anew.
        stale = [_PARKED_PREFIX + tag for tag in before if tag not in after] + [c["key"] for c in changed]
        if stale:
            s.connection().exec_driver_sql(
                f"DELETE FROM {_LOCAL_STATE.name} WHERE key {_IN_LIST}", _as_list(stale)
            )
        if changed:
            s.execute(insert(LocalState), changed)
        if s.get(LocalState, "pull_parked") is not None:
            s.execute(delete(LocalState).where(LocalState.key == "pull_parked"))

    @staticmethod
    def _insert_rows(s: StoreSession, entity: str, rows: list[dict[str, Any]]) -> None:
        """New records' rows (complete, see ``new_row``) in one ``executemany``.

        Each value goes through its column type's own conversion, as SQLAlchemy's insert would
        do it; only SQLAlchemy's generic per-row machinery around it is left out.
        """
        if not rows:
            return
        conn = s.connection()
        columns = list(cast(Table, SYNCED[entity].__table__).columns)  # type: ignore[attr-defined]
        to_db = [c.type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for c in columns]
        plan = list(zip([c.key for c in columns], to_db, strict=True))
        names = ", ".join(c.name for c in columns)
        marks = ", ".join("?" for _ in columns)
        conn.exec_driver_sql(
            f"INSERT INTO {_table_name(entity)} ({names}) VALUES ({marks})",
            [
                tuple(row[key] if convert is None else convert(row[key]) for key, convert in plan)
                for row in rows
            ],
        )
        rows.clear()

    @staticmethod
    def _present_parents(
        s: StoreSession,
        ordered: list[tuple[tuple[str, str], dict[str, Any]]],
        known: set[tuple[str, str]],
    ) -> set[tuple[str, str]]:
        wanted: dict[str, set[str]] = {}
        for (entity, _rid), ch in ordered:
            data = ch.get("data") or {}
            for fk, target in parent_refs(entity):
                value = data.get(fk)
                if isinstance(value, str):
                    wanted.setdefault(target, set()).add(value)
        present: set[tuple[str, str]] = set(known)
        conn = s.connection()
        for target, ids in wanted.items():
            todo = [i for i in ids if (target, i) not in present]
            if todo:
                query = f"SELECT id FROM {_table_name(target)} WHERE id {_IN_LIST}"
                present.update((target, rid) for (rid,) in conn.exec_driver_sql(query, _as_list(todo)).all())
        return present

    @staticmethod
    def _local_changes(
        s: StoreSession, keys: list[tuple[str, str]]
    ) -> dict[tuple[str, str], list[OutboxEntry]]:
        ids = sorted({rid for _e, rid in keys})
        out: dict[tuple[str, str], list[OutboxEntry]] = {}
        for chunk in _chunks(ids, 500):
            for e in s.scalars(_LOCAL_ENTRIES, {"ids": chunk}):
                out.setdefault((e.entity, e.record_id), []).append(e)
        return out

    def _apply_one(
        self,
        s: StoreSession,
        key: tuple[str, str],
        ch: dict[str, Any],
        obj: SyncMixin | None,
        local: list[OutboxEntry] | None,
        refetch: set[str],
    ) -> None:
        entity, rid = key
        version = int(ch.get("version", 0))
        data = ch.get("data") or {}
        deleted = bool(ch.get("deleted"))
        tag = f"{entity}/{rid}"
        if obj is not None and not local and tag not in refetch and version <= obj.version:
            return  # we have this version already (often our own push coming back)
        if obj is not None and version < obj.version and tag not in refetch:
            return
        keep: set[str] = set()
        keep_deleted = False
        for e in local or ():
            keep.update((e.data or {}).keys())
            keep_deleted = keep_deleted or bool(e.deleted)
        if must_be_erased(entity, deleted, data):  # --- erasure: the server's erasure wins
            keep -= set(erased_values(entity))
            scrub_outbox(s, entity, rid)
        # Converted before anything changes: a record that cannot be stored leaves all as it was.
        values = server_values(entity, data, keep)
        if obj is None and (missing := missing_required(entity, values)) is not None:
            raise missing
        refetch.discard(tag)
        for e in local or ():
            if e.status == OutboxStatus.CONFLICT:
                # Resolving later compares with the newest server copy, not the one from the push.
                e.server_data = {"version": version, "deleted": deleted, "data": data}
        if obj is None:
            obj = new_record(entity, rid)
            s.add(obj)
        for name, value in values.items():
            setattr(obj, name, value)
        obj.version = max(version, obj.version)
        if not keep_deleted:
            obj.deleted = deleted
        owner = ch.get("owner_id")
        if isinstance(owner, str):
            obj.owner_id = owner
        when = parse_server_time(ch.get("updated_at"))
        if when is not None and not keep:
            obj.updated_at = when


def reset_pull(store: Store, refetch: Iterable[str] = ()) -> None:
    """Pull everything again from the start (and re-apply ``refetch`` records even at equal versions)."""
    with store.session() as s:
        s.info["from_server"] = True
        _set_state(s, "pull_since", 0)
        current = set(_state(s, "pull_refetch", []) or [])
        _set_state(s, "pull_refetch", sorted(current | set(refetch)))


def forget_server_state(store: Store) -> None:
    """For a profile that changes server: the checkpoint and parked records belong to the old one."""
    with store.session() as s:
        s.execute(
            delete(LocalState).where(
                LocalState.key.in_(["pull_since", "pull_parked", "pull_refetch", _ENCODING_KEY])  # --- field
            )
        )
        s.execute(delete(LocalState).where(LocalState.key.startswith(_PARKED_PREFIX, autoescape=True)))
