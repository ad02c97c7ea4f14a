"""A TCP proxy on 127.0.0.1 for tests and benchmarks: counts bytes, can cut connections and go slow.

``cut_probability``: for each connection, with this probability the proxy closes both sides after
a random number of bytes (in either direction), so a request or an answer breaks off mid-stream.
``delay`` sleeps per forwarded chunk (to make a pull slow enough to kill it midway).
"""

from __future__ import annotations

import random
import socket
import threading
from dataclasses import dataclass, field


@dataclass
class ProxyStats:
    connections: int = 0
    cuts: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class ChaosProxy:
    def __init__(self, target_port: int, *, cut_probability: float = 0.0, max_cut_offset: int = 200_000,
                 delay: float = 0.0, seed: int = 1, cut_up_after: int | None = None) -> None:  # fmt: skip
        self.target_port = target_port
        # once: the connection carrying the byte after this many bytes sent up (over all connections)
        # is cut there (issue 25: a receipt cut off at 60 %)
        self.cut_up_after = cut_up_after
        self.cut_probability = cut_probability
        self.max_cut_offset = max_cut_offset
        self.delay = delay
        self.rng = random.Random(seed)
        self.stats = ProxyStats()
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = int(self._listener.getsockname()[1])
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._stop.set()
        try:
            self._listener.close()
        except OSError:
            pass

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            with self.stats.lock:
                self.stats.connections += 1
                cut = self.rng.random() < self.cut_probability
                budget = self.rng.randint(0, self.max_cut_offset) if cut else -1
            state = {"budget": budget, "closed": False}
            lock = threading.Lock()
            for src, dst, up in ((client, upstream, True), (upstream, client, False)):
                threading.Thread(target=self._pipe, args=(src, dst, up, state, lock, client, upstream),
                                 daemon=True).start()  # fmt: skip

    def _pipe(self, src: socket.socket, dst: socket.socket, up: bool, state: dict[str, int | bool],
              lock: threading.Lock, a: socket.socket, b: socket.socket) -> None:  # fmt: skip
        import time

        try:
            while True:
                data = src.recv(16384)
                if not data:
                    break
                if up and self.cut_up_after is not None:
                    with self.stats.lock:
                        left = self.cut_up_after - self.stats.bytes_up
                        if len(data) > left:
                            self.cut_up_after = None
                            state["budget"] = max(0, left)
                with lock:
                    budget = int(state["budget"])
                    if budget >= 0:
                        if len(data) > budget:
                            data = data[:budget]
                            state["budget"] = 0
                            cut_now = True
                        else:
                            state["budget"] = budget - len(data)
                            cut_now = False
                    else:
                        cut_now = False
                if data:
                    if self.delay:
                        time.sleep(self.delay)
                    dst.sendall(data)
                    with self.stats.lock:
                        if up:
                            self.stats.bytes_up += len(data)
                        else:
                            self.stats.bytes_down += len(data)
                if cut_now:
                    with self.stats.lock:
                        self.stats.cuts += 1
                    break
        except OSError:
            pass
        finally:
            with lock:
                if not state["closed"]:
                    state["closed"] = True
                    for s in (a, b):
                        try:
                            s.shutdown(socket.SHUT_RDWR)
                        except OSError:
                            pass
                        s.close()
