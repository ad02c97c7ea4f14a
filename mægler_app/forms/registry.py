"""Every known form definition by id and version; new screenings take the newest version.

A screening records the id and version it was filled in with, so older versions stay loadable:
the registry never forgets a version it has seen, it only stops offering it for new work.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from .definition import FormDefinition, FormDefinitionError, load_definition_file

BUNDLED_DIR = Path(__file__).with_name("definitions")


class FormRegistry:
    def __init__(self, definitions: Iterable[FormDefinition] = ()) -> None:
        self._by_key: dict[tuple[str, int], FormDefinition] = {}
        for defn in definitions:
            self.add(defn)

    def add(self, defn: FormDefinition) -> None:
        """Add a definition; a different body under an existing id and version is refused."""
        old = self._by_key.get(defn.key)
        if old is not None and dict(old.body) != dict(defn.body):
            raise FormDefinitionError(
                f"Skemaet »{defn.id}« version {defn.version} findes allerede med et andet indhold; "
                "en ændret udgave skal have et højere versionsnummer."
            )
        self._by_key[defn.key] = defn

    def load_dir(self, folder: Path) -> list[FormDefinitionError]:
        """Load every ``*.json`` in ``folder``; a bad file is skipped and its error returned."""
        errors: list[FormDefinitionError] = []
        if not folder.is_dir():
            return errors
        for path in sorted(folder.glob("*.json")):
            try:
                self.add(load_definition_file(path))
            except FormDefinitionError as exc:
                errors.append(exc)
        return errors

    def get(self, form_id: str, version: int) -> FormDefinition:
        try:
            return self._by_key[(form_id, version)]
        except KeyError:
            raise FormDefinitionError(
                f"Skemaet »{form_id}« version {version} findes ikke i denne udgave af Mægler."
            ) from None

    def latest(self, form_id: str) -> FormDefinition:
        versions = self.versions(form_id)
        if not versions:
            raise FormDefinitionError(f"Der findes intet skema med id »{form_id}«.")
        return self._by_key[(form_id, versions[-1])]

    def versions(self, form_id: str) -> list[int]:
        return sorted(v for fid, v in self._by_key if fid == form_id)

    def all(self) -> list[FormDefinition]:
        return [self._by_key[k] for k in sorted(self._by_key)]


@cache
def _bundled() -> tuple[FormDefinition, ...]:
    defs = [load_definition_file(p) for p in sorted(BUNDLED_DIR.glob("*.json"))]
    return tuple(defs)


def bundled_registry(extra_dirs: Iterable[Path] = ()) -> FormRegistry:
    """The definitions shipped with Mægler, plus any found in ``extra_dirs`` (bad files skipped)."""
    reg = FormRegistry(_bundled())
    for folder in extra_dirs:
        reg.load_dir(folder)
    return reg
