"""Server tables. Synced records are stored generically, one row per (entity, id).

``data`` holds the record's current fields as the client sends them (plus the server-owned ones);
``field_versions`` remembers, per field, the record version that last changed it and which client
did, which is what the field-level merge of a stale change needs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..domain.timeutil import ensure_utc, utcnow


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC in and out; SQLite gives naive values back, so they are marked UTC again."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused; use utcnow()")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else ensure_utc(value)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # a Role
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The person's full name for people to read ("" when none was given); since s0004.
    display_name: Mapped[str] = mapped_column(String(200), default="", server_default="")


class Token(Base):
    __tablename__ = "token"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    last_used_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class LoginFailure(Base):
    """A login attempt not (yet) known to have succeeded: written before the password is checked,
    so parallel attempts count each other; removed when the attempt succeeds (s0006: address)."""

    __tablename__ = "login_failure"
    __table_args__ = (
        Index("ix_login_failure_user_address_at", "username", "address", "at"),
        Index("ix_login_failure_address_at", "address", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(200), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    # The client's address as the server saw it (through a trusted proxy: the forwarded one).
    address: Mapped[str] = mapped_column(String(64), default="", server_default="")


class SeqCounter(Base):
    """One row: the last server sequence number handed out."""

    __tablename__ = "seq_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Record(Base):
    __tablename__ = "record"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # Copied out of data so that budgets, compositions and stats can find a network's records.
    network_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    field_versions: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # An expense's amount copied out of data, so that a network's budget sums a column.
    amount_ore: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # --- followup
    # Who besides the owner pulls the record: a follow-up's network's broker (since s0006_followup).
    reader_id: Mapped[str | None] = mapped_column(String(36), nullable=True)

    __table_args__ = (
        Index("ix_record_owner_seq", "owner_id", "seq"),
        Index("ix_record_entity_network", "entity", "network_id"),
        # --- followup: only the records with a reader are in it
        Index(
            "ix_record_reader_seq",
            "reader_id",
            "seq",
            sqlite_where=text("reader_id IS NOT NULL"),
            postgresql_where=text("reader_id IS NOT NULL"),
        ),
    )


class AppliedChange(Base):
    """Idempotency: every applied change_id with the hash of its payload and the answer given."""

    __tablename__ = "applied_change"

    change_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36))
    payload_hash: Mapped[str] = mapped_column(String(64))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    applied_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # --- erasure: the record the answer is about, for an entity with personal data (s0008_erasure),
    # and for a document that is purged when its keep-until date has passed (--- retention)
    record_id: Mapped[str | None] = mapped_column(String(64), nullable=True)

    __table_args__ = (
        Index(
            "ix_applied_change_record",
            "record_id",
            sqlite_where=text("record_id IS NOT NULL"),
            postgresql_where=text("record_id IS NOT NULL"),
        ),
    )


class BlobContent(Base):
    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class BlobOwner(Base):
    """Who has uploaded a blob: a broker may read back only what it has uploaded itself."""

    __tablename__ = "blob_owner"

    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)


# --- receipts
class BlobUpload(Base):
    """A blob being uploaded in chunks (issue 25; server/uploads.py): its parts are in
    ``blob_upload_part`` until the last one arrives and the whole matches its SHA-256."""

    __tablename__ = "blob_upload"
    __table_args__ = (
        Index("ix_blob_upload_sha_user", "sha256", "user_id"),
        Index("ix_blob_upload_updated", "updated_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[str] = mapped_column(String(36))
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)  # the acknowledged offset
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class BlobUploadPart(Base):
    __tablename__ = "blob_upload_part"

    upload_id: Mapped[str] = mapped_column(ForeignKey("blob_upload.id", ondelete="CASCADE"), primary_key=True)
    start: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # its offset in the blob
    content: Mapped[bytes] = mapped_column(LargeBinary)


# --- end receipts


class FormDefinition(Base):
    __tablename__ = "form_definition"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    published_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")


class StageMove(Base):
    """A network's stage as the server accepted it, one row per change (server/history.py).

    Written in the same transaction as the change: by a broker's push that changes a network's
    stage (a new network included) and by a caseworker's decision. ``at`` is the server's time
    of accepting it, not a time a client claims. The programme's figures (``/stats``) read a
    network's history from here, never from the ``stage_history`` a client pushes.
    """

    __tablename__ = "stage_move"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    network_id: Mapped[str] = mapped_column(String(64), index=True)
    owner_id: Mapped[str] = mapped_column(String(36))
    stage: Mapped[str] = mapped_column(String(20))  # a Stage
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # The pushing client's id; "server" for a decision, "s0005" for a move read from stored data.
    by_client: Mapped[str] = mapped_column(String(100))


class RecordChange(Base):
    """Who changed which fields of which record, and when (issue 22, server/changelog.py).

    One row per accepted change: a broker's pushed change (``kind`` created, changed or deleted) and
    a caseworker's decision (``decided``), written in the change's own transaction. ``fields`` names
    what changed; ``shown`` keeps the new values of the few fields that carry no personal data and
    explain a record's course (stage, status, verdict, amount …, ``changelog.SHOWN_FIELDS``), so
    erasing a person never has to reach into the history.
    """

    __tablename__ = "record_change"
    __table_args__ = (
        Index("ix_record_change_record", "entity", "record_id", "version"),
        Index("ix_record_change_network", "network_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(64))
    network_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    version: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(20))  # a ChangeKind
    fields: Mapped[list[str]] = mapped_column(JSON)
    shown: Mapped[dict[str, Any]] = mapped_column(JSON)


# --- retention
class ServerSetting(Base):
    """A setting of the programme kept by the server (s0008_retention): ``retention`` holds the
    bookkeeping and documentation periods and the programme's end (domain/retention.py)."""

    __tablename__ = "server_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


# --- end retention
