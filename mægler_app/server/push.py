"""Applying a push: idempotency, ownership, field-level merge, and the programme's rules again.

Each change is answered on its own (applied, duplicate, conflict or rejected) and the rest of
the batch goes on; changes apply in order inside one transaction, so a rule that counts (the
facilitation budget, a network's composition) sees the earlier changes of the same push.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.cvr import CvrError, normalize_cvr
from ..domain.stages import Stage, composition_problems
from ..domain.sync_contract import (
    APPLIED,
    CONFLICT,
    DUPLICATE,
    ENTITIES,
    REJECTED,
    SERVER_FIELDS,
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
from .db import SeqAllocator
from .models import AppliedChange, Record, User
from .schemas import Change

# One text for "does not exist" and "belongs to someone else", so a rejection reveals nothing.
NOT_FOUND = "Posten findes ikke, eller du har ikke adgang til den."
META_KEYS = frozenset({"id", "version", "updated_at", "deleted", "owner_id", "seq", "created_at"})
FROZEN_STATUSES = frozenset({"submitted", "approved", "rejected"})
DELETED_FIELD = "_deleted"  # a tombstone's flag takes part in the merge like a field
SERVER_CLIENT = "server"
# References whose name is not simply the entity they point to.
REFERENCE_ALIASES = {"previous_id": "application"}
# Far above any real amount, and small enough that every database sums it exactly.
MAX_AMOUNT_ORE = 10**15
OPEN_STAGES_WITHOUT_COMPOSITION = frozenset({Stage.KANDIDAT, Stage.AFSLUTTET})


def ref_entity(key: str) -> str | None:
    if key in REFERENCE_ALIASES:
        return REFERENCE_ALIASES[key]
    if key.endswith("_id") and key[:-3] in ENTITIES:
        return key[:-3]
    return None


def payload_hash(change: Change) -> str:
    canonical = json.dumps(
        {
            "entity": change.entity,
            "id": change.id,
            "base_version": change.base_version,
            "deleted": change.deleted,
            "data": change.data,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def result(change_id: str, status: str, *, version: int | None = None, error: str | None = None,
           server: dict[str, Any] | None = None) -> dict[str, Any]:  # fmt: skip
    return {"change_id": change_id, "status": status, "version": version, "error": error, "server": server}


def server_copy(rec: Record) -> dict[str, Any]:
    return {"version": rec.version, "deleted": rec.deleted, "data": dict(rec.data)}


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


class RejectedError(Exception):
    pass


@dataclass
class PushContext:
    """One push's view of the database, with the look-ups of the whole batch made up front."""

    session: Session
    user: User
    client_id: str
    seqs: SeqAllocator
    now: dt.datetime
    records: dict[tuple[str, str], Record | None] = field(default_factory=dict)
    applied: dict[str, AppliedChange | None] = field(default_factory=dict)
    # Live expenses per network in øre, loaded once per push and kept up to date as changes apply.
    spent: dict[str, int] = field(default_factory=dict)

    def prefetch(self, changes: list[Change]) -> None:
        ids = list({c.change_id for c in changes})
        for chunk in _chunks(ids):
            for row in self.session.scalars(select(AppliedChange).where(AppliedChange.change_id.in_(chunk))):
                self.applied[row.change_id] = row
        for cid in ids:
            self.applied.setdefault(cid, None)
        keys: set[tuple[str, str]] = {(c.entity, c.id) for c in changes}
        for c in changes:
            for key, value in c.data.items():
                target = ref_entity(key)
                if target is not None and isinstance(value, str):
                    keys.add((target, value))
        for entity in {k[0] for k in keys}:
            wanted = [k[1] for k in keys if k[0] == entity]
            for chunk in _chunks(wanted):
                for rec in self.session.scalars(
                    select(Record).where(Record.entity == entity, Record.id.in_(chunk))
                ):
                    self.records[(rec.entity, rec.id)] = rec
        for wanted_key in keys:
            self.records.setdefault(wanted_key, None)

    def get(self, entity: str, record_id: str) -> Record | None:
        key = (entity, record_id)
        if key not in self.records:
            self.records[key] = self.session.get(Record, key)
        return self.records[key]

    def own(self, entity: str, record_id: str) -> Record | None:
        rec = self.get(entity, record_id)
        if rec is None or rec.owner_id != self.user.id:
            return None
        return rec

    def network_spent(self, network_id: str) -> int:
        """The network's live expenses in øre (amounts are checked ints, so the database sums them)."""
        if network_id not in self.spent:
            total = self.session.scalar(
                select(func.sum(Record.data["amount_ore"].as_numeric(20, 0))).where(
                    Record.entity == "expense",
                    Record.network_id == network_id,
                    Record.owner_id == self.user.id,
                    Record.deleted.is_(False),
                )
            )
            self.spent[network_id] = int(total or 0)
        return self.spent[network_id]

    def expense_moved(self, before: tuple[str | None, int], after: tuple[str | None, int]) -> None:
        for (network_id, amount), sign in ((before, -1), (after, 1)):
            if network_id is not None and network_id in self.spent:
                self.spent[network_id] += sign * amount

    def live_children(self, entity: str, network_id: str) -> list[Record]:
        rows = list(
            self.session.scalars(
                select(Record).where(
                    Record.entity == entity,
                    Record.network_id == network_id,
                    Record.owner_id == self.user.id,
                    Record.deleted.is_(False),
                )
            )
        )
        for rec in rows:
            self.records[(rec.entity, rec.id)] = rec
        return rows


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def expense_share(rec: Record | None) -> tuple[str | None, int]:
    """Which network a stored expense counts against, and with how much (nothing once deleted)."""
    if rec is None or rec.deleted:
        return None, 0
    amount = rec.data.get("amount_ore")
    return rec.network_id, amount if _is_int(amount) else 0


def apply_push(session: Session, user: User, client_id: str, changes: list[Change], seqs: SeqAllocator) -> list[dict[str, Any]]:  # fmt: skip
    ctx = PushContext(session, user, client_id, seqs, utcnow())
    ctx.prefetch(changes)
    return [apply_change(ctx, change) for change in changes]


def apply_change(ctx: PushContext, ch: Change) -> dict[str, Any]:
    session = ctx.session
    phash = payload_hash(ch)
    prior = ctx.applied.get(ch.change_id)
    if prior is not None:
        if prior.user_id == ctx.user.id and prior.payload_hash == phash:
            return {**prior.result, "status": DUPLICATE}
        return result(
            ch.change_id,
            REJECTED,
            error="Ændrings-id'et er allerede brugt til en anden ændring; send ændringen med et nyt id.",
        )
    if ch.entity not in ENTITIES:
        return result(ch.change_id, REJECTED, error=f"Serveren kender ikke posttypen »{ch.entity}«.")
    if ctx.user.role != "broker":
        return result(
            ch.change_id,
            REJECTED,
            error="Sagsbehandlere sender ikke ændringer til mæglernes poster; brug afgørelser i stedet.",
        )
    rec = ctx.get(ch.entity, ch.id)
    if rec is not None and rec.owner_id != ctx.user.id:
        return result(ch.change_id, REJECTED, error=NOT_FOUND)
    if rec is None and ch.base_version > 0:
        return result(ch.change_id, REJECTED, error=NOT_FOUND)
    if rec is not None and ch.base_version > rec.version:
        return result(
            ch.change_id,
            REJECTED,
            error=f"Ændringen bygger på version {ch.base_version}, men serveren har kun version {rec.version}.",
        )

    server_owned = SERVER_FIELDS.get(ch.entity, frozenset())
    data = {k: v for k, v in ch.data.items() if k not in META_KEYS and k not in server_owned}
    current: dict[str, Any] = dict(rec.data) if rec is not None else {}
    current_deleted = rec.deleted if rec is not None else False

    if ch.entity == "application" and current.get("status") in FROZEN_STATUSES:
        return result(
            ch.change_id,
            REJECTED,
            error="Ansøgningen er indsendt og kan ikke længere ændres. Lav en ny udgave, hvis den skal rettes.",
        )

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
                return result(ch.change_id, CONFLICT, version=rec.version, server=server_copy(rec))

    if not ch.deleted:
        try:
            data = check_rules(ctx, ch, rec, current, data)
        except RejectedError as exc:
            return result(ch.change_id, REJECTED, error=str(exc))
    touched = [k for k, v in data.items() if k not in current or current[k] != v]

    if rec is not None and not touched and not deleted_changes:
        answer = result(ch.change_id, APPLIED, version=rec.version)
    else:
        version = (rec.version if rec is not None else 0) + 1
        merged = {**current, **data}
        markers = dict(rec.field_versions) if rec is not None else {}
        for name in touched:
            markers[name] = [version, ctx.client_id]
        if deleted_changes:
            markers[DELETED_FIELD] = [version, ctx.client_id]
        network_id = merged.get("network_id")
        before = expense_share(rec)
        if rec is None:
            rec = Record(
                entity=ch.entity,
                id=ch.id,
                owner_id=ctx.user.id,
                created_at=ctx.now,
            )
            session.add(rec)
            ctx.records[(ch.entity, ch.id)] = rec
        rec.version = version
        rec.seq = ctx.seqs.next()
        rec.deleted = ch.deleted
        rec.network_id = network_id if isinstance(network_id, str) else None
        rec.data = merged
        rec.field_versions = markers
        rec.updated_at = ctx.now
        if ch.entity == "expense":
            ctx.expense_moved(before, expense_share(rec))
        answer = result(ch.change_id, APPLIED, version=version)
    applied = AppliedChange(
        change_id=ch.change_id, user_id=ctx.user.id, payload_hash=phash, result=answer, applied_at=ctx.now
    )
    session.add(applied)
    ctx.applied[ch.change_id] = applied
    return answer


def check_rules(
    ctx: PushContext, ch: Change, rec: Record | None, current: dict[str, Any], data: dict[str, Any]
) -> dict[str, Any]:
    """The data to apply (possibly normalised), or RejectedError with a Danish reason."""
    for key, value in data.items():
        target = ref_entity(key)
        if target is not None and value is not None:
            if not isinstance(value, str) or ctx.own(target, value) is None:
                raise RejectedError(
                    f"Feltet »{key}« peger på en post, der ikke findes, eller som du ikke har adgang til."
                )
        if key.endswith("_ore") and value is not None:
            if not _is_int(value):
                raise RejectedError(f"Feltet »{key}« skal være et beløb i hele øre (et heltal).")
            if abs(value) > MAX_AMOUNT_ORE:
                raise RejectedError(f"Beløbet i »{key}« er urimeligt stort.")
    merged = {**current, **data}
    checker = _CHECKS.get(ch.entity)
    if checker is not None:
        data = checker(ctx, ch, rec, current, data, merged)
    return data


def _check_company(ctx, ch, rec, current, data, merged):  # type: ignore[no-untyped-def]
    if rec is None or "cvr" in data:
        raw = merged.get("cvr")
        if not isinstance(raw, str):
            raise RejectedError(
                "CVR-nummeret mangler." if raw is None else "CVR-nummeret skal sendes som tekst."
            )
        try:
            data = {**data, "cvr": normalize_cvr(raw)}
        except CvrError as exc:
            raise RejectedError(str(exc)) from None
    if "employees" in data and data["employees"] is not None:
        if not _is_int(data["employees"]):
            raise RejectedError("Antal ansatte skal være et heltal.")
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
        raise RejectedError("Udgiften skal høre til et netværk.")
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
        if budget.exceeds and not (isinstance(reason, str) and reason.strip()):
            raise RejectedError(budget.message())
    return data


def _int_field(data: dict[str, Any], key: str, label: str) -> None:
    if key in data and data[key] is not None and not _is_int(data[key]):
        raise RejectedError(f"{label} skal være et heltal.")


def _check_application(ctx, ch, rec, current, data, merged):  # type: ignore[no-untyped-def]
    _int_field(data, "consultant_hours", "Konsulenttimerne")
    _int_field(data, "period_months", "Forløbets længde i måneder")
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
        raise RejectedError("Timeprisen skal være større end 0.")
    split = merged.get("split_basis_points")
    if split is not None:
        if not isinstance(split, dict) or not all(_is_int(v) for v in split.values()):
            raise RejectedError(
                "Fordelingsnøglen skal angive en andel i hundrededele procent for hver virksomhed."
            )
        for company_id in split:
            if ctx.own("company", company_id) is None:
                raise RejectedError(
                    "Fordelingsnøglen nævner en virksomhed, der ikke findes, eller som du ikke har adgang til."
                )
    custom = merged.get("split_mode") == "custom"
    # An empty key is a draft that has not been filled in yet; submitting requires it.
    if custom and data.get("split_basis_points"):
        errors = check_split(list(split.values()))
        if errors:
            raise RejectedError(errors[0])
    old_status = current.get("status", "draft")
    new_status = data.get("status", old_status)
    if new_status != old_status:
        if not (old_status == "draft" and new_status == "submitted"):
            raise RejectedError(
                "En ansøgning kan kun gå fra kladde til indsendt; godkendelse og afslag kommer fra Væksthus."
            )
        hours, months = merged.get("consultant_hours"), merged.get("period_months")
        missing = check_hours(hours if _is_int(hours) else None) + check_months(
            months if _is_int(months) else None
        )
        if custom:
            missing += check_split(list((split or {}).values()))
        if missing:
            raise RejectedError("Ansøgningen kan ikke indsendes: " + " ".join(missing))
    return data


def _check_network(ctx, ch, rec, current, data, merged):  # type: ignore[no-untyped-def]
    if "stage" in data and data["stage"] != current.get("stage"):
        try:
            stage = Stage(data["stage"])
        except ValueError:
            raise RejectedError(f"Ukendt trin »{data['stage']}«.") from None
        if stage not in OPEN_STAGES_WITHOUT_COMPOSITION:
            independent, knowledge = network_composition(ctx, ch.id)
            problems = composition_problems(independent, knowledge)
            if problems:
                raise RejectedError(" ".join(problems))
    return data


def _check_meeting(ctx, ch, rec, current, data, merged):  # type: ignore[no-untyped-def]
    cost = data.get("estimated_cost_ore")
    if cost is not None and cost < 0:
        raise RejectedError("Det anslåede beløb kan ikke være negativt.")
    return data


def network_composition(ctx: PushContext, network_id: str) -> tuple[int, int]:
    """(independent companies, knowledge institutions) among the network's live members."""
    independent: set[str] = set()
    knowledge: set[str] = set()
    for membership in ctx.live_children("membership", network_id):
        company_id = membership.data.get("company_id")
        if not isinstance(company_id, str):
            continue
        company = ctx.own("company", company_id)
        if company is None or company.deleted:
            continue
        if company.data.get("is_knowledge_institution") or membership.data.get("role") == "knowledge":
            knowledge.add(company_id)
        else:
            independent.add(company_id)
    return len(independent), len(knowledge)


_CHECKS: dict[str, Any] = {
    "company": _check_company,
    "expense": _check_expense,
    "application": _check_application,
    "network": _check_network,
    "meeting": _check_meeting,
}
