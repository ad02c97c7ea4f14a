"""Compressed HTTP bodies, the same on the laptop and the server (docs/protocol.md, "Compressed
bodies"): gzip everywhere, zstd where the ``zstandard`` package is installed (an optional import on
both sides). Negotiated by headers: ``Accept-Encoding`` on a request names what the client reads;
``Accept-Encoding`` on an answer (RFC 7694) names what the server takes in requests, and only
then does a client send ``Content-Encoding``. Inflating stops at a limit (a decompression bomb
is refused, never unpacked).
"""

from __future__ import annotations

import zlib
from typing import Any

zstandard: Any
try:
    import zstandard
except ImportError:  # pragma: no cover - the package is a dependency, but optional here
    zstandard = None

GZIP = "gzip"
ZSTD = "zstd"
IDENTITY = "identity"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
ZSTD_LEVEL = 3
GZIP_LEVEL = 6
# Bodies below this are sent as they are: compressing them saves less than the header costs.
MIN_SIZE = 512


def available() -> tuple[str, ...]:
    """The encodings this side reads and writes, best first."""
    return (ZSTD, GZIP) if zstandard is not None else (GZIP,)


def accept_header() -> str:
    return ", ".join(available())


class InflatedTooLargeError(ValueError):
    """The body unpacks to more than the limit (a decompression bomb, or simply too much)."""


class BadEncodingError(ValueError):
    """The body is not what its Content-Encoding says (broken or cut off)."""


def choose(accept: str | None) -> str | None:
    """The best encoding of ours that an ``Accept-Encoding`` value allows (``q=0`` refuses one)."""
    if not accept:
        return None
    allowed: dict[str, float] = {}
    for part in accept.split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        params = params.strip().replace(" ", "")
        if params.startswith("q="):
            try:
                q = float(params[2:])
            except ValueError:
                q = 0.0
        allowed[name.strip().lower()] = q
    for enc in available():
        if allowed.get(enc, allowed.get("*", 0.0)) > 0:
            return enc
    return None


def compress(data: bytes, encoding: str) -> bytes:
    if encoding == ZSTD and zstandard is not None:
        return bytes(zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(data))
    if encoding == GZIP:
        c = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        return c.compress(data) + c.flush()
    raise BadEncodingError(encoding)


def decompress(data: bytes, encoding: str, limit: int) -> bytes:
    """``data`` unpacked; ``InflatedTooLargeError`` as soon as it passes ``limit`` bytes."""
    encoding = encoding.strip().lower()
    if encoding in ("", IDENTITY):
        if len(data) > limit:
            raise InflatedTooLargeError(limit)
        return data
    if encoding == GZIP:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out = d.decompress(data, limit + 1)
        except zlib.error as exc:
            raise BadEncodingError(str(exc)) from exc
        if len(out) > limit:
            raise InflatedTooLargeError(limit)
        if not d.eof:
            raise BadEncodingError("gzip cut off")
        return out
    if encoding == ZSTD and zstandard is not None:
        parts: list[bytes] = []
        size = 0
        try:
            with zstandard.ZstdDecompressor().stream_reader(data, read_across_frames=True) as reader:
                while chunk := reader.read(min(1 << 20, limit + 1 - size)):
                    parts.append(chunk)
                    size += len(chunk)
                    if size > limit:
                        raise InflatedTooLargeError(limit)
        except zstandard.ZstdError as exc:
            raise BadEncodingError(str(exc)) from exc
        return b"".join(parts)
    raise BadEncodingError(f"unknown encoding {encoding!r}")
