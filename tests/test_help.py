"""Hjælp (issue 20, item 5): F1 opens a short Danish guide with the day's workflow, the programme's
rules with the numbers ``domain.rules`` enforces, and sync; it is package data, read offline from an
installed copy; Hjælp → Om shows the version and the profile folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
import warnings
from pathlib import Path

from PySide6.QtCore import Qt

from mægler_app import __version__
from mægler_app.domain.next_actions import QUIET_AFTER_DAYS
from mægler_app.domain.numbers import format_kr
from mægler_app.domain.rules import (
    BROKER_BONUS_ORE,
    CONSULTANT_HOURS_MAX,
    CONSULTANT_HOURS_MIN,
    FACILITATION_FRAME_ORE,
    SME_MAX_EMPLOYEES,
)
from mægler_app.ui.help import guide_markdown, guide_values
from tests.keyboard_support import activate, key, main_window

ROOT = Path(__file__).resolve().parent.parent


def test_the_guide_names_the_rules_with_the_apps_own_numbers() -> None:
    text = guide_markdown()
    assert "$" not in text  # every number filled in
    for heading in ("## Din dag", "## Programmets regler", "## Synkronisering"):
        assert heading in text
    assert f"{format_kr(FACILITATION_FRAME_ORE)} pr. netværk" in text
    assert f"{CONSULTANT_HOURS_MIN}–{CONSULTANT_HOURS_MAX} konsulenttimer" in text
    assert format_kr(BROKER_BONUS_ORE) in text
    assert f"højst {SME_MAX_EMPLOYEES} ansatte" in text
    assert f"{QUIET_AFTER_DAYS} dage" in text
    assert all(value in text for value in guide_values().values())  # every value is used


def test_f1_opens_the_guide_and_om_shows_version_and_profile(qtbot, store) -> None:
    window = main_window(qtbot, store)
    key(qtbot, Qt.Key.Key_F1)
    dialog = window._help
    assert dialog is not None and dialog.isVisible()
    shown = dialog.text.toPlainText()
    assert "Din dag" in shown and "Programmets regler" in shown and "25.000,00 kr." in shown
    # the table of rules is a table, not Markdown text
    assert "| ---" not in shown
    assert dialog.text.document().toRawText()
    dialog.close()
    activate(qtbot, window)
    key(qtbot, Qt.Key.Key_F1)
    assert window._help is dialog and dialog.isVisible()  # one window, brought back

    box = window.show_about()
    assert box.isVisible()
    assert f"Mægler {__version__}" in box.text() and str(store.profile) in box.text()
    box.close()


def test_the_guide_is_shipped_as_package_data_and_read_offline(tmp_path: Path) -> None:
    """Build the package as an installer would (setuptools' build_py from pyproject.toml), then read
    the guide from the built copy alone, in a process that does not see the source tree."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for folder in ("mægler_app", "resources"):
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__"))
    built = tmp_path / "built"
    with warnings.catch_warnings():
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "import runpy; runpy.run_path('setup.py', run_name='__main__')",
                "-q",
                "build_py",
                "--build-lib",
                str(built),
            ],
            cwd=src,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr
    assert (built / "mægler_app" / "ui" / "help" / "vejledning.md").is_file()
    read = subprocess.run(
        [
            sys.executable,
            "-c",
            "from mægler_app.ui.help import guide_markdown, __file__ as f; "
            "print(f); print(guide_markdown()[:40])",
        ],  # fmt: skip
        cwd=tmp_path,
        env={"PYTHONPATH": str(built), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert read.returncode == 0, read.stderr
    assert str(built) in read.stdout and "Mægler – kort vejledning" in read.stdout
    spec = (ROOT / "packaging" / "maegler.spec").read_text(encoding="utf-8")
    assert '"help" / "vejledning.md"' in spec  # the desktop bundle carries it too
    assert (built / "mægler_app" / "ui" / "help" / "vejledning.en.md").is_file()  # and the English one
    assert '"help" / "vejledning.en.md"' in spec


def test_the_english_guide_is_the_same_guide() -> None:
    """The English guide (issue 24) has the Danish one's sections, rules table and numbers; a
    language without a guide of its own gets the Danish one."""
    import re

    danish, english = guide_markdown("da"), guide_markdown("en")
    assert english.startswith("# Mægler – a short guide")
    for heading in ("## Your day", "## The programme's rules", "## Sync", "## Documents"):
        assert heading in english
    assert "Din dag" not in english and "Programmets regler" not in english

    def shape(text: str) -> tuple[int, int, int]:
        lines = text.splitlines()
        return (
            sum(line.startswith("#") for line in lines),
            sum(line.startswith("|") for line in lines),
            sum(bool(re.match(r"\d+\. ", line)) for line in lines),
        )

    assert shape(english) == shape(danish)
    assert f"{format_kr(FACILITATION_FRAME_ORE)} per network" in english
    assert f"{CONSULTANT_HOURS_MIN}–{CONSULTANT_HOURS_MAX} consultant hours" in english
    assert f"at most {SME_MAX_EMPLOYEES} employees" in english
    assert all(value in english for value in guide_values().values())  # every value is used
    assert guide_markdown("xx") == danish  # no guide in that language: the Danish one
