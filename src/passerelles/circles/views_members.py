"""Membership of a circle: the member list, requests, invitations, roles."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from passerelles.accounts.adapter import SIGNUP_INITIAL
from passerelles.accounts.http import AuthedHttpRequest
from passerelles.accounts.models import User
from passerelles.circles import access, actions
from passerelles.circles.forms import InviteForm
from passerelles.circles.models import Invitation, Membership, MembershipState
from passerelles.core import french
from passerelles.core.errors import ActionError


def _membership_for_admin(request: HttpRequest, slug: str, membership_id: int) -> Membership:
    circle = access.get_circle_for_admin(request.user, slug)
    return get_object_or_404(
        Membership.objects.select_related("user", "circle"), pk=membership_id, circle=circle
    )


@login_required
def member_list(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    circle = access.get_circle_for_user(request.user, slug)
    if not access.can_see_members(request.user, circle):
        raise Http404
    is_admin = access.is_circle_admin(request.user, circle)
    admitted = (
        access.visible_members(request.user, circle.memberships.admitted())
        .select_related("user", "user__profile")
        .order_by("user__last_name", "user__first_name")
    )
    context = {
        "circle": circle,
        "is_admin": is_admin,
        "page": Paginator(admitted, 50).get_page(request.GET.get("page")),
        "pending": circle.memberships.filter(state=MembershipState.PENDING)
        .select_related("user", "user__profile")
        .order_by("requested_at")
        if is_admin
        else [],
        "invitations": circle.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True)
        .select_related("invited_by")
        .order_by("-sent_at")[:100]
        if is_admin
        else [],
        "my_membership": access.membership_of(request.user, circle),
        "may_transfer": access.may_transfer_ownership(request.user, circle),
    }
    context["manages_admins"] = access.may_manage_admins(request.user, circle)
    return render(request, "circles/members.html", context)


def _answer(request: HttpRequest, slug: str, membership_id: int, action, done: str):
    membership = _membership_for_admin(request, slug, membership_id)
    try:
        action(membership, acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done % {"name": membership.user})
    return redirect("circles:members", slug)


@login_required
@require_POST
def member_approve(request: AuthedHttpRequest, slug: str, membership_id: int) -> HttpResponse:
    return _answer(
        request, slug, membership_id, actions.do_approve, _("%(name)s est admis dans le cercle.")
    )


@login_required
@require_POST
def member_decline(request: AuthedHttpRequest, slug: str, membership_id: int) -> HttpResponse:
    return _answer(
        request, slug, membership_id, actions.do_decline, _("La demande de %(name)s est refusée.")
    )


@login_required
@require_POST
def member_remove(request: AuthedHttpRequest, slug: str, membership_id: int) -> HttpResponse:
    return _answer(
        request, slug, membership_id, actions.do_remove, _("%(name)s est retiré du cercle.")
    )


@login_required
@require_POST
def member_role(request: AuthedHttpRequest, slug: str, membership_id: int) -> HttpResponse:
    role = request.POST.get("role", "")
    return _answer(
        request,
        slug,
        membership_id,
        lambda m, acting_user: actions.do_change_role(m, role, acting_user=acting_user),
        _("Le rôle de %(name)s est modifié."),
    )


@login_required
@require_POST
def member_transfer(request: AuthedHttpRequest, slug: str, membership_id: int) -> HttpResponse:
    membership = _membership_for_admin(request, slug, membership_id)
    if not access.may_transfer_ownership(request.user, membership.circle):
        raise Http404
    try:
        actions.do_transfer_ownership(membership, acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(name)s est maintenant responsable du cercle.") % {"name": membership.user}
        )
    return redirect("circles:members", slug)


@login_required
def invite(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    circle = access.get_circle_for_admin(request.user, slug)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sent, refused = actions.do_invite_many(
            circle, form.cleaned_data["emails"], acting_user=request.user
        )
        if sent:
            messages.success(
                request,
                ngettext("%(n)d invitation envoyée.", "%(n)d invitations envoyées.", sent)
                % {"n": sent},
            )
        for reason in refused:
            messages.warning(request, reason)
        return redirect("circles:members", slug)
    return render(request, "circles/invite.html", {"circle": circle, "form": form})


def invitation_landing(request: HttpRequest, token: str) -> HttpResponse:
    """The page an invitation link opens: sign up or log in, then accept."""
    already = actions.accepted_invitation(token, request.user)
    if already is not None:
        request.session.pop("pending_invitation", None)
        return redirect(already.circle)
    try:
        invitation = actions.read_invitation_token(token)
    except ActionError as error:
        return render(request, "circles/invitation.html", {"error": str(error)}, status=410)
    if request.method == "POST" and request.user.is_authenticated:
        return _accept(request, request.user, invitation)
    request.session["pending_invitation"] = token
    if not request.user.is_authenticated:
        # The link proved the address: signing up with it needs no confirmation e-mail,
        # and the form starts with the name the organiser gave.
        request.session[SIGNUP_INITIAL] = {
            "email": invitation.email,
            "first_name": invitation.first_name,
            "last_name": invitation.last_name,
        }
    context = {
        "invitation": invitation,
        "next": reverse("circles:invitation", args=[token]),
        # signed in with another address: said before any button, with the way out
        "other_account": request.user.is_authenticated
        and request.user.email.lower() != invitation.email.lower(),
    }
    return render(request, "circles/invitation.html", context)


@login_required
@require_POST
def accept_invitation_direct(request: AuthedHttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=invitation_id, email__iexact=request.user.email)
    return _accept(request, request.user, invitation)


def _accept(request: HttpRequest, user: User, invitation: Invitation) -> HttpResponse:
    try:
        actions.do_accept_invitation(invitation, acting_user=user)
    except ActionError as error:
        messages.error(request, str(error))
        return redirect("pages:home")
    request.session.pop("pending_invitation", None)
    messages.success(
        request, _("Bienvenue %(a_name)s !") % {"a_name": french.a(invitation.circle.name)}
    )
    return redirect(invitation.circle)


@login_required
@require_POST
def invitation_revoke(request: AuthedHttpRequest, slug: str, invitation_id: int) -> HttpResponse:
    circle = access.get_circle_for_admin(request.user, slug)
    invitation = get_object_or_404(Invitation, pk=invitation_id, circle=circle)
    try:
        actions.do_revoke_invitation(invitation, acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("L'invitation est annulée."))
    return redirect("circles:members", slug)


@login_required
@require_POST
def invitation_resend(request: AuthedHttpRequest, slug: str, invitation_id: int) -> HttpResponse:
    circle = access.get_circle_for_admin(request.user, slug)
    invitation = get_object_or_404(Invitation, pk=invitation_id, circle=circle)
    try:
        actions.do_resend_invitation(invitation, acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("L'invitation est renvoyée à %(email)s.") % {"email": invitation.email}
        )
    return redirect("circles:members", slug)
