"""The server's deployment files (issue 23 item 5), tested without Docker: the compose file's
services, the Dockerfile's entry point and health check, the systemd unit, and the environment
variables `maegler-server serve` reads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from mægler_app.server.app import HEALTHZ_PATH
from mægler_app.server.cli import _parser

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
    assert "FROM python:3.11-slim" in text
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
