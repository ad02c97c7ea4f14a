"""Compressed request and answer bodies, negotiated by headers (docs/protocol.md, "Compressed
bodies"; issue 25). A layer around the API that the endpoints never see:

- a request with ``Content-Encoding: gzip`` or ``zstd`` is unpacked before the endpoint reads it,
  at most to the request limit (5 MB, a blob 20 MB): past that **413**, whatever the packed size
  (a decompression bomb is never unpacked in whole); a body that does not unpack: **400**; another
  encoding: **415** naming the ones taken. A request without it is read as before;
- an answer of JSON is compressed with the best encoding the request's ``Accept-Encoding`` allows
  (zstd, then gzip), ``Vary: Accept-Encoding``; a client that sends none gets it as before;
- every answer says which encodings the server takes in requests (``Accept-Encoding``, RFC 7694),
  so a client compresses its pushes only once it has seen that from this server.

``MAEGLER_BODY_ENCODING=off`` leaves all of it out (a server as before; for tests and measuring).
"""

from __future__ import annotations

import os

import anyio.to_thread
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import bodycodec
from ..domain.messages import Msg
from ..domain.sync_contract import API_PREFIX, MAX_BLOB_BYTES, MAX_PUSH_BYTES

ENV_SWITCH = "MAEGLER_BODY_ENCODING"
COMPRESSIBLE = ("application/json",)
# Bodies above this are packed and unpacked in a worker thread (zlib and zstd let go of the GIL),
# not in the event loop that serves every other request meanwhile.
IN_THREAD = 64 * 1024


def enabled_from_env() -> bool:
    return os.environ.get(ENV_SWITCH, "on").strip().lower() not in {"off", "0", "no", "false"}


def _error(status: int, code: str, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": code, "detail": detail}, status_code=status, headers=headers)


class BodyEncodingMiddleware:
    def __init__(self, app: ASGIApp, *, enabled: bool | None = None) -> None:
        self.app = app
        self.enabled = enabled_from_env() if enabled is None else enabled
        self.accepted = bodycodec.accept_header()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.enabled or scope["type"] != "http" or not scope["path"].startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        content_encoding = accept = b""
        for key, value in scope["headers"]:  # ASGI names are lower-case already
            if key == b"content-encoding":
                content_encoding = value
            elif key == b"accept-encoding":
                accept = value
        encoding = content_encoding.decode("latin-1").strip().lower()
        if encoding and encoding != bodycodec.IDENTITY:
            unpacked = await self._unpacked(scope, receive, send, encoding)
            if unpacked is None:
                return
            scope, receive = unpacked
        answer_encoding = bodycodec.choose(accept.decode("latin-1")) if accept else None
        if answer_encoding is None:
            await self.app(scope, receive, self._plain_sender(send))
        else:
            await self.app(scope, receive, self._sender(send, answer_encoding))

    def _plain_sender(self, send: Send) -> Send:
        """Answers as they are, only saying what the server takes in requests (RFC 7694)."""
        advertised = (b"accept-encoding", self.accepted.encode("latin-1"))

        async def send_plain(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", ()), advertised]}
            await send(message)

        return send_plain

    async def _unpacked(
        self, scope: Scope, receive: Receive, send: Send, encoding: str
    ) -> tuple[Scope, Receive] | None:
        """The request with its body unpacked, or None once a refusal has been sent."""
        accept = {"Accept-Encoding": self.accepted}
        if encoding not in bodycodec.available():
            detail = str(Msg.HTTP_BODY_ENCODING_UNKNOWN(encoding=encoding[:40], accepted=self.accepted))
            await _error(415, "unsupported_media_type", detail, accept)(scope, receive, send)
            return None
        limit = MAX_BLOB_BYTES if scope["path"].startswith(f"{API_PREFIX}/blobs/") else MAX_PUSH_BYTES
        parts: list[bytes] = []
        try:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return None
                parts.append(message.get("body", b""))
                if not message.get("more_body"):
                    break
        except HTTPException as exc:  # the guard's count of a body sent without Content-Length
            await _error(exc.status_code, "too_large", str(exc.detail))(scope, receive, send)
            return None
        try:
            packed = b"".join(parts)
            if len(packed) > IN_THREAD // 8:
                body = await anyio.to_thread.run_sync(bodycodec.decompress, packed, encoding, limit)
            else:
                body = bodycodec.decompress(packed, encoding, limit)
        except bodycodec.InflatedTooLargeError:
            detail = str(Msg.HTTP_INFLATED_TOO_LARGE(megabytes=limit // (1024 * 1024)))
            await _error(413, "too_large", detail, accept)(scope, receive, send)
            return None
        except bodycodec.BadEncodingError:
            detail = str(Msg.HTTP_BODY_ENCODING_BROKEN(encoding=encoding))
            await _error(400, "bad_request", detail, accept)(scope, receive, send)
            return None
        raw = [
            (k, v) for k, v in scope["headers"] if k.lower() not in (b"content-encoding", b"content-length")
        ]
        raw.append((b"content-length", str(len(body)).encode()))
        sent = False

        async def unpacked_receive() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return {**scope, "headers": raw}, unpacked_receive

    def _sender(self, send: Send, encoding: str) -> Send:
        start: Message | None = None

        async def send_encoded(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Accept-Encoding"] = self.accepted  # RFC 7694: what requests may use
                start = message
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            first, start = start, None
            body = message.get("body", b"")
            headers = MutableHeaders(scope=first)
            if (
                not message.get("more_body")
                and len(body) >= bodycodec.MIN_SIZE
                and "content-encoding" not in headers
                and headers.get("content-type", "").split(";")[0].strip() in COMPRESSIBLE
            ):
                if len(body) > IN_THREAD:
                    body = await anyio.to_thread.run_sync(bodycodec.compress, body, encoding)
                else:
                    body = bodycodec.compress(body, encoding)
                headers["Content-Encoding"] = encoding
                headers["Content-Length"] = str(len(body))
                headers.add_vary_header("Accept-Encoding")
                message = {**message, "body": body}
            elif "content-type" in headers and headers.get("content-type", "").startswith("application/json"):
                headers.add_vary_header("Accept-Encoding")
            await send(first)
            await send(message)

        return send_encoded
