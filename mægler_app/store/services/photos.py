"""A receipt photo made fit for a phone link: a JPEG of at most 2000 px on its long side (issue 25).

A phone's photo of a receipt is 3–5 MB; the receipt needs a fraction of that to stay readable. The
photo is turned upright (its EXIF orientation applied to the pixels), scaled down so that its long
side is at most ``MAX_SIDE`` pixels, and saved as a JPEG of quality ``QUALITY`` without any of its
metadata: EXIF (with the GPS position and the camera's serial number), XMP and comments are personal
data and are never copied. Its colour profile is kept (it holds no personal data, and without it the
colours may shift). Plain Pillow, no Qt: the expense editor runs it in a worker.

A file Pillow cannot read as a single picture (a PDF, a HEIC without its plug-in, a multi-page
TIFF, an animation) is not a photo to reduce: ``reduce_photo`` answers ``None`` and the file is
kept as it is.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Pillow is imported when a photo is reduced, not when the app starts
    from PIL.Image import Image as Picture

MAX_SIDE = 2000
QUALITY = 85
# Suffixes of pictures worth reducing; anything else (a PDF above all) is kept as it is.
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".heic", ".heif", ".tif", ".tiff", ".webp"})
# A picture of more pixels than this is not a receipt photo (Pillow's own guard against
# decompression bombs is a warning first, an error at twice its limit).
MAX_PIXELS = 120_000_000


def _register_heif() -> None:
    """HEIC/HEIF when the optional plug-in is installed (pillow-heif); without it they stay as they are."""
    try:
        from pillow_heif import register_heif_opener  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return
    register_heif_opener()


def reduce_photo(source: Path, *, max_side: int = MAX_SIDE, quality: int = QUALITY) -> bytes | None:
    """The photo as an upright JPEG of at most ``max_side`` px on its long side, without metadata;
    ``None`` when ``source`` is not a single picture Pillow reads."""
    if source.suffix.lower() not in PHOTO_SUFFIXES:
        return None
    from PIL import Image, UnidentifiedImageError

    if source.suffix.lower() in {".heic", ".heif"}:
        _register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as img:
                # A phone's JPEG is often an MPO (the photo, then a depth map or a preview): the
                # first picture is the photo. Several pages or an animation: kept whole, as it is.
                if getattr(img, "n_frames", 1) != 1 and img.format != "MPO":
                    return None
                if img.width * img.height > MAX_PIXELS:
                    return None
                orientation = img.getexif().get(0x0112, 1)
                icc = img.info.get("icc_profile")
                # Scaled first (Pillow decodes a JPEG at a fraction of its size when it can), turned
                # upright after: the box is square, so the long side ends at most max_side either way.
                img.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
                picture = _upright(img, orientation)
                picture = _flat_rgb(picture)
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
    except (OSError, ValueError, SyntaxError):
        return None  # damaged, truncated, or a format Pillow knows only by name
    out = io.BytesIO()
    # A fresh image's info is empty: nothing of the original's metadata can be written.
    clean = Image.new("RGB", picture.size)
    clean.paste(picture)
    options: dict[str, object] = {"quality": quality, "optimize": True, "progressive": True}
    if isinstance(icc, bytes) and icc:
        options["icc_profile"] = icc
    clean.save(out, "JPEG", **options)
    return out.getvalue()


def _upright(img: Picture, orientation: object) -> Picture:
    """The pixels turned as the EXIF orientation (1–8) says the camera was held."""
    from PIL import Image

    method = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation if isinstance(orientation, int) else 1)
    return img.transpose(method) if method is not None else img.copy()


def _flat_rgb(img: Picture) -> Picture:
    """RGB for JPEG: transparency laid on white (a PNG scan with an alpha channel)."""
    from PIL import Image

    if img.mode in ("RGBA", "LA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if img.mode in ("I", "I;16", "F"):
        return img.convert("I").point(lambda v: v / 256).convert("RGB")
    return img.convert("RGB")
