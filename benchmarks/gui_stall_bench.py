"""A GUI that never stalls: the longest event-loop stall of the real main window under load.

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_stall_bench.py [--runs 3] [--scale 10]

A heartbeat (a ``QTimer`` every 5 ms on the GUI thread) records the gaps between its ticks; a stall
is a gap less the 5 ms. It runs in the real ``MainWindow`` while:

- baseline: the window idles (the companies view shown), 2 s;
- (a) sync: a first sync of a fresh ``demo-data`` profile of scale 1 to a real ``maegler-server`` on
  127.0.0.1 (the window on that profile, the sync controller's own worker, the views' refresh after);
- (b) import: 10.000 companies imported from a CSV through the companies view's import dialog
  (read, preview, apply, the list reloaded);
- (c) pdf: a meeting's minutes of about 20 pages written by the meetings' Exporter (the PDF is
  read back to count its pages);
- (d) filter: typing "herning pl" one key at a time in the companies view's search box (and
  clearing it), 60 ms between keys;

with the window on a profile of ``--scale`` (default 10: 20.000 companies before the import). Then
the local reads and writes the GUI thread still makes are timed one by one (screening autosave, a
meetings tab's list marks, save on leave, the status bar's outbox counts; goal 16 ms).
Each scenario runs ``--runs`` times; the table gives the median and the worst of the runs' longest
stalls, each against the idle window's; "GUI CPU": the median of the runs' most CPU time the GUI
thread spent itself between two ticks (its own work: on a machine shared with other processes a
gap also waits for a core, which this does not count); the longest garbage collection seen on the
GUI thread ("GC max") and in a worker ("wGC max": it holds the interpreter, so the GUI waits); and
where the GUI thread was during the longest stall (a watchdog thread samples its stack when a tick
is 30 ms late), and where the other threads were (a worker's call that held the interpreter the GUI
thread waited for is caught just after it; a garbage collection in progress is named). Goal: no
stall over 50 ms.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MAEGLER_PASSWORD_COST", "test")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, QTimer  # noqa: E402

GOAL_MS = 50.0
TICK_MS = 5
LATE_MS = 30.0  # the watchdog samples the GUI thread's stack once a tick is this late


class Heartbeat(QObject):
    """Ticks every ``interval_ms`` on the GUI thread and records the gaps between ticks.

    ``worst_ms``: the longest gap less the interval (0 when every tick came on time). A watchdog
    thread notes where the GUI thread is when a tick is ``LATE_MS`` late (``where``: the stack of
    the longest stall seen), so a stall names its cause.
    """

    def __init__(self, interval_ms: int = TICK_MS, *, watchdog: bool = True) -> None:
        super().__init__()
        self.interval_ms = interval_ms
        self.gaps: list[float] = []
        self.busy: list[float] = []  # the GUI thread's own CPU time within each gap
        self._clock = QElapsedTimer()
        self._last = 0.0
        self._last_wall = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._watchdog = watchdog
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._gui_ident = threading.get_ident()
        self._cpu = time.thread_time()
        self._sample: list[str] = []  # the stack of the stall in progress
        self._samples: list[tuple[float, list[str]]] = []  # (gap ms, stack) per sampled stall
        # the other threads' stacks at the same moment: a worker that held the interpreter through
        # a long call is caught just after it (the GUI thread waited for it to let go)
        self._others: list[str] = []
        self._others_of: dict[int, list[str]] = {}  # id of a sampled stack → the others' stacks
        self.gc_ms = 0.0
        self.worker_gc_ms = 0.0
        self._gc_starts: dict[int, float] = {}

    def start(self) -> None:
        self.gaps.clear()
        self.busy.clear()
        self._cpu = time.thread_time()
        self._samples.clear()
        self._others_of.clear()
        self.gc_ms = 0.0
        self.worker_gc_ms = 0.0
        self._clock.start()
        self._last = 0.0
        self._last_wall = time.perf_counter()
        self._timer.start()
        gc.callbacks.append(self._gc)
        if self._watchdog:
            self._stop.clear()
            self._thread = threading.Thread(target=self._watch, name="heartbeat-watchdog", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._tick()
        self._timer.stop()
        if self._gc in gc.callbacks:
            gc.callbacks.remove(self._gc)
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._thread = None

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed() / 1e6
        gap = now - self._last
        self.gaps.append(gap)
        cpu = time.thread_time()
        self.busy.append((cpu - self._cpu) * 1000)
        self._cpu = cpu
        self._last = now
        self._last_wall = time.perf_counter()
        if self._sample:
            self._samples.append((gap, self._sample))
            self._others_of[id(self._sample)] = self._others
            self._sample = []
            self._others = []

    def _gc(self, phase: str, _info: dict[str, Any]) -> None:
        # a collection in a worker holds the interpreter too: the GUI thread waits it out
        ident = threading.get_ident()
        if phase == "start":
            self._gc_starts[ident] = time.perf_counter()
            return
        took = (time.perf_counter() - self._gc_starts.pop(ident, time.perf_counter())) * 1000
        if ident == self._gui_ident:
            self.gc_ms = max(self.gc_ms, took)
        else:
            self.worker_gc_ms = max(self.worker_gc_ms, took)

    def _watch(self) -> None:
        while not self._stop.wait(0.01):
            late = (time.perf_counter() - self._last_wall) * 1000 - self.interval_ms
            if late > LATE_MS and not self._sample:
                frame = sys._current_frames().get(self._gui_ident)
                if frame is not None:
                    names = {t.ident: t.name for t in threading.enumerate()}
                    self._others = [
                        f"[{names.get(ident, ident)}] {line}"
                        for ident, other in sys._current_frames().items()
                        if ident not in (self._gui_ident, threading.get_ident())
                        for line in _lines(other, 8)
                    ]
                    self._others += [
                        f"[{names.get(ident, ident)}] collecting garbage for {1000 * (time.perf_counter() - at):.0f} ms"
                        for ident, at in list(self._gc_starts.items())
                        if ident != self._gui_ident
                    ]
                    self._sample = _lines(frame, 6)

    @property
    def worst_ms(self) -> float:
        return max((g - self.interval_ms for g in self.gaps), default=0.0) if self.gaps else 0.0

    @property
    def busiest_ms(self) -> float:
        """The most CPU time the GUI thread spent itself between two ticks: its own work, which a
        machine busy with other processes does not inflate (a gap may also wait for a core, or for
        the interpreter held by a worker)."""
        return max(self.busy, default=0.0)

    def where(self) -> list[str]:
        """The sampled stack of the longest stall (innermost last), if one was sampled."""
        if not self._samples:
            return []
        return max(self._samples, key=lambda s: s[0])[1]

    def elsewhere(self) -> list[str]:
        """The other threads' stacks (innermost last, each line headed by its thread) sampled with
        ``where()``: which worker's call held the interpreter the GUI thread waited for."""
        if not self._samples:
            return []
        return self._others_of.get(id(max(self._samples, key=lambda s: s[0])[1]), [])


def _lines(frame: Any, depth: int) -> list[str]:
    """A frame's stack as one line per call (file, line, function), innermost last."""
    return [line.strip().splitlines()[0] for line in traceback.format_stack(frame)[-depth:]]


def pump(until: Callable[[], bool] | None = None, *, at_least_ms: int = 0, timeout_s: float = 300) -> bool:
    """Run the event loop until ``until()`` holds (checked every 10 ms) and ``at_least_ms`` passed."""
    loop = QEventLoop()
    started = time.perf_counter()

    def check() -> None:
        waited = (time.perf_counter() - started) * 1000
        if waited >= at_least_ms and (until is None or until()):
            loop.quit()
        elif waited > timeout_s * 1000:
            loop.quit()

    checker = QTimer()
    checker.setInterval(10)
    checker.timeout.connect(check)
    checker.start()
    loop.exec()
    checker.stop()
    return until is None or until()


class Result:
    def __init__(self, name: str) -> None:
        self.name = name
        self.stalls: list[float] = []
        self.busy: list[float] = []
        self.gcs: list[float] = []
        self.worker_gcs: list[float] = []
        self.where: list[str] = []
        self.elsewhere: list[str] = []
        self.seconds: list[float] = []
        self._worst = -1.0

    def add(self, beat: Heartbeat, seconds: float) -> None:
        self.stalls.append(beat.worst_ms)
        self.busy.append(beat.busiest_ms)
        self.gcs.append(beat.gc_ms)
        self.worker_gcs.append(beat.worker_gc_ms)
        self.seconds.append(seconds)
        if beat.worst_ms > self._worst:
            self._worst = beat.worst_ms
            self.where = beat.where()
            self.elsewhere = beat.elsewhere()


def measured(
    result: Result, action: Callable[[], object], until: Callable[[], bool], settle_ms: int = 300
) -> None:
    beat = Heartbeat()
    beat.start()
    t0 = time.perf_counter()
    action()
    ok = pump(until)
    seconds = time.perf_counter() - t0
    pump(at_least_ms=settle_ms)  # what follows the end (a view's refresh) is watched too
    beat.stop()
    if not ok:
        print(f"  ({result.name}: did not finish in time)")
    result.add(beat, seconds)


# --- the data ------------------------------------------------------------------------------------
TOWNS = ["Aarhus", "Herning", "Viborg", "Randers", "Silkeborg", "Horsens", "Holstebro", "Skive", "Ikast"]
TRADES = ["Stålteknik", "Maskinfabrik", "Køleteknik", "Plast", "Elektronik", "Automation", "Fødevarer"]
KEYS = "herning pl"


def companies_csv(n: int, first: int) -> bytes:
    from mægler_app.domain.cvr import make_valid_cvr

    lines = ["CVR;Navn;Adresse;Postnr;By;Kommune;Ansatte;Fokusområde;Branche;Videninstitution"]
    for i in range(first, first + n):
        town = TOWNS[i % len(TOWNS)]
        trade = TRADES[(i // 3) % len(TRADES)]
        lines.append(
            f"{make_valid_cvr(i)};{town} {trade} {i} ApS;Erhvervsvej {i % 200};8000;{town};{town};"
            f"{(i * 7) % 320};Fødevarer;{trade};nej"
        )
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def long_minutes(paragraphs: int) -> str:
    text = (
        "Netværket drøftede fælles indkøb af måleudstyr, adgang til testfaciliteter hos "
        "videninstitutionen og en ansøgning om næste trin. Deltagerne gennemgik erfaringerne fra "
        "sidste kvartal, og mægleren noterede de opgaver, hver virksomhed tager med hjem. "
    )
    return "\n\n".join(f"{k + 1}. {text * 3}" for k in range(paragraphs))


def make_data(store: Any, scale: float, seed: int = 7) -> None:
    from mægler_app.store.demo import generate

    for _ in generate(store, scale, seed=seed):
        pass


def make_profile(path: Path, scale: float, seed: int = 7) -> float:
    from mægler_app.store.db import open_store

    t0 = time.perf_counter()
    store = open_store(path)
    try:
        make_data(store, scale, seed)
    finally:
        store.close()
    return time.perf_counter() - t0


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


# --- the scenarios ---------------------------------------------------------------------------------
def window_on(store: Any) -> tuple[Any, Any]:
    from mægler_app.ui.context import AppContext
    from mægler_app.ui.main_window import MainWindow

    ctx = AppContext(store=store)
    window = MainWindow(ctx)
    window.show()
    pump(at_least_ms=200)
    return ctx, window


def companies_ready(window: Any) -> Callable[[], bool]:
    view = window.view("virksomheder")
    return lambda: not view.loader.busy and view.model.rowCount() > 0


def close(window: Any) -> None:
    window.ctx.pool.waitForDone(60_000)
    window.close()
    window.deleteLater()
    pump(at_least_ms=50)


def typing_in(view: Any, result: Result) -> None:
    """(d): the keys typed one at a time into the companies view's search box, then cleared."""
    from PySide6.QtTest import QTest

    def typing() -> None:
        for key in KEYS:
            QTest.keyClicks(view.filter, key)
            pump(at_least_ms=60)
        view.filter.clear()

    result.name = f"(d) filter {view.model.rowCount()} companies, typing"
    measured(result, typing, lambda: True)


def pdf_by_exporter(ctx: Any, meeting_id: str, target: Path, result: Result) -> int:
    """(c): the minutes' PDF written by the meetings' Exporter (as the meeting editor starts it)."""
    from mægler_app.ui.meetings.exports import Exporter, export_meeting_pdf

    exporter = Exporter(ctx)
    measured(
        result,
        lambda: exporter.run(export_meeting_pdf, meeting_id, target),
        lambda: exporter.running is None,
    )
    return pdf_pages(target)


def import_by_dialog(window: Any, path: Path, result: Result) -> None:
    """(b): the companies view's import dialog reads the file, then imports it; the list reloads."""
    view = window.view("virksomheder")
    ready = companies_ready(window)
    state: dict[str, Any] = {}

    def start_import() -> None:
        dialog = view.import_file(path)
        state["dialog"] = dialog

        def planned() -> None:
            if dialog.plan is not None and dialog.plan.ok:
                dialog.apply()
            else:
                state["failed"] = True

        dialog.planned.connect(planned)

    def imported() -> bool:
        dialog = state.get("dialog")
        return bool(state.get("failed")) or (dialog is not None and dialog.outcome is not None and ready())

    measured(result, start_import, imported, settle_ms=500)
    if state.get("failed"):
        print("  (import refused:", state["dialog"].summary.text(), ")")
    state["dialog"].close()


def first_sync(tmp: Path, server: tuple[str, str], run: int, result: Result) -> None:
    """(a): a fresh scale-1 profile's first sync, by the window's sync controller, as a new broker."""
    import subprocess

    from benchmarks.sync_bench import PASSWORD, server_cmd
    from mægler_app.store.db import open_store
    from mægler_app.sync.service import login
    from mægler_app.ui.sync.controller import controller_for

    url, db = server
    user = f"stall{run}"
    subprocess.run(
        [*server_cmd(), "add-user", user, "--role", "broker", "--db", db],
        input=PASSWORD.encode(),
        check=True,
        capture_output=True,
    )
    small = open_store(tmp / f"sync-{run}")
    make_data(small, 1.0, seed=100 + run)
    ctx, window = window_on(small)
    controller = controller_for(ctx)
    controller.session_token = login(small, url, user, PASSWORD).token
    reports: list[Any] = []
    controller.finished.connect(reports.append)
    controller.failed.connect(lambda message: print("  (sync failed:", message, ")"))
    measured(result, controller.sync_now, lambda: not controller.running, settle_ms=1000)
    if reports:
        result.name = f"(a) first sync, scale 1 ({reports[0].pushed} records)"
    close(window)
    small.close()


READS_GOAL_MS = 16.0


def gui_reads(ctx: Any, window: Any, runs: int = 5) -> list[tuple[str, float, float]]:
    """The local reads and writes still made on the GUI thread, each timed as the person meets it
    (median of ``runs``: wall ms, the GUI thread's CPU ms): what the issue asks to prove under 16 ms."""
    from mægler_app.store.models import Company, Network, Screening
    from mægler_app.ui.companies.editor import CompanyEditor
    from mægler_app.ui.forms.screening import ScreeningWidget
    from mægler_app.ui.meetings.network_tab import NetworkActivityTab

    store = ctx.store
    with store.session() as s:
        draft = s.query(Screening).filter(Screening.finalized_at.is_(None)).first()
        network_id = s.query(Network.id).order_by(Network.id).limit(1).scalar()
        company_id = s.query(Company.id).order_by(Company.id).limit(1).scalar()
    out = []

    def timed(name: str, action: Callable[[], object], before: Callable[[], object] | None = None) -> None:
        walls, cpus = [], []
        for _ in range(runs):
            # one by one: what the last one started in the thread pool (a list's reload after a
            # save, the status bar's count) has ended, so it does not hold the interpreter meanwhile
            ctx.pool.waitForDone()
            pump(at_least_ms=20)
            if before is not None:
                before()
            w, c = time.perf_counter(), time.thread_time()
            action()
            walls.append((time.perf_counter() - w) * 1000)
            cpus.append((time.thread_time() - c) * 1000)
            pump(at_least_ms=20)
        out.append((name, statistics.median(walls), statistics.median(cpus)))

    if draft is not None:
        screening = ScreeningWidget(ctx, draft.network_id)
        timed("screening autosave (save_now)", screening.save_now)
        screening.deleteLater()
    tab = NetworkActivityTab(ctx, network_id)
    timed("a network's meetings tab read again (list marks)", tab.reload)
    tab.deleteLater()
    editor = CompanyEditor(ctx)
    editor.load(company_id)

    def edit() -> None:
        editor.name.setText(editor.name.text().rstrip("x") + "x")

    # what leaving the form with unsaved typing calls (CompaniesView.confirm_leave): the next
    # record is shown at once, so the saved one is not read back (before: the plain save)
    leave_save = getattr(editor, "save_on_leave", editor.save)
    timed(f"save on leave (company editor's {leave_save.__name__})", leave_save, edit)
    timed("save by Gem/Ctrl+S, read back (company editor's save)", editor.save, edit)
    editor.deleteLater()
    timed("status bar after a change (outbox counts)", window.update_status)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=float, default=10.0)
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="a folder to keep (and reuse) the big profile in")
    parser.add_argument("--only", default="", help="scenarios to run, e.g. 'cd' (default: all)")
    args = parser.parse_args()
    only = set(args.only or "abcdr")
    reads: list[tuple[str, float, float]] = []

    from PySide6.QtWidgets import QApplication

    from mægler_app.store.db import open_store
    from mægler_app.store.models import Meeting
    from mægler_app.ui.app import make_application, settle_heap
    from mægler_app.ui.meetings.exports import export_meeting_pdf

    app = make_application()
    assert isinstance(app, QApplication)
    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="maegler-stall-") as tmp_name:
        tmp = Path(tmp_name)
        made = (args.keep or tmp) / f"big-{args.scale:g}"
        if not made.exists():
            print(f"demo-data --scale {args.scale:g}: {make_profile(made, args.scale):.0f} s")
        big = tmp / "big"  # a copy: the import adds companies to it
        shutil.copytree(made, big)
        store = open_store(big)
        # the minutes of one meeting, long enough for about ``--pages`` pages
        with store.session() as s:
            meeting = s.query(Meeting).order_by(Meeting.id).first()
            assert meeting is not None
            meeting_id = meeting.id
        paragraphs = 40
        for _ in range(4):
            with store.session() as s:
                s.get(Meeting, meeting_id).minutes = long_minutes(paragraphs)  # type: ignore[union-attr]
            pages = pdf_pages(export_meeting_pdf(store, meeting_id, tmp / "probe.pdf"))
            if pages >= args.pages:
                break
            paragraphs = int(paragraphs * args.pages / max(pages, 1)) + 2
        settle_heap()  # as the app does once its store is loaded

        names = {
            "0": "baseline: idle window",
            "a": "(a) first sync, scale 1",
            "b": f"(b) import {args.import_rows} companies",
            "c": f"(c) PDF of {pages} pages",
            "d": "(d) filter, typing",
        }
        results = {key: Result(name) for key, name in names.items()}
        proc = None
        server = ("", "")
        if "a" in only:
            from benchmarks.sync_bench import start_server

            proc, port, db = start_server(tmp)
            server = (f"http://127.0.0.1:{port}", db)
        try:
            for run in range(args.runs):
                ctx, window = window_on(store)
                window.show_view("virksomheder")
                pump(companies_ready(window))
                measured(results["0"], lambda: None, lambda: True, settle_ms=2000)  # the same window idle
                if "d" in only:
                    typing_in(window.view("virksomheder"), results["d"])
                if "c" in only:
                    pages = pdf_by_exporter(ctx, meeting_id, tmp / f"referat-{run}.pdf", results["c"])
                    results["c"].name = f"(c) PDF of {pages} pages"
                if "r" in only and run == 0:
                    reads = gui_reads(ctx, window)
                if "b" in only:
                    path = tmp / f"import-{run}.csv"
                    path.write_bytes(companies_csv(args.import_rows, 3_000_000 + run * 100_000))
                    import_by_dialog(window, path, results["b"])
                close(window)
                if "a" in only:
                    first_sync(tmp, server, run, results["a"])
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(10)
            store.close()
    load1 = os.getloadavg()[0]
    base = statistics.median(results["0"].stalls)
    print(
        f"Longest event-loop stall, heartbeat every {TICK_MS} ms, profile scale {args.scale:g}, "
        f"{args.runs} runs (load average {load0:.1f} → {load1:.1f} on {os.cpu_count()} CPUs)"
    )
    print(
        f"  {'scenario':<44} {'stall':>7} {'worst':>7} {'× idle':>7} {'GUI CPU':>8} {'× idle':>7}"
        f" {'GC max':>7} {'wGC max':>8} {'took':>7}"
    )
    base_busy = statistics.median(results["0"].busy)
    verdict = True
    for key, r in results.items():
        if not r.stalls:
            continue
        med, busy = statistics.median(r.stalls), statistics.median(r.busy)
        ok = max(r.stalls) <= GOAL_MS
        verdict &= ok or key == "0"
        print(
            f"  {r.name:<44} {med:5.0f}ms {max(r.stalls):5.0f}ms {med / max(base, 0.1):6.1f}x "
            f"{busy:6.0f}ms {busy / max(base_busy, 0.1):6.1f}x "
            f"{max(r.gcs):5.0f}ms {max(r.worker_gcs):6.0f}ms {statistics.median(r.seconds):6.1f}s  "
            f"{'ok' if ok else 'OVER'}"
        )
        if r.where and max(r.stalls) > GOAL_MS:
            for line in r.where:
                print(f"      {line}")
            if r.elsewhere:
                print("    meanwhile in the other threads:")
                for line in r.elsewhere:
                    print(f"      {line}")
    if reads:
        print(f"Local reads and writes on the GUI thread (profile scale {args.scale:g}, median of 5):")
        for name, wall, cpu in reads:
            ok = "ok" if wall <= READS_GOAL_MS else "OVER"
            print(f"  {name:<52} {wall:6.1f} ms (GUI CPU {cpu:5.1f} ms)  ≤ {READS_GOAL_MS:.0f} ms: {ok}")
    print(f"goal: no stall over {GOAL_MS:.0f} ms: {'met' if verdict else 'NOT met'}")
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())
