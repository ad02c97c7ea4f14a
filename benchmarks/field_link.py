"""A shaped link on loopback for the field-sync benchmark (and its test): round-trip time and
bandwidth each way, no root needed (asyncio in a thread of this process).

``ShapingProxy(target_port, Link(rtt=0.15, up_bps=1e6, down_bps=4e6))`` listens on 127.0.0.1 and
forwards every connection to ``target_port``. Each direction is one shared link (all connections
queue on it, as on a phone's hotspot): a chunk leaves when the link is free and has carried it
(size × 8 / bandwidth), and arrives half a round trip later. A new connection costs a round trip
before its first byte goes (the TCP handshake). The proxy reads ahead only a little of what the
link has not yet carried, so a sender's writes are held back as TCP would hold them.

It counts bytes each way and HTTP requests ("turns": a connection's client starts sending again
after the server answered), each with its request line, so a benchmark can tell receipts' bytes
from records'.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from dataclasses import dataclass, field

CHUNK = 4096
READ_AHEAD_SECONDS = 0.05  # what the proxy takes from a sender beyond what the link has carried


@dataclass(frozen=True)
class Link:
    rtt: float  # seconds
    up_bps: float  # client → server, bits per second
    down_bps: float  # server → client

    @property
    def label(self) -> str:
        def rate(bps: float) -> str:
            return f"{bps / 1e6:g} Mbit/s" if bps >= 1e6 else f"{bps / 1e3:g} kbit/s"

        return f"{self.rtt * 1000:.0f} ms, {rate(self.up_bps)} op, {rate(self.down_bps)} ned"


@dataclass
class Turn:
    """One HTTP request and its answer as they crossed the link."""

    line: str  # the request line, e.g. "POST /api/v1/sync/push HTTP/1.1"
    up: int = 0
    down: int = 0


@dataclass
class LinkStats:
    bytes_up: int = 0
    bytes_down: int = 0
    connections: int = 0
    turns: list[Turn] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def snapshot(self) -> tuple[int, int, int]:
        with self.lock:
            return self.bytes_up, self.bytes_down, len(self.turns)


class ShapingProxy:
    def __init__(self, target_port: int, link: Link) -> None:
        self.target_port = target_port
        self.link = link
        self.stats = LinkStats()
        self._free = {True: 0.0, False: 0.0}  # when each direction's link has carried what it has
        self._loop = asyncio.new_event_loop()
        self._loop.set_exception_handler(lambda _loop, _context: None)  # connections cut at close
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True, name="shaping-proxy")
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._connection, "127.0.0.1", 0), self._loop
        ).result()
        self.port = int(self._server.sockets[0].getsockname()[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        async def stop() -> None:
            self._server.close()
            tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            # each connection's pipes close their writers as they end, and the transports close
            # at the loop's next turn: both before the loop stops (else ResourceWarnings)
            await asyncio.gather(*tasks, return_exceptions=True)
            await asyncio.sleep(0)

        try:
            asyncio.run_coroutine_threadsafe(stop(), self._loop).result(timeout=5)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)
            if not self._thread.is_alive():
                self._loop.close()  # its own sockets too (unclosed, each was a ResourceWarning)

    async def _connection(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        opened = self._loop.time()
        for w in (client_w,):
            sock = w.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 32 * 1024)
        try:
            server_r, server_w = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            client_w.close()
            return
        with self.stats.lock:
            self.stats.connections += 1
        state: dict[str, Turn | None] = {"turn": None, "last_up": None}
        await asyncio.gather(
            self._pipe(client_r, server_w, True, opened + self.link.rtt, state),
            self._pipe(server_r, client_w, False, 0.0, state),
            return_exceptions=True,
        )

    async def _pipe(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        up: bool,
        not_before: float,
        state: dict[str, Turn | None],
    ) -> None:
        loop = self._loop
        bps = self.link.up_bps if up else self.link.down_bps
        queue: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue()

        async def deliver() -> None:
            while (item := await queue.get()) is not None:
                due, data = item
                if (wait := due - loop.time()) > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()
            if writer.can_write_eof():
                writer.write_eof()

        sender = asyncio.ensure_future(deliver())
        try:
            while data := await reader.read(CHUNK):
                self._count(up, data, state)
                now = loop.time()
                start = max(now, self._free[up], not_before)
                self._free[up] = start + len(data) * 8 / bps
                queue.put_nowait((self._free[up] + self.link.rtt / 2, data))
                if (ahead := self._free[up] - loop.time() - READ_AHEAD_SECONDS) > 0:
                    await asyncio.sleep(ahead)  # hold the sender back, as a full TCP window would
        except (OSError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            queue.put_nowait(None)
            try:
                await sender
            except (OSError, asyncio.CancelledError):
                pass
            writer.close()

    def _count(self, up: bool, data: bytes, state: dict[str, Turn | None]) -> None:
        with self.stats.lock:
            turn = state["turn"]
            if up:
                self.stats.bytes_up += len(data)
                if turn is None or turn.down:  # the client speaks again after an answer: a new request
                    turn = Turn(data.split(b"\r\n", 1)[0][:200].decode("latin-1"))
                    state["turn"] = turn
                    self.stats.turns.append(turn)
                turn.up += len(data)
            else:
                self.stats.bytes_down += len(data)
                if turn is not None:
                    turn.down += len(data)
