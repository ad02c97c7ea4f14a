"""Receipt photos stored reduced (issue 25 item 3): at most 2000 px, upright, no metadata; the original
kept until the reduced one is uploaded, or for good with "Behold original"; PDFs as they are."""

from __future__ import annotations

import hashlib
import io
import random
from pathlib import Path

from PIL import Image

from mægler_app.store.models import Blob
from mægler_app.store.services import blobs
from mægler_app.store.services.photos import MAX_SIDE, reduce_photo

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def phone_photo(path: Path, *, width: int = 4032, height: int = 3024, orientation: int = 1) -> Path:
    """A camera-like JPEG: noisy (so it is megabytes, as a phone's is), a red block in its top-left
    corner as stored, an EXIF orientation, a GPS position and a camera serial number."""
    rnd = random.Random(7)
    small = Image.frombytes("RGB", (width // 8, height // 8), rnd.randbytes(width // 8 * (height // 8) * 3))
    img = small.resize((width, height), Image.Resampling.BILINEAR)
    img.paste((255, 0, 0), (0, 0, width // 4, height // 4))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0xA431] = "SERIAL-4711"  # BodySerialNumber
    exif[GPS_IFD] = {1: "N", 2: (56.0, 9.0, 30.0), 3: "E", 4: (9.0, 32.0, 10.0)}
    img.save(path, "JPEG", quality=95, exif=exif.tobytes())
    return path


def test_a_phone_photo_becomes_a_readable_jpeg_of_2000_px_without_metadata(tmp_path: Path) -> None:
    photo = phone_photo(tmp_path / "IMG_0001.JPG")
    original = photo.read_bytes()
    assert len(original) > 3_000_000
    reduced = reduce_photo(photo)
    assert reduced is not None
    with Image.open(io.BytesIO(reduced)) as img:
        assert img.format == "JPEG"
        assert max(img.size) == MAX_SIDE and img.size == (2000, 1500)
        img.load()  # readable to the end
        exif = img.getexif()
        assert GPS_IFD not in exif and ORIENTATION not in exif and len(exif) == 0
        assert "xmp" not in img.info and "exif" not in img.info
        assert img.getpixel((50, 50))[0] > 200 and img.getpixel((1950, 1450))[0] < 250
    assert b"SERIAL-4711" not in reduced
    assert len(reduced) < len(original) / 3


def test_exif_orientation_6_is_turned_upright(tmp_path: Path) -> None:
    # Stored as 4032×3024 with "rotate 90° clockwise to show": the picture is 3024 wide, 4032 high,
    # and the red block stored in the top-left corner shows in the top-right corner.
    photo = phone_photo(tmp_path / "portræt.jpg", orientation=6)
    reduced = reduce_photo(photo)
    assert reduced is not None
    with Image.open(io.BytesIO(reduced)) as img:
        assert img.size == (1500, 2000)
        assert ORIENTATION not in img.getexif()  # the pixels are upright: no viewer turns it again
        red, green, _ = img.getpixel((1500 - 60, 60))
        assert red > 200 and green < 60
        assert img.getpixel((60, 60))[0] < 250 or img.getpixel((60, 60))[1] > 60


def test_a_phones_multi_picture_jpeg_is_reduced_to_its_photo(tmp_path: Path) -> None:
    path = tmp_path / "IMG_0004.JPG"
    photo = Image.new("RGB", (3000, 2000), (0, 128, 0))
    depth = Image.new("RGB", (750, 500), (255, 255, 255))
    photo.save(path, "MPO", save_all=True, append_images=[depth])
    with Image.open(path) as img:
        assert img.format == "MPO" and img.n_frames == 2
    reduced = reduce_photo(path)
    assert reduced is not None
    with Image.open(io.BytesIO(reduced)) as out:
        assert out.format == "JPEG" and out.size == (2000, 1333)
        assert out.getpixel((1000, 600))[1] > 100


def test_a_small_png_with_transparency_stays_its_size_and_gets_white(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    img = Image.new("RGBA", (800, 600), (0, 0, 0, 0))
    img.paste((0, 0, 255, 255), (0, 0, 400, 600))
    img.save(path)
    reduced = reduce_photo(path)
    assert reduced is not None
    with Image.open(io.BytesIO(reduced)) as out:
        assert out.size == (800, 600) and out.mode == "RGB"
        assert out.getpixel((700, 300)) == (255, 255, 255)
        b = out.getpixel((100, 300))
        assert b[2] > 200 and b[0] < 40


def test_pdfs_and_unreadable_files_are_kept_as_they_are(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "faktura.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"x" * 5000)
    fake = tmp_path / "ikke et foto.jpg"
    fake.write_bytes(b"\xff\xd8\xff" + b"noget" * 100)
    assert reduce_photo(pdf) is None and reduce_photo(fake) is None
    for path in (pdf, fake):
        stored = blobs.store_file(store, path)
        assert stored.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert blobs.blob_path(store, stored.sha256).read_bytes() == path.read_bytes()
        assert stored.name == path.name and not blobs.has_original(store, stored.sha256)


def test_the_original_stays_until_the_reduced_one_is_uploaded(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    photo = phone_photo(tmp_path / "IMG_0002.jpeg", width=3000, height=2000)
    stored = blobs.store_file(store, photo)
    assert stored.mime == "image/jpeg" and stored.name == "IMG_0002.jpg"
    assert stored.original_size == photo.stat().st_size > stored.size
    kept = blobs.original_path(store, stored.sha256, ".jpeg")
    assert kept.read_bytes() == photo.read_bytes() and blobs.has_original(store, stored.sha256)
    with Image.open(blobs.blob_path(store, stored.sha256)) as img:
        assert img.size == (2000, 1333)
    blobs.mark_uploaded(store, stored.sha256)
    assert not kept.exists() and not blobs.has_original(store, stored.sha256)
    with store.session() as s:
        row = s.get(Blob, stored.sha256)
        assert row.uploaded and row.original_suffix == ""
    # attached again after it was uploaded: no original is kept (the broker did not ask for it)
    blobs.store_file(store, photo)
    assert not kept.exists()


def test_behold_original_keeps_it_after_upload(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    photo = phone_photo(tmp_path / "IMG_0003.jpg", width=2400, height=1800)
    stored = blobs.store_file(store, photo, keep_original=True)
    blobs.mark_uploaded(store, stored.sha256)
    kept = blobs.original_path(store, stored.sha256, ".jpg")
    assert kept.read_bytes() == photo.read_bytes() and blobs.keeps_original(store, stored.sha256)
    # changing one's mind once it is uploaded removes it at once
    blobs.set_keep_original(store, stored.sha256, False)
    assert not kept.exists() and not blobs.has_original(store, stored.sha256)
    blobs.remove_blob_files(store, stored.sha256)
    assert not blobs.blob_path(store, stored.sha256).exists()
