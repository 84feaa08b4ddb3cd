"""Export bundles verify offline, and every kind of tampering is detected and named."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.core.ledger.builders import (
    PHOTO,
    SERVER,
    build_family,
    full_bundle,
    partial_bundle,
    read_member,
    rewrite,
)
from twohomes.core.ledger import (
    BundleError,
    Verdict,
    checkpoint_origin,
    sign_checkpoint,
    sign_note,
    verifier_key,
    verify_bundle,
)
from twohomes.core.ledger.verify import main, split_note

PHOTO_NAME = "attachments/" + __import__("hashlib").sha256(PHOTO).hexdigest()


def check(bundle: bytes, key: str | None = None) -> Verdict:
    return verify_bundle(io.BytesIO(bundle), key=key)


def lines_of(data: bytes) -> list[bytes]:
    return data.rstrip(b"\n").split(b"\n")


def join(lines: list[bytes]) -> bytes:
    return b"".join(line + b"\n" for line in lines)


@pytest.fixture(scope="module")
def family():  # type: ignore[no-untyped-def]
    return build_family(8)


@pytest.fixture(scope="module")
def bundle(family) -> bytes:  # type: ignore[no-untyped-def]
    return full_bundle(family)


def test_full_export_verifies(bundle: bytes) -> None:
    verdict = check(bundle)
    assert verdict.ok, verdict.render()
    assert verdict.findings == []
    assert "VERDICT: VALID" in verdict.render()


def test_full_export_verifies_with_the_pinned_key(family, bundle: bytes) -> None:  # type: ignore[no-untyped-def]
    assert check(bundle, key=family.vkey).ok


def test_bundle_layout(bundle: bytes) -> None:
    manifest = json.loads(read_member(bundle, "manifest.json"))
    assert manifest["scope"] == "full" and manifest["entries"] == 8
    assert manifest["format"] == "twohomes-bundle/1"
    assert read_member(bundle, PHOTO_NAME) == PHOTO
    assert b"python3 verify.py" in read_member(bundle, "README.txt")
    assert b"def verify_bundle" in read_member(bundle, "verify.py")
    first = lines_of(read_member(bundle, "contents.jsonl"))[0]
    assert json.loads(first)["content"] == {"body": "Pickup at 5? (0)", "thread": "t2"}


def test_partial_export_verifies(family) -> None:  # type: ignore[no-untyped-def]
    bundle = partial_bundle(family, [1, 3, 5, 7])
    verdict = check(bundle, key=family.vkey)
    assert verdict.ok, verdict.render()
    proof = read_member(bundle, "proofs/5.tlog-proof")
    assert proof.startswith(b"c2sp.org/tlog-proof@v1\nindex 5\n")
    assert "partial export (thread t1), 4 entries" in verdict.render()


def test_leaves_with_escaped_strings_verify_line_by_line() -> None:
    family = build_family(5, actor='Zoë "the \\ parent" ')
    assert b'\\"the' in family.leaves[0]
    verdict = check(full_bundle(family))
    assert verdict.ok, verdict.render()


def test_withheld_entry_is_noted_not_failed(family) -> None:  # type: ignore[no-untyped-def]
    bundle = full_bundle(family, withheld=[2])
    assert b'{"seq":2,"withheld":true}\n' in read_member(bundle, "contents.jsonl")
    verdict = check(bundle)
    assert verdict.ok, verdict.render()
    assert [(f.code, f.level) for f in verdict.findings] == [("entry.withheld", "info")]
    assert "note  entry.withheld: entry 2 was exported without its content" in verdict.render()
    assert ("Withheld", "1 entry exported without content (only the commitment, in the "
            "leaf, which is verified)") in verdict.facts


def test_withheld_entries_in_a_partial_export_verify(family) -> None:  # type: ignore[no-untyped-def]
    verdict = check(partial_bundle(family, [1, 3, 5, 7], withheld=[3, 5]), key=family.vkey)
    assert verdict.ok, verdict.render()
    assert verdict.codes == {"entry.withheld"} and verdict.counts["entry.withheld"] == 2
    assert verdict.facts[-1] == ("Withheld", "2 entries exported without content (only the "
                                 "commitment, in the leaf, which is verified)")


def test_a_withheld_line_given_content_is_caught(family) -> None:  # type: ignore[no-untyped-def]
    forged = b'{"seq":2,"salt":"%s","content":{"body":"I never agreed","thread":"t2"}}' % (
        b"ab" * 32)
    bundle = rewrite(full_bundle(family, withheld=[2]), "contents.jsonl",
                     lambda d: d.replace(b'{"seq":2,"withheld":true}', forged))
    verdict = check(bundle)
    assert verdict.codes == {"entry.commitment"}
    assert "entry 2: content does not match commitment" in verdict.render()


def test_a_content_line_turned_withheld_is_named(bundle: bytes) -> None:
    """Leaving an entry's content out is not a failure (exports may withhold), but the
    verdict names the entry, so nobody can take it for a complete export."""
    lines = lines_of(read_member(bundle, "contents.jsonl"))
    lines[5] = b'{"seq":5,"withheld":true}'
    verdict = check(rewrite(bundle, "contents.jsonl", lambda _: join(lines)))
    assert verdict.ok and verdict.codes == {"entry.withheld"}
    assert "entry 5 was exported without its content" in verdict.render()
    assert verdict.facts[-1][0] == "Withheld"


# --- tampering ------------------------------------------------------------------------------


def test_changed_character_in_a_message(bundle: bytes) -> None:
    def edit(data: bytes) -> bytes:
        return data.replace(b"Pickup at 5? (4)", b"Pickup at 6? (4)")

    tampered = rewrite(bundle, "contents.jsonl", edit)
    verdict = check(tampered)
    assert not verdict.ok
    assert verdict.codes == {"entry.commitment"}
    assert "entry 4" in verdict.render()


def test_changed_character_in_a_leaf(bundle: bytes) -> None:
    tampered = rewrite(bundle, "entries.jsonl", lambda d: d.replace(b"member-0", b"member-1", 1))
    assert "log.root" in check(tampered).codes


def test_dropped_entry(bundle: bytes) -> None:
    def drop(data: bytes) -> bytes:
        lines = lines_of(data)
        return join(lines[:4] + lines[5:])

    verdict = check(rewrite(bundle, "entries.jsonl", drop))
    assert {"entry.missing", "log.size", "log.root"} <= verdict.codes
    assert "entry.missing: entry 4 is missing" in verdict.render()


def test_swapped_entries(bundle: bytes) -> None:
    def swap(data: bytes) -> bytes:
        lines = lines_of(data)
        lines[2], lines[5] = lines[5], lines[2]
        return join(lines)

    verdict = check(rewrite(bundle, "entries.jsonl", swap))
    assert {"entry.sequence", "entry.time", "log.root"} <= verdict.codes
    assert "log.size" not in verdict.codes


def test_replaced_attachment(bundle: bytes) -> None:
    verdict = check(rewrite(bundle, PHOTO_NAME, lambda _: b"another picture"))
    assert {"attachment.hash", "entry.commitment"} == verdict.codes


def test_resigned_with_another_key(bundle: bytes) -> None:
    other = Ed25519PrivateKey.generate()

    def resign(data: bytes) -> bytes:
        text, _ = split_note(data.decode())
        return sign_note(other, key_name=SERVER, text=text).encode()

    verdict = check(rewrite(bundle, "checkpoint.txt", resign))
    assert verdict.codes == {"checkpoint.signature"}


def test_resigned_and_key_replaced_is_caught_by_pinning(family, bundle: bytes) -> None:  # type: ignore[no-untyped-def]
    other = Ed25519PrivateKey.generate()
    forged = rewrite(
        bundle,
        "checkpoint.txt",
        lambda d: sign_note(other, key_name=SERVER, text=split_note(d.decode())[0]).encode(),
    )
    forged = rewrite(forged, "key.vkey", lambda _: verifier_key(other, SERVER).vkey().encode())
    assert check(forged).ok  # self-consistent: only the published key can tell
    verdict = check(forged, key=family.vkey)
    assert {"checkpoint.key", "checkpoint.signature"} == verdict.codes


def test_truncated_log(bundle: bytes) -> None:
    truncate = lambda d: join(lines_of(d)[:5])  # noqa: E731
    tampered = rewrite(rewrite(bundle, "entries.jsonl", truncate), "contents.jsonl", truncate)
    verdict = check(tampered)
    assert {"entry.missing", "log.size", "log.root"} == verdict.codes
    assert "covers 8 entries but the bundle holds 5" in verdict.render()


def test_time_going_backwards_is_named(family) -> None:  # type: ignore[no-untyped-def]
    # Reordering two entries in a partial export cannot hide behind a root: order and time.
    bundle = partial_bundle(family, [1, 3, 5, 7])

    def swap(data: bytes) -> bytes:
        lines = lines_of(data)
        lines[1], lines[2] = lines[2], lines[1]
        return join(lines)

    verdict = check(rewrite(bundle, "entries.jsonl", swap))
    assert {"entry.sequence", "entry.time"} == verdict.codes


def test_partial_export_with_a_changed_leaf(family) -> None:  # type: ignore[no-untyped-def]
    bundle = partial_bundle(family, [1, 3, 5, 7])
    tampered = rewrite(bundle, "entries.jsonl", lambda d: d.replace(b"member-1", b"member-0", 1))
    assert check(tampered).codes == {"proof.inclusion"}


def test_partial_export_without_a_proof(family) -> None:  # type: ignore[no-untyped-def]
    bundle = partial_bundle(family, [1, 3])
    tampered = rewrite(bundle, "proofs/3.tlog-proof", lambda d: d.replace(b"index 3", b"index 2"))
    assert check(tampered).codes == {"proof.inclusion"}


def test_full_export_turned_partial_needs_proofs(bundle: bytes) -> None:
    def to_partial(data: bytes) -> bytes:
        return data.replace(b'"scope": "full"', b'"scope": "partial"')

    verdict = check(rewrite(bundle, "manifest.json", to_partial))
    assert verdict.codes == {"proof.missing"}


def test_removed_content_is_not_withheld(bundle: bytes) -> None:
    def remove(data: bytes) -> bytes:
        return join([line for line in lines_of(data) if not line.startswith(b'{"seq":6,')])

    assert check(rewrite(bundle, "contents.jsonl", remove)).codes == {"content.missing"}


# --- the command line -------------------------------------------------------------------------


def test_main_exit_codes(tmp_path: Path, bundle: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.zip"
    good.write_bytes(bundle)
    assert main([str(good)]) == 0
    screen = capsys.readouterr().out
    assert "VERDICT: VALID" in screen and len(screen.splitlines()) < 25

    bad = tmp_path / "bad.zip"
    bad.write_bytes(rewrite(bundle, PHOTO_NAME, lambda _: b"x"))
    assert main([str(bad)]) == 1
    assert "attachment.hash" in capsys.readouterr().out


@pytest.mark.parametrize(
    "content, expected",
    [(b"not a zip at all", "cannot read"), (None, "No such file")],
)
def test_main_bad_input(
    tmp_path: Path, content: bytes | None, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "input.zip"
    if content is not None:
        path.write_bytes(content)
    assert main([str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("twohomes verify: error: ") and expected in err
    assert len(err.splitlines()) == 1


def test_missing_member_is_a_readable_error(bundle: bytes) -> None:
    out = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(io.BytesIO(bundle)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != "checkpoint.txt":
                dst.writestr(info, src.read(info))
    with pytest.raises(BundleError, match="no checkpoint.txt"):
        check(out.getvalue())


def test_bad_pinned_key_is_an_error(bundle: bytes) -> None:
    with pytest.raises(BundleError, match="--key"):
        check(bundle, key="not-a-key")


@pytest.mark.parametrize("size", [12, 10**7, 10**19])
def test_a_checkpoint_claiming_more_entries_is_counted_not_listed(size: int) -> None:
    """A forged checkpoint claiming billions of entries gets a prompt verdict."""
    family = build_family(10)
    note = sign_checkpoint(
        family.key, key_name=SERVER, origin=checkpoint_origin(SERVER, family.head.log_id),
        size=size, root=family.head.root,
    )
    verdict = check(rewrite(full_bundle(family), "checkpoint.txt", lambda _: note.encode()))
    assert verdict.codes == {"log.size", "entry.missing"}
    assert verdict.counts["entry.missing"] == size - 10
    listed = [f.message for f in verdict.findings if f.code == "entry.missing"]
    assert listed == [f"entry {n} is missing" for n in range(10, min(size, 15))]
    if size - 10 > 5:
        assert f"entry.missing: {size - 15} more like this" in verdict.render()
