"""A flood of logins against a server while a logged-in broker pulls (issue 22).

    python benchmarks/login_flood_bench.py [--backend sqlite,postgres] [--seconds 10] [--threads 16]

For each backend: a fresh database, `maegler-server serve` on 127.0.0.1 with the standard password
cost (argon2id, 64 MiB) and the real per-address limit, a broker with 300 companies. The broker pulls
a page of 100 records again and again for ``--seconds`` (a keep-alive connection), measured:
  1. quiet: nobody else (the baseline, same run);
  2. flood from one address: 16 threads sending logins with made-up names from 127.0.0.1;
  3. flood from many addresses: 16 threads, every login from another loopback address
     (127.0.x.y), so no per-address limit applies and only the bounded password pool protects.
Prints pull p50/p99 per phase, the ratio of each flood's p99 to the quiet one (goal ≤ 2.0), and
what the flood's logins were answered (401 checked, 429 throttled, 503 busy).
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.server_bench import drop_pg_db, free_port, make_pg_db, percentile, server_command  # noqa: E402
from mægler_app.domain.cvr import make_valid_cvr  # noqa: E402
from mægler_app.domain.sync_contract import PROTOCOL_HEADER, PROTOCOL_VERSION  # noqa: E402
from mægler_app.server.accounts import add_user  # noqa: E402
from mægler_app.server.db import Database  # noqa: E402

PASSWORD = "benchmark-kode-1"
GOAL_RATIO = 2.0
HEADERS = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Content-Type": "application/json"}


def request(
    port: int, method: str, path: str, body: dict | None = None, token: str = "", source: str = "127.0.0.1"
) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    try:
        headers = dict(HEADERS)
        if token:
            headers["Authorization"] = f"Bearer {token}"
        conn.request(method, f"/api/v1{path}", body=orjson.dumps(body) if body else None, headers=headers)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def seed(port: int) -> str:
    status, body = request(port, "POST", "/auth/login", {"username": "maegler", "password": PASSWORD})
    assert status == 200, body
    token = str(orjson.loads(body)["token"])
    changes = [
        {
            "change_id": str(uuid.uuid4()),
            "entity": "company",
            "id": str(uuid.uuid4()),
            "base_version": 0,
            "deleted": False,
            "data": {"cvr": make_valid_cvr(5000 + i), "name": f"Virksomhed {i} ApS", "employees": 10},
        }
        for i in range(300)
    ]
    status, body = request(
        port,
        "POST",
        "/sync/push",
        {"client_id": "bench", "protocol_version": PROTOCOL_VERSION, "changes": changes},
        token,
    )
    assert status == 200, body
    return token


def pulls(port: int, token: str, seconds: float) -> list[float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {**HEADERS, "Authorization": f"Bearer {token}"}
    out = []
    end = time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            t0 = time.perf_counter()
            conn.request("GET", "/api/v1/sync/pull?since=0&limit=100", headers=headers)
            r = conn.getresponse()
            r.read()
            assert r.status == 200
            out.append((time.perf_counter() - t0) * 1000)
    finally:
        conn.close()
    return out


def flood(port: int, threads: int, many_addresses: bool, stop: threading.Event) -> Counter[int]:
    answers: Counter[int] = Counter()
    lock = threading.Lock()
    addresses = (f"127.0.{a}.{b}" for a, b in itertools.product(range(1, 255), range(1, 255)))
    take = threading.Lock()

    def run() -> None:
        while not stop.is_set():
            with take:
                source = next(addresses) if many_addresses else "127.0.0.1"
            try:
                status, _ = request(
                    port,
                    "POST",
                    "/auth/login",
                    {"username": f"gaet-{uuid.uuid4().hex[:8]}", "password": "x" * 10},
                    source=source,
                )
            except OSError:
                status = 0
            with lock:
                answers[status] += 1

    workers = [threading.Thread(target=run, daemon=True) for _ in range(threads)]
    for w in workers:
        w.start()
    stop.wait()
    for w in workers:
        w.join(timeout=120)
    return answers


def run_flood(
    port: int, token: str, args: argparse.Namespace, many: bool
) -> tuple[list[float], Counter[int]]:
    stop = threading.Event()
    answers: Counter[int] = Counter()

    def go() -> None:
        answers.update(flood(port, args.threads, many, stop))

    t = threading.Thread(target=go)
    t.start()
    time.sleep(1.0)  # let the flood build up
    measured = pulls(port, token, args.seconds)
    stop.set()
    t.join()
    return measured, answers


def bench(backend: str, url: str, args: argparse.Namespace, tmp: Path) -> None:
    subprocess.run([*server_command(), "init", "--db", url], check=True, capture_output=True)
    env = {**os.environ, "MAEGLER_PASSWORD_COST": "standard"}
    env.pop("MAEGLER_LOGIN_FAILURES_PER_ADDRESS", None)
    env.pop("MAEGLER_LOGIN_REFUSAL_DELAY", None)
    env.pop("MAEGLER_LOGIN_HASH_RATE", None)
    os.environ["MAEGLER_PASSWORD_COST"] = "standard"
    db = Database(url)
    add_user(db, "maegler", "broker", PASSWORD)
    db.dispose()
    port = free_port()
    log = (tmp / f"{backend}.log").open("wb")
    proc = subprocess.Popen(
        [*server_command(), "serve", "--db", url, "--port", str(port), "--log-level", "warning"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if request(port, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("serveren startede ikke")
            time.sleep(0.1)
        token = seed(port)
        pulls(port, token, 1.0)  # warm
        # quiet phases between the floods, so the baseline shares their moment of the machine
        quiet = pulls(port, token, args.seconds / 2)
        rows: list[tuple[str, list[float], Counter[int] | None]] = []
        for label, many in (("flod fra én adresse", False), ("flod fra mange adresser", True)):
            rows.append((label, *run_flood(port, token, args, many)))
            quiet += pulls(port, token, args.seconds / 2)
        rows.insert(0, ("stille (basislinje)", quiet, None))
        base_p99 = percentile(quiet, 99)
        print(f"\n{backend}: pull af 100 poster i {args.seconds:g} s pr. fase, {args.threads} tråde i floden")
        print(f"{'fase':28} {'pulls':>6} {'p50 ms':>8} {'p99 ms':>8} {'p99/stille':>11}  login-svar")
        worst = 0.0
        for label, values, answers in rows:
            p99 = percentile(values, 99)
            ratio = p99 / base_p99
            if answers is not None:
                worst = max(worst, ratio)
            said = "" if answers is None else ", ".join(f"{k}: {v}" for k, v in sorted(answers.items()))
            print(
                f"{label:28} {len(values):6} {percentile(values, 50):8.1f} {p99:8.1f} {ratio:10.2f}x  {said}"
            )
        print(
            f"{backend}: værste forhold {worst:.2f}x (mål ≤ {GOAL_RATIO:.1f}x): {'nået' if worst <= GOAL_RATIO else 'IKKE nået'}"
        )
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", default="sqlite,postgres")
    ap.add_argument("--seconds", type=float, default=10.0, help="sekunder pr. fase (standard: 10)")
    ap.add_argument("--threads", type=int, default=16)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for backend in args.backend.split(","):
            if backend == "sqlite":
                bench(backend, f"sqlite:///{tmp / 'flood.sqlite3'}", args, tmp)
            elif backend == "postgres":
                made = make_pg_db()
                if made is None:
                    continue
                name, url = made
                try:
                    bench(backend, url, args, tmp)
                finally:
                    drop_pg_db(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
