"""``maegler import-effects FIL.csv`` and ``maegler export-effects FIL.csv``: key figures from Danish
Excel's CSV (CVR;År;Omsætning;Værditilvækst;Eksport;Ansatte), and the effects export for Danmarks
Statistik from this computer's records (issue 19)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UserError
from .common import add_command, open_profile_store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add_command(
        sub,
        "import-effects",
        "importér nøgletal fra en CSV-fil (CVR;År;Omsætning;Værditilvækst;Eksport;Ansatte); alle linjer "
        "eller ingen",
        cmd_import_effects,
    ).add_argument("file", metavar="FIL.csv")
    add_command(
        sub,
        "export-effects",
        "eksportér effekterne pr. deltagende virksomhed til en CSV-fil, og CVR-numrene alene til FIL-cvr.csv",
        cmd_export_effects,
    ).add_argument("file", metavar="FIL.csv")


def cmd_import_effects(args: argparse.Namespace) -> int:
    from ..domain.errors import DomainError, os_reason
    from ..domain.messages import Msg
    from ..store.services.effects_csv import import_file

    path = Path(args.file)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(Msg.CLI_FILE_NOT_READABLE(path=str(path), reason=os_reason(exc))) from exc
    store = open_profile_store(args)
    try:
        plan, result = import_file(store, raw)
    except DomainError as exc:
        raise UserError(Msg.CLI_IN_FILE(file=path.name, text=exc.message or str(exc))) from exc
    finally:
        store.close()
    if result is None:
        for problem in plan.problems:
            print(f"{path.name}: {problem.message()}", file=sys.stderr)
        raise UserError(plan.summary())
    print(result.message())
    return 0


def cmd_export_effects(args: argparse.Namespace) -> int:
    from ..domain.effects import cvr_file_name
    from ..domain.errors import os_reason
    from ..domain.messages import Msg
    from ..store.services.effects import export_effects
    from ..store.services.programme import server_moves

    store = open_profile_store(args)
    try:
        main, cvrs, n = export_effects(store, server_moves(store))
    finally:
        store.close()
    path = Path(args.file)
    cvr_path = path.with_name(cvr_file_name(path.name))
    for target, data in ((path, main), (cvr_path, cvrs)):
        try:
            target.write_bytes(data)
        except OSError as exc:
            raise UserError(Msg.CLI_FILE_NOT_WRITABLE(path=str(target), reason=os_reason(exc))) from exc
    print(Msg.EFFECTS_EXPORTED(n=n, path=str(path), cvr_path=str(cvr_path)))
    return 0
