"""``maegler audit-file NETWORK_ID FIL.zip``: a network's audit file (issue 22, item 3), as the
network page's »Revisionsfil (ZIP) …« writes it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UserError
from .common import add_command, open_profile_store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub,
        "audit-file",
        "gem et netværks revisionsfil (ZIP med screening, referater, udgifter og kvitteringer, "
        "ansøgning, handlingsplan, stadiehistorik og indeks)",
        cmd_audit_file,
    )
    parser.add_argument("network_id", metavar="NETVÆRKS_ID")
    parser.add_argument("file", metavar="FIL.zip")


def cmd_audit_file(args: argparse.Namespace) -> int:
    from ..domain.errors import DomainError, os_reason
    from ..domain.language import in_danish
    from ..domain.messages import Msg
    from ..reports.audit_file import run_to_end, write_audit_file
    from ..store.services.audit import audit_file_data

    path = Path(args.file)
    store = open_profile_store(args)
    try:
        data = in_danish(audit_file_data)(store, args.network_id)  # the documents' data in Danish
        result = run_to_end(write_audit_file(data, path))
    except DomainError as exc:
        raise UserError(exc.message or str(exc)) from exc
    except OSError as exc:
        raise UserError(Msg.CLI_FILE_NOT_WRITABLE(path=str(path), reason=os_reason(exc))) from exc
    finally:
        store.close()
    print(Msg.AUDIT_FILE_WRITTEN(network=result.network_name, path=str(result.path), n=len(result.entries)))
    if result.missing:
        print(Msg.AUDIT_FILE_RECEIPTS_MISSING(n=len(result.missing)), file=sys.stderr)
    return 0
