"""Reading a bundle's two large members: inflated at once on threads, or by zipfile.

The threaded read takes only members that inflate cleanly to their stated size and CRC-32;
anything else is read by zipfile, so a damaged bundle gets zipfile's own error, once, as
one readable line.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.core.ledger.builders import build_family, full_bundle
from twohomes.core.ledger import verify
from twohomes.core.ledger.verify import BundleError, main, verify_bundle

MEMBERS = ["entries.jsonl", "contents.jsonl"]


@pytest.fixture(scope="module")
def bundle() -> bytes:
    return full_bundle(build_family(40))


def test_members_inflate_at_once_to_what_zipfile_reads(bundle: bytes) -> None:
    source = verify._Bundle(io.BytesIO(bundle))
    assert {source.zip.getinfo(name).compress_type for name in MEMBERS} == {zipfile.ZIP_DEFLATED}
    source.prefetch(MEMBERS)
    assert sorted(source.inflated) == sorted(MEMBERS)
    with zipfile.ZipFile(io.BytesIO(bundle)) as plain:
        for name in MEMBERS:
            assert source.read(name) == plain.read(name)
    assert source.inflated == {}  # handed over, not kept twice


def test_stored_members_are_read_by_zipfile(bundle: bytes) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bundle)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            kept = zipfile.ZIP_STORED if info.filename == "entries.jsonl" else info.compress_type
            dst.writestr(info.filename, src.read(info), compress_type=kept)
    stored = out.getvalue()
    source = verify._Bundle(io.BytesIO(stored))
    assert source.zip.getinfo("entries.jsonl").compress_type == zipfile.ZIP_STORED
    source.prefetch(MEMBERS)
    assert list(source.inflated) == ["contents.jsonl"]
    assert verify_bundle(io.BytesIO(stored)).ok


def central_record(data: bytes, name: str) -> int:
    """Offset of ``name``'s record in the zip's central directory."""
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack("<H", data[at + 28 : at + 30])[0]
        if data[at + 46 : at + 46 + length] == name.encode():
            return at
        at = data.find(b"PK\x01\x02", at + 1)
    raise AssertionError(f"{name} is not in the central directory")


def local_data(data: bytes, name: str) -> tuple[int, int]:
    """(offset, length) of ``name``'s compressed bytes."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26 :][:4])
    return info.header_offset + 30 + name_length + extra_length, info.compress_size


def patched(data: bytes, at: int, new: bytes) -> bytes:
    return data[:at] + new + data[at + len(new) :]


def flip_data(data: bytes) -> bytes:
    at, length = local_data(data, "entries.jsonl")
    return patched(data, at + length // 2, bytes([data[at + length // 2] ^ 0x55]))


def break_deflate(data: bytes) -> bytes:
    """Not deflate data any more: zlib itself fails ("invalid distance too far back")."""
    at, _ = local_data(data, "entries.jsonl")
    return patched(data, at, bytes([data[at] ^ 0xFF]))


def cut_data(data: bytes) -> bytes:
    at, length = local_data(data, "entries.jsonl")
    return patched(data, at + length - 8, b"\x00" * 8)


def central_field(offset: int, value: Callable[[int], int]) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        at = central_record(data, "entries.jsonl") + offset
        old = struct.unpack("<I", data[at : at + 4])[0]
        return patched(data, at, struct.pack("<I", value(old)))

    return change


def rename_locally(data: bytes) -> bytes:
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("entries.jsonl")
    return patched(data, info.header_offset + 30, b"entries.jsonm")


DAMAGE = {
    "a compressed byte changed": flip_data,
    "broken deflate data": break_deflate,
    "the end of the compressed data zeroed": cut_data,
    "another CRC-32": central_field(16, lambda crc: crc ^ 1),
    "a larger stated size": central_field(24, lambda size: size + 1),
    "a smaller stated size": central_field(24, lambda size: size - 1),
    "a huge stated size": central_field(24, lambda size: 0xFFFFFFFE),
    "another name in the local header": rename_locally,
}


def zipfile_error(data: bytes) -> str | None:
    """What zipfile says reading entries.jsonl; None when it reads it."""
    try:
        zipfile.ZipFile(io.BytesIO(data)).read("entries.jsonl")
    except Exception as exc:  # noqa: BLE001 - whatever zipfile raises is the expectation
        return str(exc)
    return None


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_members_are_left_to_zipfile(
    case: str, bundle: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """zipfile's own error, as one line; or, where zipfile reads the member, its bytes."""
    damaged = DAMAGE[case](bundle)
    source = verify._Bundle(io.BytesIO(damaged))
    source.prefetch(MEMBERS)
    assert list(source.inflated) == ["contents.jsonl"]  # entries.jsonl is left to zipfile
    error = zipfile_error(damaged)
    path = tmp_path / "damaged.zip"
    path.write_bytes(damaged)
    if error is None:  # a stated size larger than the data: zipfile reads the data
        assert case in ("a larger stated size", "a huge stated size")
        assert verify_bundle(io.BytesIO(damaged)).ok
        assert main([str(path)]) == 0
        return
    expected = f"cannot read entries.jsonl from the bundle: {error}"
    with pytest.raises(BundleError) as raised:
        verify_bundle(io.BytesIO(damaged))
    assert str(raised.value) == expected
    assert main([str(path)]) == 2
    assert capsys.readouterr().err == f"twohomes verify: error: {expected}\n"


def test_inflate_takes_only_exact_members() -> None:
    import zlib

    text = b"Pickup at 5 on Friday.\n" * 1000
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw = packer.compress(text) + packer.flush()
    crc = zlib.crc32(text)
    assert verify._inflate(raw, len(text), crc) == text
    assert verify._inflate(raw, len(text) - 1, crc) is None  # more data than stated
    assert verify._inflate(raw, len(text) + 1, crc) is None  # less data than stated
    assert verify._inflate(raw, len(text), crc ^ 1) is None
    assert verify._inflate(raw[:-4], len(text), crc) is None  # cut short
    assert verify._inflate(raw + b"more", len(text), crc) is None  # bytes after the end
    assert verify._inflate(b"\xff" * 20, len(text), crc) is None  # not deflate data
