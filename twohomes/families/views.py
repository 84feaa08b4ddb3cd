from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from twohomes.areas import call, home_panels, record_kinds
from twohomes.records.models import LogEntry

from . import services
from .access import (
    Cap,
    active_memberships,
    can,
    family_view,
    has,
    posted,
    public_view,
    scoped,
    signed_in_view,
    visible_children,
)
from .choices import country_name, subdivision_choices
from .forms import ChildForm, FamilyForm, InviteForm, MemberForm
from .models import Invitation, InvitationStatus, Membership, MembershipStatus
from .regions import family_defaults

PENDING_INVITATION_KEY = "twohomes_pending_invitation"


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@signed_in_view()
def home(request: HttpRequest) -> HttpResponse:
    token = request.session.pop(PENDING_INVITATION_KEY, None)
    if token:
        return redirect("invitation", token=token)
    memberships = list(active_memberships(request.user))
    if len(memberships) == 1:
        return redirect("family_home", family_id=memberships[0].family_id)
    return render(request, "families/choose.html", {"memberships": memberships})


@signed_in_view(methods=("GET", "POST"))
def create_family(request: HttpRequest) -> HttpResponse:
    # A new family starts from where the browser is: its language's region, that
    # country's currency and public holidays, and (app.js) the browser's time zone.
    defaults = family_defaults(request.headers.get("Accept-Language", ""))
    form = FamilyForm(posted(request)[0], initial=defaults.as_initial())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        family = services.create_family(
            user=request.user, name=data["name"], timezone_name=data["timezone"],
            country=data["country"], subdivision=data["subdivision"], currency=data["currency"],
        )
        messages.success(request, _("Family created. Add your children next."))
        return redirect("family_home", family_id=family.pk)
    return render(request, "families/family_form.html", {"form": form, "creating": True})


@signed_in_view()
def subdivision_options(request: HttpRequest) -> HttpResponse:
    """HTMX: the region options of the chosen country."""
    country = request.GET.get("country", "")[:2].upper()
    return render(request, "families/_partials/subdivision_options.html",
                  {"choices": subdivision_choices(country)})


@family_view(Cap.VIEW_FAMILY)
def family_home(request: HttpRequest, membership: Membership) -> HttpResponse:
    today = timezone.localdate(timezone=_family_zone(membership))
    children = [(child, child.age_on(today)) for child in visible_children(membership)]
    members = None
    if has(membership, Cap.VIEW_MEMBERS):
        members = scoped(membership, Membership.objects.filter(status=MembershipStatus.ACTIVE))
        members = members.select_related("user")
    context: dict[str, Any] = {
        "membership": membership, "family": membership.family, "children": children,
        "members": members, "panels": [],
    }
    now = timezone.now()
    for panel in home_panels():  # each area's part of the Today page
        if panel.context is not None:
            context.update(call(panel.context, membership, now))
        context["panels"].append(panel.template)
    return render(request, "families/home.html", context)


def _family_zone(membership: Membership) -> Any:

    return membership.family.zone


@family_view(Cap.EDIT_FAMILY, methods=("GET", "POST"))
def family_settings(request: HttpRequest, membership: Membership) -> HttpResponse:
    family = membership.family
    form = FamilyForm(posted(request)[0], instance=family)
    if request.method == "POST" and form.is_valid():
        services.update_family(actor=membership, **{
            name: form.cleaned_data[name]
            for name in ("name", "timezone", "country", "subdivision", "currency")
        })
        messages.success(request, _("Family settings saved."))
        return redirect("family_home", family_id=family.pk)
    family.refresh_from_db()
    return render(request, "families/family_form.html", {
        "form": form, "family": family, "membership": membership,
        "country_name": country_name(family.country),
    })


@family_view(Cap.MANAGE_CHILDREN, methods=("GET", "POST"))
def add_child(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = ChildForm(posted(request)[0], family=membership.family)
    if request.method == "POST" and form.is_valid():
        child = services.add_child(actor=membership, **form.cleaned_data)
        messages.success(request, _("%(name)s added.") % {"name": child.name})
        if "add_another" in request.POST:
            return redirect("add_child", family_id=membership.family_id)
        return redirect("family_home", family_id=membership.family_id)
    return render(request, "families/child_form.html",
                  {"form": form, "membership": membership, "family": membership.family})


@family_view(Cap.MANAGE_CHILDREN, methods=("GET", "POST"))
def edit_child(request: HttpRequest, membership: Membership, child_id: int) -> HttpResponse:
    child = get_object_or_404(visible_children(membership), pk=child_id)
    form = ChildForm(posted(request)[0], instance=child, family=membership.family)
    if request.method == "POST" and form.is_valid():
        services.update_child(actor=membership, child=child, **form.cleaned_data)
        messages.success(request, _("%(name)s's details saved.") % {"name": child.name})
        return redirect("family_home", family_id=membership.family_id)
    return render(request, "families/child_form.html", {
        "form": form, "membership": membership, "family": membership.family, "child": child,
    })


@family_view(Cap.VIEW_MEMBERS)
def members(request: HttpRequest, membership: Membership) -> HttpResponse:
    active = scoped(membership, Membership.objects.filter(status=MembershipStatus.ACTIVE))
    active = active.select_related("user", "family").prefetch_related("linked_children")
    invitations = None
    if has(membership, Cap.MANAGE_MEMBERS):
        invitations = scoped(membership, Invitation.objects.filter(
            status=InvitationStatus.PENDING, expires_at__gt=timezone.now()
        ))
    return render(request, "families/members.html", {
        "membership": membership, "family": membership.family, "members": active,
        "invitations": invitations, "rows": [(m, can(m)) for m in active],
    })


@family_view(Cap.MANAGE_MEMBERS, methods=("GET", "POST"))
def invite(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = InviteForm(posted(request)[0], family=membership.family)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.invite_member(
                actor=membership, email=data["email"], role=data["role"],
                children=data["children"], access_ends=data["access_ends"],
                now=timezone.now(), base_url=request.build_absolute_uri("/").rstrip("/"),
            )
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": data["email"]})
            return redirect("members", family_id=membership.family_id)
    return render(request, "families/invite.html",
                  {"form": form, "membership": membership, "family": membership.family})


@family_view(Cap.MANAGE_MEMBERS, methods=("GET", "POST"))
def edit_member(request: HttpRequest, membership: Membership, member_id: int) -> HttpResponse:
    member = get_object_or_404(
        scoped(membership, Membership.objects.select_related("user")),
        pk=member_id, status=MembershipStatus.ACTIVE,
    )
    initial = {"role": member.role, "children": member.linked_children.all(),
               "access_ends": member.last_day}
    form = MemberForm(posted(request)[0], family=membership.family, initial=initial)
    if has(member, Cap.HOLD_CUSTODY):
        messages.error(request, _("No parent can remove or change another parent."))
        return redirect("members", family_id=membership.family_id)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.change_member(actor=membership, member=member, role=data["role"],
                                   children=data["children"], access_ends=data["access_ends"])
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(request, _("%(name)s's access saved.") % {"name": member.user.name})
            return redirect("members", family_id=membership.family_id)
    return render(request, "families/member_form.html", {
        "form": form, "member": member, "membership": membership, "family": membership.family,
    })


@family_view(Cap.MANAGE_MEMBERS, methods=("POST",))
def remove_member(request: HttpRequest, membership: Membership, member_id: int) -> HttpResponse:
    member = get_object_or_404(
        scoped(membership, Membership.objects.select_related("user")),
        pk=member_id, status=MembershipStatus.ACTIVE,
    )
    try:
        services.remove_member(actor=membership, member=member, now=timezone.now())
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("%(name)s no longer has access to this family.")
                         % {"name": member.user.name})
    return redirect("members", family_id=membership.family_id)


@family_view(Cap.MANAGE_MEMBERS, methods=("POST",))
def revoke_invitation(
    request: HttpRequest, membership: Membership, invitation_id: int
) -> HttpResponse:
    invitation = get_object_or_404(scoped(membership, Invitation.objects.all()), pk=invitation_id)
    try:
        services.revoke_invitation(actor=membership, invitation=invitation)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The invitation to %(email)s was withdrawn.")
                         % {"email": invitation.email})
    return redirect("members", family_id=membership.family_id)


@family_view(Cap.LEAVE_FAMILY, methods=("GET", "POST"))
def leave(request: HttpRequest, membership: Membership) -> HttpResponse:
    if request.method == "POST":
        try:
            services.leave_family(actor=membership, now=timezone.now())
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("You have left %(family)s.")
                             % {"family": membership.family.name})
            return redirect("home")
    return render(request, "families/leave.html",
                  {"membership": membership, "family": membership.family})


AUDIT_SHOWN = 100  # entries on one page of the audit list


@family_view(Cap.VIEW_AUDIT)
def audit_list(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The audit list newest first, a page at a time (``?before=<id>``: the page after it)."""
    events = scoped(membership, membership.family.audit_events.select_related("actor")
                    ).order_by("-id")
    before = request.GET.get("before", "")
    older = before.isascii() and before.isdigit() and len(before) < 19
    if older:
        events = events.filter(pk__lt=int(before))
    page = list(events[:AUDIT_SHOWN + 1])
    held = dict(scoped(membership, LogEntry.objects.all()).values_list("kind")
                .annotate(n=Count("pk")).values_list("kind", "n"))
    kinds = record_kinds()
    record = [(words, held[kind]) for kind, words in kinds.items() if kind in held]
    record += [(kind, n) for kind, n in sorted(held.items()) if kind not in kinds]
    return render(request, "families/audit.html", {
        "membership": membership, "family": membership.family, "events": page[:AUDIT_SHOWN],
        "older": older, "record": record,
        "next_before": page[AUDIT_SHOWN - 1].pk if len(page) > AUDIT_SHOWN else None})


@public_view(methods=("GET", "POST"))
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    now = timezone.now()
    try:
        found = services.find_invitation(token, now=now)
    except services.InvitationProblem as problem:
        return render(request, "families/invitation_problem.html",
                      {"problem": str(problem)}, status=410)
    if not request.user.is_authenticated:
        # Remembered so that after sign-up, email verification and sign-in the person
        # lands back here.
        request.session[PENDING_INVITATION_KEY] = token
        if request.method == "POST":
            return redirect("account_login")
        return render(request, "families/invitation.html", {"invitation": found})
    if request.method == "POST":
        try:
            joined = services.accept_invitation(user=request.user, token=token, now=now)
        except services.InvitationProblem as problem:
            return render(request, "families/invitation_problem.html",
                          {"problem": str(problem)}, status=409)
        request.session.pop(PENDING_INVITATION_KEY, None)
        messages.success(request, _("Welcome to %(family)s.") % {"family": joined.family.name})
        return redirect("family_home", family_id=joined.family_id)
    return render(request, "families/invitation.html", {"invitation": found})
