"""Sync server under load: 20 brokers pushing and pulling at once, on SQLite and on PostgreSQL.

    python benchmarks/server_bench.py [--brokers 20] [--changes 500] [--batch 25]
                                      [--backend sqlite,postgres] [--workers N]
                                      [--validation on,off] [--rounds N]
                                      [--variant NAME=DIR[,VAR=VALUE…]]…

For each backend: a fresh database, `maegler-server serve` on 127.0.0.1, one user per broker.
Baseline measured in the same run: the healthz round trip (no database). Then every broker, in
its own thread, pushes its changes in batches (creates and edits of companies, a network with
members, expenses) and pulls from its checkpoint after each push, leaving out (``skip``) the
records it has just pushed, as the app does. Prints throughput (changes/s),
p50/p99 latency of push and pull, and their ratio to the healthz baseline. Goal: p99 ≤ 250 ms.
Client and server share this machine's cores, so the figures are on the pessimistic side; the
client is a lean keep-alive http.client connection per broker to take as little of them as it can.
With ``--validation on,off`` each backend runs once with the server's schema check of pushed
records (domain/schema.py) and once without (``MAEGLER_SERVER_VALIDATION=off``), alternating
for ``--rounds``, and the medians are compared: what share of a push the check costs.
With ``--variant main=../wt-main`` another checkout's server (main's, as the baseline) runs
alternately with this one's, ``--rounds`` times, and the medians are compared as ratios. Each run
also says the CPU per applied change of the server's processes and of PostgreSQL's for its
database: on a machine shared with other work, a steadier figure than the latencies; and of this
load generator (its brokers' threads), which shares the cores with them, with the share of the
cores' time the three used while the brokers ran (the rest was idle or other work's).
PostgreSQL runs with one server process per core (`serve --workers`: one process cannot use more
than one core); SQLite, which has one writer, with one.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mægler_app.domain.cvr import make_valid_cvr  # noqa: E402
from mægler_app.domain.stages import Stage  # noqa: E402
from mægler_app.domain.sync_contract import PROTOCOL_HEADER, PROTOCOL_VERSION, format_skip, seq_ranges  # noqa: E402
from mægler_app.domain.vocab import ExpenseCategory  # noqa: E402
from mægler_app.server.accounts import add_user  # noqa: E402
from mægler_app.server.db import Database  # noqa: E402
from tests.forms_fixtures import passed_screening_fields  # noqa: E402

PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
PASSWORD = "benchmark-kode-1"
GOAL_P99_MS = 250.0
REQUEST_TIMEOUT = 60


def server_command(variant: Variant | None = None) -> list[str]:
    if variant is not None and variant.src:  # the other checkout's code, by PYTHONPATH
        return [sys.executable, "-m", "mægler_app.server.cli"]
    script = Path(sys.executable).with_name("maegler-server")
    if script.exists():
        return [str(script)]
    found = shutil.which("maegler-server")
    return [found] if found else [sys.executable, "-m", "mægler_app.server.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


class LeanHttp:
    """One keep-alive connection per broker on http.client: the load generator shares this
    machine's two cores with the server, and ``requests`` spent about as much CPU per call as
    the server's own framework did, which showed up as server latency."""

    def __init__(self, base: str) -> None:
        host, port = base.removeprefix("http://").split(":")
        self.conn = http.client.HTTPConnection(host, int(port), timeout=REQUEST_TIMEOUT)
        self.headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}

    def fresh(self) -> None:
        """A new connection: the server closes one left idle past its keep-alive (5 s), as it is
        while the other brokers log in (a password check costs 0.26 s since argon2id)."""
        self.conn.close()

    def call(self, method: str, path: str, body: bytes | None = None) -> Any:
        headers = dict(self.headers)
        if body is not None:
            headers["Content-Type"] = "application/json"
        self.conn.request(method, path, body=body, headers=headers)
        resp = self.conn.getresponse()
        data = resp.read()
        if resp.status != 200:
            raise RuntimeError(f"{method} {path}: {resp.status} {data[:200]!r}")
        return orjson.loads(data)


class Broker:
    def __init__(self, base: str, username: str, seed: int) -> None:
        self.base = base
        self.http = LeanHttp(base)
        login = self.http.call(
            "POST", "/api/v1/auth/login", orjson.dumps({"username": username, "password": PASSWORD})
        )
        self.http.headers["Authorization"] = f"Bearer {login['token']}"
        self.client_id = f"bench-{uuid.uuid4().hex[:8]}"
        self.seed = seed
        self.since = 0
        # seqs of this broker's own applied changes: its pulls leave them out, as the app's do
        self.held: set[int] = set()
        self.push_ms: list[float] = []
        self.pull_ms: list[float] = []
        self.applied = 0
        self.not_applied: list[str] = []

    def changes(self, total: int) -> list[dict[str, Any]]:
        """A broker's session: a network with three companies, then expenses and edits."""
        out: list[dict[str, Any]] = []
        versions: dict[str, int] = {}

        def add(entity: str, data: dict[str, Any], record_id: str | None = None) -> str:
            rid = record_id or str(uuid.uuid4())
            base = versions.get(rid, 0)
            out.append(
                {
                    "change_id": str(uuid.uuid4()),
                    "entity": entity,
                    "id": rid,
                    "base_version": base,
                    "data": data,
                }
            )
            versions[rid] = base + 1
            return rid

        network = add("network", {"name": f"Netværk {self.seed}", "stage": Stage.CANDIDATE})
        companies = [
            add("company", {"cvr": make_valid_cvr(self.seed * 10 + i), "name": f"Virksomhed {i}"})
            for i in range(3)
        ]
        for c in companies:
            add("membership", {"network_id": network, "company_id": c})
        # A final screening (answers the server evaluates again), then the move it allows.
        screening = passed_screening_fields({c: f"Virksomhed {i}" for i, c in enumerate(companies)})
        add("screening", {"network_id": network, **screening})
        add("network", {"stage": Stage.SCREENED}, network)
        i = 0
        while len(out) < total:
            i += 1
            if i % 3 == 0:
                add("company", {"notes": f"Opfølgning {i}"}, companies[i % 3])
            else:
                add(
                    "expense",
                    {
                        "network_id": network,
                        "spent_on": "2026-12-01",
                        "amount_ore": 100 + i,
                        "category": ExpenseCategory.CATERING,
                        "description": f"Kaffe til møde {i}",
                    },
                )
        return out[:total]

    def run(self, total: int, batch: int, todo: list[dict[str, Any]] | None = None) -> None:
        todo = todo if todo is not None else self.changes(total)
        for start in range(0, len(todo), batch):
            chunk = todo[start : start + batch]
            body = orjson.dumps(
                {"client_id": self.client_id, "protocol_version": PROTOCOL_VERSION, "changes": chunk}
            )
            t0 = time.perf_counter()
            answer = self.http.call("POST", "/api/v1/sync/push", body)
            self.push_ms.append((time.perf_counter() - t0) * 1000)
            for res in answer["results"]:
                if res["status"] == "applied":
                    self.applied += 1
                    self.held.add(res["seq"])
                else:
                    self.not_applied.append(f"{res['status']}: {res['error']}")
            t0 = time.perf_counter()
            skip = format_skip(seq_ranges({n for n in self.held if n > self.since}))
            query = f"since={self.since}&limit=500" + (f"&skip={skip}" if skip else "")
            page = self.http.call("GET", f"/api/v1/sync/pull?{query}")
            self.pull_ms.append((time.perf_counter() - t0) * 1000)
            self.since = page["next_since"]
            self.held = {n for n in self.held if n > self.since}


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    """User and system CPU of this process, all its threads (the load generator's own share)."""
    times = os.times()
    return times.user + times.system


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU of these processes and all their descendants (Linux /proc)."""
    total = 0.0
    todo = list(pids)
    while todo:
        pid = todo.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
            total += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


def db_backends(url: str) -> list[int]:
    """PostgreSQL's server processes serving this database (on this machine), for their CPU."""
    if not url.startswith("postgresql"):
        return []
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", (name,)).fetchall()
    return [int(pid) for (pid,) in rows]


def make_pg_db() -> tuple[str, str] | None:
    try:
        import psycopg

        name = f"maegler_bench_{uuid.uuid4().hex[:10]}"
        for wait in (5, 10, 20, 40, 0):  # a shared database server may be full for a while
            try:
                with psycopg.connect(PG_DSN, autocommit=True) as conn:
                    conn.execute(f'CREATE DATABASE "{name}"')
                break
            except psycopg.OperationalError as exc:
                if "too many clients" not in str(exc) or not wait:
                    raise
                time.sleep(wait)
        return name, f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    except Exception as exc:  # noqa: BLE001 - any failure means PostgreSQL is not here
        print(f"PostgreSQL ikke tilgængelig ({exc}); springes over.")
        return None


def drop_pg_db(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass(frozen=True)
class Variant:
    """A server to measure: this checkout's, or another checkout's code (``src``, e.g. a worktree of
    main as the baseline) and/or settings in its environment, run alternately with the others."""

    label: str
    src: str | None = None
    env: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, text: str) -> Variant:
        label, _, rest = text.partition("=")
        src, env = None, []
        for part in filter(None, rest.split(",")):
            key, eq, value = part.partition("=")
            if eq:
                env.append((key, value))
            else:
                src = str(Path(part).resolve())
        return cls(label, src, tuple(env))

    def environ(self) -> dict[str, str]:
        out = dict(self.env)
        if self.src:
            out["PYTHONPATH"] = self.src
        return out


# This checkout's server: its code by PYTHONPATH too, whichever checkout the venv was installed from.
THIS = Variant("dette", str(ROOT))


def bench(
    backend: str,
    url: str,
    args: argparse.Namespace,
    tmp: Path,
    validation: str = "on",
    variant: Variant = THIS,
) -> dict[str, float]:
    run_env = {**os.environ, **variant.environ()}
    subprocess.run([*server_command(variant), "init", "--db", url], check=True, capture_output=True, env=run_env,
                   cwd=variant.src)  # fmt: skip
    db = Database(url)
    names = [f"maegler{i:02d}" for i in range(args.brokers)]
    for name in names:
        add_user(db, name, "broker", PASSWORD)
    db.dispose()
    port = free_port()
    log = (tmp / f"{backend}-{uuid.uuid4().hex[:6]}.log").open("wb")
    proc = subprocess.Popen(
        [
            *server_command(variant),
            "serve",
            "--db",
            url,
            "--port",
            str(port),
            "--log-level",
            "warning",
            *(["--workers", str(args.workers)] if backend == "postgres" else []),
            *(["--threads", str(args.threads)] if args.threads else []),
        ],  # fmt: skip
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=variant.src,
        # the schema check of every pushed record (server/push.py), on or off to measure its cost
        env={**run_env, "MAEGLER_SERVER_VALIDATION": validation},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120  # a busy machine: 2 cores shared with other work
        while True:
            try:
                if requests.get(f"{base}/api/v1/healthz", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                log.flush()
                text = (tmp / Path(log.name).name).read_text(errors="replace")[-2000:]
                raise RuntimeError(f"serveren startede ikke: {text}")
            time.sleep(0.1)
        lean = LeanHttp(base)  # the same client as the brokers'
        baseline = []
        for _ in range(200):
            t0 = time.perf_counter()
            lean.call("GET", "/api/v1/healthz")
            baseline.append((time.perf_counter() - t0) * 1000)
        brokers = [Broker(base, name, seed=i + 1) for i, name in enumerate(names)]
        errors: list[str] = []

        # Made before the clock starts: the screening's answers are the forms engine's work, which
        # would otherwise share the cores with the server while the first pushes are timed.
        todos = {b.seed: b.changes(args.changes) for b in brokers}

        def work(b: Broker) -> None:
            try:
                b.http.fresh()
                b.run(args.changes, args.batch, todos[b.seed])
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(repr(exc))

        threads = [threading.Thread(target=work, args=(b,)) for b in brokers]
        backends = db_backends(url)
        cpu0 = cpu_seconds([proc.pid]), cpu_seconds(backends)
        client0, load0 = _own_cpu(), os.getloadavg()[0]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        client1 = _own_cpu()
        backends = sorted(set(backends) | set(db_backends(url)))
        cpu1 = cpu_seconds([proc.pid]), cpu_seconds(backends)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
    if errors:
        raise RuntimeError(f"{len(errors)} mæglere fejlede: {errors[:3]}")
    push = [ms for b in brokers for ms in b.push_ms]
    pull = [ms for b in brokers for ms in b.pull_ms]
    both = push + pull
    applied = sum(b.applied for b in brokers)
    rejected = [m for b in brokers for m in b.not_applied]
    base_ms = statistics.median(baseline)
    result = {
        "healthz_p50_ms": base_ms,
        "healthz_p99_ms": percentile(baseline, 99),
        "changes_per_s": applied / wall,
        "push_p50_ms": percentile(push, 50),
        "push_p99_ms": percentile(push, 99),
        "push_mean_ms": statistics.fmean(push),
        "pull_p50_ms": percentile(pull, 50),
        "pull_p99_ms": percentile(pull, 99),
        "all_p99_ms": percentile(both, 99),
        "wall_s": wall,
        # CPU per applied change: the server's processes, and PostgreSQL's for this database
        "server_cpu_us": (cpu1[0] - cpu0[0]) / max(applied, 1) * 1e6,
        "db_cpu_us": (cpu1[1] - cpu0[1]) / max(applied, 1) * 1e6,
        # this load generator's own (the brokers' threads): it shares the cores with the server
        "client_cpu_us": (client1 - client0) / max(applied, 1) * 1e6,
        "load": load0,
    }
    processes = args.workers if backend == "postgres" else 1
    print(
        f"\n--- {backend}: {args.brokers} mæglere × {args.changes} ændringer, {args.batch} pr. push,"
        f" {processes} serverproces(ser), validering {validation}, server {variant.label}"
    )
    print(f"baseline healthz      p50 {base_ms:7.1f} ms   p99 {result['healthz_p99_ms']:7.1f} ms")
    print(
        f"anvendt               {applied} ændringer på {wall:.1f} s = {result['changes_per_s']:.0f} ændringer/s"
    )
    if rejected:
        print(f"ikke anvendt          {len(rejected)} (fx {rejected[0]})")
    for kind, values in (("push", push), ("pull", pull)):
        p50, p99 = percentile(values, 50), percentile(values, 99)
        print(
            f"{kind:<6} ({len(values):4d} kald)   p50 {p50:7.1f} ms   p99 {p99:7.1f} ms"
            f"   p99/healthz-p50 = {p99 / base_ms:6.1f}"
        )
    print(
        f"CPU pr. ændring       server {result['server_cpu_us']:.0f} µs"
        + (f", PostgreSQL {result['db_cpu_us']:.0f} µs" if backend == "postgres" else "")
        + f", belastningen (mæglerne) {result['client_cpu_us']:.0f} µs"
    )
    cores = os.cpu_count() or 1
    print(
        f"kernernes tid         {(cpu1[0] - cpu0[0] + cpu1[1] - cpu0[1] + client1 - client0) / wall / cores:.0%}"
        f" brugt af server, database og belastning; load average {load0:.2f} ved start"
    )
    verdict = "OK" if result["all_p99_ms"] <= GOAL_P99_MS else "OVER MÅLET"
    print(f"alle kald p99 {result['all_p99_ms']:.1f} ms (mål ≤ {GOAL_P99_MS:.0f} ms): {verdict}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brokers", type=int, default=20)
    parser.add_argument("--changes", type=int, default=500)
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--backend", default="sqlite,postgres")
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="serverprocesser på PostgreSQL (standard: én pr. kerne)",
    )
    parser.add_argument("--threads", type=int, default=None, help="serve --threads (standard: serverens)")
    parser.add_argument(
        "--validation",
        default="on",
        help="skemakontrollen af hver sendt post: on, off, eller on,off for at måle dens pris (skiftevis)",
    )
    parser.add_argument("--rounds", type=int, default=1, help="gennemløb af hver --validation")
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        metavar="NAVN=[MAPPE][,VAR=VÆRDI…]",
        help="en server mere at måle skiftevis med denne checkouts: koden i MAPPE (fx en worktree af "
        "main som basislinje) og/eller miljøvariabler; kan gentages",
    )
    args = parser.parse_args()
    settings = args.validation.split(",")
    variants = [THIS, *(Variant.parse(v) for v in args.variant)]
    results: dict[tuple[str, str, str], list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="maegler-bench-") as tmp_name:
        tmp = Path(tmp_name)
        for backend in args.backend.split(","):
            for _round in range(args.rounds):
                # alternating, the order turned every other round (on off off on …): drift of the
                # machine and whatever the run before leaves behind hit every setting alike
                runs = [(v, var) for v in settings for var in variants]
                for validation, variant in runs if _round % 2 == 0 else runs[::-1]:
                    run = f"{backend}-{validation}-{variant.label}-{_round}"
                    key = (backend, validation, variant.label)
                    if backend == "sqlite":
                        url = f"sqlite:///{tmp / f'bench-{run}.sqlite3'}"
                        results.setdefault(key, []).append(
                            bench("sqlite", url, args, tmp, validation, variant)
                        )
                    elif backend == "postgres":
                        made = make_pg_db()
                        if made is None:
                            break
                        name, url = made
                        try:
                            results.setdefault(key, []).append(
                                bench("postgres", url, args, tmp, validation, variant)
                            )
                        finally:
                            drop_pg_db(name)
    if len(settings) > 1 or len(variants) > 1:
        compare(results, settings, [v.label for v in variants])
    return 0


KEYS = (
    "push_mean_ms",
    "push_p99_ms",
    "pull_p99_ms",
    "all_p99_ms",
    "changes_per_s",
    "server_cpu_us",
    "db_cpu_us",
    "client_cpu_us",
    "load",
)


def compare(
    results: dict[tuple[str, str, str], list[dict[str, float]]], settings: list[str], labels: list[str]
) -> None:
    """Medians over the rounds per backend, setting and server; each against the last setting, and
    each server against the first one (this checkout's)."""
    print("\n--- medianer over gennemløbene (forhold: mod denne checkouts server, samme validering)")
    for backend in dict.fromkeys(b for b, _, _ in results):
        medians = {
            (v, lab): {k: statistics.median(r[k] for r in results[(backend, v, lab)]) for k in KEYS}
            for v in settings
            for lab in labels
            if (backend, v, lab) in results
        }
        for (v, lab), m in medians.items():
            line = "  ".join(f"{k} {m[k]:7.1f}" for k in KEYS)
            ours = medians.get((v, labels[0]))
            if ours is not None and lab != labels[0]:
                line += f"  (all_p99 {m['all_p99_ms'] / ours['all_p99_ms']:.2f}x, ændringer/s "
                line += f"{m['changes_per_s'] / ours['changes_per_s']:.2f}x af {labels[0]})"
            reference = medians.get((settings[-1], lab))
            if reference is not None and v != settings[-1]:
                share = (m["push_mean_ms"] - reference["push_mean_ms"]) / m["push_mean_ms"] * 100
                line += f"  (push-middel {share:+.1f} % af en push med validering {v})"
            print(f"{backend:<9} {lab:<8} validering {v:<3} {line}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
