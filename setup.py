"""Only what pyproject.toml cannot say: the top-level ``resources/`` folder (icons, translations,
the reports' fonts with their licence) goes into the wheel as the package ``mægler_app.resources``,
so a plain ``pip install`` has them (``mægler_app.paths.resources_dir`` finds either place), and the
translations are compiled (``resources/i18n/*.ts`` → ``.qm``, mægler_app/i18n_build.py) into the
wheel as it is built. Everything else is in pyproject.toml. Package data is listed here too:
pyproject's [tool.setuptools.package-data] would replace it."""

import importlib.util
import subprocess
from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

RESOURCES = [
    "mægler_app.resources",
    "mægler_app.resources.icons",
    "mægler_app.resources.i18n",
    "mægler_app.resources.fonts",
]
HERE = Path(__file__).resolve().parent


class BuildWithTranslations(build_py):
    """build_py, then the .qm files next to the .ts files in the build. Qt's lrelease comes with
    PySide6: where the build environment has none (an isolated build), the app compiles them into
    its cache on first start instead (ui/app.py ``qm_dir``)."""

    def run(self) -> None:
        super().run()
        spec = importlib.util.spec_from_file_location("i18n_build", HERE / "mægler_app" / "i18n_build.py")
        assert spec is not None and spec.loader is not None
        i18n = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(i18n)
        target = Path(self.build_lib) / "mægler_app" / "resources" / "i18n"
        try:
            for qm in i18n.build(HERE / "resources" / "i18n", target):
                print(f"compiled {qm.name}")
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"translations not compiled here ({exc}); the app compiles them on first start")


setup(
    packages=[
        *find_namespace_packages(include=["mægler_app", "mægler_app.*"], exclude=["*.__pycache__"]),
        *RESOURCES,
    ],
    package_dir={"mægler_app.resources": "resources"},
    package_data={
        "": [
            "*.json",
            "*.ini",
            "*.mako",
            "*.png",
            "*.svg",
            "*.ico",
            "*.qm",
            "*.ts",
            "*.md",
            "*.ttf",
            "LICENSE-*.txt",
        ]
    },
    cmdclass={"build_py": BuildWithTranslations},
)
