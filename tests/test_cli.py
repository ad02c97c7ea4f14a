"""The `maegler` command line, run as a real process: every flag of DESIGN §6 for the foundation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mægler_app import __version__


def run(
    *args: str, env: dict[str, str] | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env["QT_QPA_PLATFORM"] = "offscreen"
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "mægler_app", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        cwd=Path(__file__).resolve().parent.parent,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_bad_usage_exits_2() -> None:
    assert run("--no-such-flag").returncode == 2
    assert run("status", "--bogus").returncode == 2


def test_exit_after_start_paints_and_exits_0(tmp_path: Path) -> None:
    result = run("--profile", str(tmp_path / "p"), "--exit-after-start")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "p" / "maegler.sqlite3").exists()


def test_profile_from_environment(tmp_path: Path) -> None:
    result = run("--exit-after-start", env={"MAEGLER_HOME": str(tmp_path / "env-profil")})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env-profil" / "maegler.sqlite3").exists()


def test_demo_screenshots_one_png_per_view(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    result = run("--demo", "--screenshots", str(out))
    assert result.returncode == 0, result.stderr
    pngs = sorted(p.name for p in out.glob("*.png"))
    assert pngs == sorted(
        [
            "overblik.png",
            "virksomheder.png",
            "netvaerk.png",
            "moeder.png",
            "ansoegninger.png",
            "synkronisering.png",
        ]
    )
    for p in out.glob("*.png"):
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert p.stat().st_size > 5000


def test_unwritable_profile_is_a_danish_user_error(tmp_path: Path) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    result = run("--profile", str(blocker / "p"), "--exit-after-start")
    assert result.returncode == 1
    assert "kan ikke" in result.stderr


def test_corrupt_database_is_refused(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    (profile / "maegler.sqlite3").write_bytes(b"garbage" * 1000)
    result = run("status", "--profile", str(profile))
    assert result.returncode == 1
    assert "beskadiget" in result.stderr
    assert (profile / "maegler.sqlite3").read_bytes() == b"garbage" * 1000


@pytest.mark.slow
def test_demo_data_and_status_json(tmp_path: Path) -> None:
    profile = str(tmp_path / "p")
    result = run("demo-data", "--scale", "0.05", "--profile", profile)
    assert result.returncode == 0, result.stderr
    status = run("status", "--json", "--profile", profile)
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    assert data["counts"]["company"] == 100
    assert data["counts"]["network"] == 20
    assert data["counts"]["meeting"] == 200
    assert data["counts"]["expense"] == 200
    assert data["pending"] >= 100 + 20 + 200 + 200
    assert data["conflicts"] == 0 and data["rejected"] == 0 and data["last_sync"] is None
    assert run("demo-data", "--scale", "0", "--profile", profile).returncode == 1


def test_every_feature_command_is_registered_where_the_cli_says() -> None:
    """The names the GUI path knows without importing (FEATURE_COMMANDS) match the modules' COMMANDS."""
    from mægler_app import cli

    assert set(cli._commands()) == set(cli.COMMAND_NAMES)
