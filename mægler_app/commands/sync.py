"""``maegler login``, ``logout`` and ``sync``: the command line over the sync service (mægler_app.sync.service).

The password is read from stdin (one line), or asked for without echo on a terminal. It is never
printed, logged or written; the token goes to the OS keyring only.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import UserError
from .common import add_command, open_profile_store, read_password


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    login = add_command(sub, "login", "log ind på Væksthus' server (adgangskoden læses fra stdin)", cmd_login)
    login.add_argument(
        "--server", required=True, metavar="URL", help="Væksthus' server, fx https://maegler.example.dk"
    )
    login.add_argument("--user", required=True, metavar="NAVN", help="dit brugernavn")
    add_command(sub, "logout", "log ud og fjern login fra nøgleringen", cmd_logout)
    sync = add_command(sub, "sync", "send ændringer til og hent fra Væksthus' server", cmd_sync)
    sync.add_argument("--quiet", action="store_true", help="ingen fremskridtslinje")
    # --- broker: say how the password is asked for (issue 20, item 7)
    sync.epilog = (
        "Er der intet gemt login på denne computer (logget ud, login udløbet eller ingen nøglering), "
        "spørger kommandoen efter adgangskoden i terminalen, uden at vise den; uden terminal læses "
        "den fra stdin (én linje). Log ind første gang med 'maegler login --server URL --user NAVN'."
    )


def cmd_login(args: argparse.Namespace) -> int:
    from ..domain.messages import Msg
    from ..sync.service import login, revoke_token

    store = open_profile_store(args)
    try:
        password = read_password(str(Msg.CLI_PASSWORD_PROMPT(username=args.user)))
        result = login(store, args.server, args.user, password)
    finally:
        store.close()
    if not result.saved_in_keyring:
        # Nothing here can hold the token: end it on the server now (sync asks for the password).
        revoke_token(result.account.server_url, result.token)
    print(result.message, file=sys.stdout if result.saved_in_keyring else sys.stderr)
    return 0


def cmd_logout(args: argparse.Namespace) -> int:
    from ..sync.service import logout

    store = open_profile_store(args)
    try:
        print(logout(store))
    finally:
        store.close()
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from ..domain.messages import Msg
    from ..sync.api import Api, AuthError
    from ..sync.credentials import current_account, keyring_usable
    from ..sync.engine import SyncReport
    from ..sync.receipts import fetch_receipts
    from ..sync.service import NotLoggedInError, api_for, login, revoke_token, run_sync

    store = open_profile_store(args)
    session_token: str | None = None

    def ask_and_log_in(reason: Exception) -> Api:
        """No login kept here (or it ran out): the password, asked for on the terminal (getpass)."""
        nonlocal session_token
        account = current_account(store)
        if account is None:
            raise reason
        print(
            Msg.SYNC_NO_KEYRING()  # rendered now, in the command line's language
            if not keyring_usable()
            else Msg.CLI_SYNC_ASK_PASSWORD(username=account.username, server=account.server_url),
            file=sys.stderr,
        )
        password = read_password(str(Msg.CLI_PASSWORD_PROMPT(username=account.username)))
        if not password:
            raise reason
        result = login(store, account.server_url, account.username, password)  # a wrong one: SyncError
        session_token = None if result.saved_in_keyring else result.token
        return api_for(store, result.token)

    def run(api: Api) -> SyncReport:
        gen = run_sync(store, api)
        try:
            while True:
                done, total = next(gen)
                if not args.quiet:
                    print(
                        f"\r{Msg.CLI_SYNC_PROGRESS(done=done, total=total)}",
                        end="",
                        file=sys.stderr,
                        flush=True,
                    )
        except StopIteration as stop:
            report: SyncReport = stop.value
        finally:
            if not args.quiet:
                print(file=sys.stderr)
        if report.receipts_waiting:  # --- receipts: after the records, which are stored already
            receipts = fetch_receipts(store, api)
            try:
                while True:
                    done, total = next(receipts)
                    if not args.quiet:
                        progress = Msg.CLI_RECEIPTS_PROGRESS(done=done, total=total)
                        print(f"\r{progress}", end="", file=sys.stderr, flush=True)
            except StopIteration as stop:
                report.blobs_downloaded += int(stop.value or 0)
            finally:
                if not args.quiet:
                    print(file=sys.stderr)
        return report

    try:
        try:
            api = api_for(store)
        except NotLoggedInError as exc:
            api = ask_and_log_in(exc)
        try:
            report = run(api)
        except AuthError as exc:
            if session_token is not None or not sys.stdin.isatty():
                raise
            report = run(ask_and_log_in(exc))  # the kept login ran out: once more, logged in anew
    except AuthError as exc:
        raise UserError(Msg.CLI_LOG_IN(text=exc.message or str(exc))) from exc
    finally:
        account = current_account(store) if session_token else None
        if session_token and account is not None:
            revoke_token(account.server_url, session_token)
        store.close()
    print(
        Msg.UI_SYNC_REPORT(
            pushed=report.pushed,
            applied=report.applied,
            conflicts=report.conflicts,
            rejected=report.rejected,
            pulled=report.pulled,
            uploaded=report.blobs_uploaded,
            downloaded=report.blobs_downloaded,
        )
    )
    for line in report.messages:
        print(line, file=sys.stderr)
    if not report.complete:
        parts = []
        if report.pending_left:
            parts.append(str(Msg.UI_SYNC_PENDING_LEFT(n=report.pending_left)))
        if report.attention:
            parts.append(str(Msg.CLI_SYNC_ATTENTION(n=report.attention)))
        if not report.pull_complete:
            parts.append(str(Msg.CLI_SYNC_NOT_ALL_PULLED()))
        raise UserError(Msg.CLI_SYNC_INCOMPLETE(parts="; ".join(parts)))
    return 0
