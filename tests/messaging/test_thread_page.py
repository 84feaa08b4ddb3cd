"""How a thread draws each message: the author, the time in the family's zone, the text
escaped with its line breaks, the attachments, and the receipts on the author's own page."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from twohomes.messaging import services
from twohomes.messaging.forms import MessageForm
from twohomes.messaging.models import Message

SENT = datetime(2027, 7, 1, 13, 5, tzinfo=UTC)  # 14:05 in London (summer time)
READ = datetime(2027, 7, 1, 18, 30, tzinfo=UTC)  # 19:30 in London


def _message_html(page: str, message: Message) -> str:
    found = re.search(rf'<li class="message[^"]*" id="message-{message.pk}">.*?\n</li>',
                      page, re.S)
    assert found, page
    return found.group(0)


def test_a_message_is_drawn_as_its_reader_should_see_it(world: Any, client: Any) -> None:
    thread = services.start_thread(actor=world.parent_a, subject="Dentist", body="Hello",
                                   now=timezone.now())
    form = MessageForm({"body": "x"}, {"attachments": [
        SimpleUploadedFile("letter.pdf", b"%PDF-1.4\n" + b"0" * 1015, "application/pdf")]})
    assert form.is_valid(), form.errors
    message = services.send_message(
        actor=world.parent_a, thread=thread, body="Line one\n<b>not bold</b> & more",
        files=form.cleaned_data["attachments"], now=SENT)
    services.record_first_views(actor=world.parent_b, messages=[message], now=READ)
    url = reverse("thread_detail", args=[world.family.pk, thread.pk])

    client.force_login(world.parent_a.user)
    alices = _message_html(client.get(url).content.decode(), message)
    assert 'class="message mine"' in alices
    assert "<strong>Alice</strong>" in alices and '<span class="tag">Parent</span>' in alices
    assert '<time datetime="2027-07-01T14:05:00+01:00">Thu, Jul 1, 2027, 2:05 PM</time>' in alices
    assert "Line one<br>&lt;b&gt;not bold&lt;/b&gt; &amp; more" in alices
    attachment = message.attachments.get()
    assert f'<a href="/f/{world.family.pk}/attachments/{attachment.pk}/">letter.pdf</a>' \
        in alices
    assert "(1.0\xa0KB)" in alices  # 1,024 bytes
    assert ('Read by Bruno on <time datetime="2027-07-01T19:30:00+01:00">July 1, 7:30 PM</time>'
            in alices)
    world.parent_a.user.language = "en-gb"  # her own language's way, the same instants
    world.parent_a.user.save(update_fields=["language"])
    alices = _message_html(client.get(url).content.decode(), message)
    assert '<time datetime="2027-07-01T14:05:00+01:00">Thu 1 Jul 2027, 14:05</time>' in alices
    assert ('Read by Bruno on <time datetime="2027-07-01T19:30:00+01:00">1 July, 19:30</time>'
            in alices)

    client.force_login(world.parent_b.user)
    brunos = _message_html(client.get(url).content.decode(), message)
    assert "mine" not in brunos and "Read by" not in brunos and "Not read yet" not in brunos
    assert "Line one<br>&lt;b&gt;not bold&lt;/b&gt;" in brunos


def test_a_message_sent_from_the_page_is_drawn_at_once(world: Any, client: Any) -> None:
    thread = services.start_thread(actor=world.parent_a, subject="Dentist", body="Hello",
                                   now=timezone.now())
    client.force_login(world.parent_a.user)
    answer = client.post(reverse("send_message", args=[world.family.pk, thread.pk]),
                         {"body": "Pick-up at <5>"}, HTTP_HX_REQUEST="true")
    assert answer.status_code == 200
    html = answer.content.decode()
    assert html.lstrip().startswith('<li class="message mine"') and "Pick-up at &lt;5&gt;" in html
    assert "Not read yet" in html
