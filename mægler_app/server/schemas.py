"""Request and response shapes of DESIGN.md §5 (they also make the OpenAPI document)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..domain.sync_contract import MAX_SKIP_LENGTH, PROTOCOL_VERSION
from ..domain.vocab import Decision, PushStatus
from .jsonclean import clean_data, clean_text

CleanStr = Annotated[str, AfterValidator(clean_text)]
Ident = Annotated[str, Field(min_length=1, max_length=64), AfterValidator(clean_text)]
MAX_INT = 2**62
SKIP_RANGES = r"^([0-9]{1,19}-[0-9]{1,19}(,[0-9]{1,19}-[0-9]{1,19})*)?$"  # --- field (as pull's skip)


class ErrorBody(BaseModel):
    error: str
    detail: Any


class LoginRequest(BaseModel):
    username: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(clean_text)]
    password: Annotated[str, Field(max_length=1000), AfterValidator(clean_text)]


class UserOut(BaseModel):
    id: str
    username: str
    role: str
    # The person's full name, "" when none was given (docs/protocol.md: protocol 1, optional).
    display_name: str = ""


class LoginResponse(BaseModel):
    token: str
    expires_at: str
    user: UserOut


class MeResponse(BaseModel):
    user: UserOut
    # --- retention: optional (protocol version 2): the periods a document's keep-until date follows
    retention: dict[str, Any] | None = None


class UsersResponse(BaseModel):
    users: list[UserOut]


class HistoryUser(BaseModel):
    id: str
    username: str
    display_name: str
    role: str


class HistoryChange(BaseModel):
    entity: str
    id: str
    version: int
    at: str
    kind: str
    fields: list[str]
    shown: dict[str, Any]
    user: HistoryUser


class HistoryResponse(BaseModel):
    entity: str
    id: str
    changes: list[HistoryChange]


class Health(BaseModel):
    status: str
    protocol_version: int


class Change(BaseModel):
    change_id: Annotated[str, Field(min_length=1, max_length=100), AfterValidator(clean_text)]
    entity: Annotated[str, Field(min_length=1, max_length=40), AfterValidator(clean_text)]
    id: Ident
    base_version: Annotated[int, Field(ge=0, le=MAX_INT)] = 0
    deleted: bool = False
    data: Annotated[dict[str, Any], AfterValidator(clean_data)] = Field(default_factory=dict)


class PullAlong(BaseModel):
    """--- field (v2, optional): the first pull page to answer with, after the push (server/along.py)."""

    model_config = ConfigDict(populate_by_name=True)

    since: Annotated[int, Field(ge=0, le=MAX_INT)] = 0
    limit: Annotated[int, Field(ge=1, le=1000)] = 500
    skip: Annotated[str, Field(max_length=MAX_SKIP_LENGTH, pattern=SKIP_RANGES)] = ""
    with_: Annotated[list[Annotated[str, Field(max_length=20)]], Field(alias="with", max_length=10)] = []
    # change ids of this push whose base_version is not the laptop's version of the record
    not_held: Annotated[list[Annotated[str, Field(max_length=100)]], Field(max_length=5000)] = []


class PushRequest(BaseModel):
    client_id: Annotated[str, Field(min_length=1, max_length=100), AfterValidator(clean_text)]
    # The header says the version of every request (the guard checks it first); a body that
    # leaves it out is taken to be of that version.
    protocol_version: Annotated[int, Field(ge=0, le=MAX_INT)] = PROTOCOL_VERSION
    changes: Annotated[list[Change], Field(max_length=5000)]
    pull: PullAlong | None = None  # --- field (v2, optional)
    # --- field (v2, optional): results without the change ids (one per change, in order) and
    # without their empty fields
    short_answers: bool = False


class ServerCopy(BaseModel):
    version: int
    deleted: bool
    data: dict[str, Any]


class ChangeResult(BaseModel):
    change_id: str
    status: PushStatus
    version: int | None = None
    error: str | None = None
    server: ServerCopy | None = None
    # The record's sequence number after an applied change (pull's ``skip`` may name it).
    seq: int | None = None
    # The fields of an applied change that the server does not know and did not store
    # (docs/protocol.md, v2 optional); left out when there are none.
    ignored_fields: list[str] | None = None


class PushResponse(BaseModel):
    results: list[ChangeResult]
    pull: PullResponse | None = None  # --- field (v2, optional): when the push asked for it


class PulledChange(BaseModel):
    seq: int
    entity: str
    id: str
    version: int
    deleted: bool
    owner_id: str
    updated_at: str
    data: dict[str, Any]


class PullResponse(BaseModel):
    changes: list[PulledChange]
    next_since: int
    has_more: bool
    # --- field (v2, optional): asked for by ``with=me,forms`` (or a push's ``pull.with``)
    me: dict[str, Any] | None = None
    forms_etag: str | None = None


class BlobInfo(BaseModel):
    sha256: str
    size: int


class FormOut(BaseModel):
    id: str
    version: int
    body: dict[str, Any]
    published_at: str = ""  # (v2, optional) when it was published, UTC ISO-8601


class FormsResponse(BaseModel):
    forms: list[FormOut]


class FormPublish(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: Annotated[str, Field(min_length=1, max_length=80), AfterValidator(clean_text)]
    version: Annotated[int, Field(ge=1, le=2**31 - 1)]
    title: Annotated[str, AfterValidator(clean_text)]
    sections: list[Any]


class DecisionRequest(BaseModel):
    decision: Decision
    comment: Annotated[str, Field(max_length=10_000), AfterValidator(clean_text)] = ""


class DecisionResponse(BaseModel):
    entity: str
    id: str
    version: int
    seq: int
    data: dict[str, Any]


# --- erasure
class ErasureResponse(BaseModel):
    """``POST /contacts/{id}/erase``: the erased record as the laptops will pull it."""

    entity: str
    id: str
    version: int
    seq: int
    data: dict[str, Any]
    answers: int  # stored push answers that lost the person


# --- end erasure


# --- receipts
class UploadRequest(BaseModel):
    """``POST /blobs/{sha256}/uploads``: the whole blob's size in bytes."""

    size: int = Field(ge=1, le=MAX_INT)


class UploadStateOut(BaseModel):
    """Where a chunked upload is (docs/protocol.md "Chunked blob upload")."""

    upload_id: str | None
    sha256: str
    size: int
    offset: int
    complete: bool
    expires_at: str | None
    chunk_size: int


# --- end receipts
