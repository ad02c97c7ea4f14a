"""Danish number formatting per call: domain.numbers against babel called the plain way.

    python benchmarks/numbers_bench.py [--n 20000]

The baseline, in the same run, is what domain/numbers.py did before: babel's ``format_decimal`` /
``format_currency`` with the locale given as the text "da_DK" and the pattern as a string, so babel
parses both on every call. The tables of the caseworker's desk format thousands of numbers (200
networks × 16 columns in Programmet's effects), so this is on the event loop's clock.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

from babel import numbers as babel_numbers

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mægler_app.domain import numbers  # noqa: E402


def plain_int(n: int) -> str:
    return babel_numbers.format_decimal(n, locale="da_DK")


def plain_kr(ore: int) -> str:
    return babel_numbers.format_currency(
        Decimal(ore).scaleb(-2), "DKK", format="#,##0.00 ¤", locale="da_DK", currency_digits=False
    )


def plain_percent(bp: int) -> str:
    return babel_numbers.format_decimal(Decimal(bp).scaleb(-2), format="#,##0.##", locale="da_DK") + " %"


def per_call_us(fn, values: list[int]) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for v in values:
            fn(v)
        best = min(best, (time.perf_counter() - t0) / len(values) * 1e6)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20_000)
    args = ap.parse_args()
    rnd = random.Random(7)
    values = [rnd.randint(-(10**11), 10**11) for _ in range(args.n)]
    print(f"{args.n} values, best of 3, µs per call")
    print(f"{'':22} {'babel plain':>12} {'numbers':>9} {'ratio':>6}")
    for name, plain, ours in (
        ("format_int", plain_int, numbers.format_int),
        ("format_kr", plain_kr, numbers.format_kr),
        ("format_percent_bp", plain_percent, numbers.format_percent_bp),
    ):
        assert all(plain(v) == ours(v) for v in values[:2000]), name  # the same texts
        a, b = per_call_us(plain, values), per_call_us(ours, values)
        print(f"{name:22} {a:12.1f} {b:9.1f} {b / a:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
