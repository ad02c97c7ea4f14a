"""Sync benchmark: initial sync of a ``demo-data --scale 1`` profile, and a no-change sync at 1× and 10×.

Runs a real ``maegler-server`` on 127.0.0.1 (SQLite in a temp folder). Times are taken talking to
it directly over loopback. Bytes on the wire (HTTP headers included) are counted on a separate run of
the same sync through a byte-counting TCP proxy, against a second fresh server: the proxy forwards
in Python threads of this process, so timing through it would measure the proxy as well.
Baselines are measured in the same run:

- push: the request bodies the engine sent in the proxied run, with fresh ids, posted by a bare
  loop as another broker (the server does the same work; no outbox bookkeeping), ratio = engine / bare;
- pull: the same pages fetched without applying them, ratio = engine / bare;
- no-change sync: one ``GET /healthz`` round trip, ratio = sync / round trip (1× and 10× should match).

The 10× profile holds ten times the records locally (generated, then marked as synced) while the
server keeps the 1× data: the no-change sync cost that grows with the profile is the client's.

    python benchmarks/sync_bench.py [--scale 1]
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mægler_app.store.db import Store, open_store  # noqa: E402
from mægler_app.store.demo import generate  # noqa: E402
from mægler_app.store.models import SYNCED, OutboxEntry  # noqa: E402
from mægler_app.sync.api import Api, encode_push  # noqa: E402
from mægler_app.sync.engine import SyncEngine  # noqa: E402
from tests.sync.proxy import ChaosProxy  # noqa: E402

PASSWORD = "benchmark-kodeord"


def server_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("maegler-server")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "mægler_app.server.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(tmp: Path) -> tuple[subprocess.Popen[bytes], int, str]:
    db = f"sqlite:///{tmp / 'server.sqlite3'}"
    subprocess.run([*server_cmd(), "init", "--db", db], check=True, capture_output=True)
    for user in ("maegler1", "baseline"):
        subprocess.run(
            [*server_cmd(), "add-user", user, "--role", "broker", "--db", db],
            input=PASSWORD.encode(),
            check=True,
            capture_output=True,
        )
    port = free_port()
    log = (tmp / "server.log").open("wb")
    proc = subprocess.Popen(
        [*server_cmd(), "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(300):
        try:
            if requests.get(f"http://127.0.0.1:{port}/api/v1/healthz", timeout=1).ok:
                return proc, port, db
        except requests.RequestException:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("serveren startede ikke")


def machine_loop() -> float:
    """Seconds for a fixed piece of pure Python (best of 3): how fast this machine is right now,
    to compare runs on machines (or VM phases) of different speed."""
    best = 1e9
    for _ in range(3):
        t = time.perf_counter()
        sum(i * i for i in range(3 * 10**6))
        best = min(best, time.perf_counter() - t)
    return round(best, 3)


def run(gen: Any) -> Any:
    try:
        while True:
            next(gen)
    except StopIteration as stop:
        return stop.value


def records(store: Store) -> int:
    from sqlalchemy import func, select

    with store.session() as s:
        return sum(int(s.scalar(select(func.count()).select_from(cls)) or 0) for cls in SYNCED.values())


class RecordingApi(Api):
    """An Api that keeps the body of every push it sends."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.bodies: list[bytes] = []

    def push_answer(
        self, client_id: str, changes: list[dict[str, Any]], *, body: bytes | None = None
    ) -> dict[str, Any]:
        self.bodies.append(body if body is not None else encode_push(client_id, changes))
        return super().push_answer(client_id, changes, body=body)


def as_other_broker(body: bytes, local_ids: set[str]) -> bytes:
    """A recorded push body with every record id (and reference to one) and change id made new."""

    def new_id(value: Any) -> Any:
        if isinstance(value, str) and value in local_ids:
            return str(uuid.uuid5(uuid.NAMESPACE_OID, value))
        if isinstance(value, dict):  # a split key names companies by id
            return {new_id(k): new_id(v) for k, v in value.items()}
        if isinstance(value, list):
            return [new_id(v) for v in value]
        return value

    push = json.loads(body)
    for change in push["changes"]:
        change["change_id"] = f"b-{change['change_id']}"
        change["id"] = new_id(change["id"])
        change["data"] = new_id(change["data"])
    return encode_push("baseline", push["changes"])


def login(url: str, user: str) -> Api:
    api = Api(url)
    api.login(user, PASSWORD)
    return api


def mark_synced(store: Store) -> None:
    """Make generated records look pulled: version 1, no outbox (for the 10× local profile)."""
    from sqlalchemy import delete, update

    with store.session() as s:
        s.info["from_server"] = True
        for cls in SYNCED.values():
            s.execute(update(cls).where(cls.version == 0).values(version=1))
        s.execute(delete(OutboxEntry))


def copy_profile(src: Path, dst: Path) -> None:
    """A consistent copy of a profile's database (its write-ahead log included)."""
    dst.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(src / "maegler.sqlite3")
    target = sqlite3.connect(dst / "maegler.sqlite3")
    source.backup(target)
    source.close()
    target.close()


def initial_sync(store: Store, api: Api) -> tuple[float, float, SyncEngine]:
    """Push everything, upload receipts, pull: (push seconds, total seconds, engine)."""
    t0 = time.perf_counter()
    engine = SyncEngine(store, api)
    run(engine.push())
    t_push = time.perf_counter() - t0
    run(engine.upload_blobs())
    run(engine.pull())
    engine._finish()
    return t_push, time.perf_counter() - t0, engine


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="maegler-syncbench-"))
    proc, port, _db = start_server(tmp)
    (tmp / "wire").mkdir()
    wire_proc, wire_port, _wire_db = start_server(tmp / "wire")
    proxy = ChaosProxy(wire_port)
    direct = f"http://127.0.0.1:{port}"
    results: dict[str, Any] = {"machine": {"fixed_python_loop_seconds": machine_loop()}}
    try:
        store = open_store(tmp / "laptop-a")
        run(generate(store, args.scale))
        store.close()
        copy_profile(tmp / "laptop-a", tmp / "laptop-a-wire")
        store = open_store(tmp / "laptop-a")
        with store.session() as s:
            from sqlalchemy import func, select

            changes = int(s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)
        n = records(store)

        # the same sync first through the byte-counting proxy, to a second server; the bodies the
        # engine posts there are recorded for the baseline
        wire_store = open_store(tmp / "laptop-a-wire")
        wire_api = RecordingApi(proxy.url)
        wire_api.login("maegler1", PASSWORD)
        up0, down0 = proxy.stats.bytes_up, proxy.stats.bytes_down
        _, t_initial_proxied, _ = initial_sync(wire_store, wire_api)
        wire = proxy.stats.bytes_up - up0 + proxy.stats.bytes_down - down0
        wire_store.close()

        # baseline push: the engine's own batches, bare HTTP, as another broker (fresh ids, so the
        # server does the same work for records nobody owns yet)
        with store.session() as s:
            local_ids = {e.record_id for e in s.scalars(select(OutboxEntry))}
        bodies = [as_other_broker(body, local_ids) for body in wire_api.bodies]
        base_api = login(direct, "baseline")
        t0 = time.perf_counter()
        base_results = [r for body in bodies for r in base_api.push("baseline", [], body=body)]
        base_push = time.perf_counter() - t0
        refused = [r for r in base_results if r["status"] != "applied"]
        if refused:
            raise SystemExit(f"grundlinjen blev ikke taget imod: {refused[:3]}")

        # the engine: initial sync of the profile (push everything, then pull)
        t_push, t_initial, engine = initial_sync(store, login(direct, "maegler1"))
        rep = engine.report
        results["initial"] = {
            "records": n,
            "changes": changes,
            "seconds": round(t_initial, 2),
            "records_per_s": round(n / t_initial),
            "push_changes_per_s": round(changes / t_push),
            "push_seconds": round(t_push, 2),
            "pull_back_seconds": round(t_initial - t_push, 2),
            "bytes_per_record": round(wire / n),
            "seconds_through_byte_counting_proxy": round(t_initial_proxied, 2),
            "rejected": rep.rejected,
            "baseline_push_seconds": round(base_push, 2),
            "push_ratio_vs_bare_http": round(t_push / base_push, 2),
        }

        # a second laptop pulls everything: the client's pull rate, against bare page fetches
        bare = login(direct, "maegler1")
        t0 = time.perf_counter()
        since, pulled = 0, 0
        while True:
            page = bare.pull(since, 1000)
            pulled += len(page["changes"])
            since = page["next_since"]
            if not page["has_more"]:
                break
        base_pull = time.perf_counter() - t0
        store_b = open_store(tmp / "laptop-b")
        api_b = login(direct, "maegler1")
        t0 = time.perf_counter()
        run(SyncEngine(store_b, api_b).pull())
        t_pull = time.perf_counter() - t0
        # bytes: the same first pull by a third laptop, from the second server through the proxy
        wire_laptop = open_store(tmp / "laptop-c")
        up0, down0 = proxy.stats.bytes_up, proxy.stats.bytes_down
        run(SyncEngine(wire_laptop, login(proxy.url, "maegler1")).pull())
        wire_b = proxy.stats.bytes_up - up0 + proxy.stats.bytes_down - down0
        wire_laptop.close()
        results["pull_new_laptop"] = {
            "records": pulled,
            "seconds": round(t_pull, 2),
            "records_per_s": round(pulled / t_pull),
            "bytes_per_record": round(wire_b / max(pulled, 1)),
            "baseline_fetch_only_seconds": round(base_pull, 2),
            "ratio_vs_fetch_only": round(t_pull / base_pull, 2),
        }

        # no-change sync at 1× and 10×, against one health round trip
        def healthz_time() -> float:
            best = 1e9
            for _ in range(20):
                t = time.perf_counter()
                requests.get(f"{direct}/api/v1/healthz", timeout=5)
                best = min(best, time.perf_counter() - t)
            return best

        def no_change(st: Store) -> float:
            a = login(direct, "maegler1")
            t = time.perf_counter()
            rep = run(SyncEngine(st, a).run())
            assert rep.pushed == 0 and rep.pulled == 0, rep
            return time.perf_counter() - t

        rt = healthz_time()
        copy_profile(tmp / "laptop-b", tmp / "laptop-10x")
        big = open_store(tmp / "laptop-10x")
        run(generate(big, args.scale * 9))
        mark_synced(big)
        # 1× and 10× taken turn about, best of 15 each: the machine's own noise hits both alike
        one, ten = 1e9, 1e9
        for _ in range(15):
            one = min(one, no_change(store_b))
            ten = min(ten, no_change(big))
        results["no_change_sync"] = {
            "records_1x": records(store_b),
            "records_10x": records(big),
            "ms_1x": round(one * 1000, 1),
            "ms_10x": round(ten * 1000, 1),
            "baseline_healthz_ms": round(rt * 1000, 2),
            "ratio_1x_vs_round_trip": round(one / rt, 1),
            "ratio_10x_vs_round_trip": round(ten / rt, 1),
            "ratio_10x_vs_1x": round(ten / one, 2),
        }
        store.close()
        store_b.close()
        big.close()
    finally:
        proxy.close()
        for server in (proc, wire_proc):
            server.terminate()
            server.wait(timeout=20)
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    goal = 10_000
    print(
        f"\ninitial sync: {results['initial']['records_per_s']} poster/s end to end "
        f"(mål {goal}); push {results['initial']['push_changes_per_s']} ændringer/s; "
        f"pull på ny bærbar {results['pull_new_laptop']['records_per_s']} poster/s; "
        f"{results['initial']['bytes_per_record']} byte/post på ledningen"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
