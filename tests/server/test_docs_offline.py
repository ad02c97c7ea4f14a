"""``/docs`` works without internet (issue 23 item 5): the page names only the server's own
addresses, and those serve Swagger UI's script, style sheet and icon, over real HTTP."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import requests

from mægler_app.server.docs import ASSET_FILES, ASSETS_PATH, assets_folder


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [v for k, v in attrs if k in {"src", "href"} and v]


def test_docs_page_and_its_files_come_from_the_server_itself(server: Any) -> None:
    page = requests.get(f"{server.base}/docs", timeout=10)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "://" not in page.text, "the page names another host"
    parser = _Links()
    parser.feed(page.text)
    assert sorted(parser.links) == sorted(f"{ASSETS_PATH}/{name}" for name in ASSET_FILES)
    kinds = {".js": "javascript", ".css": "text/css", ".png": "image/png"}
    for link in parser.links:
        r = requests.get(f"{server.base}{link}", timeout=10)
        assert r.status_code == 200, link
        assert kinds[link[link.rindex(".") :]] in r.headers["content-type"], (link, r.headers)
        assert r.content == (assets_folder() / link.rsplit("/", 1)[1]).read_bytes()
    script = requests.get(f"{server.base}{ASSETS_PATH}/swagger-ui-bundle.js", timeout=10).text
    assert "SwaggerUIBundle" in script and "SwaggerUIBundle(" in page.text
    assert "url: '/openapi.json'" in page.text or 'url: "/openapi.json"' in page.text
    spec = requests.get(f"{server.base}/openapi.json", timeout=10)
    assert spec.status_code == 200 and spec.json()["info"]["title"] == "Mægler-server"
