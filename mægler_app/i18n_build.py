"""The app's Qt Linguist files: ``resources/i18n/maegler_LANG.ts`` (committed) and the ``.qm`` files
Qt loads (built, never committed).

Danish is the source language: every ``tr()`` text is Danish, ``maegler_en.ts`` holds the English
translations, and ``maegler_da.ts`` only the Danish plural forms (``tr("%n virksomheder", "", n)``).

Used without importing Qt or the rest of the package (setup.py loads this file by its path), by
``make i18n``, by setup.py's build step, by the bundle (packaging/maegler.spec), by the app when a
source install has no ``.qm`` yet (``ensure_qm``), and by the tests (``extract``).

lupdate reads ``self.tr("…")``, ``QCoreApplication.translate("Context", "…")`` and
``QT_TRANSLATE_NOOP("Context", "…")``; a module's own helper ``_tr("…")`` is read as ``tr`` in the
empty context (``-tr-function-alias tr+=_tr``), so every ``_tr`` helper translates in context "".
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

LANGUAGES = ("en", "da")
SOURCES = ("mægler_app",)  # every module that calls tr(): the ui, and nothing outside it today
LUPDATE_OPTIONS = ("-tr-function-alias", "tr+=_tr", "-locations", "none")


def _tool(name: str) -> str:
    """PySide6's ``lupdate``/``lrelease`` (in the PySide6 package), or ``pyside6-NAME`` on PATH."""
    try:
        import PySide6  # noqa: PLC0415 - optional: setup.py runs without Qt

        candidate = Path(PySide6.__file__).resolve().parent / (
            name + (".exe" if sys.platform == "win32" else "")
        )
        if candidate.exists():
            return str(candidate)
    except ImportError:
        pass
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found (install PySide6)")
    return found


def python_sources(root: Path) -> list[Path]:
    files: list[Path] = []
    for source in SOURCES:
        files.extend(p for p in sorted((root / source).rglob("*.py")) if "migrations" not in p.parts)
    return files


def extract(root: Path, ts: Path, language: str, *, drop_obsolete: bool = True) -> str:
    """Run lupdate over the tree into ``ts`` (created or updated); returns lupdate's report.
    ``drop_obsolete=False`` keeps the texts the source no longer has, marked "vanished"."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    # the file list goes in a list file: Windows' command line is too short for every module
    listing = ts.with_suffix(".files")
    listing.write_text("\n".join(str(p) for p in python_sources(root)), encoding="utf-8")
    import subprocess  # here: the app's start asks only ensure_qm, which finds the .qm built

    try:
        done = subprocess.run(
            [
                _tool("lupdate"),
                *LUPDATE_OPTIONS,
                *(("-no-obsolete",) if drop_obsolete else ()),
                "-source-language",
                "da_DK",
                "-target-language",
                language,
                f"@{listing}",
                "-ts",
                str(ts),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    finally:
        listing.unlink(missing_ok=True)
    return done.stdout + done.stderr


def release(ts: Path, qm: Path) -> None:
    """Compile one .ts into a .qm (unfinished texts left out, so Qt falls back to the Danish source)."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    import subprocess

    subprocess.run(
        [_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )


def build(i18n_dir: Path, target: Path | None = None) -> list[Path]:
    """Every ``maegler_*.ts`` of ``i18n_dir`` as a ``.qm`` in ``target`` (the same folder by default)."""
    built = []
    for ts in sorted(i18n_dir.glob("maegler_*.ts")):
        qm = (target or i18n_dir) / ts.with_suffix(".qm").name
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            release(ts, qm)
        built.append(qm)
    return built


def has_qm(i18n_dir: Path) -> bool:
    """A build made the .qm file of every catalogue in ``i18n_dir``."""
    return all(ts.with_suffix(".qm").exists() for ts in i18n_dir.glob("maegler_*.ts"))


def ensure_qm(i18n_dir: Path, cache: Path) -> Path:
    """The folder holding the .qm files: ``i18n_dir`` when a build made them, else ``cache``, where
    they are compiled now (a source install built without PySide6 at hand)."""
    if has_qm(i18n_dir):
        return i18n_dir
    import subprocess

    try:
        build(i18n_dir, cache)
    except (OSError, subprocess.CalledProcessError):
        return i18n_dir  # no lrelease: Danish only, the source language
    return cache


if __name__ == "__main__":  # python mægler_app/i18n_build.py [update]: what `make i18n` runs
    here = Path(__file__).resolve().parent.parent
    folder = here / "resources" / "i18n"
    if sys.argv[1:] == ["update"]:
        for lang in LANGUAGES:
            print(extract(here, folder / f"maegler_{lang}.ts", lang))
    for path in build(folder):
        print(path.relative_to(here))
