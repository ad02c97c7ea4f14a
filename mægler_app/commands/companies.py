"""``maegler import FIL.csv`` and ``maegler export FIL.csv``: companies to and from Danish Excel's CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UserError
from .common import add_command, open_profile_store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add_command(
        sub,
        "import",
        "importér virksomheder fra en CSV-fil (CVR;Navn;...); alle rækker eller ingen",
        cmd_import,
    ).add_argument("file", metavar="FIL.csv")
    add_command(
        sub, "export", "eksportér virksomhederne til en CSV-fil i samme format som importen", cmd_export
    ).add_argument("file", metavar="FIL.csv")


def cmd_import(args: argparse.Namespace) -> int:
    from ..domain.errors import DomainError, os_reason
    from ..domain.messages import Msg
    from ..store.services.csv_io import import_file

    path = Path(args.file)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(Msg.CLI_FILE_NOT_READABLE(path=str(path), reason=os_reason(exc))) from exc
    store = open_profile_store(args)
    try:
        plan, result = import_file(store, raw)
    except DomainError as exc:  # the file as a whole (CsvFileError), or a company deleted meanwhile
        raise UserError(Msg.CLI_IN_FILE(file=path.name, text=exc.message or str(exc))) from exc
    finally:
        store.close()
    if result is None:
        for problem in plan.problems:
            print(f"{path.name}: {problem.message()}", file=sys.stderr)
        raise UserError(plan.summary())
    for row in plan.rows:
        for warning in row.warnings:
            print(Msg.CLI_IMPORT_WARNING(file=path.name, line=row.line, warning=warning), file=sys.stderr)
    print(Msg.UI_COMPANIES_IMPORTED(created=result.created, updated=result.updated))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..domain.errors import os_reason
    from ..domain.messages import Msg
    from ..store.services.csv_io import export_bytes

    store = open_profile_store(args)
    try:
        data = export_bytes(store)
    finally:
        store.close()
    path = Path(args.file)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise UserError(Msg.CLI_FILE_NOT_WRITABLE(path=str(path), reason=os_reason(exc))) from exc
    rows = data.count(b"\n") - 1
    print(Msg.UI_COMPANIES_EXPORTED(n=rows, path=str(path)))
    return 0
