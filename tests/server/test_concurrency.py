"""Concurrent pushes: sequence numbers stay unique and in commit order, so a pull never skips one."""

from __future__ import annotations

import threading
from typing import Any

from .conftest import PROTOCOL_VERSION, change, company_data

PUSHERS = 6
PUSHES_EACH = 10
CHANGES_PER_PUSH = 4


def test_concurrent_pushes_never_make_a_pull_skip(make_user: Any) -> None:
    brokers = [make_user() for _ in range(PUSHERS)]
    watcher = make_user("caseworker")
    start = watcher.get("/sync/pull", params={"since": 0, "limit": 1000})
    since = start.json()["next_since"]
    while start.json()["has_more"]:
        start = watcher.get("/sync/pull", params={"since": since, "limit": 1000})
        since = start.json()["next_since"]

    pushed: list[str] = []
    errors: list[str] = []
    lock = threading.Lock()
    done = threading.Event()

    def push_all(api: Any) -> None:
        try:
            for _ in range(PUSHES_EACH):
                batch = [change("company", company_data()) for _ in range(CHANGES_PER_PUSH)]
                results = api.push(*batch)
                if any(r["status"] != "applied" for r in results):
                    errors.append(str(results))
                with lock:
                    pushed.extend(c["id"] for c in batch)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(repr(exc))

    seen: dict[str, int] = {}
    seqs: list[int] = []

    def pull_once() -> bool:
        nonlocal since
        body = watcher.get("/sync/pull", params={"since": since, "limit": 50}).json()
        for ch in body["changes"]:
            seen[ch["id"]] = ch["seq"]
            seqs.append(ch["seq"])
        since = body["next_since"]
        return bool(body["has_more"])

    def watch() -> None:
        while not done.is_set():
            pull_once()

    threads = [threading.Thread(target=push_all, args=(b,)) for b in brokers]
    watching = threading.Thread(target=watch)
    watching.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    watching.join()
    while pull_once():
        pass

    assert not errors, errors
    assert len(pushed) == PUSHERS * PUSHES_EACH * CHANGES_PER_PUSH
    missing = [i for i in pushed if i not in seen]
    assert not missing, f"{len(missing)} ændringer blev sprunget over af pull"
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)


def test_two_brokers_racing_for_one_record_id_get_answers_not_errors(make_user: Any) -> None:
    """Both push a record with the same id at the same moment: one owns it, the other is refused.

    Pushes of different brokers run side by side on PostgreSQL; the loser's insert collides with
    the winner's and the push is tried again, when it sees the record as someone else's.
    """
    a, b = make_user(), make_user()
    rounds = 8
    outcomes: list[tuple[str, str]] = []
    errors: list[str] = []
    barrier = threading.Barrier(2)
    ids = [f"kapløb-{i}" for i in range(rounds)]

    def race(api: Any, name: str) -> None:
        for record_id in ids:
            barrier.wait(timeout=30)
            r = api.post(
                "/sync/push",
                json={
                    "client_id": name,
                    "protocol_version": PROTOCOL_VERSION,
                    "changes": [change("company", company_data(), id=record_id)],
                },
            )
            if r.status_code != 200:
                errors.append(f"{r.status_code}: {r.text}")
                continue
            outcomes.append((record_id, r.json()["results"][0]["status"]))

    threads = [threading.Thread(target=race, args=(api, name)) for api, name in ((a, "a"), (b, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    for record_id in ids:
        statuses = sorted(s for i, s in outcomes if i == record_id)
        assert statuses == ["applied", "rejected"], (record_id, statuses)
    owned_a = {k[1] for k in a.pull_all()}
    owned_b = {k[1] for k in b.pull_all()}
    assert set(ids) == (owned_a | owned_b) and not (owned_a & owned_b)


def test_fair_lock_serves_waiters_in_arrival_order_one_at_a_time() -> None:
    from mægler_app.server.db import FairLock

    lock = FairLock()
    order: list[int] = []
    inside = 0
    overlaps: list[int] = []
    arrived = threading.Semaphore(0)

    def waiter(n: int) -> None:
        nonlocal inside
        arrived.release()
        with lock:
            inside += 1
            if inside > 1:
                overlaps.append(n)
            order.append(n)
            inside -= 1

    threads = []
    with lock:  # held while the waiters line up, one after the other
        for n in range(12):
            t = threading.Thread(target=waiter, args=(n,))
            t.start()
            arrived.acquire()
            # The thread is past its release of `arrived`; wait until it is queued on the lock.
            for _ in range(1000):
                if len(lock._waiters) == n + 1:
                    break
                threading.Event().wait(0.001)
            threads.append(t)
    for t in threads:
        t.join(timeout=10)
    assert order == list(range(12))
    assert overlaps == []
    with lock:  # free again once the line is empty
        pass
