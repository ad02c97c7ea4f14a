"""Where documents are saved (issue 20, item 3): the broker chooses the place in a save dialog that
starts in the folder used last (kept per profile, default the profile's ``rapporter``); the name
follows one scheme (``domain/names.py``). After saving, the status bar says whether a viewer
opened the file and offers »Åbn mappe«.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from ..store.services.overview import broker_name
from .context import AppContext

FOLDER_KEY = "documents/folder"
DEFAULT_FOLDER = "rapporter"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Files", text)


def open_file(path: Path) -> bool:
    """Show a file (or a folder) in the system's own program; False when none could be started."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def documents_folder(ctx: AppContext) -> Path:
    """The folder the save dialog starts in: the one used last, else the profile's ``rapporter``."""
    stored = ctx.settings().value(FOLDER_KEY)
    if isinstance(stored, str) and stored and Path(stored).is_dir():
        return Path(stored)
    folder = ctx.profile / DEFAULT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def remember_folder(ctx: AppContext, folder: Path) -> None:
    settings = ctx.settings()
    settings.setValue(FOLDER_KEY, str(folder))
    settings.sync()


def ask_save_path(
    parent: QWidget | None,
    ctx: AppContext,
    name: str,
    *,
    title: str = "",
    csv: bool = False,
    archive: bool = False,  # --- audit: a ZIP (the audit file per network)
) -> Path | None:
    """The path the broker chooses for a document called ``name`` (None: cancelled)."""
    suffix = ".zip" if archive else ".csv" if csv else ".pdf"
    filters = (
        _tr("ZIP-filer (*.zip)") if archive else _tr("CSV-filer (*.csv)") if csv else _tr("PDF-filer (*.pdf)")
    )
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title or _tr("Gem dokument"), str(documents_folder(ctx) / name), filters
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    remember_folder(ctx, path.parent)
    return path


def saved_text(path: Path, opened: bool) -> str:
    """The status line after saving: "åbnet" only when a viewer was started."""
    if opened:
        return _tr("Gemt og åbnet: %1").replace("%1", str(path))
    return _tr("Gemt: %1 (intet program kunne åbne filen; brug »Åbn mappe«)").replace("%1", str(path))


def report_saved(ctx: AppContext, path: Path, opened: bool) -> str:
    """Tell the status bar (and its »Åbn mappe«) that ``path`` is saved; returns the line."""
    text = saved_text(path, opened)
    if path.suffix.lower() == ".pdf" and not broker_name(ctx.store):
        # a local profile whose broker has not typed a name: the PDF says "ikke angivet"
        text += " " + _tr("Skriv dit navn under Filer → Dit navn (Ctrl+,), så det står på dine PDF'er.")
    ctx.bus.status_reported.emit(text)
    ctx.bus.file_saved.emit(str(path))
    return text
