from __future__ import annotations

import io
import re
from typing import Any

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_htmx.http import retarget, trigger_client_event

from twohomes.families.access import Cap, family_view, has, members_with, posted, scoped
from twohomes.families.forms import error_summary
from twohomes.families.models import Membership
from twohomes.records import services as records
from twohomes.requests import HtmxHttpRequest
from twohomes.tone.models import settings_of
from twohomes.tone.widgets import check_attributes, with_tone_check

from . import services
from .display import FOLDED, message_rows
from .exports import export_scope
from .forms import AddMemberForm, ExportForm, MessageForm, NewThreadForm, PreferencesForm
from .models import Attachment, HeldMessage, Message
from .selectors import (
    ThreadSummary,
    can_write,
    get_thread,
    participants,
    thread_summaries,
    visible_threads,
)
from .trend import tone_by_month

PAGE = 30


def _joinable(membership: Membership) -> Any:
    return members_with(membership.family_id, Cap.JOIN_THREADS)


THREADS_SHOWN = 50  # conversations on one page of the list


def _after(order: list[ThreadSummary], before: str) -> int:
    """Where the page after the conversation ``before`` (its id) starts in ``order``."""
    if before.isascii() and before.isdigit() and len(before) < 19:
        for index, summary in enumerate(order):
            if summary.thread_id == int(before):
                return index + 1
    return 0


@family_view(Cap.VIEW_MESSAGES)
def thread_list(request: HttpRequest, membership: Membership) -> HttpResponse:
    order = sorted(thread_summaries(membership).values(), reverse=True,
                   key=lambda s: (s.last_at is not None, s.last_at, s.thread_id))
    start = _after(order, request.GET.get("before", ""))
    shown = order[start:start + THREADS_SHOWN]
    found = visible_threads(membership).in_bulk([s.thread_id for s in shown])
    threads = [(found[s.thread_id], s) for s in shown if s.thread_id in found]
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        results = (Message.objects.filter(thread__in=visible_threads(membership))
                   .filter(Q(body__icontains=query) | Q(thread__subject__icontains=query))
                   .select_related("thread", "author__user").order_by("-sent_at")[:50])
    return render(request, "messaging/thread_list.html", {
        "waiting": _waiting(membership, None) if has(membership, Cap.START_THREAD) else [],
        "membership": membership, "family": membership.family, "query": query,
        "fold": has(membership, Cap.CHECK_TONE) and settings_of(membership).fold_incoming,
        "folded_levels": sorted(FOLDED),
        "threads": threads, "results": results, "older": start > 0,
        "next_before": shown[-1].thread_id if start + THREADS_SHOWN < len(order) else None,
        "can_start": has(membership, Cap.START_THREAD),
        "can_export": has(membership, Cap.EXPORT_RECORD),
    })


@family_view(Cap.START_THREAD, methods=("GET", "POST"))
def new_thread(request: HttpRequest, membership: Membership) -> HttpResponse:
    joinable = _joinable(membership) if has(membership, Cap.ADD_TO_THREAD) else None
    form = NewThreadForm(*posted(request), joinable=joinable)
    with_tone_check(form, "body", membership)
    language = get_language() or ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        held = services.holds(membership, data["body"], language, data["attachments"])
        try:
            if held:
                services.hold_thread(actor=membership, subject=data["subject"],
                                     body=data["body"], members=data.get("members") or [],
                                     language=language, now=timezone.now())
            else:
                thread = services.start_thread(
                    actor=membership, subject=data["subject"], body=data["body"],
                    files=data["attachments"], members=data.get("members") or [],
                    now=timezone.now(), language=language)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if held:
                flash.info(request, _("As you chose, this new conversation waits ten minutes "
                                      "before it is started. Until then you can edit its "
                                      "message or withdraw it."))
                return redirect(reverse("thread_list", args=[membership.family_id])
                                + "#waiting")
            return redirect("thread_detail", family_id=membership.family_id, thread_id=thread.pk)
    return render(request, "messaging/thread_new.html",
                  {"membership": membership, "family": membership.family, "form": form})


def _page(thread: Any, before: str | None) -> tuple[list[Message], bool]:
    page = Message.objects.filter(thread=thread).select_related("author__user", "thread")
    if before and before.isascii() and before.isdigit() and len(before) < 19:  # an id
        page = page.filter(pk__lt=int(before))
    newest_first = list(page.order_by("-sent_at", "-id")[:PAGE + 1])
    return list(reversed(newest_first[:PAGE])), len(newest_first) > PAGE


@family_view(Cap.VIEW_MESSAGES)
def thread_detail(
    request: HtmxHttpRequest, membership: Membership, thread_id: int
) -> HttpResponse:
    thread = get_thread(membership, thread_id)
    before = request.GET.get("before")
    shown, more = _page(thread, before)
    # A view that records being viewed: each message's first reading goes in the record.
    services.record_first_views(actor=membership, messages=shown, now=timezone.now())
    fold = has(membership, Cap.CHECK_TONE) and settings_of(membership).fold_incoming
    context = {"membership": membership, "family": membership.family, "thread": thread,
               "rows": message_rows(shown, membership, fold=fold), "more": more}
    if request.htmx and before:
        return render(request, "messaging/_partials/messages_page.html", context)
    joinable = None
    people = participants(thread)
    if has(membership, Cap.ADD_TO_THREAD) and not thread.child_id:
        present = {m.pk for m in people}
        joinable = AddMemberForm(joinable=_joinable(membership).exclude(pk__in=present))
    writes = can_write(membership, thread)
    context.update({
        "form": MessageForm() if writes else None,
        "people": people, "add_form": joinable,
        "waiting": _waiting(membership, thread) if writes else [],
        "tone_check": check_attributes(membership, "body", "id_body")
        if has(membership, Cap.CHECK_TONE) else None,
    })
    return render(request, "messaging/thread_detail.html", context)


@family_view(Cap.VIEW_MESSAGES, methods=("POST",))
def send(request: HtmxHttpRequest, membership: Membership, thread_id: int) -> HttpResponse:
    thread = _writable_thread(membership, thread_id)
    form = MessageForm(request.POST, request.FILES)
    language = get_language() or ""
    if form.is_valid() and services.holds(membership, form.cleaned_data["body"], language,
                                          form.cleaned_data["attachments"]):
        return _hold(request, membership, thread, form.cleaned_data["body"], language)
    if form.is_valid():
        try:
            message = services.send_message(
                actor=membership, thread=thread, body=form.cleaned_data["body"],
                files=form.cleaned_data["attachments"], now=timezone.now(), language=language)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if request.htmx:
                response = render(request, "messaging/_partials/message.html",
                                  {"row": message_rows([message], membership)[0]})
                return trigger_client_event(response, "twohomes:sent")
            return redirect("thread_detail", family_id=membership.family_id, thread_id=thread.pk)
    if request.htmx:
        response = render(request, "messaging/_partials/form_errors.html", {"form": form})
        return retarget(response, "#composer-errors")
    flash.error(request, error_summary(form))
    return redirect("thread_detail", family_id=membership.family_id, thread_id=thread.pk)


def _waiting(membership: Membership, thread: Any) -> list[tuple[HeldMessage, dict[str, str]]]:
    """The member's own messages waiting in ``thread`` (None: new conversations), each with
    the tone check of its textarea."""
    checked = has(membership, Cap.CHECK_TONE)
    return [(held, check_attributes(membership, "body", f"held-{held.pk}", on_load=True)
             if checked else {})
            for held in HeldMessage.objects.filter(thread=thread, author=membership)
            .order_by("send_at", "pk")]


def _hold(request: HtmxHttpRequest, membership: Membership, thread: Any, body: str,
          language: str) -> HttpResponse:
    """The author's cool-down: the message waits; the thread page shows it to them alone."""
    held = services.hold_message(actor=membership, thread=thread, body=body,
                                 language=language, now=timezone.now())
    flash.info(request, _("As you chose, this message waits until %(time)s before it is sent. "
                          "Until then you can edit it or withdraw it.")
               % {"time": date_format(timezone.localtime(held.send_at), "CLOCK_FORMAT")})
    address = reverse("thread_detail", args=[membership.family_id, thread.pk])
    if request.htmx:
        # The page itself is shown again, now with the waiting message above the composer
        # (a redirect to its own address and "#waiting" would only scroll, not reload).
        response = HttpResponse()
        response["HX-Refresh"] = "true"
        return response
    return redirect(f"{address}#waiting")


def _edit_held(request: HttpRequest, membership: Membership, thread: Any) -> None:
    try:
        services.edit_held(actor=membership, thread=thread, held_id=request.POST.get("held", ""),
                           body=request.POST.get("body", ""))
    except ValidationError as error:
        flash.error(request, " ".join(error.messages))
    else:
        flash.success(request, _("Your waiting message was changed. It is still sent at its "
                                 "time."))


def _withdraw_held(request: HttpRequest, membership: Membership, thread: Any) -> None:
    try:
        services.withdraw_held(actor=membership, thread=thread,
                               held_id=request.POST.get("held", ""))
    except ValidationError as error:
        flash.error(request, " ".join(error.messages))
    else:
        flash.success(request, _("Your message was withdrawn. It was never sent, and nothing "
                                 "of it is kept."))


def _writable_thread(membership: Membership, thread_id: int) -> Any:
    thread = get_thread(membership, thread_id)
    if not can_write(membership, thread):
        raise PermissionDenied("You can read this conversation but not write in it.")
    return thread


@family_view(Cap.VIEW_MESSAGES, methods=("POST",))
def edit_waiting(request: HttpRequest, membership: Membership, thread_id: int) -> HttpResponse:
    thread = _writable_thread(membership, thread_id)
    _edit_held(request, membership, thread)
    return redirect(reverse("thread_detail", args=[membership.family_id, thread.pk])
                    + "#waiting")


@family_view(Cap.VIEW_MESSAGES, methods=("POST",))
def withdraw_waiting(request: HttpRequest, membership: Membership,
                     thread_id: int) -> HttpResponse:
    thread = _writable_thread(membership, thread_id)
    _withdraw_held(request, membership, thread)
    return redirect("thread_detail", family_id=membership.family_id, thread_id=thread.pk)


@family_view(Cap.START_THREAD, methods=("POST",))
def edit_waiting_conversation(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Change the first message of one's own new conversation while it waits."""
    _edit_held(request, membership, None)
    return redirect(reverse("thread_list", args=[membership.family_id]) + "#waiting")


@family_view(Cap.START_THREAD, methods=("POST",))
def withdraw_waiting_conversation(request: HttpRequest, membership: Membership
                                  ) -> HttpResponse:
    """Withdraw one's own new conversation while it waits: it is never started."""
    _withdraw_held(request, membership, None)
    return redirect("thread_list", family_id=membership.family_id)


@family_view(Cap.VIEW_TONE_TREND)
def tone_trend(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Counts per level, month and sender of the conversations the reader may read."""
    return render(request, "messaging/tone_trend.html", {
        "membership": membership, "family": membership.family,
        "trend": tone_by_month(membership, now=timezone.now()),
    })


@family_view(Cap.ADD_TO_THREAD, methods=("POST",))
def add_member(request: HttpRequest, membership: Membership, thread_id: int) -> HttpResponse:
    thread = get_thread(membership, thread_id)
    form = AddMemberForm(request.POST, joinable=_joinable(membership))
    if form.is_valid():
        try:
            services.add_to_thread(actor=membership, thread=thread,
                                   member=form.cleaned_data["member"], now=timezone.now())
        except ValidationError as error:
            flash.error(request, " ".join(error.messages))
        else:
            flash.success(request, _("%(name)s was added.")
                          % {"name": form.cleaned_data["member"].user.name})
    else:
        flash.error(request, _("Choose a partner, relative or professional of this family."))
    return redirect("thread_detail", family_id=membership.family_id, thread_id=thread.pk)


@family_view(Cap.VIEW_MESSAGES)
def attachment(
    request: HttpRequest, membership: Membership, attachment_id: int
) -> HttpResponseBase:
    found = get_object_or_404(
        scoped(membership, Attachment.objects.select_related("message__thread")),
        pk=attachment_id)
    if found.message is None:  # every attachment is saved with its message; never shown alone
        raise Http404
    get_thread(membership, found.message.thread_id)  # 404 unless the member is in the thread
    return records.file_download(request, membership.family, found.sha256,
                                 name=found.name, content_type=found.content_type)


@family_view(Cap.VIEW_MESSAGES, methods=("GET", "POST"))
def preferences(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = PreferencesForm(posted(request)[0], instance=services.preferences_for(membership))
    if request.method == "POST" and form.is_valid():
        form.save()
        flash.success(request, _("Notification settings saved."))
        return redirect("thread_list", family_id=membership.family_id)
    return render(request, "messaging/preferences.html",
                  {"membership": membership, "family": membership.family, "form": form})


_DOWNLOAD_KEY = re.compile(r"[0-9a-f]{16,64}")


def _downloaded(request: HttpRequest, response: FileResponse) -> FileResponse:
    """Echo the form's download key in a short-lived cookie: the page's script sees it
    arrive and unlocks the form, since a download never shows a new page."""
    key = request.POST.get("download", "")
    if _DOWNLOAD_KEY.fullmatch(key):
        response.set_cookie("twohomes_download", key, max_age=60, path=request.path,
                            secure=request.is_secure(), httponly=False, samesite="Strict")
    return response


@family_view(Cap.EXPORT_RECORD, methods=("GET", "POST"))
def export(request: HttpRequest, membership: Membership) -> HttpResponseBase:
    # Parents may export the whole record; a professional only the threads they can read.
    whole = has(membership, Cap.EXPORT_WHOLE_RECORD)
    form = ExportForm(posted(request)[0], threads=visible_threads(membership),
                      whole_record=whole)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        scope = export_scope(membership.family, thread=data["thread"], start=data["start"],
                             end=data["end"])
        out = io.BytesIO()
        try:
            records.export_bundle(membership.family, out, scope=scope, now=timezone.now())
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            out.seek(0)
            stamp = timezone.now().strftime("%Y%m%d-%H%M")
            response = FileResponse(out, as_attachment=True,
                                    filename=f"twohomes-record-{stamp}.zip",
                                    content_type="application/zip")
            return _downloaded(request, response)
    return render(request, "messaging/export.html", {
        "membership": membership, "family": membership.family, "form": form,
        "server_key": records.verifier_key().vkey(),
    })
