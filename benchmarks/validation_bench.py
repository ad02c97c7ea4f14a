"""What the schema check of pushed records costs, without HTTP and without other load in between.

    python benchmarks/validation_bench.py [--pushes 80] [--batch 25] [--postgres]

The same kind of session as server_bench.py's brokers push (companies, a network with members,
expenses, edits), applied in-process by ``server.push.apply_push`` with the check on and off
(``server.push.VALIDATE``) for two brokers of a fresh database, push by push, the order turned
every other push. Prints the time per push of each, and the check's share of a push. Also the
check alone per change (``domain.schema.check_record``). server_bench.py measures the same switch
over HTTP under load, where the noise of a shared machine is larger than the check.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import server_bench  # noqa: E402

from mægler_app.domain.schema import check_record  # noqa: E402
from mægler_app.server import push  # noqa: E402
from mægler_app.server.accounts import add_user  # noqa: E402
from mægler_app.server.db import Database  # noqa: E402
from mægler_app.server.schemas import Change  # noqa: E402

WARMUP = 4  # pushes left out of the figures (caches, prepared statements)


def session_changes(seed: int, total: int) -> list[dict[str, object]]:
    broker = server_bench.Broker.__new__(server_bench.Broker)
    broker.seed = seed
    return server_bench.Broker.changes(broker, total)


def check_alone(total: int = 5000, repeat: int = 5) -> float:
    """µs per change of check_record over a broker's session."""
    changes = session_changes(1, total)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for c in changes:
            check_record(str(c["entity"]), c["data"], new=c["base_version"] == 0)  # type: ignore[arg-type]
        best = min(best, (time.perf_counter() - t0) / len(changes) * 1e6)
    return best


def in_process(url: str, pushes: int, batch: int) -> dict[str, list[float]]:
    db = Database(url)
    db.upgrade()
    users = {
        v: add_user(db, f"bench-{v}-{uuid.uuid4().hex[:6]}", "broker", "benchmark-kode-1")
        for v in ("on", "off")
    }
    streams = {
        v: [Change.model_validate(c) for c in session_changes(200 + i, pushes * batch)]
        for i, v in enumerate(users)
    }
    times: dict[str, list[float]] = {"on": [], "off": []}
    try:
        for n in range(pushes):
            for v in ("on", "off") if n % 2 == 0 else ("off", "on"):
                push.VALIDATE = v == "on"
                chunk = streams[v][n * batch : (n + 1) * batch]
                t0 = time.perf_counter()
                with db.write(users[v].id) as session:
                    results = push.apply_push(session, users[v], "bench", chunk)
                times[v].append((time.perf_counter() - t0) * 1000)
                if any(r["status"] != "applied" for r in results):
                    raise RuntimeError(f"ikke anvendt: {results[:2]}")
    finally:
        push.VALIDATE = True
        db.dispose()
    return {v: t[WARMUP:] for v, t in times.items()}


def report(backend: str, times: dict[str, list[float]], batch: int) -> None:
    on, off = statistics.fmean(times["on"]), statistics.fmean(times["off"])
    p50_on, p50_off = statistics.median(times["on"]), statistics.median(times["off"])
    print(f"\n--- {backend}: {len(times['on'])} pushes à {batch} ændringer pr. indstilling, i processen")
    print(f"validering on    middel {on:7.2f} ms   p50 {p50_on:7.2f} ms")
    print(f"validering off   middel {off:7.2f} ms   p50 {p50_off:7.2f} ms")
    print(
        f"kontrollens andel af en push: middel {(on - off) / on * 100:+.1f} %, p50 {(p50_on - p50_off) / p50_on * 100:+.1f} %"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pushes", type=int, default=80)
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--postgres", action="store_true", help="også på PostgreSQL (127.0.0.1:5432)")
    args = parser.parse_args()
    print(f"check_record alene: {check_alone():.1f} µs pr. ændring")
    with tempfile.TemporaryDirectory(prefix="maegler-validation-") as tmp:
        report(
            "sqlite", in_process(f"sqlite:///{Path(tmp) / 'v.sqlite3'}", args.pushes, args.batch), args.batch
        )
    if args.postgres:
        made = server_bench.make_pg_db()
        if made is not None:
            name, url = made
            try:
                report("postgres", in_process(url, args.pushes, args.batch), args.batch)
            finally:
                server_bench.drop_pg_db(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
