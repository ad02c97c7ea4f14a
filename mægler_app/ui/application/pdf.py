"""The application's PDF, made in a worker: the service gives the plain data, the report writes it.
ReportLab is imported when it runs, off the start-up path."""

from __future__ import annotations

from pathlib import Path

from ...store.db import Store


def export_application(store: Store, application_id: str, path: str | Path | None = None) -> Path:
    """Render the application to ``path`` (default: the profile's ``rapporter`` folder)."""
    from ...reports.application_pdf import default_filename, render_application_pdf
    from ...store.services.applications import application_report_data

    report = application_report_data(store, application_id)
    target = (
        Path(path) if path is not None else store.profile / "rapporter" / default_filename(report.application)
    )
    return render_application_pdf(report, target)
