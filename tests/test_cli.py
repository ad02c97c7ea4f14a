"""The `maegler` command line, run as a real process: every flag of DESIGN §6 for the foundation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mægler_app import __version__
from tests.fresh_python import last_line


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
    # when the paint came, for benchmarks/startup.py: the process's CPU and the monotonic clock
    words = next(line for line in result.stdout.splitlines() if line.startswith("first paint: ")).split()
    cpu, at = float(words[words.index("cpu") + 1]), float(words[words.index("monotonic") + 1])
    assert 0 < cpu < 60 and at > 0


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
    assert data["counts"]["meeting"] == 190
    assert data["counts"]["expense"] == 190
    assert data["counts"]["screening"] > 0 and data["counts"]["application"] > 0
    assert data["pending"] >= 100 + 20 + 190 + 190
    assert data["conflicts"] == 0 and data["rejected"] == 0 and data["last_sync"] is None
    assert run("demo-data", "--scale", "0", "--profile", profile).returncode == 1


def test_every_command_of_design_6_is_registered() -> None:
    from mægler_app.commands import command_names

    assert sorted(command_names()) == sorted(
        [
            "login",
            "logout",
            "sync",
            "status",
            "import",
            "export",
            "demo-data",
            "import-effects",
            "export-effects",
            "audit-file",  # --- audit
        ]
    )


def test_a_command_module_that_fails_to_import_stops_maegler_with_its_error() -> None:
    """No command goes missing quietly: a broken command module is an ImportError at start."""
    code = (
        "import sys; sys.modules['mægler_app.commands.sync'] = None; "
        "from mægler_app.cli import main; sys.exit(main(['status', '--help']))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "import of mægler_app.commands.sync halted" in result.stderr
    assert "brug:" not in result.stdout


@pytest.mark.parametrize("where", ["before", "after"])
def test_profile_before_or_after_the_command(tmp_path: Path, where: str) -> None:
    profile = str(tmp_path / "p")
    args = ["--profile", profile, "status"] if where == "before" else ["status", "--profile", profile]
    result = run(*args, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["pending"] == 0
    assert (tmp_path / "p" / "maegler.sqlite3").exists()


def test_the_command_line_speaks_danish() -> None:
    bad = run("status", "--bogus")
    assert bad.returncode == 2
    assert bad.stderr.startswith("brug: maegler ")
    assert "maegler: fejl: ukendte argumenter: --bogus" in bad.stderr
    assert "usage:" not in bad.stderr and "error:" not in bad.stderr
    missing = run("login", "--server", "http://127.0.0.1:1")
    assert missing.returncode == 2 and "disse argumenter mangler: --user" in missing.stderr
    helped = run("--help")
    assert helped.returncode == 0
    assert "tilvalg:" in helped.stdout and "vis denne hjælp og afslut" in helped.stdout
    assert "options:" not in helped.stdout
    assert all(name in helped.stdout for name in ("login", "sync", "status", "import", "demo-data"))


def test_the_command_line_speaks_english_when_asked(tmp_path: Path) -> None:
    """``--language en`` (either place) or ``MAEGLER_LANGUAGE=en``: argparse's words, our help
    texts and the catalogue's sentences in English (issue 24); without them Danish, as above."""
    helped = run("--language", "en", "--help")
    assert helped.returncode == 0
    assert helped.stdout.startswith("usage: maegler ") and "options:" in helped.stdout
    assert "show this help message and exit" in helped.stdout
    words = " ".join(helped.stdout.split())  # as argparse wraps it for the terminal
    assert "Without a subcommand the app opens." in words
    assert "--profile FOLDER" in words and "subcommands:" in words
    assert "log in to the Væksthus server (the password is read from stdin)" in words
    assert "tilvalg" not in helped.stdout and "underkommando" not in helped.stdout
    sync = run("sync", "--help", env={"MAEGLER_LANGUAGE": "en"})
    assert sync.returncode == 0 and sync.stdout.startswith("usage: maegler sync ")
    words = " ".join(sync.stdout.split())
    assert "Send changes to and fetch from the Væksthus server." in words
    assert "no progress line" in words and "If no login is saved on this computer" in words
    bad = run("status", "--bogus", "--language=en")
    assert bad.returncode == 2 and "maegler: error: unrecognized arguments: --bogus" in bad.stderr
    failed = run(
        "import", str(tmp_path / "mangler.csv"), "--profile", str(tmp_path / "p"), "--language", "en"
    )
    assert failed.returncode == 1
    assert failed.stderr.startswith("maegler: The file ") and "cannot be read" in failed.stderr
    # the option beats the environment, and Danish stays the default
    danish = run("status", "--help", "--language", "da", env={"MAEGLER_LANGUAGE": "en"})
    assert danish.stdout.startswith("brug: maegler status ") and "maskinlæsbart output" in danish.stdout
    status = run("status", "--profile", str(tmp_path / "q"), env={"MAEGLER_LANGUAGE": "en"})
    assert status.returncode == 0 and "Last synced: never" in status.stdout


def test_an_option_of_the_app_with_a_command_is_bad_usage(tmp_path: Path) -> None:
    result = run("--demo", "status", "--profile", str(tmp_path / "p"))
    assert result.returncode == 2
    assert "--demo kan kun bruges uden underkommando" in result.stderr
    assert not (tmp_path / "p").exists()


def test_a_user_error_is_one_danish_line_and_exit_1(tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "mangler.csv"), "--profile", str(tmp_path / "p"))
    assert result.returncode == 1
    assert result.stderr.startswith("maegler: Filen ") and "kan ikke læses" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_danish_argparse_gives_english_back_afterwards() -> None:
    import argparse

    from mægler_app.argparse_da import danish

    with danish():
        inside = argparse.ArgumentParser(prog="x").format_usage()
    after = argparse.ArgumentParser(prog="x").format_usage()
    assert inside.startswith("brug: x") and after.startswith("usage: x")


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--profile", "/tmp/p", "--exit-after-start"],
        ["--profile=/tmp/p", "--language", "en", "--demo"],
        ["--screenshots", "shots", "--profile", "status"],  # a profile folder named like a command
    ],
)
def test_the_apps_own_command_line_is_read_as_the_whole_parser_reads_it(argv: list[str]) -> None:
    """``maegler`` with the app's options alone is read without building every sub-command's
    parser (~3 ms of the start): to the same values."""
    from mægler_app.cli_language import speaking
    from mægler_app.commands import app_options, build_parser

    with speaking(argv):
        whole = build_parser().parse_args(argv)
        assert app_options(argv) == whole


@pytest.mark.parametrize(
    "argv",
    [
        ["status"],
        ["--profile", "/tmp/p", "status", "--json"],
        ["-h"],
        ["--version"],
        ["--prof", "/tmp/p"],  # an abbreviation: the whole parser's to allow
        ["--language", "xx"],
        ["--profile"],
        ["--no-such-flag"],
    ],
)
def test_any_other_command_line_is_left_to_the_whole_parser(argv: list[str]) -> None:
    from mægler_app.commands import app_options

    assert app_options(argv) is None


def test_the_apps_start_builds_no_sub_command_parser(tmp_path: Path) -> None:
    script = (
        "import sys, mægler_app.commands as c\n"
        "built = []\n"
        "build = c.build_parser\n"
        "c.build_parser = lambda: built.append(1) or build()\n"
        "code = c.main(['--profile', sys.argv[1], '--exit-after-start'])\n"
        "print('built', len(built), code)\n"
    )
    assert last_line(script, str(tmp_path / "p")) == "built 0 0"


def test_the_app_starts_with_the_collector_paused_however_its_options_are_written(tmp_path: Path) -> None:
    """cli.main pauses the garbage collector for the start-up and the app resumes it at its first
    paint; a sub-command resumes it at once. The app's options read by the whole parser (an
    abbreviation) must not resume it early either."""
    script = (
        "import gc, sys, mægler_app.commands as c\n"
        "seen = []\n"
        "c.gui.run = lambda args: seen.append(gc.isenabled()) or 0\n"
        "for argv in (['--profile', sys.argv[1]], ['--prof', sys.argv[1]]):\n"
        "    gc.disable()\n"
        "    c._main(argv)\n"
        "print('enabled', seen)\n"
    )
    assert last_line(script, str(tmp_path / "p")) == "enabled [False, False]"
