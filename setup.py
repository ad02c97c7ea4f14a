"""Only what pyproject.toml cannot say: the top-level ``resources/`` folder (icons, translations,
the reports' fonts with their licence) goes into the wheel as the package ``mægler_app.resources``,
so a plain ``pip install`` has them
(``mægler_app.paths.resources_dir`` finds either place). Everything else is in pyproject.toml.
Package data is listed here too: pyproject's [tool.setuptools.package-data] would replace it."""

from setuptools import find_namespace_packages, setup

RESOURCES = [
    "mægler_app.resources",
    "mægler_app.resources.icons",
    "mægler_app.resources.i18n",
    "mægler_app.resources.fonts",
]

setup(
    packages=[
        *find_namespace_packages(include=["mægler_app", "mægler_app.*"], exclude=["*.__pycache__"]),
        *RESOURCES,
    ],
    package_dir={"mægler_app.resources": "resources"},
    package_data={
        "": ["*.json", "*.ini", "*.mako", "*.png", "*.svg", "*.ico", "*.qm", "*.md", "*.ttf", "LICENSE-*.txt"]
    },
)
