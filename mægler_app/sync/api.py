"""The HTTP side of the sync protocol (DESIGN.md §5): one ``requests`` session, retries, Danish errors.

Every request carries ``X-Protocol-Version``. Network failures, 5xx and 429 are retried with
exponential backoff and full jitter (so twenty laptops coming back online do not hit the server
in step); every request here is safe to repeat (a push is idempotent by its ``change_id``s).
"""

from __future__ import annotations

import random
import ssl
import time
from collections.abc import Callable
from typing import Any

import requests

from .. import bodycodec, fastjson
from ..domain.messages import Msg
from ..domain.sync_contract import API_PREFIX, PROTOCOL_HEADER, PROTOCOL_VERSION, RETENTION_KEY
from ..errors import UserError


class SyncError(UserError):
    """A sync problem; ``str()`` is a Danish sentence for the user."""


class OfflineError(SyncError):
    """The server did not answer (no network, server down, connection cut every time)."""


class AuthError(SyncError):
    """401: the token is missing, expired or revoked; log in again. ``detail``: the server's reason."""

    def __init__(self, detail: str) -> None:
        super().__init__(Msg.SYNC_LOG_IN_AGAIN(detail=detail))
        self.detail = detail


class UpgradeRequiredError(SyncError):
    """426: the server speaks another protocol version; the outbox is kept untouched."""


class ServerError(SyncError):
    """5xx after every retry."""


class RefusedError(SyncError):
    """Another 4xx: the request itself was refused (``status``, ``detail``)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


UPLOAD_OFFSET = "Upload-Offset"  # --- receipts
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_ANSWER_BYTES = 512 * 1024 * 1024  # --- field: an answer unpacked to more than this is refused
NETWORK_ERRORS: tuple[type[BaseException], ...] = (
    requests.ConnectionError,
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.ContentDecodingError,
)


# --- ship: OpenSSL's reasons (1.1 to 3.x) when the other end answered TLS with something else, as a
# plain-HTTP server does: waiting does not mend that, so it is not retried (the login says so, service.py)
NOT_TLS_REASONS = frozenset(
    {"WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "PACKET_LENGTH_TOO_LONG", "UNKNOWN_PROTOCOL"}
)


def peer_not_tls(exc: BaseException) -> bool:
    """Whether a failed request's TLS handshake met a server that does not speak TLS."""
    seen: set[int] = set()
    stack: list[object] = [exc]
    while stack:
        cause = stack.pop()
        if not isinstance(cause, BaseException) or id(cause) in seen:
            continue
        seen.add(id(cause))
        if isinstance(cause, ssl.SSLError):
            if cause.reason in NOT_TLS_REASONS:
                return True
            continue
        stack += [cause.__cause__, cause.__context__, getattr(cause, "reason", None), *cause.args]
    return False


def _detail(resp: requests.Response) -> str:
    try:
        body = resp.json()
    except ValueError:
        return resp.text[:300] or f"HTTP {resp.status_code}"
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, dict):
        problems = [str(p.get("msg", "")) for p in detail.get("problems") or [] if isinstance(p, dict)]
        detail = " ".join([str(detail.get("message") or ""), *problems[:3]]).strip() or str(detail)
    return str(detail or body)


def _answer(resp: requests.Response) -> Any:
    """A push's or pull's JSON answer; one cut off on the way (an empty or broken body, which a
    connection cut right after the headers gives) is a lost connection: the outbox keeps its
    entries and sends them again, and the server answers "duplicate" for what it had taken."""
    try:
        body = fastjson.loads(resp.content)
    except ValueError:
        raise OfflineError(Msg.SYNC_OFFLINE_BECAUSE(cause="IncompleteRead")) from None
    if not isinstance(body, dict):
        raise OfflineError(Msg.SYNC_OFFLINE_BECAUSE(cause="IncompleteRead"))
    return body


def backoff_delay(attempt: int, base: float, cap: float, rnd: Callable[[], float] = random.random) -> float:
    """Full jitter: uniform in [0, min(cap, base·2^attempt)]."""
    return rnd() * min(cap, base * 2.0**attempt)


class Api:
    """A client for one server. ``token`` is set after login and never written anywhere by this class."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: tuple[float, float] = (5.0, 60.0),
        retries: int = 4,
        backoff: float = 0.5,
        backoff_cap: float = 8.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.backoff_cap = backoff_cap
        self.sleep = sleep
        self.http = requests.Session()
        self.http.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        self.http.headers["User-Agent"] = "maegler-app"
        # --- field: requests' "Accept: */*" and "Connection: keep-alive" say what HTTP/1.1 means
        # without them: 37 bytes less up a phone's link in every request
        for default in ("Accept", "Connection"):
            self.http.headers.pop(default, None)
        # --- field: compressed bodies (docs/protocol.md): answers in what this side reads, requests
        # packed only once the server has said it takes them (``Accept-Encoding`` on its answers)
        self.http.headers["Accept-Encoding"] = bodycodec.accept_header()
        self.request_encoding: str | None = None
        self.token: str | None = None
        self.retention: Any = None  # --- retention: /me's settings, None from an older server
        self.bytes_sent = 0
        self.bytes_received = 0
        self.requests_made = 0
        if token:
            self.set_token(token)

    def set_token(self, token: str | None) -> None:
        self.token = token
        if token:
            self.http.headers["Authorization"] = f"Bearer {token}"
        else:
            self.http.headers.pop("Authorization", None)

    def close(self) -> None:
        self.http.close()

    # the one place that talks HTTP ------------------------------------------------------------
    def request(
        self, method: str, path: str, *, retry: bool = True, expect: tuple[int, ...] = (200,), **kw: Any
    ) -> requests.Response:
        url = f"{self.base_url}{API_PREFIX}{path}"
        kw.setdefault("timeout", self.timeout)
        plain_body = kw.get("data")
        attempts = self.retries + 1 if retry else 1
        last: BaseException | None = None
        resp: requests.Response | None = None
        attempt = 0
        plain_only = False
        while attempt < attempts:
            if attempt:
                self.sleep(self._retry_delay(attempt - 1, resp))
            attempt += 1
            packed = self._pack(path, plain_body, kw, plain_only)
            resp = None
            try:
                resp = self.http.request(method, url, **kw)
                body = resp.content  # read it all now, so a cut mid-body is a network error here
            except NETWORK_ERRORS as exc:
                last = exc
                if peer_not_tls(exc):  # --- ship
                    break
                continue
            self.requests_made += 1
            self.bytes_received += int(resp.headers.get("Content-Length") or len(body))
            req_body = resp.request.body
            self.bytes_sent += len(req_body) if isinstance(req_body, bytes | str) else 0
            self._learn_encodings(resp)
            if packed and resp.status_code in (400, 415):
                # A server that does not take compressed requests (any more): the same request
                # again as it was, and none packed from now on.
                self.request_encoding = None
                plain_only = True
                attempt -= 1
                continue
            if resp.status_code in expect:
                return resp
            if resp.status_code in RETRY_STATUSES and not (
                resp.status_code == 429 and path.startswith("/auth")
            ):
                last = None
                continue
            self._raise_for(resp)
        if resp is not None:
            self._raise_for(resp)
        raise OfflineError(
            Msg.SYNC_OFFLINE_BECAUSE(cause=last.__class__.__name__) if last else Msg.SYNC_OFFLINE()
        )

    # --- field: compressed bodies -------------------------------------------------------------
    def _pack(self, path: str, plain: Any, kw: dict[str, Any], plain_only: bool = False) -> bool:
        """Put the request's body in ``kw``, packed when the server takes it; True if packed."""
        headers = dict(kw.get("headers") or {})
        headers.pop("Content-Encoding", None)
        kw["headers"] = headers
        if not isinstance(plain, bytes):
            return False
        encoding = None if plain_only else self.request_encoding
        if encoding is None or len(plain) < bodycodec.MIN_SIZE or path.startswith("/blobs"):
            kw["data"] = plain
            return False
        kw["data"] = bodycodec.compress(plain, encoding)
        headers["Content-Encoding"] = encoding
        return True

    def _learn_encodings(self, resp: requests.Response) -> None:
        """What the server takes in requests (its answers' ``Accept-Encoding``, RFC 7694), and a
        zstd answer unpacked (requests itself unpacks only gzip and deflate)."""
        taken = resp.headers.get("Accept-Encoding")
        if taken:
            self.request_encoding = bodycodec.choose(taken)
        if resp.headers.get("Content-Encoding", "").strip().lower() == bodycodec.ZSTD:
            raw = resp.content
            if raw.startswith(bodycodec.ZSTD_MAGIC):
                try:
                    resp._content = bodycodec.decompress(raw, bodycodec.ZSTD, MAX_ANSWER_BYTES)
                except ValueError:
                    resp._content = b""  # read as an answer cut off (see _answer)

    def _retry_delay(self, attempt: int, resp: requests.Response | None) -> float:
        delay = backoff_delay(attempt, self.backoff, self.backoff_cap)
        if resp is not None and resp.status_code in (429, 503):
            after = resp.headers.get("Retry-After", "")
            if after.isdigit():
                delay = max(delay, min(float(after), self.backoff_cap))
        return delay

    def _raise_for(self, resp: requests.Response) -> None:
        status = resp.status_code
        detail = _detail(resp)
        if status == 401:
            raise AuthError(detail)
        if status == 426:
            raise UpgradeRequiredError(Msg.SYNC_UPGRADE_REQUIRED(detail=detail))
        if status == 429:
            raise RefusedError(status, str(Msg.SYNC_TOO_MANY_ATTEMPTS(detail=detail)))
        if status >= 500:
            raise ServerError(Msg.SYNC_SERVER_FAILED(status=status, detail=detail))
        raise RefusedError(status, detail)

    # endpoints ----------------------------------------------------------------------------
    def healthz(self) -> dict[str, Any]:
        return dict(self.request("GET", "/healthz", retry=False).json())

    def login(self, username: str, password: str) -> dict[str, Any]:
        resp = self.request("POST", "/auth/login", json={"username": username, "password": password})
        body = dict(resp.json())
        self.set_token(str(body["token"]))
        return body

    def logout(self) -> None:
        self.request("POST", "/auth/logout", retry=False)
        self.set_token(None)

    def me(self) -> dict[str, Any]:
        body = self.request("GET", "/me").json()
        # --- retention: the server's retention settings, if it sends them (protocol version 2)
        self.retention = body.get(RETENTION_KEY) if isinstance(body, dict) else None
        return dict(body["user"])

    def push(self, client_id: str, changes: list[dict[str, Any]], *, body: bytes | None = None) -> list[Any]:
        """Send changes; ``body`` may be the already-encoded JSON (to size batches without encoding twice)."""
        return list(self.push_answer(client_id, changes, body=body)["results"])

    def push_answer(
        self, client_id: str, changes: list[dict[str, Any]], *, body: bytes | None = None
    ) -> dict[str, Any]:
        """The push's whole answer (--- field: with the pull page along, when the body asked for
        one and the server knows it; docs/protocol.md "One request per sync")."""
        if body is None:
            body = encode_push(client_id, changes)
        resp = self.request(
            "POST", "/sync/push", data=body, headers={"Content-Type": "application/json"}, expect=(200,)
        )
        answer = _answer(resp)
        if not isinstance(answer.get("results"), list):
            raise OfflineError(Msg.SYNC_OFFLINE_BECAUSE(cause="IncompleteRead"))
        return dict(answer)

    def pull(self, since: int, limit: int, skip: str = "", with_: str = "") -> dict[str, Any]:
        """A page after ``since``; ``skip`` names seq ranges this computer holds already; ``with_``
        (--- field, v2 optional) asks the page to carry /me's answer and the forms' ETag."""
        params: dict[str, Any] = {"since": since, "limit": limit}
        if skip:
            params["skip"] = skip
        if with_:
            params["with"] = with_
        resp = self.request("GET", "/sync/pull", params=params)
        return dict(_answer(resp))

    def put_blob(self, sha256: str, content: bytes) -> None:
        self.request(
            "PUT",
            f"/blobs/{sha256}",
            data=content,
            headers={"Content-Type": "application/octet-stream"},
            expect=(200, 201),
        )

    def get_blob(self, sha256: str) -> bytes:
        return bytes(self.request("GET", f"/blobs/{sha256}").content)

    # --- receipts: chunked, resumable uploads (v2, optional; docs/protocol.md)
    def start_upload(self, sha256: str, size: int) -> dict[str, Any] | None:
        """Open (or find again) a chunked upload: ``{upload_id, offset, complete, …}``; ``None`` from a
        server without chunked uploads (404/405: the whole-file PUT is what it takes)."""
        resp = self.request(
            "POST", f"/blobs/{sha256}/uploads", json={"size": size}, expect=(200, 201, 404, 405)
        )
        if resp.status_code in (404, 405):
            return None
        return dict(_answer(resp))

    def upload_status(self, sha256: str, upload_id: str) -> dict[str, Any]:
        """Where an upload is (its acknowledged ``offset``); 404 (RefusedError) once it has expired."""
        return dict(_answer(self.request("GET", f"/blobs/{sha256}/uploads/{upload_id}")))

    def upload_chunk(self, sha256: str, upload_id: str, offset: int, chunk: bytes) -> dict[str, Any]:
        """Send ``chunk`` at ``offset``; the answer's ``offset`` is what the server has acknowledged
        (on a wrong offset, 409, where the server is: send from there)."""
        resp = self.request(
            "PATCH",
            f"/blobs/{sha256}/uploads/{upload_id}",
            data=chunk,
            headers={"Content-Type": "application/octet-stream", UPLOAD_OFFSET: str(offset)},
            expect=(200, 409),
        )
        if resp.status_code == 409:
            there = resp.headers.get(UPLOAD_OFFSET, "")
            if not there.isdigit():
                self._raise_for(resp)
            return {"offset": int(there), "complete": False}
        return dict(_answer(resp))

    # --- end receipts

    def forms(self, *, all_versions: bool = True) -> list[dict[str, Any]]:
        """The published form definitions: every version (``all``, protocol 2, optional: an older
        server ignores it and sends only the newest of each form)."""
        params = {"all": "true"} if all_versions else {}
        forms = self.request("GET", "/forms", params=params).json().get("forms")
        return [f for f in forms if isinstance(f, dict)] if isinstance(forms, list) else []

    def forms_if_changed(self, etag: str = "") -> tuple[list[dict[str, Any]] | None, str]:
        """Every published version, or None if the listing still has ``etag`` (304); with the
        listing's ETag ("" from a server that sends none)."""
        headers = {"If-None-Match": etag} if etag else {}
        resp = self.request("GET", "/forms", params={"all": "true"}, headers=headers, expect=(200, 304))
        tag = resp.headers.get("ETag", "")
        if resp.status_code == 304:
            return None, tag or etag
        forms = fastjson.loads(resp.content).get("forms")
        return ([f for f in forms if isinstance(f, dict)] if isinstance(forms, list) else []), tag

    def publish_form(self, body: dict[str, Any]) -> dict[str, Any]:
        """Publish a definition (caseworkers); 403 for a broker, 409 a version not higher, 422 unusable.
        Not retried: a lost answer is found out by listing the forms again."""
        return dict(self.request("POST", "/forms", json=body, retry=False, expect=(201,)).json())

    def decide(self, application_id: str, decision: str, comment: str) -> dict[str, Any]:
        """Not retried: a decision whose answer was lost is found by the next pull (409 if sent twice)."""
        return dict(
            self.request(
                "POST",
                f"/applications/{application_id}/decision",
                json={"decision": decision, "comment": comment},
                retry=False,
            ).json()
        )

    # --- erasure
    def erase_contact(self, contact_id: str) -> dict[str, Any]:
        """Erase a contact person everywhere on the server (caseworkers; GDPR art. 17). Sending it
        twice erases nothing more, so it is retried like a read."""
        return dict(self.request("POST", f"/contacts/{contact_id}/erase").json())

    def history(self, entity: str, record_id: str, *, children: bool = False) -> list[dict[str, Any]]:
        """Who changed which fields of a record, newest first (caseworkers; issue 22)."""
        params = {"children": "true"} if children else None
        body = self.request("GET", f"/history/{entity}/{record_id}", params=params).json()
        changes = body.get("changes") if isinstance(body, dict) else None
        return [c for c in changes if isinstance(c, dict)] if isinstance(changes, list) else []

    def users(self) -> list[dict[str, Any]]:
        """Every account with its display name (caseworkers); 404 from a server before this call."""
        users = self.request("GET", "/users").json().get("users")
        return [u for u in users if isinstance(u, dict)] if isinstance(users, list) else []


def encode_push(client_id: str, changes: list[dict[str, Any]]) -> bytes:
    return fastjson.dumps({"client_id": client_id, "protocol_version": PROTOCOL_VERSION, "changes": changes})
