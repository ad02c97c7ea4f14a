"""The server's deployment files (issue 23 item 5), tested without Docker: the compose file's
services, the Dockerfile's entry point and health check, the systemd unit, and the environment
variables `maegler-server serve` reads."""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from mægler_app.server.app import HEALTHZ_PATH
from mægler_app.server.cli import _parser

from .server.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent


def test_compose_has_the_database_the_server_and_a_tls_proxy() -> None:
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"db", "server", "proxy"}
    assert services["db"]["image"].startswith("postgres:")
    server = services["server"]
    assert server["build"] == ".."
    assert server["environment"]["MAEGLER_SERVER_DB"].startswith("postgresql+psycopg://")
    assert server["depends_on"]["db"]["condition"] == "service_healthy"
    proxy = services["proxy"]
    assert proxy["image"].startswith("caddy:") and "443:443" in proxy["ports"]
    caddyfile = ROOT / "deploy" / "Caddyfile"
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"] and caddyfile.exists()
    assert "reverse_proxy server:8000" in caddyfile.read_text(encoding="utf-8")


def test_the_dockerfile_runs_the_server_as_a_user_with_a_health_check() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim-trixie\b", text, re.M)
    assert "postgresql-client" in text  # pg_dump and pg_restore for backup and restore
    assert "--require-hashes -r deploy/requirements-server.txt" in text
    assert (ROOT / "deploy" / "requirements-server.txt").exists()
    assert re.search(r"^USER maegler$", text, re.M)
    assert HEALTHZ_PATH == "/api/v1/healthz" and HEALTHZ_PATH in text
    assert "maegler-server init && exec maegler-server serve" in text
    for copied in re.findall(r"^COPY (?!--)(\S+)", text, re.M):
        assert (ROOT / copied).exists(), copied


def test_the_systemd_unit_starts_the_server() -> None:
    unit = (ROOT / "deploy" / "maegler-server.service").read_text(encoding="utf-8")
    assert "ExecStart=/opt/maegler/bin/maegler-server serve" in unit
    assert "ExecStartPre=/opt/maegler/bin/maegler-server init" in unit
    assert "User=maegler" in unit and "EnvironmentFile=/etc/maegler/server.env" in unit


def test_serve_reads_its_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAEGLER_SERVER_HOST", "0.0.0.0")
    monkeypatch.setenv("MAEGLER_SERVER_PORT", "9123")
    monkeypatch.setenv("MAEGLER_SERVER_WORKERS", "3")
    monkeypatch.setenv("MAEGLER_SERVER_LOG_LEVEL", "warning")
    args = _parser().parse_args(["serve"])
    assert (args.host, args.port, args.workers, args.log_level) == ("0.0.0.0", 9123, 3, "warning")
    # the command line wins
    assert _parser().parse_args(["serve", "--port", "8001"]).port == 8001
    monkeypatch.delenv("MAEGLER_SERVER_PORT")
    assert _parser().parse_args(["serve"]).port == 8000


def _instruction(text: str, name: str) -> str:
    """A Dockerfile instruction's arguments, its continuation lines joined (the last stage's)."""
    joined = re.sub(r"\\\n\s*", " ", text)
    found = re.findall(rf"^{name}\s+(.*)$", joined, re.M)
    assert found, name
    return str(found[-1])


def _image_env(text: str) -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in shlex.split(_instruction(text, "ENV")))


@pytest.mark.slow
def test_the_images_entry_point_starts_the_server_that_its_health_check_finds(tmp_path: Path) -> None:
    """The ENTRYPOINT and CMD as the image runs them (``sh -c "maegler-server init && exec
    maegler-server serve"``), with the image's environment, here without Docker: the app installed
    in this virtual environment stands for /opt/maegler, a SQLite file in a temporary folder for
    the volume, 127.0.0.1 and a free port for 0.0.0.0:8000."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    image_env = _image_env(text)
    assert image_env["MAEGLER_SERVER_HOST"] == "0.0.0.0" and image_env["MAEGLER_SERVER_PORT"] == "8000"
    assert image_env["PATH"].startswith("/opt/maegler/bin:")
    entry = json.loads(_instruction(text, "ENTRYPOINT")) + json.loads(_instruction(text, "CMD"))
    check = json.loads(re.search(r"CMD (\[.*\])", _instruction(text, "HEALTHCHECK"))[1])  # type: ignore[index]
    assert check[0] == "python"

    bin_dir = Path(sys.executable).parent
    port = str(free_port())
    env = {
        **os.environ,
        **image_env,
        "PATH": image_env["PATH"]
        .replace("/opt/maegler/bin", str(bin_dir))
        .replace("$PATH", os.environ["PATH"]),
        "MAEGLER_SERVER_DB": f"sqlite:///{tmp_path / 'data' / 'maegler-server.sqlite3'}",
        "MAEGLER_SERVER_HOST": "127.0.0.1",
        "MAEGLER_SERVER_PORT": port,
    }

    def healthy() -> bool:
        probe = subprocess.run([sys.executable, *check[1:]], env=env, capture_output=True, timeout=30)
        return probe.returncode == 0

    assert not healthy()  # nothing listens yet: the check fails
    log = (tmp_path / "server.log").open("wb")
    proc = subprocess.Popen(entry, env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not healthy():
            assert proc.poll() is None, (tmp_path / "server.log").read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "the health check never passed"
            time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGTERM)  # `exec`: the signal reaches the server itself
        code = proc.wait(timeout=30)
        log.close()
    output = (tmp_path / "server.log").read_text(encoding="utf-8")
    assert code == 0, output
    assert "Databasen er klar." in output  # init ran first
    assert f"Uvicorn running on http://127.0.0.1:{port}" in output
    assert '"GET /api/v1/healthz HTTP/1.1" 200' in output


def test_the_compose_servers_settings_are_the_ones_serve_reads() -> None:
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
    settings = set(compose["services"]["server"]["environment"])
    readme = (ROOT / "deploy" / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(MAEGLER_[A-Z_]+)` \|", readme, re.M))
    assert settings <= documented, settings - documented
    assert documented == {
        "MAEGLER_SERVER_DB",
        "MAEGLER_SERVER_HOST",
        "MAEGLER_SERVER_PORT",
        "MAEGLER_SERVER_WORKERS",
        "MAEGLER_SERVER_LOG_LEVEL",
        "MAEGLER_TRUSTED_PROXIES",
    }
    image = _image_env((ROOT / "Dockerfile").read_text(encoding="utf-8"))
    assert {k for k in image if k.startswith("MAEGLER_")} <= documented
