"""``maegler`` with no sub-command: the desktop app, and its options (DESIGN.md §6)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.messages import Msg
from ..paths import resolve_profile

GUI_OPTIONS = ("demo", "exit_after_start", "screenshots", "language")


def add_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("programmet (uden underkommando)")
    group.add_argument(
        "--demo", action="store_true", help="åbn en midlertidig profil med programmets tre eksempelnetværk"
    )
    group.add_argument("--exit-after-start", action="store_true", help="afslut når hovedvinduet er tegnet")
    group.add_argument("--screenshots", metavar="MAPPE", help="gem et billede af hver hovedvisning og afslut")
    group.add_argument(
        "--language",
        choices=("da", "en"),
        help="programmets sprog denne gang (ellers det valgte under Vis → Sprog, eller systemets)",
    )


def check_not_with_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """The app's options mean nothing to a sub-command: saying so beats ignoring them (exit 2)."""
    given = [f"--{name.replace('_', '-')}" for name in GUI_OPTIONS if getattr(args, name)]
    if given:
        parser.error(
            str(Msg.CLI_OPTIONS_ONLY_WITHOUT_COMMAND(options=", ".join(given), command=args.command))
        )


def run(args: argparse.Namespace) -> int:
    # Qt is imported only now: the sub-commands never load it.
    from ..ui.app import GuiOptions, run_gui

    return run_gui(
        GuiOptions(
            profile=resolve_profile(args.profile),
            demo=args.demo,
            exit_after_start=args.exit_after_start,
            screenshots=Path(args.screenshots) if args.screenshots else None,
            language=args.language,
        )
    )
