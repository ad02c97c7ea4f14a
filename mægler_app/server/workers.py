"""Several server processes on one port (``serve --workers N``, PostgreSQL only): gunicorn.

gunicorn's arbiter starts ``N`` processes, each running uvicorn (``uvicorn_worker.UvicornWorker``)
around an app of its own with connections of its own (``make_app``, called in the process after
the fork). With ``reuse_port`` each process binds a socket of its own with SO_REUSEPORT, so the
kernel spreads new connections over the processes evenly. With one shared listening socket
(uvicorn's own ``workers``) the process that happened to be awake took most of them: brokers
connect when idle and keep their connection (benchmarks/server_bench.py; deploy/README.md).

A process that dies is replaced by the arbiter; SIGTERM or SIGINT to the arbiter stops every
process gracefully (10 s for the requests under way). What the processes must agree on lives in
the database: revoked tokens, failed logins (accounts.py), sequence numbers (db.py). What each
keeps for itself is a cache that the database overrules: the token cache (1 s), the address
blocks (10 s) and the password checks' budget (accounts.HashPool), each per process.

An abstract Unix socket named after the port is held by the arbiter, so a second Mægler server
started on the same port by mistake is refused instead of silently sharing it (SO_REUSEPORT lets
any process of the same user join).
"""

from __future__ import annotations

import logging
import logging.config
import os
import socket
from typing import Any

from ..domain.messages import Msg
from .errors import OperatorError

log = logging.getLogger("maegler.server")
BACKLOG = 2048  # uvicorn's default
# What the processes are told by the arbiter (gunicorn forks them: they inherit its environment).
URL_SETTING = "MAEGLER_SERVER_DB"
THREADS_SETTING = "MAEGLER_SERVER_THREADS"
MANAGER_SETTING = "MAEGLER_SERVER_MANAGER"
GRACEFUL_SECONDS = 10
KEEP_ALIVE_SECONDS = 5  # uvicorn's default (gunicorn's is 2)


def port_guard(port: int) -> socket.socket:
    guard = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        guard.bind(f"\0maegler-server-port-{port}")
    except OSError:
        guard.close()
        raise OperatorError(Msg.SERVER_PORT_TAKEN(port=port)) from None
    return guard


def check_port_free(host: str, port: int) -> None:
    """Bound once before any process starts, so a port taken by another program is said in Danish."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise OperatorError(
                Msg.SERVER_CANNOT_LISTEN(host=host, port=port, detail=exc.strerror or exc)
            ) from None


def gunicorn_settings(host: str, port: int, count: int, log_level: str) -> dict[str, Any]:
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return {
        "bind": [bind],
        "workers": count,
        "worker_class": f"{__name__}.MaeglerWorker",
        "reuse_port": True,
        "backlog": BACKLOG,
        "graceful_timeout": GRACEFUL_SECONDS,
        "keepalive": KEEP_ALIVE_SECONDS,
        "loglevel": log_level,
        # the arbiter's own lines ("Booting worker …") as the server's: time in UTC first, and level
        "logconfig_dict": arbiter_log_config(log_level),
        # uvicorn's access lines (cli.uvicorn_log_config), not gunicorn's
        "accesslog": None,
        "proc_name": "maegler-server",
        # each process's heartbeat file in memory, not on a container's overlay disk
        "worker_tmp_dir": "/dev/shm" if os.path.isdir("/dev/shm") else None,
        # no control socket in the home folder (gunicorn 25.1+), which a service may not write
        "control_socket_disable": True,
    }


def arbiter_log_config(level: str) -> dict[str, Any]:
    from .cli import LOG_TIME, LOG_TIME_FORMAT

    def logger(handler: str) -> dict[str, Any]:
        return {"level": level.upper(), "handlers": [handler], "propagate": False}

    return {
        "formatters": {
            "generic": {
                "()": "mægler_app.server.logfmt.UtcFormatter",
                "fmt": f"{LOG_TIME} %(levelname)s: gunicorn: [%(process)d] %(message)s",
                "datefmt": LOG_TIME_FORMAT,
            }
        },
        "loggers": {"gunicorn.error": logger("error_console"), "gunicorn.access": logger("console")},
    }


def run_workers(url: str, count: int, threads: int, options: dict[str, Any]) -> None:
    """Run ``count`` server processes under gunicorn's arbiter until it is told to stop."""
    from gunicorn.app.base import BaseApplication

    host, port = str(options["host"]), int(options["port"])
    guard = port_guard(port)
    try:
        check_port_free(host, port)
        os.environ[URL_SETTING] = url
        os.environ[THREADS_SETTING] = str(threads)
        settings = gunicorn_settings(host, port, count, str(options["log_level"]))

        class Arbiter(BaseApplication):  # type: ignore[misc]
            def load_config(self) -> None:
                for key, value in settings.items():
                    if key in self.cfg.settings:
                        self.cfg.set(key, value)

            def load(self) -> Any:
                return make_app()

        if os.environ.get(MANAGER_SETTING) == "uvicorn":  # measured against (benchmarks/server_bench.py)
            import uvicorn

            uvicorn.run(f"{__name__}:make_app", factory=True, workers=count, **options)
            return
        arbiter = os.getpid()
        try:
            Arbiter().run()
        except SystemExit as exc:
            # a server process leaving (it is forked from here) goes on as gunicorn means it to
            if os.getpid() == arbiter and exc.code not in (None, 0):
                raise OperatorError(Msg.SERVER_PROCESS_DIED()) from None
    finally:
        guard.close()


def make_app() -> Any:
    """One process's app, made in the process (after the fork): its own database connections."""
    from .app import DEFAULT_THREADS, create_app
    from .cli import serve_tuning, settle_heap
    from .db import Database
    from .warmup import warm_up

    serve_tuning()
    threads = int(os.environ.get(THREADS_SETTING) or DEFAULT_THREADS)
    db = Database(os.environ[URL_SETTING], pool_size=threads + 1)
    warm_up(db)
    app = create_app(db, threads=threads)
    settle_heap()  # what exists now (the app, its connections) lives as long as the process
    return app


try:
    from uvicorn_worker import UvicornWorker
except ImportError:  # Windows (gunicorn needs fork), or the server extra is missing
    pass
else:

    class MaeglerWorker(UvicornWorker):  # type: ignore[misc]
        """uvicorn in a gunicorn process, configured as ``serve`` configures a single uvicorn."""

        CONFIG_KWARGS = {
            "loop": "auto",
            "http": "auto",
            "access_log": True,
            # The client's address is decided in one place (clientaddr.py), from trusted proxies only.
            "proxy_headers": False,
            "server_header": False,  # as ``serve`` (cli.py)
            "timeout_graceful_shutdown": GRACEFUL_SECONDS,
        }

        def init_process(self) -> None:
            """In the process, after the fork (the arbiter makes the worker object before it)."""
            from .cli import uvicorn_log_config

            # the same lines, with their time, as a single process writes
            level = self.cfg.loglevel
            logging.config.dictConfig(uvicorn_log_config(level))
            for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
                logging.getLogger(name).setLevel(level.upper())
            logging.getLogger("uvicorn.error").propagate = True  # to "uvicorn"'s handler, as uvicorn has it
            super().init_process()

        def run(self) -> None:
            try:
                super().run()
            finally:
                self.wsgi.state.db.dispose()
