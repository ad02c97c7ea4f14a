"""The facilitation budget at scale, against the one grouped query it cannot do without, same run.

    python benchmarks/budget.py [--runs 9] [--scale 1]

Baseline: ``SELECT network_id, SUM(amount_ore) FROM expense GROUP BY network_id`` on the same
profile. Measured: ``broker_totals`` (the Møder og udgifter view's reload: every network's spent,
committed, drafts and flags) and one network's tab data (budget, burn-down, both lists). Also the
expense report PDF of a network with 200 expenses. Prints medians and ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from mægler_app.reports.expense_report import write_expense_pdf
from mægler_app.store.db import open_store
from mægler_app.store.demo import generate
from mægler_app.store.services import expenses, meetings


def median_time(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="maegler-bench-") as tmp:
        store = open_store(Path(tmp) / "profil")
        for _ in generate(store, args.scale):
            pass
        totals = expenses.broker_totals(store)
        network_id = totals.networks[0].network_id
        print(f"scale {args.scale}: {len(totals.networks)} networks with a frame or expenses")

        def baseline() -> object:
            with store.engine.connect() as conn:
                return conn.execute(
                    text("SELECT network_id, SUM(amount_ore) FROM expense GROUP BY network_id")
                ).all()

        def tab_data() -> object:
            today = dt.date.today()
            return (
                expenses.budget(store, network_id),
                expenses.burn_down(store, network_id, today),
                expenses.list_expenses(store, network_id),
                meetings.list_meetings(store, network_id),
            )

        base = median_time(baseline, args.runs)
        total = median_time(lambda: expenses.broker_totals(store), args.runs)
        tab = median_time(tab_data, args.runs)
        print(f"baseline grouped sum:   {base * 1000:8.1f} ms")
        print(f"broker_totals:          {total * 1000:8.1f} ms  ratio {total / base:6.1f}")
        print(f"one network's tab data: {tab * 1000:8.1f} ms  ratio {tab / base:6.1f}")

        for i in range(200):
            expenses.save_expense(
                store,
                expenses.ExpenseInput(
                    network_id,
                    dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
                    100 + i,
                    "transport",
                    f"Kørsel {i}",
                ),
            )
        data = expenses.expense_report_data(store, network_id)
        pdf = median_time(lambda: write_expense_pdf(data, Path(tmp) / "r.pdf"), max(3, args.runs // 3))
        print(
            f"expense report PDF, {len(data.expenses)} expenses: {pdf * 1000:8.1f} ms  ratio {pdf / base:6.1f}"
        )
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
