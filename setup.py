"""Only what pyproject.toml cannot say: the top-level ``resources/`` folder (icons, translations)
goes into the wheel as the package ``mægler_app.resources``, so a plain ``pip install`` has them
(``mægler_app.paths.resources_dir`` finds either place). Everything else is in pyproject.toml."""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(include=["mægler_app", "mægler_app.*"], exclude=["*.__pycache__"]),
        "mægler_app.resources",
    ],
    package_dir={"mægler_app.resources": "resources"},
    package_data={
        "": ["*.json", "*.ini", "*.mako", "*.png", "*.svg", "*.qm"],
        "mægler_app.resources": ["icons/*.svg", "icons/*.ico", "icons/*.png", "i18n/*.qm"],
    },
)
