"""``maegler``: the desktop app by default, sub-commands for scripting (DESIGN.md §6).

Exit status: 0 success, 1 a user error (a Danish message on stderr), 2 bad usage.
Heavy modules (Qt, ReportLab, requests) are imported only by the command that needs them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .paths import resolve_profile


class UserError(Exception):
    """A mistake the user can fix; printed in Danish, exit status 1."""


def _open(profile: Path):  # type: ignore[no-untyped-def]
    from .store.db import StoreError, open_store

    try:
        return open_store(profile)
    except StoreError as exc:
        raise UserError(str(exc)) from exc


def cmd_demo_data(args: argparse.Namespace) -> int:
    from .domain.numbers import format_int
    from .store.demo import generate

    if args.scale <= 0:
        raise UserError("--scale skal være større end 0.")
    store = _open(resolve_profile(args.profile))
    try:
        total = 0
        for done, total in generate(store, args.scale):
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        print(f"{format_int(total)} poster lagt i {store.profile}")
    finally:
        store.close()
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from .domain.numbers import format_int
    from .store.services.overview import get_state, live_counts, pending_counts

    store = _open(resolve_profile(args.profile))
    try:
        pending, conflicts, rejected = pending_counts(store)
        status = {
            "counts": live_counts(store),
            "pending": pending,
            "conflicts": conflicts,
            "rejected": rejected,
            "last_sync": get_state(store, "last_sync"),
        }
    finally:
        store.close()
    if args.json:
        print(json.dumps(status, ensure_ascii=False))
    else:
        print(f"Profil: {resolve_profile(args.profile)}")
        for entity, n in status["counts"].items():  # type: ignore[attr-defined]
            print(f"  {entity:<20} {format_int(n)}")
        print(
            f"Ændringer der venter: {format_int(pending)}; konflikter: {format_int(conflicts)}; "
            f"afviste: {format_int(rejected)}"
        )
        print(f"Sidst synkroniseret: {status['last_sync'] or 'aldrig'}")
    return 0


# Sub-commands: name → (help, add arguments, run). Features register theirs in _extra_commands().
Command = tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]


def _commands() -> dict[str, Command]:
    commands: dict[str, Command] = {
        "demo-data": (
            "fyld profilen med et stort, genereret datasæt (til benchmarks)",
            lambda p: p.add_argument("--scale", type=float, default=1.0, help="1 = ca. 2.000 virksomheder"),
            cmd_demo_data,
        ),
        "status": (
            "vis antal poster, ventende ændringer, konflikter og sidste synkronisering",
            lambda p: p.add_argument("--json", action="store_true", help="maskinlæsbart output"),
            cmd_status,
        ),
    }
    commands.update(_extra_commands())
    return commands


# Commands that live with their features, by name, so that starting the GUI imports none of them
# (csv_io alone pulls in SQLAlchemy, which start-up defers until after the first paint).
FEATURE_COMMANDS: dict[str, str] = {
    "import": "mægler_app.store.services.csv_io",
    "export": "mægler_app.store.services.csv_io",
    "login": "mægler_app.sync.cli",
    "logout": "mægler_app.sync.cli",
    "sync": "mægler_app.sync.cli",
}
COMMAND_NAMES = ("demo-data", "status", *FEATURE_COMMANDS)


def _extra_commands() -> dict[str, Command]:
    """Commands that live with their features (import, export, login, logout, sync)."""
    extra: dict[str, Command] = {}
    for module_name in dict.fromkeys(FEATURE_COMMANDS.values()):
        try:
            module = __import__(module_name, fromlist=["COMMANDS"])
        except ImportError:
            continue
        extra.update(getattr(module, "COMMANDS", {}))
    return extra


def _gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="maegler",
        description="Mægler – netværksmæglernes værktøj i Midtjysk Klyngeprogram.",
        epilog="Underkommandoer: " + ", ".join(COMMAND_NAMES) + ". Se 'maegler KOMMANDO --help'.",
    )
    p.add_argument("--version", action="version", version=f"maegler {__version__}")
    p.add_argument("--profile", metavar="MAPPE", help="datamappe (ellers MAEGLER_HOME eller standardmappen)")
    p.add_argument(
        "--demo", action="store_true", help="åbn en midlertidig profil med programmets tre eksempelnetværk"
    )
    p.add_argument("--exit-after-start", action="store_true", help="afslut når hovedvinduet er tegnet")
    p.add_argument("--screenshots", metavar="MAPPE", help="gem et billede af hver hovedvisning og afslut")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    # `--profile DIR` takes a value that is not a command name
    if first is not None and first in COMMAND_NAMES:
        commands = _commands()
        parser = argparse.ArgumentParser(prog="maegler")
        parser.add_argument("--profile", metavar="MAPPE")
        sub = parser.add_subparsers(dest="command", required=True)
        for name, (help_text, add_args, _run) in commands.items():
            sp = sub.add_parser(name, help=help_text)
            sp.add_argument("--profile", metavar="MAPPE", default=argparse.SUPPRESS)
            add_args(sp)
        args = parser.parse_args(argv)
        try:
            return commands[args.command][2](args)
        except UserError as exc:
            print(f"maegler: {exc}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            return 130
    args = _gui_parser().parse_args(argv)
    from .ui.app import GuiOptions, run_gui

    return run_gui(
        GuiOptions(
            profile=resolve_profile(args.profile),
            demo=args.demo,
            exit_after_start=args.exit_after_start,
            screenshots=Path(args.screenshots) if args.screenshots else None,
        )
    )


if __name__ == "__main__":
    sys.exit(main())
