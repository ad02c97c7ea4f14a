"""``maegler login``, ``logout`` and ``sync`` (registered through ``COMMANDS``, see mægler_app/cli.py).

The password is read from stdin (one line), or asked for without echo on a terminal. It is never
printed, logged or written; the token goes to the OS keyring only.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import sys
from typing import Any


def _read_password(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    return line.rstrip("\r\n")


def user_error(message: str) -> Exception:
    """``mægler_app.cli.UserError`` (exit 1 with a Danish message), looked up at run time: the
    top-level CLI imports the GUI, which the sync layer must not depend on."""
    cls = importlib.import_module("mægler_app.cli").UserError
    return cls(message)  # type: ignore[no-any-return]


def _open_store(args: argparse.Namespace) -> Any:
    from ..paths import resolve_profile
    from ..store.db import StoreError, open_store

    try:
        return open_store(resolve_profile(getattr(args, "profile", None)))
    except StoreError as exc:
        raise user_error(str(exc)) from exc


def _add_login_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--server", required=True, metavar="URL", help="Væksthus' server, fx https://maegler.example.dk"
    )
    p.add_argument("--user", required=True, metavar="NAVN", help="dit brugernavn")


def cmd_login(args: argparse.Namespace) -> int:
    from .api import SyncError
    from .service import login

    store = _open_store(args)
    try:
        password = _read_password(f"Adgangskode for {args.user}: ")
        try:
            result = login(store, args.server, args.user, password)
        except SyncError as exc:
            raise user_error(str(exc)) from exc
    finally:
        store.close()
    print(result.message, file=sys.stdout if result.saved_in_keyring else sys.stderr)
    return 0


def cmd_logout(args: argparse.Namespace) -> int:
    from .service import logout

    store = _open_store(args)
    try:
        print(logout(store))
    finally:
        store.close()
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from .api import AuthError, SyncError
    from .credentials import NO_KEYRING_TEXT, current_account, keyring_usable
    from .service import NotLoggedInError, api_for, login, run_sync

    store = _open_store(args)
    session_token: str | None = None
    try:
        try:
            api = api_for(store)
        except NotLoggedInError:
            account = current_account(store)
            if account is None or keyring_usable():
                raise
            # No keyring: ask for the password for this session only.
            print(NO_KEYRING_TEXT, file=sys.stderr)
            password = _read_password(f"Adgangskode for {account.username}: ")
            session_token = login(store, account.server_url, account.username, password).token
            api = api_for(store, session_token)
        gen = run_sync(store, api)
        try:
            while True:
                done, total = next(gen)
                if not args.quiet:
                    print(f"\rSynkroniserer… {done}/{total}", end="", file=sys.stderr, flush=True)
        except StopIteration as stop:
            report = stop.value
        if not args.quiet:
            print(file=sys.stderr)
    except AuthError as exc:
        raise user_error(f"{exc} (maegler login --server URL --user NAVN)") from exc
    except SyncError as exc:
        raise user_error(str(exc)) from exc
    finally:
        if session_token:
            from .api import Api

            try:
                account = current_account(store)
                if account is not None:
                    Api(account.server_url, session_token, retries=0).logout()
            except SyncError:
                pass  # the server forgets an unused token by itself
        store.close()
    print(
        f"Sendt: {report.pushed} ændringer ({report.applied} modtaget, {report.conflicts} konflikter, "
        f"{report.rejected} afvist). Hentet: {report.pulled} poster. "
        f"Bilag: {report.blobs_uploaded} sendt, {report.blobs_downloaded} hentet."
    )
    for line in report.messages:
        print(line, file=sys.stderr)
    if not report.complete:
        parts = []
        if report.pending_left:
            parts.append(f"{report.pending_left} ændringer venter stadig på at blive sendt")
        if report.attention:
            parts.append(
                f"{report.attention} ændringer kræver din stillingtagen (konflikter eller afvist af serveren; "
                "se Synkronisering i programmet)"
            )
        if not report.pull_complete:
            parts.append("ikke alt er hentet fra serveren")
        raise user_error("Synkroniseringen er ikke fuldført: " + "; ".join(parts) + ".")
    return 0


COMMANDS = {
    "login": ("log ind på Væksthus' server (adgangskoden læses fra stdin)", _add_login_args, cmd_login),
    "logout": ("log ud og fjern login fra nøgleringen", lambda p: None, cmd_logout),
    "sync": (
        "send ændringer til og hent fra Væksthus' server",
        lambda p: p.add_argument("--quiet", action="store_true", help="ingen fremskridtslinje"),
        cmd_sync,
    ),
}
