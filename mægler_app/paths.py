"""Where a profile's data lives: ``--profile DIR``, else ``MAEGLER_HOME``, else the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Maegler"
APP_AUTHOR = "VaeksthusMidtjylland"


def resources_dir() -> Path:
    """The icons and translations: ``mægler_app/resources`` in a wheel or the bundle, the
    top-level ``resources/`` folder in a source checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    return installed if installed.is_dir() else package.parent / "resources"


def default_profile() -> Path:
    env = os.environ.get("MAEGLER_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs  # here: the app given --profile (or MAEGLER_HOME) paints without it

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "profil"


def resolve_profile(cli_value: str | os.PathLike[str] | None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    return default_profile()
