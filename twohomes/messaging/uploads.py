"""Checking an uploaded attachment by its content, and removing location data from images."""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
GPS_IFD = 0x8825
IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif",
                 "WEBP": "image/webp"}


@dataclass(frozen=True)
class CleanFile:
    name: str
    content_type: str
    data: bytes


SUFFIXES = {"application/pdf": (".pdf",), "image/jpeg": (".jpg", ".jpeg"),
            "image/png": (".png",), "image/gif": (".gif",), "image/webp": (".webp",)}


def _safe_name(name: str) -> str:
    base = re.sub(r"[^\w.\- ]+", "_", name.rsplit("/", 1)[-1]).strip(" .")
    return (base or "attachment")[:120]


def _named(name: str, content_type: str) -> str:
    """The name with the suffix of what the file is: a PDF called "notes.html" is saved and
    downloaded as "notes.pdf", so no program opens it as something else."""
    suffixes = SUFFIXES[content_type]
    if name.lower().endswith(suffixes):
        return name
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return stem[:115] + suffixes[0]


def inspect_upload(upload: UploadedFile) -> CleanFile:
    """A PDF or an image up to 10 MB, identified by its bytes, never by its name."""
    if upload.size is None or upload.size > MAX_BYTES:
        raise ValidationError(_("“%(name)s” is larger than 10 MB.") % {"name": upload.name})
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(_("“%(name)s” is larger than 10 MB.") % {"name": upload.name})
    name = _safe_name(upload.name or "attachment")
    if data.startswith(b"%PDF-"):
        return CleanFile(_named(name, "application/pdf"), "application/pdf", data)
    return _clean_image(name, data)


MAX_PIXELS = 40_000_000  # a 40-megapixel photo; a bigger claim is refused before decoding


def _clean_image(name: str, data: bytes) -> CleanFile:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.width * probe.height > MAX_PIXELS:
                    raise ValidationError(_("“%(name)s” is too large an image (more than 40 "
                                            "megapixels).") % {"name": name})
                probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("“%(name)s” is too large an image (more than 40 megapixels).")
                              % {"name": name}) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("“%(name)s” is not a PDF or an image (JPEG, PNG, GIF or WebP).") % {"name": name}
        ) from None
    kind = IMAGE_FORMATS.get(image.format or "")
    if kind is None:
        raise ValidationError(_("“%(name)s” is an image type TwoHomes does not accept.")
                              % {"name": name})
    return CleanFile(_named(name, kind), kind, _without_location(image, data))


def _without_location(image: Image.Image, data: bytes) -> bytes:
    """The image always re-saved, so only what Pillow writes survives: no XMP in any format
    (where a GPS position hides as often as in EXIF), EXIF without its GPS block (orientation
    and the rest are kept), and every frame of an animation."""
    exif = image.getexif()
    exif.pop(GPS_IFD, None)
    for key in ("xmp", "XML:com.adobe.xmp", "exif", "comment"):
        image.info.pop(key, None)
    options: dict[str, object] = {}
    if image.format != "GIF" and len(exif):
        options["exif"] = exif.tobytes()
    if image.format == "JPEG":
        options["quality"] = "keep"
    if getattr(image, "n_frames", 1) > 1:
        options["save_all"] = True
    out = io.BytesIO()
    image.save(out, format=image.format, **options)
    return out.getvalue()
