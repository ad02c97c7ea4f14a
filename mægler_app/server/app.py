"""The HTTP API of DESIGN.md §5 (FastAPI). ``create_app(db)`` builds it around one database."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Body, Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import fastjson
from ..domain import language
from ..domain.messages import Msg
from ..domain.sync_contract import (
    API_PREFIX,
    ENTITIES,
    MAX_BLOB_BYTES,
    MAX_PUSH_BYTES,
    MAX_SKIP_LENGTH,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    RETENTION_KEY,  # --- retention
    parse_skip,
)
from ..domain.vocab import Role
from . import accounts, forms
from . import uploads as blob_uploads  # --- receipts
from .accounts import AddressThrottledError, BadCredentialsError, ServerBusyError, TooManyAttemptsError
from .along import extras as pull_extras  # --- field
from .along import parse_with, pull_along, shorten  # --- field
from .changelog import record_exists, record_history
from .clientaddr import client_address, trusted_from_env
from .db import Database
from .decisions import DecisionError, decide
from .docs import add_docs  # --- ship
from .encoding import BodyEncodingMiddleware  # --- field
from .erasure import ErasureNotFoundError, erase_contact  # --- erasure
from .jsonclean import clean_json
from .models import BlobContent, BlobOwner, User
from .pull import pull
from .push import apply_push
from .retention import read_settings as read_retention_settings  # --- retention
from .schemas import (
    MAX_INT,
    BlobInfo,
    DecisionRequest,
    DecisionResponse,
    ErasureResponse,
    ErrorBody,
    FormOut,
    FormsResponse,
    Health,
    HistoryResponse,
    LoginRequest,
    LoginResponse,
    MeResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    UploadRequest,  # --- receipts
    UploadStateOut,  # --- receipts
    UsersResponse,
)
from .stats import stats

log = logging.getLogger("maegler.server")

PULL_LIMIT = 500  # changes per page when the client does not say
MAX_PULL_LIMIT = 1000
SKIP_HELP = (
    "Sekvensnumre, klienten allerede har i serverens version (fra push-svarenes seq), som "
    "intervaller »første-sidste,første-sidste«; de poster udelades af siderne."
)
SKIP_PATTERN = r"^([0-9]{1,19}-[0-9]{1,19}(,[0-9]{1,19}-[0-9]{1,19})*)?$"
SKIP_TEXT = (
    f"skip skal være intervaller af sekvensnumre skrevet »første-sidste«, adskilt af komma, med "
    f"første ≤ sidste, i alt højst {MAX_SKIP_LENGTH} tegn."
)
# A push that collides with another broker's simultaneous insert is tried again (see push()).
PUSH_ATTEMPTS = 3

ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    426: "upgrade_required",
    429: "too_many_requests",
    500: "server_error",
    503: "unavailable",
}
DEFAULT_DETAILS = {
    400: Msg.HTTP_BAD_REQUEST(),
    401: Msg.AUTH_LOG_IN_FIRST(),
    403: Msg.HTTP_FORBIDDEN(),
    404: Msg.HTTP_NOT_FOUND(),
    405: Msg.HTTP_METHOD_NOT_ALLOWED(),
    413: Msg.HTTP_TOO_LARGE(),
}
SHA256 = Annotated[str, Path(pattern="^[0-9a-f]{64}$", description="SHA-256 i små hex-cifre")]
UPLOAD_ID = Annotated[str, Path(pattern="^[0-9a-f]{32}$", description="overførslens id")]  # --- receipts
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 404, 409, 413, 422, 426, 429)
}
LOGIN_RESPONSES: dict[int | str, dict[str, Any]] = {**ERROR_RESPONSES, 503: {"model": ErrorBody}}


def json_response(body: Any) -> Response:
    return Response(fastjson.dumps(body), media_type="application/json")


class FastJSONRequest(Request):
    """A request whose JSON body is parsed by orjson (FastAPI still validates it as before)."""

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = fastjson.loads(await self.body())
        return self._json


FastArgs = Callable[[Request], Coroutine[Any, Any, "dict[str, Any] | None"]]


def fast_path(find_args: FastArgs) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a hot endpoint a fast path past FastAPI's general dependency solving.

    ``find_args`` returns the endpoint's arguments when the request is the common, well-formed
    case it knows (a token already in the cache, a body that validates), else ``None``, and the
    request takes FastAPI's full path, whose answers (401, 400, 422 …) stay the only ones there
    are. The declared signature still makes the OpenAPI document. Under load, FastAPI's solving
    of a push's dependencies took a fifth of the server's time.
    """

    def mark(endpoint: Callable[..., Any]) -> Callable[..., Any]:
        endpoint.fast_args = find_args  # type: ignore[attr-defined]
        return endpoint

    return mark


class FastJSONRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        find_args: FastArgs | None = getattr(self.endpoint, "fast_args", None)
        endpoint = self.endpoint

        async def with_fast_json(request: Request) -> Response:
            request = FastJSONRequest(request.scope, request.receive)
            if find_args is not None:
                args = await find_args(request)
                if args is not None:
                    answer = await run_in_threadpool(_with_user, request, endpoint, args)
                    if answer is not None:
                        return answer
            return await handler(request)

        return with_fast_json


def _with_user(request: Request, endpoint: Callable[..., Response], args: dict[str, Any]) -> Response | None:
    """The endpoint called in the request's thread, its user first looked up there when the token
    was not in the cache (one hop to a thread, not two; no dependency solving). ``None``: a token
    not accepted, which FastAPI's full path then answers (401)."""
    user = args["user"]
    if isinstance(user, str):
        try:
            found = accounts.check_token(request.app.state.db, user)
        except UnicodeEncodeError:
            found = None
        if found is None:
            return None
        request.app.state.tokens.put(user, *found)
        args = {**args, "user": found[0]}
    return endpoint(**args)


def error_response(status: int, detail: Any, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        {"error": ERROR_CODES.get(status, "error"), "detail": detail}, status_code=status, headers=headers
    )


def _too_large_text(limit: int) -> str:
    return str(Msg.HTTP_LARGER_THAN_LIMIT(megabytes=limit // (1024 * 1024)))


HEALTHZ_PATH = f"{API_PREFIX}/healthz"


def _protocol_text(given: str) -> str:
    return str(Msg.HTTP_PROTOCOL_MISMATCH(server=PROTOCOL_VERSION, given=given))


class GuardMiddleware:
    """Protocol version and body size, checked before anything else reads the request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        # --- english: texts (refusals, errors) in the language the request asks for (issue 24)
        with language.use(language.from_accept_language(headers.get("accept-language"))):
            await self._guarded(scope, receive, send, headers)

    async def _guarded(self, scope: Scope, receive: Receive, send: Send, headers: dict[str, str]) -> None:
        # A request without the header is taken as version 1 (DESIGN.md §5). healthz answers any
        # version: it tells monitoring, and an old client, which version this server speaks.
        given = headers.get(PROTOCOL_HEADER.lower(), "1").strip()
        if given != str(PROTOCOL_VERSION) and scope["path"] != HEALTHZ_PATH:
            await error_response(426, _protocol_text(given[:20]))(scope, receive, send)
            return
        limit = MAX_BLOB_BYTES if scope["path"].startswith(f"{API_PREFIX}/blobs/") else MAX_PUSH_BYTES
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                await error_response(400, str(Msg.HTTP_CONTENT_LENGTH_NOT_A_NUMBER()))(scope, receive, send)
                return
            if int(length) > limit:
                await error_response(413, _too_large_text(limit))(scope, receive, send)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise HTTPException(413, _too_large_text(limit))
            return message

        await self.app(scope, counted, send)


def token_of(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


async def bearer(request: Request) -> str:
    token = token_of(request)
    if token is None:
        raise HTTPException(401, str(Msg.AUTH_LOG_IN_FIRST()), headers={"WWW-Authenticate": "Bearer"})
    return token


def cached_user(request: Request) -> User | str | None:
    """The user of a token looked up within the cache's window, without touching the database; else
    the token, for the request's thread to look up (``_with_user``); None without a bearer token."""
    token = token_of(request)
    if token is None:
        return None
    cache: accounts.TokenCache = request.app.state.tokens
    return cache.get(token) or token


async def current_user(request: Request, token: Annotated[str, Depends(bearer)]) -> User:
    cache: accounts.TokenCache = request.app.state.tokens
    user = cache.get(token)
    if user is not None:
        return user
    try:
        found = await run_in_threadpool(accounts.check_token, request.app.state.db, token)
    except UnicodeEncodeError:
        found = None
    if found is None:
        raise HTTPException(401, str(Msg.AUTH_NOT_LOGGED_IN()), headers={"WWW-Authenticate": "Bearer"})
    cache.put(token, *found)
    return found[0]


async def push_args(request: Request) -> dict[str, Any] | None:
    user = cached_user(request)
    content_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if user is None or content_type != "application/json":
        return None
    try:
        body = PushRequest.model_validate(await request.json())
    except (ValueError, ValidationError):  # not JSON, or not a push: FastAPI says what is wrong
        return None
    return {"body": body, "user": user}


async def pull_args(request: Request) -> dict[str, Any] | None:
    user = cached_user(request)
    query = request.query_params
    if user is None or not set(query) <= {"since", "limit", "skip", "with"}:  # --- field: with
        return None
    since, limit = query.get("since", "0"), query.get("limit", str(PULL_LIMIT))
    if not (since.isascii() and since.isdigit() and limit.isascii() and limit.isdigit()):
        return None
    since_n, limit_n = int(since), int(limit)
    if since_n > MAX_INT or not 1 <= limit_n <= MAX_PULL_LIMIT:
        return None
    skip = query.get("skip", "")
    if len(query.getlist("skip")) > 1 or parse_skip(skip, MAX_INT) is None:
        return None
    args: dict[str, Any] = {"user": user, "since": since_n, "limit": limit_n, "skip": skip}
    if "with" in query:  # --- field (v2, optional)
        if len(query.getlist("with")) > 1 or len(query["with"]) > 100:
            return None
        args["with_"] = query["with"]
    return args


async def caseworker(user: Annotated[User, Depends(current_user)]) -> User:
    if user.role != Role.CASEWORKER:
        raise HTTPException(403, str(Msg.AUTH_CASEWORKERS_ONLY()))
    return user


TokenDep = Annotated[str, Depends(bearer)]
UserDep = Annotated[User, Depends(current_user)]
CaseworkerDep = Annotated[User, Depends(caseworker)]


# Threads that run requests' database work at once, per process. Under load, twenty threads
# taking turns at one interpreter lost most of their time handing it over; with four, the rest
# wait their turn in the event loop, which costs nothing (benchmarks/server_bench.py: push p99
# 210 → 100–150 ms on SQLite, 430 → 200–250 ms on PostgreSQL with one process).
DEFAULT_THREADS = 4


def create_app(db: Database, *, threads: int = DEFAULT_THREADS) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield
        hashing.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Mægler-server",
        version="1",
        description="Synkronisering mellem mæglernes Mægler og Væksthus Midtjylland (DESIGN.md §5).",
        openapi_url="/openapi.json",
        docs_url=None,  # --- ship: /docs from the package's files, not a CDN (docs.py)
        redoc_url=None,
    )
    add_docs(app)
    app.router.route_class = FastJSONRoute  # before the routes below are made

    app.state.db = db
    app.state.tokens = accounts.TokenCache()
    limits = accounts.LoginLimits.from_env()
    trusted = trusted_from_env()
    blocks = accounts.AddressBlocks()
    purger = accounts.Purger()
    hashing = accounts.HashPool.from_env()
    refusal_delay = accounts.refusal_delay_from_env()
    # --- field: compressed bodies inside the guard (its 426 and 413 come first; docs/protocol.md)
    app.add_middleware(BodyEncodingMiddleware)
    app.add_middleware(GuardMiddleware)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail else None
        if detail is None or detail in {"Not Found", "Method Not Allowed", "Unauthorized"}:
            detail = str(DEFAULT_DETAILS.get(exc.status_code, Msg.HTTP_ERROR()))
        return error_response(exc.status_code, detail, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(400, str(Msg.HTTP_NOT_JSON()))
        problems = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in errors[:20]
        ]
        return error_response(422, {"message": str(Msg.HTTP_WRONG_SHAPE()), "problems": problems})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("uventet fejl", exc_info=exc)
        # --- english2: Starlette answers an unexpected error outside every middleware, the
        # guard's language with it: the request's Accept-Language is read here again (issue 24)
        with language.use(language.from_accept_language(request.headers.get("accept-language"))):
            return error_response(500, str(Msg.HTTP_UNEXPECTED()))

    def user_out(user: User) -> dict[str, str]:
        return {
            "id": user.id,
            "username": user.username,
            "role": user.role,
            "display_name": user.display_name or "",
        }

    @app.get(HEALTHZ_PATH, response_model=Health)
    def healthz() -> dict[str, Any]:
        return {"status": "ok", "protocol_version": PROTOCOL_VERSION}

    async def refused(status: int, reason: object, retry_after: str | None = None) -> JSONResponse:
        """A refused login is answered after a pause that costs the server nothing (no thread, no
        CPU) and a guesser its pace: sixteen threads of made-up names make sixteen attempts a
        second, not thousands, and leave the cores to the brokers."""
        if refusal_delay > 0:
            await asyncio.sleep(refusal_delay)
        return error_response(status, str(reason), {"Retry-After": retry_after} if retry_after else None)

    @app.post(f"{API_PREFIX}/auth/login", response_model=LoginResponse, responses=LOGIN_RESPONSES)
    async def login(body: LoginRequest, request: Request) -> Any:
        # The database steps run in the request threads, the password check in its own bounded
        # pool (accounts.HashPool): a flood of logins never takes the threads a broker's pull needs.
        address = client_address(request, trusted)
        if blocks.blocked(address):
            return await refused(429, Msg.AUTH_TOO_MANY_FROM_ADDRESS(), "900")
        if hashing.full():
            return await refused(503, Msg.AUTH_SERVER_BUSY(), "5")
        try:
            await run_in_threadpool(purger.maybe, db)
            attempt = await run_in_threadpool(accounts.begin_login, db, body.username, address, limits)
            ok = await hashing.verify(body.password, attempt.stored_hash)
            result = await run_in_threadpool(accounts.finish_login, db, attempt, body.password, ok)
        except AddressThrottledError as exc:
            blocks.block(address)
            return await refused(429, exc, "900")
        except TooManyAttemptsError as exc:
            return await refused(429, exc, "900")
        except ServerBusyError as exc:
            return await refused(503, exc, "5")
        except BadCredentialsError as exc:
            return await refused(401, exc)
        return {
            "token": result.token,
            "expires_at": result.expires_at.isoformat(),
            "user": user_out(result.user),
        }

    @app.post(f"{API_PREFIX}/auth/logout", responses=ERROR_RESPONSES)
    def logout(token: TokenDep, _user: UserDep) -> dict[str, str]:
        accounts.logout(db, token)
        app.state.tokens.forget(token)
        return {"status": "ok"}

    @app.get(f"{API_PREFIX}/me", response_model=MeResponse, responses=ERROR_RESPONSES)
    def me(user: UserDep) -> dict[str, Any]:
        # --- retention: the server's retention settings, optional (protocol version 2)
        return {"user": user_out(user), RETENTION_KEY: read_retention_settings(db).as_json()}

    @app.get(f"{API_PREFIX}/users", response_model=UsersResponse, responses=ERROR_RESPONSES)
    def users(_user: CaseworkerDep) -> dict[str, Any]:
        """Every account by name (caseworkers): the app shows each broker's records by display name."""
        with db.session() as s:
            found = s.scalars(select(User).order_by(User.username)).all()
            return {"users": [user_out(u) for u in found]}

    @app.get(
        f"{API_PREFIX}/history/{{entity}}/{{record_id}}",
        response_model=HistoryResponse,
        responses=ERROR_RESPONSES,
    )
    def history(
        entity: Annotated[str, Path(max_length=40)],
        record_id: Annotated[str, Path(max_length=64)],
        _user: CaseworkerDep,
        children: Annotated[bool, Query(description="for et netværk: også dets poster")] = False,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    ) -> dict[str, Any]:
        """Who changed which fields of a record, and when, newest first (caseworkers; issue 22)."""
        with db.session() as s:
            if entity not in ENTITIES or not record_exists(s, entity, record_id):
                raise HTTPException(404, str(Msg.HTTP_NOT_FOUND()))
            entries = record_history(s, entity, record_id, children=children, limit=limit)
        return {"entity": entity, "id": record_id, "changes": [e.as_json() for e in entries]}

    @app.post(f"{API_PREFIX}/sync/push", response_model=PushResponse, responses=ERROR_RESPONSES)
    @fast_path(push_args)
    def push(body: PushRequest, user: UserDep) -> Any:
        if body.protocol_version != PROTOCOL_VERSION:
            return error_response(426, _protocol_text(str(body.protocol_version)))
        for attempt in range(PUSH_ATTEMPTS):
            try:
                # the broker's lock is taken with the push's first reads, in their round trip
                with db.write(user.id, lock_with_reads=True) as session:
                    results = apply_push(session, user, body.client_id, body.changes)
                # Built by apply_push in the shape of PushResponse; sent as is.
                answer: dict[str, Any] = {"results": shorten(results) if body.short_answers else results}
                if body.pull is not None:  # --- field: the first pull page along (server/along.py)
                    answer["pull"] = pull_along(db, user, body, results)
                return json_response(answer)
            except IntegrityError:
                # Another broker created the same record id or used the same change id at the same
                # moment; on the next attempt this push sees theirs and answers "rejected".
                if attempt == PUSH_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    @app.get(f"{API_PREFIX}/sync/pull", response_model=PullResponse, responses=ERROR_RESPONSES)
    @fast_path(pull_args)
    def pull_changes(
        user: UserDep,
        since: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = PULL_LIMIT,
        skip: Annotated[
            str, Query(max_length=MAX_SKIP_LENGTH, pattern=SKIP_PATTERN, description=SKIP_HELP)
        ] = "",
        # --- field (v2, optional): "me,forms": the page also carries /me's answer and the forms' ETag
        with_: Annotated[str, Query(alias="with", max_length=100)] = "",
    ) -> Response:
        ranges = parse_skip(skip, MAX_INT)
        if ranges is None:
            return error_response(422, SKIP_TEXT)
        # Built by pull() in the shape of PullResponse; sent without validating it once more.
        page = pull(db, user, since, limit, ranges)
        if with_:
            page.update(pull_extras(db, user, parse_with(with_)))
        return json_response(page)

    @app.put(
        f"{API_PREFIX}/blobs/{{sha256}}",
        response_model=BlobInfo,
        responses=ERROR_RESPONSES,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            }
        },
    )
    async def put_blob(sha256: SHA256, request: Request, user: UserDep) -> Any:
        try:
            content = await _read_body(request)
        except ClientDisconnect:
            return Response(status_code=400)  # cut off: nobody is there to read an answer
        if hashlib.sha256(content).hexdigest() != sha256:
            return error_response(400, str(Msg.SERVER_BLOB_HASH_MISMATCH()))
        await run_in_threadpool(_store_blob, sha256, content, user)
        return {"sha256": sha256, "size": len(content)}

    async def _read_body(request: Request) -> bytes:
        chunks = []
        async for chunk in request.stream():
            chunks.append(chunk)
        return b"".join(chunks)

    def _store_blob(sha256: str, content: bytes, user: User) -> None:
        with db.write() as s:
            blob_uploads.store_blob(s, sha256, content, user.id)

    # --- receipts: chunked, resumable uploads (server/uploads.py; docs/protocol.md)
    def upload_answer(state: blob_uploads.UploadState, status: int = 200) -> Response:
        return Response(
            fastjson.dumps(state.as_json()),
            status_code=status,
            media_type="application/json",
            headers={blob_uploads.OFFSET_HEADER: str(state.offset)},
        )

    def offset_mismatch(offset: int) -> JSONResponse:
        answer = error_response(409, str(Msg.SERVER_UPLOAD_OFFSET_MISMATCH(offset=offset)))
        answer.headers[blob_uploads.OFFSET_HEADER] = str(offset)
        return answer

    upload_path = f"{API_PREFIX}/blobs/{{sha256}}/uploads"

    @app.post(upload_path, response_model=UploadStateOut, status_code=201, responses=ERROR_RESPONSES)
    def start_upload(sha256: SHA256, body: UploadRequest, user: UserDep) -> Any:
        """Open a chunked upload (201), or this user's open one for the blob with its offset (200);
        ``complete`` when the user has the blob on the server already."""
        if body.size > MAX_BLOB_BYTES:
            return error_response(413, _too_large_text(MAX_BLOB_BYTES))
        state = blob_uploads.start(db, user, sha256, body.size)
        return upload_answer(state, 201 if state.created else 200)

    @app.get(f"{upload_path}/{{upload_id}}", response_model=UploadStateOut, responses=ERROR_RESPONSES)
    def upload_status(sha256: SHA256, upload_id: UPLOAD_ID, user: UserDep) -> Any:
        """Where the upload is: ``offset``, the bytes acknowledged (also in ``Upload-Offset``)."""
        try:
            return upload_answer(blob_uploads.status(db, user, sha256, upload_id))
        except blob_uploads.UploadNotFoundError:
            return error_response(404, str(Msg.SERVER_UPLOAD_NOT_FOUND()))

    @app.patch(
        f"{upload_path}/{{upload_id}}",
        response_model=UploadStateOut,
        responses=ERROR_RESPONSES,
        openapi_extra={
            "parameters": [
                {"name": "Upload-Offset", "in": "header", "required": True, "schema": {"type": "integer"}}
            ],
            "requestBody": {
                "required": True,
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            },
        },
    )
    async def upload_chunk(sha256: SHA256, upload_id: UPLOAD_ID, request: Request, user: UserDep) -> Any:
        """One chunk at ``Upload-Offset``; a wrong offset is 409 with the server's offset."""
        offset = request.headers.get(blob_uploads.OFFSET_HEADER, "").strip()
        if not (offset.isascii() and offset.isdigit()) or len(offset) > 15:
            return error_response(400, str(Msg.SERVER_UPLOAD_OFFSET_MISSING()))
        try:
            content = await _read_body(request)
        except ClientDisconnect:
            return Response(status_code=400)  # cut off mid-chunk: nothing of it is kept
        if len(content) > blob_uploads.MAX_CHUNK_BYTES:
            return error_response(413, _too_large_text(blob_uploads.MAX_CHUNK_BYTES))
        try:
            state = await run_in_threadpool(
                blob_uploads.append, db, user, sha256, upload_id, int(offset), content
            )
        except blob_uploads.UploadNotFoundError:
            return error_response(404, str(Msg.SERVER_UPLOAD_NOT_FOUND()))
        except blob_uploads.OffsetMismatchError as exc:
            return offset_mismatch(exc.offset)
        except blob_uploads.ChunkTooLargeError as exc:
            return error_response(413, str(Msg.SERVER_UPLOAD_PAST_END(left=int(exc.args[0]))))
        if state.mismatch:
            return error_response(400, str(Msg.SERVER_BLOB_HASH_MISMATCH()))
        return upload_answer(state)

    @app.delete(f"{upload_path}/{{upload_id}}", status_code=204, responses=ERROR_RESPONSES)
    def cancel_upload(sha256: SHA256, upload_id: UPLOAD_ID, user: UserDep) -> Response:
        try:
            blob_uploads.cancel(db, user, sha256, upload_id)
        except blob_uploads.UploadNotFoundError:
            return error_response(404, str(Msg.SERVER_UPLOAD_NOT_FOUND()))
        return Response(status_code=204)

    # --- end receipts

    @app.get(
        f"{API_PREFIX}/blobs/{{sha256}}",
        responses={
            **ERROR_RESPONSES,
            200: {
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
            },
        },
        response_class=Response,
    )
    def get_blob(sha256: SHA256, user: UserDep) -> Response:
        with db.session() as s:
            if user.role != Role.CASEWORKER and s.get(BlobOwner, (sha256, user.id)) is None:
                raise HTTPException(404, str(Msg.SERVER_BLOB_NOT_FOUND()))
            blob = s.get(BlobContent, sha256)
            if blob is None:
                raise HTTPException(404, str(Msg.SERVER_BLOB_NOT_FOUND()))
            return Response(blob.content, media_type="application/octet-stream")

    @app.get(f"{API_PREFIX}/forms", response_model=FormsResponse, responses=ERROR_RESPONSES)
    def list_forms(
        request: Request,
        _user: UserDep,
        all_versions: Annotated[
            bool,
            Query(alias="all", description="every published version, not only the newest (v2, optional)"),
        ] = False,
    ) -> Any:
        # (v2, optional) an ETag; a client sending it back in If-None-Match gets 304 until a new version
        tag = forms.listing_tag(db, all_versions=all_versions)
        if request.headers.get("If-None-Match") == tag:
            return Response(status_code=304, headers={"ETag": tag})
        listed = forms.all_forms(db) if all_versions else forms.current_forms(db)
        return Response(
            fastjson.dumps({"forms": listed}), media_type="application/json", headers={"ETag": tag}
        )

    @app.post(f"{API_PREFIX}/forms", response_model=FormOut, status_code=201, responses=ERROR_RESPONSES)
    def publish_form(body: Annotated[dict[str, Any], Body()], _user: CaseworkerDep) -> Any:
        try:
            clean_json(body)
            form_id, version = forms.publish(db, body)
        except ValueError as exc:
            return error_response(422, str(exc))
        except forms.FormError as exc:
            return error_response(exc.status, str(exc))
        return {"id": form_id, "version": version, "body": body}

    @app.post(
        f"{API_PREFIX}/applications/{{application_id}}/decision",
        response_model=DecisionResponse,
        responses=ERROR_RESPONSES,
    )
    def decision(
        application_id: Annotated[str, Path(min_length=1, max_length=64)],
        body: DecisionRequest,
        user: UserDep,
    ) -> Any:
        if user.role != Role.CASEWORKER:
            # Before looking anything up: a broker learns nothing about which applications exist.
            return error_response(403, str(Msg.DECISION_CASEWORKERS_ONLY()))
        try:
            clean_json(application_id)
            rec = decide(db, user, application_id, body.decision, body.comment)
        except ValueError:
            return error_response(404, str(Msg.APPLICATION_NOT_FOUND()))
        except DecisionError as exc:
            return error_response(exc.status, str(exc))
        return {"entity": rec.entity, "id": rec.id, "version": rec.version, "seq": rec.seq, "data": rec.data}

    # --- erasure
    @app.post(
        f"{API_PREFIX}/contacts/{{contact_id}}/erase",
        response_model=ErasureResponse,
        responses=ERROR_RESPONSES,
    )
    def erase(contact_id: Annotated[str, Path(min_length=1, max_length=64)], user: UserDep) -> Any:
        """Erase a contact person everywhere the server keeps them (caseworkers; GDPR art. 17)."""
        if user.role != Role.CASEWORKER:
            return error_response(403, str(Msg.ERASURE_CASEWORKERS_ONLY()))
        try:
            clean_json(contact_id)
            done = erase_contact(db, contact_id, user.id)
        except (ValueError, ErasureNotFoundError):
            return error_response(404, str(Msg.ERASURE_CONTACT_NOT_FOUND(id=contact_id)))
        return {"entity": "contact", "id": done.contact_id, "version": done.version, "seq": done.seq,
                "data": done.data, "answers": done.answers}  # fmt: skip

    # --- end erasure

    @app.get(f"{API_PREFIX}/stats", responses=ERROR_RESPONSES)
    def get_stats(
        _user: CaseworkerDep,
        moves: Annotated[bool, Query()] = False,
        effects: Annotated[bool, Query()] = False,  # --- effects (issue 19)
    ) -> dict[str, Any]:
        return stats(db, with_moves=moves, with_effects=effects)

    return app
