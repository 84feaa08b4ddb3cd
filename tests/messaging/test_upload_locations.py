"""A location stored as XMP (or EXIF) is removed from every image format we accept."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from twohomes.messaging.uploads import GPS_IFD, inspect_upload

XMP = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
       b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
       b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
       b'exif:GPSLatitude="51,30.0N" exif:GPSLongitude="0,7.0W"/>'
       b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
SIZE = (40, 30)


def _pixels(kind: str, **options: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", SIZE, "orange").save(out, format=kind, **options)
    return out.getvalue()


def _jpeg_with_xmp() -> bytes:
    body = b"http://ns.adobe.com/xap/1.0/\x00" + XMP
    segment = b"\xff\xe1" + (len(body) + 2).to_bytes(2, "big") + body
    data = _pixels("JPEG")
    return data[:2] + segment + data[2:]


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return (len(body).to_bytes(4, "big") + kind + body
            + zlib.crc32(kind + body).to_bytes(4, "big"))


def _png_with_xmp() -> bytes:
    data = _pixels("PNG")
    itxt = _png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + XMP)
    end = data.index(b"IEND") - 4
    return data[:end] + itxt + data[end:]


def _gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 1
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}
    return exif.tobytes()


def _webp_with_xmp_and_exif() -> bytes:
    data = _pixels("WEBP", exif=_gps_exif(), xmp=XMP, lossless=True)
    assert data[12:16] == b"VP8X" and b"EXIF" in data and b"XMP " in data
    return data


def _png_with_exif_and_xmp() -> bytes:
    data = _pixels("PNG", exif=_gps_exif())
    assert b"eXIf" in data
    itxt = _png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + XMP)
    end = data.index(b"IEND") - 4
    return data[:end] + itxt + data[end:]


def _animated_gif_with_xmp() -> bytes:
    frames = [Image.new("RGB", SIZE, colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:],
                   duration=100, loop=0)
    data = out.getvalue()
    blocks = b"".join(bytes([len(XMP[i:i + 255])]) + XMP[i:i + 255]
                      for i in range(0, len(XMP), 255))
    extension = b"\x21\xff\x0bXMP DataXMP" + blocks + b"\x00"
    assert data.endswith(b"\x3b")
    return data[:-1] + extension + data[-1:]


@pytest.mark.parametrize("name,build", [
    ("xmp.jpg", _jpeg_with_xmp),
    ("xmp.png", _png_with_xmp),
    ("both.webp", _webp_with_xmp_and_exif),
    ("both.png", _png_with_exif_and_xmp),
    ("moving.gif", _animated_gif_with_xmp),
])
def test_an_xmp_location_is_removed_from_every_image_format(
    name: str, build: Callable[[], bytes]
) -> None:
    original = build()
    assert b"GPSLatitude" in original and b"51,30.0N" in original
    stored = inspect_upload(SimpleUploadedFile(name, original)).data
    assert b"GPS" not in stored and b"51,30" not in stored
    assert b"xmp" not in stored.lower() and b"xap/1.0" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == SIZE
        assert GPS_IFD not in image.getexif()
        assert getattr(image, "n_frames", 1) == getattr(Image.open(io.BytesIO(original)),
                                                         "n_frames", 1)


def test_an_animated_gif_stays_animated() -> None:
    stored = inspect_upload(SimpleUploadedFile("moving.gif", _animated_gif_with_xmp())).data
    with Image.open(io.BytesIO(stored)) as image:
        assert image.n_frames == 3 and image.info.get("loop") == 0


def test_webp_keeps_orientation_but_not_gps() -> None:
    stored = inspect_upload(SimpleUploadedFile("both.webp", _webp_with_xmp_and_exif())).data
    assert b"EXIF" in stored and b"XMP " not in stored
    with Image.open(io.BytesIO(stored)) as image:
        exif = image.getexif()
        assert GPS_IFD not in exif and exif.get(0x0112) == 1
