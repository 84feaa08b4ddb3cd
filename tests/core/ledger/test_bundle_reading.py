"""Reading a bundle's members with the standard library's zipfile.

A damaged or unusual zip gets zipfile's own error, once, as one readable line; what
zipfile reads, the verifier checks.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.core.ledger.builders import build_family, full_bundle
from twohomes.core.ledger.verify import BundleError, main, verify_bundle

MEMBERS = ["entries.jsonl", "contents.jsonl"]


@pytest.fixture(scope="module")
def bundle() -> bytes:
    return full_bundle(build_family(40))


def test_stored_members_verify(bundle: bytes) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bundle)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            kept = zipfile.ZIP_STORED if info.filename == "entries.jsonl" else info.compress_type
            dst.writestr(info.filename, src.read(info), compress_type=kept)
    stored = out.getvalue()
    assert zipfile.ZipFile(io.BytesIO(stored)).getinfo("entries.jsonl").compress_type == 0
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


def zipfile_error(data: bytes, name: str = "entries.jsonl") -> str | None:
    """What zipfile says reading ``name``; None when it reads it."""
    try:
        zipfile.ZipFile(io.BytesIO(data)).read(name)
    except Exception as exc:  # noqa: BLE001 - whatever zipfile raises is the expectation
        return str(exc)
    return None


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_members_get_zipfiles_error(
    case: str, bundle: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """zipfile's own error, as one line; or, where zipfile reads the member, its bytes."""
    damaged = DAMAGE[case](bundle)
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


# --- odd zips ----------------------------------------------------------------------------------


def outcome(data: bytes) -> object:
    """The verdict's codes, or the error."""
    try:
        verdict = verify_bundle(io.BytesIO(data))
    except BundleError as exc:
        return str(exc)
    return verdict.ok, sorted(verdict.codes)


def zipped(bundle: bytes, method: int, name: str = "", flags: int = 0, tail: bytes = b"") -> bytes:
    """``bundle`` rewritten by hand: every member with ``method``; ``name`` with extra flag
    bits in both headers and ``tail`` after its data (inside its stated compressed size)."""
    out, directory = bytearray(), bytearray()
    with zipfile.ZipFile(io.BytesIO(bundle)) as source:
        infos = source.infolist()
        for info in infos:
            data = source.read(info)
            raw = data
            if method == zipfile.ZIP_DEFLATED:
                packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
                raw = packer.compress(data) + packer.flush()
            own = info.filename == name
            raw, bits = (raw + tail, flags) if own else (raw, 0)
            title, crc, offset = info.filename.encode(), zlib.crc32(data), len(out)
            sizes = (crc, len(raw), len(data), len(title))
            out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, bits, method, 0, 33, *sizes, 0)
            out += title + raw
            directory += struct.pack(
                "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, bits, method, 0, 33, *sizes,
                0, 0, 0, 0, 0, offset,
            ) + title
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(infos), len(infos),
                      len(directory), len(out), 0)
    return bytes(out + directory) + end


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
@pytest.mark.parametrize(
    "flags, tail", [(0, b""), (0x20, b""), (0x40, b""), (0, b"\x00"), (0x20, b"\x00")]
)
@pytest.mark.parametrize("name", MEMBERS)
def test_member_flags_zipfile_refuses_are_refused(
    method: int, flags: int, tail: bytes, name: str, bundle: bytes
) -> None:
    """Compressed patched data (bit 5) and strong encryption (bit 6): zipfile's error."""
    found = outcome(zipped(bundle, method, name, flags, tail))
    if flags:
        assert isinstance(found, str) and "flag bit" in found
    else:  # zipfile reads the stated size; a byte after the data is not the member's
        assert found == (True, [])


def with_zip64_size(bundle: bytes, name: str, size: int) -> bytes:
    """``bundle`` with ``name``'s stated size in a zip64 extra field of its directory record."""
    at = central_record(bundle, name)
    title, extra, comment = struct.unpack("<HHH", bundle[at + 28 : at + 34])
    end_of_record = at + 46 + title + extra + comment
    record = bytearray(bundle[at:end_of_record])
    record[24:28] = b"\xff\xff\xff\xff"
    zip64 = struct.pack("<HHQ", 1, 8, size)
    record[30:32] = struct.pack("<H", extra + len(zip64))
    record = record[: 46 + title] + zip64 + record[46 + title :]
    out = bundle[:at] + bytes(record) + bundle[end_of_record:]
    end = out.rfind(b"PK\x05\x06")
    directory_size = struct.unpack("<I", out[end + 12 : end + 16])[0] + len(zip64)
    return out[: end + 12] + struct.pack("<I", directory_size) + out[end + 16 :]


@pytest.mark.parametrize("size", [2**32, 2**63, 2**64 - 1])
@pytest.mark.parametrize("name", MEMBERS)
@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_huge_stated_size_is_what_zipfile_makes_of_it(
    size: int, name: str, method: int, bundle: bytes
) -> None:
    data = with_zip64_size(zipped(bundle, method), name, size)
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo(name).file_size == size
    error = zipfile_error(data, name)
    expected = f"cannot read {name} from the bundle: {error}" if error else (True, [])
    assert outcome(data) == expected


def test_each_member_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A full export whose openings go to the general check (a photo, a withheld entry)
    and whose leaves fall back to the line checks: still one read of each member."""
    family = build_family(30, photo_at=4, actor='member "quoted" ')
    reads: list[str] = []
    real_read = zipfile.ZipFile.read

    def counted(archive: zipfile.ZipFile, name: object, *args: object) -> bytes:
        reads.append(str(getattr(name, "filename", name)))
        return real_read(archive, name, *args)

    monkeypatch.setattr(zipfile.ZipFile, "read", counted)
    verdict = verify_bundle(io.BytesIO(full_bundle(family, withheld=[9])))
    assert verdict.ok and verdict.codes == {"entry.withheld"}
    assert sorted(name for name in reads if name in MEMBERS) == sorted(MEMBERS)
