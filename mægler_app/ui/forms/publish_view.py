"""Skemaer (caseworkers): the published form definitions, and a new version opened, checked,
compared with the published one and published to the server (issue 18, part 6).

Checking and comparing use the forms engine on this computer; listing and publishing need the
server and run in the thread pool, never on the GUI thread. Without the server the list shows the
definitions on this computer and the publish button says why it cannot be used.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from ...domain.messages import Msg
from ...domain.numbers import format_datetime, format_int
from ...domain.timeutil import parse_stored_time
from ...forms import FormDefinition, FormDefinitionError, load_definition_file, parse_definition
from ...forms.diff import diff_definitions, question_count
from ...forms.translation import translated
from ...store.services.screening import registry_for
from ...sync.api import Api, OfflineError, SyncError
from ...sync.service import api_for
from ..ask import confirm
from ..context import AppContext
from ..fit import ElidedLabel
from ..noop import QT_TRANSLATE_NOOP
from ..sync.controller import controller_for
from ..table import Column, RowsTableModel, make_table_view
from ..views.base import View
from ..worker import Worker, start


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class PublishedRow:
    form_id: str
    version: int
    title: str
    questions: int
    definition: FormDefinition | None  # None: this computer's engine cannot read it
    published_at: dt.datetime | None = None  # None: not said (an older server, or this computer's)


def _rows(entries: list[dict[str, Any]]) -> list[PublishedRow]:
    """The newest version of each form, read with the forms engine where it can."""
    newest: dict[str, dict[str, Any]] = {}
    for e in entries:
        fid, version = e.get("id"), e.get("version")
        if isinstance(fid, str) and type(version) is int and version >= newest.get(fid, {}).get("version", 0):
            newest[fid] = e
    rows = []
    for fid, e in sorted(newest.items()):
        raw = e.get("body")
        body: dict[str, Any] = raw if isinstance(raw, dict) else {}
        title = str(body.get("title") or fid)
        try:
            defn: FormDefinition | None = parse_definition(body)
            if defn is not None:  # --- english2: the title in the app's language, where it has one
                title = translated(defn).title
        except FormDefinitionError:
            defn = None
        rows.append(
            PublishedRow(
                fid,
                int(e["version"]),
                title,
                question_count(defn) if defn is not None else 0,
                defn,
                parse_stored_time(e.get("published_at")),
            )
        )
    return rows


def _list_job(api: Api) -> list[dict[str, Any]]:
    try:
        return api.forms(all_versions=False)
    except OfflineError:
        raise SyncError(str(Msg.FORMS_SERVER_SILENT())) from None
    finally:
        api.close()


def _publish_job(api: Api, body: dict[str, Any]) -> dict[str, Any]:
    try:
        return api.publish_form(body)
    except OfflineError:  # not queued: publishing is done at the server or not at all
        raise SyncError(str(Msg.FORMS_SERVER_SILENT())) from None
    finally:
        api.close()


def published_model(parent: Any = None) -> RowsTableModel[PublishedRow]:
    cols: list[Column[PublishedRow]] = [
        Column(_tr("Skema"), lambda r: r.title, tooltip=lambda r: r.title),
        Column(_tr("Id"), lambda r: r.form_id),
        Column(_tr("Version"), lambda r: str(r.version)),
        Column(_tr("Spørgsmål"), lambda r: format_int(r.questions) if r.definition is not None else "–"),
        Column(_tr("Udgivet"), lambda r: format_datetime(r.published_at) if r.published_at else "–"),
    ]
    return RowsTableModel(cols, lambda r: r.form_id, parent)


class FormsView(View):
    key = "skemaer"
    title = QT_TRANSLATE_NOOP("Views", "Skemaer")
    shortcut = "Ctrl+7"
    watches = ()  # nothing in the store changes what the server has published

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.controller = controller_for(ctx)
        self.online: bool | None = None  # None: not logged in; False: the server did not answer
        self.offline_reason = ""
        self.rows: list[PublishedRow] = []
        self.candidate: FormDefinition | None = None
        self.candidate_path: Path | None = None
        self.list_worker: Worker | None = None
        self.publish_worker: Worker | None = None
        self.publishing: FormDefinition | None = None

        lay = QVBoxLayout(self)
        lay.addWidget(
            self.heading(
                self.tr("Skemaer"),
                self.tr(
                    "De skemaer mæglerne udfylder, som Væksthus har udgivet. Åbn en ny udgave (en JSON-fil), "
                    "se hvad der er ændret, og udgiv den: mæglernes computere henter den ved næste "
                    "synkronisering. Nye screeninger bruger den nyeste version; påbegyndte og afsluttede "
                    "beholder deres egen."
                ),
            )
        )
        top = QHBoxLayout()
        self.server_state = QLabel()
        self.server_state.setObjectName("formsServerState")
        self.server_state.setWordWrap(True)
        top.addWidget(self.server_state, 1)
        self.refresh_button = QPushButton(self.tr("Hent listen igen"))
        self.refresh_button.setObjectName("formsRefresh")
        self.refresh_button.clicked.connect(self.fetch_published)
        top.addWidget(self.refresh_button)
        lay.addLayout(top)

        self.published = published_model(self)
        self.table = make_table_view(
            self.published,
            "publishedForms",
            self.tr("Udgivne skemaer"),
            stretch=(0,),
            fit=QHeaderView.ResizeMode.ResizeToContents,
            word_wrap=True,
        )
        self.table.setMaximumHeight(160)
        lay.addWidget(self.table)

        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Åbn skemafil…"))
        self.open_button.setObjectName("formsOpen")
        self.open_button.clicked.connect(self.choose_file)
        row.addWidget(self.open_button)
        # a path is one long word: cut in its middle (whole as tooltip), never wrapped mid-name
        self.file_label = ElidedLabel(self.tr("Ingen fil åbnet."), mode=Qt.TextElideMode.ElideMiddle)
        self.file_label.setObjectName("formsFile")
        row.addWidget(self.file_label, 1)
        lay.addLayout(row)

        self.validation = QLabel()
        self.validation.setObjectName("formsValidation")
        self.validation.setWordWrap(True)
        self.validation.setVisible(False)
        lay.addWidget(self.validation)

        self.changes_title = QLabel()
        self.changes_title.setObjectName("formsChangesTitle")
        lay.addWidget(self.changes_title)
        self.changes = QListWidget()
        self.changes.setObjectName("formsChanges")
        self.changes.setWordWrap(True)
        self.changes.setSpacing(3)
        lay.addWidget(self.changes, 1)

        bottom = QHBoxLayout()
        self.publish_button = QPushButton(self.tr("Udgiv"))
        self.publish_button.setObjectName("formsPublish")
        self.publish_button.clicked.connect(self.publish)
        bottom.addWidget(self.publish_button)
        self.publish_reason = QLabel()
        self.publish_reason.setObjectName("formsPublishReason")
        self.publish_reason.setWordWrap(True)
        bottom.addWidget(self.publish_reason, 1)
        lay.addLayout(bottom)
        self.result = QLabel()
        self.result.setObjectName("formsResult")
        self.result.setWordWrap(True)
        lay.addWidget(self.result)
        self._update_candidate()

    # the published list -----------------------------------------------------------------------
    def reload(self) -> None:
        if not self.rows:
            self._show_local()
        self.fetch_published()

    def _show_local(self) -> None:
        local = [
            {"id": d.id, "version": d.version, "body": dict(d.body)}
            for d in registry_for(self.ctx.store).all()
        ]
        self._set_rows(_rows(local))

    def _api(self) -> Api | None:
        if self.controller.account() is None or not self.controller.has_token():
            return None
        return api_for(self.ctx.store, self.controller.token(), retries=1, backoff=0.2)

    def fetch_published(self) -> None:
        if self.list_worker is not None:
            return
        api = self._api()
        if api is None:
            self._set_online(None)
            return
        self.server_state.setText(self.tr("Henter de udgivne skemaer fra serveren…"))
        worker = Worker(_list_job, api)
        worker.signals.finished.connect(self._on_listed)
        worker.signals.failed.connect(self._on_list_failed)
        self.list_worker = worker
        start(worker, self.ctx.pool)

    def _on_listed(self, entries: object) -> None:
        self.list_worker = None
        self._set_rows(_rows(list(entries) if isinstance(entries, list) else []))
        self._set_online(True)

    def _on_list_failed(self, message: str) -> None:
        self.list_worker = None
        self.offline_reason = message
        self._set_online(False)

    def _set_rows(self, rows: list[PublishedRow]) -> None:
        self.rows = rows
        self.published.set_rows(rows)
        self._update_candidate()

    def _set_online(self, online: bool | None) -> None:
        self.online = online
        if online:
            text = self.tr("Skemaerne som de er udgivet på Væksthus' server:")
        elif online is None:
            text = self.tr(
                "Ikke logget ind på Væksthus' server (se Synkronisering). Listen viser skemaerne på denne computer."
            )
        else:
            text = self.tr("%1 Listen viser skemaerne på denne computer.").replace("%1", self.offline_reason)
        self.server_state.setObjectName("formsServerState" if online else "warning")
        self.server_state.style().unpolish(self.server_state)
        self.server_state.style().polish(self.server_state)
        self.server_state.setText(text)
        self._update_candidate()

    def published_of(self, form_id: str) -> PublishedRow | None:
        return next((r for r in self.rows if r.form_id == form_id), None)

    # a new version ----------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Åbn skemadefinition"), str(Path.home()), self.tr("Skemadefinitioner (*.json)")
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Read and check the definition with the forms engine; show what changed."""
        self.candidate_path = path
        self.result.clear()
        self.file_label.setText(str(path))
        try:
            self.candidate = load_definition_file(path)
        except FormDefinitionError as exc:
            self.candidate = None
            self._show_validation(str(exc), ok=False)
        else:
            defn = self.candidate
            self._show_validation(
                str(
                    Msg.FORM_VALID(
                        form=defn.title,
                        version=defn.version,
                        n=question_count(defn),
                        sections=len(defn.sections),
                    )
                ),
                ok=True,
            )
        self._update_candidate()

    def _show_validation(self, text: str, *, ok: bool) -> None:
        self.validation.setObjectName("formsValid" if ok else "error")
        self.validation.style().unpolish(self.validation)
        self.validation.style().polish(self.validation)
        self.validation.setText(text)
        self.validation.setVisible(True)

    def _update_candidate(self) -> None:
        """The list of changes and whether (and why not) the publish button can be used."""
        defn = self.candidate
        self.changes.clear()
        if defn is None:
            self.changes_title.setText("")
        else:
            published = self.published_of(defn.id)
            if published is None:
                self.changes_title.setText(self.tr("Ændringer: skemaet er ikke udgivet før."))
            elif self.online:
                self.changes_title.setText(
                    self.tr("Ændringer i forhold til den udgivne version %1:").replace(
                        "%1", str(published.version)
                    )
                )
            else:  # the list is this computer's
                self.changes_title.setText(
                    self.tr("Ændringer i forhold til version %1 på denne computer:").replace(
                        "%1", str(published.version)
                    )
                )
            before = published.definition if published is not None else None
            self.changes.addItems([str(m) for m in diff_definitions(before, defn)])
        reason = self._cannot_publish()
        self.publish_button.setEnabled(not reason)
        self.publish_button.setText(
            self.tr("Udgiv version %1").replace("%1", str(defn.version))
            if defn is not None
            else self.tr("Udgiv")
        )
        self.publish_reason.setText(reason)

    def _cannot_publish(self) -> str:
        """Why the candidate cannot be published now, or "" if it can."""
        if self.publish_worker is not None:
            return self.tr("Udgiver…")
        if self.candidate_path is None:
            return self.tr("Åbn en skemafil for at udgive en ny version.")
        if self.candidate is None:
            return self.tr("Skemaet kan ikke udgives, før fejlen ovenfor er rettet.")
        if self.online is None:
            return self.tr("Udgivelse kræver, at du er logget ind på Væksthus' server (se Synkronisering).")
        if self.online is False:
            return self.tr("Udgivelse kræver forbindelse til Væksthus' server, og den svarer ikke lige nu.")
        published = self.published_of(self.candidate.id)
        if published is not None and self.candidate.version <= published.version:
            return str(
                Msg.FORM_VERSION_NOT_HIGHER(
                    form=self.candidate.title, published=published.version, version=self.candidate.version
                )
            )
        return ""

    def publish(self) -> None:
        defn = self.candidate
        if defn is None or self._cannot_publish():
            return
        if not confirm(
            self,
            self.tr("Udgiv skema"),
            self.tr(
                "Udgiv »%1« version %2? Mæglernes computere henter den ved næste synkronisering, og nye "
                "screeninger bruger den. En udgivet version kan ikke ændres bagefter."
            )
            .replace("%1", defn.title)
            .replace("%2", str(defn.version)),
            self.tr("Udgiv"),
            self.tr("Annullér"),
        ):
            return
        api = self._api()
        if api is None:
            self._set_online(None)
            return
        body = json.loads(json.dumps(dict(defn.body)))
        worker = Worker(_publish_job, api, body)
        worker.signals.finished.connect(self._on_published)
        worker.signals.failed.connect(self._on_publish_failed)
        self.publish_worker = worker
        self.publishing = defn
        self._update_candidate()
        start(worker, self.ctx.pool)

    def _on_published(self, answer: object) -> None:
        self.publish_worker = None
        done = answer if isinstance(answer, dict) else {}
        title = self.publishing.title if self.publishing is not None else str(done.get("id", ""))
        self.result.setObjectName("formsResult")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.setText(str(Msg.FORM_PUBLISHED(form=title, version=done.get("version", 0))))
        self.ctx.bus.status_reported.emit(self.result.text())
        self.fetch_published()

    def _on_publish_failed(self, message: str) -> None:
        self.publish_worker = None
        self.result.setObjectName("error")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.setText(self.tr("Skemaet blev ikke udgivet: %1").replace("%1", message))
        self._update_candidate()
        self.fetch_published()
