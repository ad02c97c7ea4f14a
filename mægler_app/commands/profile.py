"""``maegler status`` and ``maegler demo-data``: the profile's figures, and a large dataset for benchmarks."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import UserError
from ..paths import resolve_profile
from .common import add_command, open_profile_store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    status = add_command(
        sub, "status", "vis antal poster, ventende ændringer, konflikter og sidste synkronisering", cmd_status
    )
    status.add_argument("--json", action="store_true", help="maskinlæsbart output")
    demo = add_command(
        sub, "demo-data", "fyld profilen med et stort, genereret datasæt (til benchmarks)", cmd_demo_data
    )
    demo.add_argument("--scale", type=float, default=1.0, help="1 = ca. 2.000 virksomheder")


def cmd_status(args: argparse.Namespace) -> int:
    from ..domain.messages import Msg
    from ..domain.numbers import format_int
    from ..store.services.overview import get_state, live_counts, parked_count, pending_counts

    store = open_profile_store(args)
    try:
        pending, conflicts, rejected = pending_counts(store)
        counts = live_counts(store)
        last_sync = get_state(store, "last_sync")
        parked = parked_count(store)
    finally:
        store.close()
    if args.json:
        status = {
            "counts": counts,
            "pending": pending,
            "conflicts": conflicts,
            "rejected": rejected,
            "parked": parked,
            "last_sync": last_sync,
        }
        print(json.dumps(status, ensure_ascii=False))
        return 0
    print(Msg.CLI_STATUS_PROFILE(path=str(resolve_profile(args.profile))))
    for entity, n in counts.items():
        print(f"  {entity:<20} {format_int(n)}")
    print(Msg.CLI_STATUS_PENDING(pending=pending, conflicts=conflicts, rejected=rejected))
    print(Msg.CLI_STATUS_LAST_SYNC(when=last_sync or Msg.CLI_STATUS_NEVER_SYNCED()))
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from ..domain.messages import Msg
    from ..store.demo import generate

    if args.scale <= 0:
        raise UserError(Msg.CLI_SCALE_NOT_POSITIVE())
    store = open_profile_store(args)
    try:
        total = 0
        for done, total in generate(store, args.scale):
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        print(Msg.UI_RECORDS_GENERATED(n=total, path=str(store.profile)))
    finally:
        store.close()
    return 0
