"""``/docs``: Swagger UI from files installed with the server, not from a CDN (issue 23 item 5).

FastAPI's own page loads Swagger UI's script and style sheet from a CDN, so on a network without
internet, or behind a proxy that blocks it, the page stays blank. The files come from the
``fastapi-offline`` package (a dependency of the ``server`` extra, so pinned and hashed in
deploy/requirements-server.txt), which ships Swagger UI's built dist; nothing is copied by hand.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_PATH = "/docs"
ASSETS_PATH = "/docs/assets"
ASSET_FILES = ("swagger-ui-bundle.js", "swagger-ui.css", "favicon.png")


def assets_folder() -> Path:
    import fastapi_offline  # type: ignore[import-untyped, unused-ignore]

    return Path(fastapi_offline.__file__).resolve().parent / "static"


def add_docs(app: FastAPI) -> None:
    """The page at ``/docs`` and its files under ``/docs/assets``; the app is made with
    ``docs_url=None`` so FastAPI's CDN page is not there as well."""
    folder = assets_folder()
    app.mount(ASSETS_PATH, StaticFiles(directory=folder, check_dir=True), name="docs-assets")
    assert app.openapi_url is not None
    openapi_url = app.openapi_url

    @app.get(DOCS_PATH, include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = str(request.scope.get("root_path") or "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{app.title} – API",
            swagger_js_url=f"{root}{ASSETS_PATH}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_PATH}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_PATH}/favicon.png",
        )
