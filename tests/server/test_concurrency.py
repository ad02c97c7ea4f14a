"""Concurrent pushes: sequence numbers stay unique and in commit order, so a pull never skips one."""

from __future__ import annotations

import threading
from typing import Any

from .conftest import change, company_data

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
