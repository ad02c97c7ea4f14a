"""Connections cut at random byte offsets during push and pull, many times over; and a killed pull."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from mægler_app.domain.cvr import make_valid_cvr
from mægler_app.domain.rules import FACILITATION_FRAME_ORE
from mægler_app.store.models import Company, Expense, Meeting, Network
from mægler_app.store.services.overview import live_counts
from mægler_app.sync.api import SyncError

from .proxy import ChaosProxy
from .test_engine import add_network, outbox, snapshot

_cvr = iter(range(800_000, 10**6))


def sync_until_done(lap: Any, url: str, tries: int = 200, **kw: Any) -> int:
    """Sync through a flaky link until one run completes; returns how many runs broke off."""
    broke = 0
    for _ in range(tries):
        try:
            report = lap.sync(url, retries=0, **kw)
        except SyncError:
            broke += 1
            continue
        if report.pending_left == 0 and report.pull_complete:
            return broke
    raise AssertionError(f"ingen fuldført synkronisering efter {tries} forsøg")


def server_records(sync_server: Any, username: str) -> dict[tuple[str, str], dict[str, Any]]:
    """What the server database holds for this user, read directly (rows, not a pull)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(sync_server.db_url)
    try:
        with engine.connect() as conn:
            uid = conn.execute(
                text("select id from app_user where username = :u"), {"u": username}
            ).scalar_one()
            rows = conn.execute(
                text("select entity, id, version, deleted from record where owner_id = :o"), {"o": uid}
            ).all()
    finally:
        engine.dispose()
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for entity, rid, version, deleted in rows:
        assert (entity, rid) not in out
        out[(entity, rid)] = {"version": version, "deleted": bool(deleted)}
    return out


@pytest.mark.slow
def test_cut_connections_lose_nothing_and_duplicate_nothing(
    sync_server: Any, new_user: Any, laptop: Any
) -> None:
    user = new_user()
    a, b = laptop(user, "a"), laptop(user, "b")
    # Offsets scaled to compressed bodies (issue 25: a sync moves about a fifth of the bytes it did),
    # so that most cuts still fall inside a sync rather than after it.
    proxy = ChaosProxy(sync_server.port, cut_probability=0.6, max_cut_offset=6_000, seed=11)
    try:
        broke = 0
        ids = []
        for round_no in range(12):
            net = add_network(a.store, companies=3, stage="stage_1", name=f"Netværk {round_no}")
            ids.append(net)
            with a.store.session() as s:
                for i in range(40):
                    s.add(Company(cvr=make_valid_cvr(next(_cvr)), name=f"Runde {round_no} nr. {i}"))
                m = Meeting(network_id=net["network"], starts_at=dt.datetime(2025, 5, 1, 9, tzinfo=dt.UTC))
                s.add(m)
                s.add(
                    Expense(
                        description="Forplejning",
                        network_id=net["network"],
                        meeting_id=m.id,
                        spent_on=dt.date(2025, 5, 1),
                        amount_ore=1234_00,
                        status="draft",  # over 500 kr. and no receipt yet (DESIGN §2)
                    )
                )
                if round_no:
                    # edit the previous round's network twice (two outbox entries or one folded)
                    s.get(Network, ids[round_no - 1]["network"]).notes = f"noter {round_no}"
            with a.store.session() as s:
                if round_no > 1:
                    s.get(Network, ids[round_no - 2]["network"]).deleted = True
            broke += sync_until_done(a, proxy.url, batch_size=25)
        assert broke > 0 and proxy.stats.cuts > 10, (broke, proxy.stats)
        assert outbox(a.store) == []
        pull_proxy = ChaosProxy(sync_server.port, cut_probability=0.8, max_cut_offset=10_000, seed=5)
        try:
            broke_b = sync_until_done(b, pull_proxy.url, page_size=40)
        finally:
            pull_proxy.close()
        assert broke_b > 0, pull_proxy.stats
    finally:
        proxy.close()
    local_a, local_b = snapshot(a.store), snapshot(b.store)
    on_server = server_records(sync_server, user)
    # each record exactly once on the server, the same set on both laptops, nothing lost
    assert set(on_server) == set(local_a) == set(local_b)
    assert len(local_a) == 12 * (1 + 3 + 3 + 1 + 40 + 2)  # the network, its members, screening, …
    assert local_a == local_b
    for key, row in on_server.items():
        assert row["deleted"] == local_a[key]["_deleted"]
    with a.store.session() as s:
        assert s.get(Network, ids[10]["network"]).notes == "noter 11"
        assert len(s.scalars(select(Network).where(Network.deleted.is_(True))).all()) == 10


def _sync_proc(profile: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "mægler_app", "sync", "--profile", str(profile), "--quiet"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )


def _checkpoint(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            row = con.execute("select value from local_state where key = 'pull_since'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return 0
    return int(row[0]) if row else 0


@pytest.mark.slow
def test_app_killed_during_pull_opens_consistent_and_finishes(
    sync_server: Any, new_user: Any, laptop: Any, tmp_path: Path
) -> None:
    user = new_user()
    a = laptop(user, "a")
    from mægler_app.store.demo import generate

    for _ in generate(a.store, 0.1):
        pass
    with a.store.session() as s:  # one change the server refuses: it stays on A, waiting for the broker
        network_id = s.scalars(select(Network.id)).first()
        s.add(
            Expense(
                network_id=network_id,
                spent_on=dt.date(2025, 3, 4),
                amount_ore=FACILITATION_FRAME_ORE + 1,
                description="Over rammen uden begrundelse",
            )
        )
    assert a.sync().pending_left == 0
    # laptop B logs in (token in a keyring the child process can read), then syncs through a slow link
    from mægler_app.sync.credentials import current_account
    from mægler_app.sync.service import login

    from .conftest import PASSWORD

    b_profile = tmp_path / "laptop-b-proc"
    from mægler_app.store.db import open_store

    b = open_store(b_profile)
    result = login(b, sync_server.base, user, PASSWORD)
    account = current_account(b)
    assert account is not None
    b.close()
    # slow enough per forwarded chunk (each way) that the kill lands between pages: compressed pages
    # are few chunks, and the next page may be asked for while the first is being stored
    proxy = ChaosProxy(sync_server.port, delay=1.0)
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "tests.sync.filekeyring.FileKeyring",
        "MAEGLER_TEST_KEYRING": str(tmp_path / "keyring.json"),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    from .filekeyring import FileKeyring

    FileKeyring.write(tmp_path / "keyring.json", "Mægler", account.key, result.token)
    # point the profile at the slow proxy
    con = sqlite3.connect(b_profile / "maegler.sqlite3")
    con.execute(
        "update local_state set value = json_set(value, '$.server_url', ?) where key = 'account'",
        (proxy.url,),
    )
    con.commit()
    con.close()
    FileKeyring.write(tmp_path / "keyring.json", "Mægler", f"{user}@{proxy.url}", result.token)
    try:
        db = b_profile / "maegler.sqlite3"
        proc = _sync_proc(b_profile, env)
        deadline = time.monotonic() + 60
        while _checkpoint(db) == 0 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        first = _checkpoint(db)
        assert first > 0 and proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        proc.send_signal(signal.SIGKILL)  # the next page is on its way through the slow link
        proc.communicate()  # waits, and closes its pipes
        proxy.delay = 0.0
        killed_at = _checkpoint(db)
        # consistent: integrity holds, and every pulled record is whole
        con = sqlite3.connect(db)
        assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert con.execute("pragma foreign_key_check").fetchall() == []
        con.close()

        b = open_store(b_profile)
        partial = sum(live_counts(b).values())
        b.close()
        assert 0 < partial < len(server_records(sync_server, user))
        assert killed_at >= first
        done = _sync_proc(b_profile, env)
        out, err = done.communicate(timeout=120)
        assert done.returncode == 0, err.decode()
    finally:
        proxy.close()
    b = open_store(b_profile)
    try:
        on_server = server_records(sync_server, user)
        got = snapshot(b)
        assert set(got) == set(on_server)
        mine = snapshot(a.store)
        # records whose last change the server rejected differ on laptop A until the broker acts
        waiting = {(e, i) for e, i, _status in outbox(a.store)}
        assert waiting, "the expense over the frame waits on laptop A"
        diff = [k for k in got if k not in waiting and got[k] != mine[k]]
        assert diff == []
    finally:
        b.close()
