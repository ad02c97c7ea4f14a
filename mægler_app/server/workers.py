"""Several server processes on one port (``serve --workers N``, PostgreSQL only).

Each process listens on a socket of its own, bound with SO_REUSEPORT, so the kernel spreads new
connections over the processes evenly. With one shared listening socket (uvicorn's own
``workers``) the process that happened to be awake took most of them: brokers connect when idle
and keep their connection, and in the benchmark one process served 16 of 20 brokers while the
other idled, which doubled their latency.

An abstract Unix socket named after the port is held by the supervisor, so a second Mægler server
started on the same port by mistake is refused instead of silently sharing it (SO_REUSEPORT lets
any process of the same user join). SIGTERM or SIGINT to the supervisor stops every process
gracefully; a process that dies on its own stops the rest, and the command fails.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
from types import FrameType
from typing import Any

from ..domain.messages import Msg
from .errors import OperatorError

log = logging.getLogger("maegler.server")
BACKLOG = 2048  # uvicorn's default


def port_guard(port: int) -> socket.socket:
    guard = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        guard.bind(f"\0maegler-server-port-{port}")
    except OSError:
        guard.close()
        raise OperatorError(Msg.SERVER_PORT_TAKEN(port=port)) from None
    return guard


def listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise OperatorError(
            Msg.SERVER_CANNOT_LISTEN(host=host, port=port, detail=exc.strerror or exc)
        ) from None
    sock.listen(BACKLOG)
    return sock


def run_workers(url: str, count: int, threads: int, options: dict[str, Any]) -> None:
    guard = port_guard(int(options["port"]))
    # Bound here first, so that a port taken by another program is reported before any start.
    listening_socket(str(options["host"]), int(options["port"])).close()
    context = multiprocessing.get_context("spawn")
    processes = [
        context.Process(target=_worker, args=(url, threads, options), name=f"maegler-server-{n + 1}")
        for n in range(count)
    ]
    stopping = False

    def stop(_sig: int = signal.SIGTERM, _frame: FrameType | None = None) -> None:
        nonlocal stopping
        stopping = True
        for process in processes:
            if process.pid is not None and process.exitcode is None:
                os.kill(process.pid, signal.SIGTERM)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    failed = False
    try:
        for process in processes:
            process.start()
        while any(p.exitcode is None for p in processes):
            for process in processes:
                process.join(0.2)
                if process.exitcode not in (None, 0) and not stopping:
                    log.error("serverproces %s stoppede uventet (%s)", process.name, process.exitcode)
                    failed = True
                    stop()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        guard.close()
    if failed:
        raise OperatorError(Msg.SERVER_PROCESS_DIED())


def _worker(url: str, threads: int, options: dict[str, Any]) -> None:
    import uvicorn

    from .app import create_app
    from .cli import serve_tuning, settle_heap
    from .db import Database
    from .warmup import warm_up

    serve_tuning()
    logging.basicConfig(
        level=str(options["log_level"]).upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    sock = listening_socket(str(options["host"]), int(options["port"]))
    db = Database(url)
    try:
        warm_up(db)
        server = uvicorn.Server(uvicorn.Config(create_app(db, threads=threads), **options))
        settle_heap()
        server.run(sockets=[sock])
    finally:
        db.dispose()
        sock.close()
