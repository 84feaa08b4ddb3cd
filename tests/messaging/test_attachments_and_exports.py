"""Attachments checked by content and stripped of location; notifications; exports."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
import zlib
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from twohomes.core.ledger import verify_bundle
from twohomes.messaging import notify, services
from twohomes.messaging.models import Attachment, Message, PendingNotification
from twohomes.messaging.uploads import GPS_IFD


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def thread(world: Any) -> Any:
    return services.start_thread(actor=world.parent_a, subject="School", body="Hello",
                                 now=timezone.now(), members=[world.partner])


def _jpeg_with_location() -> bytes:
    image = Image.new("RGB", (40, 30), "orange")
    exif = Image.Exif()
    exif[0x0112] = 1  # orientation, kept
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def _send(client: Any, world: Any, thread: Any, *files: SimpleUploadedFile) -> Any:
    return client.post(reverse("send_message", args=[world.family.pk, thread.pk]),
                       {"body": "see attached", "attachments": list(files)})


def test_a_photo_loses_its_location_but_keeps_the_rest(
    world: Any, thread: Any, client: Any
) -> None:
    client.force_login(world.parent_a.user)
    original = _jpeg_with_location()
    assert GPS_IFD in Image.open(io.BytesIO(original)).getexif()
    _send(client, world, thread, SimpleUploadedFile("beach.jpg", original, "image/jpeg"))
    stored = Attachment.objects.get(name="beach.jpg")
    client.force_login(world.partner.user)
    response = client.get(reverse("attachment", args=[world.family.pk, stored.pk]))
    served = b"".join(response.streaming_content)
    exif = Image.open(io.BytesIO(served)).getexif()
    assert GPS_IFD not in exif and exif.get(0x0112) == 1
    assert response["Content-Type"] == "image/jpeg"
    assert "sandbox" in response["Content-Security-Policy"]


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels (a decompression bomb)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (len(body).to_bytes(4, "big") + kind + body
                + zlib.crc32(kind + body).to_bytes(4, "big"))
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("upload,problem", [
    (SimpleUploadedFile("bomb.png", _png_claiming(30000, 30000)), b"too large an image"),
    (SimpleUploadedFile("big.png", _png_claiming(7000, 7000)), b"too large an image"),
    (SimpleUploadedFile("report.pdf", b"just text, not a PDF", "application/pdf"),
     b"is not a PDF or an image"),
    (SimpleUploadedFile("run.exe", b"MZ\x90\x00binary", "image/png"), b"is not a PDF"),
    (SimpleUploadedFile("huge.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "application/pdf"),
     b"larger than 10 MB"),
])
def test_files_are_checked_by_content_and_size(
    world: Any, thread: Any, client: Any, upload: SimpleUploadedFile, problem: bytes
) -> None:
    client.force_login(world.parent_a.user)
    response = _send(client, world, thread, upload)
    assert response.status_code == 302
    page = client.get(response["Location"]).content
    assert problem in page
    assert Message.objects.filter(thread=thread).count() == 1
    assert not Attachment.objects.exists()


def test_attachments_are_served_only_to_the_threads_members(
    world: Any, thread: Any, client: Any
) -> None:
    client.force_login(world.parent_a.user)
    _send(client, world, thread, SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"))
    url = reverse("attachment", args=[world.family.pk, Attachment.objects.get().pk])
    assert client.get(url)["Content-Disposition"].startswith("attachment")
    for persona, status in [("relative", 404), ("child", 404), ("outsider", 404)]:
        client.force_login(world.membership(persona).user)
        assert client.get(url).status_code == status, persona
    client.logout()
    assert client.get(url).status_code == 302


def test_a_file_keeps_the_name_of_what_it_is(world: Any, thread: Any, client: Any) -> None:
    """A PDF named like a web page is saved and downloaded as a PDF; a PNG named .gif as
    .png; a name that already fits is kept."""
    png = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(png, format="PNG")
    client.force_login(world.parent_a.user)
    _send(client, world, thread,
          SimpleUploadedFile("notes.html", b"%PDF-1.4 <script>alert(1)</script>"),
          SimpleUploadedFile("photo.gif", png.getvalue()),
          SimpleUploadedFile("Photo.JPEG", _jpeg_with_location()),
          SimpleUploadedFile("scan", b"%PDF-1.7 scan"))
    names = {a.name: a for a in Attachment.objects.all()}
    assert set(names) == {"notes.pdf", "photo.png", "Photo.JPEG", "scan.pdf"}
    response = client.get(reverse("attachment", args=[world.family.pk, names["notes.pdf"].pk]))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="notes.pdf"' in response["Content-Disposition"]


def _opt_in(membership: Any, **choices: Any) -> None:
    preference = services.preferences_for(membership)
    preference.email_on_message = True
    for name, value in choices.items():
        setattr(preference, name, value)
    preference.save()


def test_opted_in_recipients_get_an_email_without_the_text(
    world: Any, thread: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _opt_in(world.parent_b)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_message(actor=world.parent_a, thread=thread, body="Secret plans",
                              now=timezone.now())
    assert [m.to for m in mail.outbox] == [["bruno@example.org"]]
    assert mail.outbox[0].subject == "TwoHomes"
    assert "Secret plans" not in mail.outbox[0].body
    assert "new message" in mail.outbox[0].body


def test_no_notice_once_a_professionals_access_has_ended(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    thread = services.start_thread(actor=world.parent_a, subject="School", body="Hello",
                                   now=timezone.now(), members=[world.professional])
    _opt_in(world.professional)
    # The last day has passed; the cleanup command has not marked the access expired yet.
    world.professional.expires_at = timezone.now() - timedelta(minutes=1)
    world.professional.save(update_fields=["expires_at"])
    with django_capture_on_commit_callbacks(execute=True):
        services.send_message(actor=world.parent_a, thread=thread, body="News",
                              now=timezone.now())
    assert mail.outbox == []


def test_quiet_hours_hold_notices_until_morning(world: Any) -> None:
    zone = ZoneInfo(world.family.timezone)
    _opt_in(world.parent_b, quiet_start=time(21), quiet_end=time(7))
    preference = services.preferences_for(world.parent_b)
    late = datetime(2026, 11, 23, 22, 15, tzinfo=zone)
    assert notify.due_time(preference, zone, late) == datetime(2026, 11, 24, 7, 0, tzinfo=zone)
    early = datetime(2026, 11, 24, 6, 0, tzinfo=zone)
    assert notify.due_time(preference, zone, early) == datetime(2026, 11, 24, 7, 0, tzinfo=zone)
    noon = datetime(2026, 11, 24, 12, 0, tzinfo=zone)
    assert notify.due_time(preference, zone, noon) == noon


def test_a_daily_digest_sends_one_email_for_many_messages(
    world: Any, thread: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _opt_in(world.parent_b, daily_digest=True, digest_time=time(18))
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            services.send_message(actor=world.parent_a, thread=thread, body=f"m{n}",
                                  now=timezone.now())
    assert mail.outbox == []
    held = PendingNotification.objects.filter(membership=world.parent_b, sent_at=None)
    assert held.count() == 3
    with django_capture_on_commit_callbacks(execute=True):
        sent = notify.send_all_due(now=timezone.now() + timedelta(days=1, hours=1))
    assert sent == 0  # due_at is compared with the real clock: nothing is due yet
    PendingNotification.objects.update(due_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        sent = notify.send_all_due(now=timezone.now())
    assert sent == 3
    assert len(mail.outbox) == 1 and "3 new messages" in mail.outbox[0].body


def test_preferences_form_rejects_half_quiet_hours(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    response = client.post(reverse("message_preferences", args=[world.family.pk]),
                           {"email_on_message": "on", "digest_time": "18:00",
                            "quiet_start": "21:00"})
    assert b"both the start and the end" in response.content
    assert not services.preferences_for(world.parent_a).email_on_message


def _download(client: Any, world: Any, form: dict[str, Any]) -> bytes:
    response = client.post(reverse("export_record", args=[world.family.pk]), form)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/zip"
    return b"".join(response.streaming_content)


def test_a_parent_exports_the_whole_record_and_it_verifies(
    world: Any, thread: Any, client: Any
) -> None:
    client.force_login(world.parent_a.user)
    _send(client, world, thread, SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"))
    page = client.get(reverse("export_record", args=[world.family.pk])).content.decode()
    assert "The whole record" in page
    bundle = _download(client, world, {})
    verdict = verify_bundle(io.BytesIO(bundle))
    assert verdict.ok, verdict.render()
    names = zipfile.ZipFile(io.BytesIO(bundle)).namelist()
    assert any(name.startswith("attachments/") for name in names)


def test_a_thread_export_holds_only_that_thread_and_verifies(
    world: Any, thread: Any, client: Any
) -> None:
    services.start_thread(actor=world.parent_b, subject="Other", body="unrelated words",
                          now=timezone.now())
    client.force_login(world.professional.user)
    response = client.post(reverse("export_record", args=[world.family.pk]), {})
    assert b"This field is required" in response.content  # professionals pick a thread
    services.add_to_thread(actor=world.parent_a, thread=thread, member=world.professional,
                           now=timezone.now())
    page = client.get(reverse("export_record", args=[world.family.pk])).content.decode()
    assert "The whole record" not in page and "Other" not in page  # only their threads
    bundle = _download(client, world, {"thread": thread.pk})
    contents = zipfile.ZipFile(io.BytesIO(bundle)).read("contents.jsonl")
    assert b"Hello" in contents and b"unrelated words" not in contents
    assert verify_bundle(io.BytesIO(bundle)).ok


def test_export_form_rejects_reversed_dates(world: Any, thread: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    response = client.post(reverse("export_record", args=[world.family.pk]),
                           {"start": "2026-05-02", "end": "2026-05-01"})
    assert b"before the start date" in response.content


@pytest.mark.parametrize("dates", [{"end": "9999-12-31"}, {"start": "0001-01-01"}])
def test_export_form_refuses_days_at_the_ends_of_the_calendar(
    world: Any, thread: Any, client: Any, dates: dict[str, str]
) -> None:
    world.family.timezone = "Asia/Tokyo"  # east of UTC: 1 January of year 1 has no instant
    world.family.save()
    client.force_login(world.parent_a.user)
    response = client.post(reverse("export_record", args=[world.family.pk]), dates)
    assert response.status_code == 200 and b"Give dates between 1900 and 2199" in response.content


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "twohomes", *args], capture_output=True,
                          text=True, timeout=120, check=False, env=env)


def test_verify_command_accepts_a_bundle_and_names_tampering(
    world: Any, thread: Any, client: Any, tmp_path: Any
) -> None:
    client.force_login(world.parent_a.user)
    bundle = _download(client, world, {})
    good = tmp_path / "good.zip"
    good.write_bytes(bundle)
    result = _cli("verify", str(good))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "VALID" in result.stdout

    source = zipfile.ZipFile(io.BytesIO(bundle))
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as out:
        for name in source.namelist():
            data = source.read(name)
            if name == "contents.jsonl":
                data = data.replace(b"Hello", b"Hellp")
            out.writestr(name, data)
    result = _cli("verify", str(bad))
    assert result.returncode == 1
    assert "entry.commitment" in result.stdout

    missing = _cli("verify", str(tmp_path / "nothing.zip"))
    assert missing.returncode == 2 and missing.stderr.startswith("twohomes verify: error:")


def test_export_command_writes_a_bundle(world: Any, thread: Any, tmp_path: Any) -> None:
    from django.core.management import CommandError, call_command

    target = tmp_path / "court.zip"
    call_command("export", "--family", str(world.family.pk), "--thread", str(thread.pk),
                 "-o", str(target))
    assert verify_bundle(str(target)).ok
    with pytest.raises(CommandError, match="no conversation"):
        call_command("export", "--family", str(world.family.pk), "--thread", "999999",
                     "-o", str(target))
    with pytest.raises(CommandError, match="not a family id"):
        call_command("export", "--family", "nope", "-o", str(target))


def test_send_notifications_command_sends_what_is_due(
    world: Any, thread: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core.management import call_command

    _opt_in(world.parent_b, daily_digest=True)
    services.send_message(actor=world.parent_a, thread=thread, body="x", now=timezone.now())
    PendingNotification.objects.update(due_at=timezone.now() - timedelta(minutes=1))
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_notifications", stdout=out)
    assert "1 notice(s) sent." in out.getvalue()
    assert len(mail.outbox) == 1
