"""The field-sync benchmark's shaped link (benchmarks/field_link.py): it really shapes. Lower
bounds only (a busy machine may be slower, never faster than the link)."""

from __future__ import annotations

import socket
import threading
import time

from benchmarks.field_link import Link, ShapingProxy


def _server(n_in: int, n_out: int) -> tuple[socket.socket, threading.Thread]:
    """Takes ``n_in`` bytes, then answers ``n_out`` bytes, once per connection, twice."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            for _ in range(2):
                got = 0
                while got < n_in:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    got += len(chunk)
                conn.sendall(b"y" * n_out)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return listener, thread


def _exchange(sock: socket.socket, n_in: int, n_out: int) -> None:
    sock.sendall(b"GET /x HTTP/1.1\r\n" + b"x" * (n_in - 17))
    got = 0
    while got < n_out:
        chunk = sock.recv(65536)
        assert chunk
        got += len(chunk)


def test_shaping_proxy_holds_to_bandwidth_and_round_trip() -> None:
    n_up, n_down = 60_000, 150_000
    link = Link(rtt=0.1, up_bps=800_000, down_bps=2_000_000)
    listener, thread = _server(n_up, n_down)
    proxy = ShapingProxy(listener.getsockname()[1], link)
    try:
        t0 = time.monotonic()
        sock = socket.create_connection(("127.0.0.1", proxy.port))
        _exchange(sock, n_up, n_down)
        first = time.monotonic() - t0
        t1 = time.monotonic()
        _exchange(sock, n_up, n_down)  # the connection is open now: no handshake
        second = time.monotonic() - t1
        sock.close()
        thread.join(timeout=10)
    finally:
        proxy.close()
        listener.close()
    up_time, down_time = n_up * 8 / link.up_bps, n_down * 8 / link.down_bps  # 0.6 s and 0.6 s
    # each way at most its bandwidth, half a round trip across, a new connection one round trip more
    assert first >= link.rtt + up_time + down_time + link.rtt - 0.02, first
    assert second >= up_time + down_time + link.rtt - 0.02, second
    assert second < first
    assert (proxy.stats.bytes_up, proxy.stats.bytes_down) == (2 * n_up, 2 * n_down)
    assert proxy.stats.connections == 1
    assert [t.line for t in proxy.stats.turns] == ["GET /x HTTP/1.1"] * 2
    assert [(t.up, t.down) for t in proxy.stats.turns] == [(n_up, n_down)] * 2


def test_link_label() -> None:
    assert Link(0.15, 1e6, 4e6).label == "150 ms, 1 Mbit/s op, 4 Mbit/s ned"
    assert Link(0.4, 256e3, 1e6).label == "400 ms, 256 kbit/s op, 1 Mbit/s ned"
