"""A keyring backend for child processes in tests only: JSON in the file named by MAEGLER_TEST_KEYRING."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @staticmethod
    def _path() -> Path:
        return Path(os.environ["MAEGLER_TEST_KEYRING"])

    @staticmethod
    def write(path: Path, service: str, username: str, password: str) -> None:
        items = json.loads(path.read_text()) if path.exists() else {}
        items[f"{service}|{username}"] = password
        path.write_text(json.dumps(items))

    def _items(self) -> dict[str, str]:
        p = self._path()
        return json.loads(p.read_text()) if p.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._items().get(f"{service}|{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self.write(self._path(), service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        items = self._items()
        items.pop(f"{service}|{username}", None)
        self._path().write_text(json.dumps(items))
