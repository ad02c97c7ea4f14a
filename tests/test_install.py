"""`pip install .` without extras, in a fresh virtual environment: a working desktop app, no server
libraries (issue 23 item 2). Slow (PySide6 is large, even from pip's cache), but CI runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mægler_app.commands import command_names

ROOT = Path(__file__).resolve().parent.parent
SERVER_ONLY = ("fastapi", "uvicorn", "argon2", "psycopg", "starlette", "fastapi_offline")


def _copy_source(target: Path) -> Path:
    """The files a release is built from (so the build leaves nothing in the work tree)."""
    listed = subprocess.run(
        [
            "git",
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
            "--",
            "mægler_app",
            "resources",
            "pyproject.toml",
            "setup.py",
            "README.md",
        ],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_pip_install_without_extras_gives_the_desktop_app_and_no_server(tmp_path: Path) -> None:
    source = _copy_source(tmp_path / "src")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(source)], capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr[-3000:]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MAEGLER_HOME=str(tmp_path / "home"))
    env.pop("PYTHONPATH", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        # from another folder, so the installed package is used, not the work tree
        return subprocess.run(list(args), capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)

    version = run(str(bin_dir / "maegler"), "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == "maegler 0.1.0"
    helped = run(str(bin_dir / "maegler"), "--help")
    assert helped.returncode == 0, helped.stderr
    assert "underkommandoer" in helped.stdout
    for command in command_names():
        sub = run(str(bin_dir / "maegler"), command, "--help")
        assert sub.returncode == 0, (command, sub.stderr)

    for module in SERVER_ONLY:
        missing = run(str(python), "-c", f"import {module}")
        assert missing.returncode != 0, f"{module} is installed without the server extra"

    server = run(str(bin_dir / "maegler-server"), "init", "--db", f"sqlite:///{tmp_path / 'server.sqlite3'}")
    assert server.returncode == 1
    assert "maegler-app[server]" in server.stderr and "Traceback" not in server.stderr

    where = run(
        str(python),
        "-c",
        "import mægler_app.paths as p; r = p.resources_dir(); print(r); print((r / 'icons' / 'maegler.svg').is_file()); "
        "print(all((r / 'fonts' / f).is_file() for f in ('DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE-DejaVu.txt')))",
    )
    assert where.returncode == 0, where.stderr
    folder, icon, fonts = where.stdout.split()
    assert "site-packages" in folder and icon == "True"
    assert fonts == "True"  # the reports' embedded font and its licence ship in the wheel

    shots = tmp_path / "shots"
    gui = run(str(bin_dir / "maegler"), "--demo", "--screenshots", str(shots))
    assert gui.returncode == 0, gui.stderr[-3000:]
    assert len(list(shots.glob("*.png"))) >= 5
    assert (shots / "referat.pdf").read_bytes().startswith(b"%PDF")  # a report, in the installed fonts
    loaded = run(
        str(python),
        "-c",
        "import sys, mægler_app.cli, mægler_app.ui.app, mægler_app.sync.service; "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {SERVER_ONLY!r}))",
    )
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "[]"
