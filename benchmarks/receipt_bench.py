"""Bytes on the wire for one receipt photo as a phone takes it (issue 25 item 3), before and after.

Runs a real ``maegler-server`` on 127.0.0.1 (SQLite in a temp folder) behind a byte-counting TCP
proxy. The photo is a 12-megapixel phone picture of a receipt (light falling off, paper with lines
of print, sensor noise; saved at JPEG quality 92, 3–4 MB). Measured in the same run:

- before: the photo sent as it was attached, whole, with ``PUT /blobs/{sha256}`` (the old client);
- after: the photo as the app stores it now (reduced: at most 2000 px, JPEG quality 85, no
  metadata) sent by the sync engine (chunked once larger than a chunk);
- both again with the connection cut at 60 % of the receipt, then sent to the end: the old client
  starts again from byte 0, the new one goes on from the last acknowledged chunk.

Prints bytes up per case and the ratios after / before. ``python benchmarks/receipt_bench.py``
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import random
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.field_sync_bench import phone_photo  # noqa: E402 - the one test photo
from benchmarks.sync_bench import PASSWORD, run, start_server  # noqa: E402
from mægler_app.domain.cvr import make_valid_cvr  # noqa: E402
from mægler_app.store.db import open_store  # noqa: E402
from mægler_app.store.models import Company, Expense, Membership, Network  # noqa: E402
from mægler_app.store.services import blobs  # noqa: E402
from mægler_app.sync.api import Api, SyncError  # noqa: E402
from mægler_app.sync.engine import SyncEngine  # noqa: E402
from tests.sync.proxy import ChaosProxy  # noqa: E402


def camera_file(path: Path, seed: int) -> Path:
    exif = Image.Exif()
    exif[0x0112] = 1
    exif[0x8825] = {1: "N", 2: (56.0, 9.0, 30.0), 3: "E", 4: (9.0, 32.0, 10.0)}
    out = io.BytesIO()
    phone_photo(seed).save(out, "JPEG", quality=92, exif=exif.tobytes())
    path.write_bytes(out.getvalue())
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        proc, port, _db = start_server(tmp)
        url = f"http://127.0.0.1:{port}"
        try:
            rows = measure(tmp, url, port)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    print(f"{'case':<44} {'bytes up':>12} {'requests':>9}")
    for name, up, n in rows:
        print(f"{name:<44} {up:>12,} {n:>9}")
    before, after = rows[0][1], rows[1][1]
    cut_before, cut_after = rows[2][1], rows[3][1]
    print(f"after / before, one photo: {after / before:.3f}")
    print(f"after / before, one photo cut at 60 %: {cut_after / cut_before:.3f}")
    print(f"after / before, a 3 MB PDF cut at 60 %: {rows[5][1] / rows[4][1]:.3f}")


def measure(tmp: Path, url: str, port: int) -> list[tuple[str, int, int]]:
    direct = Api(url)
    direct.login("maegler1", PASSWORD)
    token = direct.token
    store = open_store(tmp / "laptop")
    with store.session() as s:
        net = Network(name="Netværket", network_type="horizontal", stage="candidate")
        s.add(net)
        s.flush()
        network_id = net.id
        cos = [Company(cvr=make_valid_cvr(4711 + i), name=f"Virksomhed {i} ApS") for i in range(3)]
        s.add_all(cos)
        s.flush()
        s.add_all(Membership(network_id=network_id, company_id=c.id) for c in cos)
    rows: list[tuple[str, int, int]] = []

    def through(proxy: ChaosProxy) -> Api:
        return Api(proxy.url, token, retries=0)

    # a scanned PDF of 3 MB is kept as it is: only the resumed upload changes its cost
    # (two of them, with other bytes: the server would have the first already)
    for name, seed in (("IMG_3.pdf", 3), ("IMG_4.pdf", 4)):
        (tmp / name).write_bytes(b"%PDF-1.4\n" + random.Random(seed).randbytes(3 * 1024 * 1024))
    # before: the photo as the camera made it, whole
    for seed, cut in ((1, False), (2, True), (3, True)):
        photo = camera_file(tmp / f"IMG_{seed}.JPG", seed) if seed < 3 else tmp / "IMG_3.pdf"
        content = photo.read_bytes()
        sha = hashlib.sha256(content).hexdigest()
        proxy = ChaosProxy(port, cut_up_after=int(len(content) * 0.6) if cut else None)
        api = through(proxy)
        sent = 0
        while True:
            try:
                api.put_blob(sha, content)
                break
            except SyncError:
                sent += 1
        rows.append(
            (f"before: {'PDF' if seed == 3 else 'whole photo'} {len(content):,} B" + (", cut at 60 %" if cut else ""), proxy.stats.bytes_up,
             api.requests_made + sent)
        )  # fmt: skip
        api.close()
        proxy.close()

    # after: reduced, and sent by the engine (resumed after a cut)
    for seed, cut in ((1, False), (2, True), (3, True)):
        photo = tmp / (f"IMG_{seed}.JPG" if seed < 3 else "IMG_4.pdf")
        stored = blobs.store_file(store, photo)
        with store.session() as s:
            s.add(Expense(description="Frokost", network_id=network_id, spent_on=dt.date(2026, 3, 2),
                          amount_ore=845_00 + seed, receipt_sha256=stored.sha256, receipt_name=stored.name))  # fmt: skip
        run(SyncEngine(store, direct, with_forms=False).push())
        proxy = ChaosProxy(port, cut_up_after=int(stored.size * 0.6) if cut else None)
        api = through(proxy)
        tries = 0
        while True:
            tries += 1
            try:
                run(SyncEngine(store, api, with_forms=False).upload_blobs())
                break
            except SyncError:
                continue
        rows.append(
            (f"after: {'PDF' if seed == 3 else 'reduced'} {stored.size:,} B" + (", cut at 60 %" if cut else ""), proxy.stats.bytes_up,
             api.requests_made + tries - 1)
        )  # fmt: skip
        api.close()
        proxy.close()
        assert direct.get_blob(stored.sha256) == blobs.blob_path(store, stored.sha256).read_bytes()
    store.close()
    direct.close()
    rows.sort(key=lambda r: ("PDF" in r[0], "cut" in r[0], not r[0].startswith("before")))
    return rows


if __name__ == "__main__":
    main()
