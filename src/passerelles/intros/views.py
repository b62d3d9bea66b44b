"""Introductions: my page, preferences, answering, after the meeting, notices."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles.access import reachable_circle_ids
from passerelles.core.errors import ActionError
from passerelles.intros import access, actions, notify, queries
from passerelles.intros.forms import PreferenceForm
from passerelles.intros.models import SHOWN_LABELS, Introduction
from passerelles.members.models import Profile
from passerelles.trust.forms import MeetingForm

NOTICES_SHOWN = 8


@login_required
def home(request: AuthedHttpRequest) -> HttpResponse:
    pref = queries.own_preference(request.user) or actions.preference_of(request.user)
    notices = queries.recent_notices(request.user, NOTICES_SHOWN)
    if len(notices) < NOTICES_SHOWN:  # all of them: the unread ones are among them
        unread = sum(1 for notice in notices if notice.read_at is None)
    else:
        unread = queries.unread_notice_count(request.user)
    context = {
        "pref": pref,
        "page": queries.intro_page(request.user),
        "notices": notices,
        "unread": unread,
        "labels": SHOWN_LABELS,
    }
    return render(request, "intros/home.html", context)


@login_required
def preferences(request: AuthedHttpRequest) -> HttpResponse:
    pref = actions.preference_of(request.user)
    had_consent = pref.consent
    _mine, bridged = reachable_circle_ids(request.user)
    form = PreferenceForm(request.POST or None, instance=pref, has_bridges=bool(bridged))
    if request.method == "POST" and form.is_valid():
        actions.do_save_preferences(form.save(commit=False), acting_user=request.user)
        if had_consent and not pref.consent:
            messages.success(
                request,
                _("Mises en relation désactivées ; les suggestions en cours sont annulées."),
            )
        else:
            messages.success(request, _("Préférences enregistrées."))
        return redirect("intros:home")
    blocked = Profile.objects.filter(
        user__in=pref.blocked.all(), user__is_active=True
    ).select_related("user")
    return render(
        request, "intros/preferences.html", {"form": form, "pref": pref, "blocked": blocked}
    )


@login_required
def detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    intro = access.get_introduction_for_user(request.user, pk)
    form = MeetingForm(initial={"happened_on": timezone.localdate()})
    return _render_detail(request, intro, form)


def _render_detail(
    request: HttpRequest, intro: Introduction, meeting_form: MeetingForm
) -> HttpResponse:
    """The introduction's page; a meeting form with errors keeps its input and says 400."""
    context = {
        "item": queries.shown(intro, request.user),
        "intro": intro,
        "labels": SHOWN_LABELS,
        "first_message": (notify.first_message(intro, request.user) if intro.connected else ""),
        "meeting_form": meeting_form,
        # A refused form shows again, with its errors, even to whoever confirmed before.
        "confirmed": intro.met_confirmed_by(request.user) and not meeting_form.errors,
    }
    status = 400 if meeting_form.errors else 200
    return render(request, "intros/detail.html", context, status=status)


@login_required
@require_POST
def decide(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    intro = access.get_introduction_for_user(request.user, pk)
    accept = request.POST.get("decision") == "accept"
    try:
        intro = actions.do_decide(intro, acting_user=request.user, accept=accept)
    except ActionError as exc:
        messages.error(request, str(exc))
        return redirect("intros:detail", intro.pk)
    if not accept:
        messages.success(request, _("C'est noté : cette personne ne vous sera plus proposée."))
        return redirect("intros:home")
    if intro.connected:
        messages.success(request, _("Vous avez accepté tous les deux : voici son contact."))
    else:
        messages.success(request, _("Merci ! Nous attendons la réponse de l'autre personne."))
    return redirect("intros:detail", intro.pk)


@login_required
@require_POST
def met(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    intro = access.get_introduction_for_user(request.user, pk)
    form = MeetingForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, intro, form)
    data = form.cleaned_data
    try:
        actions.do_confirm_meeting(
            intro,
            acting_user=request.user,
            usefulness=data["usefulness"],
            happened_on=data["happened_on"],
            opportunity=data.get("opportunity") or "",
            amount_eur=data.get("amount_eur"),
            note=data.get("note") or "",
        )
    except ActionError as exc:
        if intro.connected:
            # The form is on the page: the error shows above it, the input is kept.
            form.add_error(None, str(exc))
            return _render_detail(request, intro, form)
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Merci : votre rencontre est confirmée."))
    return redirect("intros:detail", intro.pk)


@login_required
@require_POST
def notices_read(request: AuthedHttpRequest) -> HttpResponse:
    actions.do_mark_notices_read(acting_user=request.user)
    return redirect("intros:home")


@login_required
@require_POST
def block(request: AuthedHttpRequest, user_id: int) -> HttpResponse:
    profile = get_object_or_404(access.blockable_profiles(request.user), user_id=user_id)
    if profile.user_id != request.user.pk:
        actions.preference_of(request.user).blocked.add(profile.user)
        messages.success(
            request,
            _("Vous ne recevrez plus de suggestion avec %(name)s.") % {"name": profile.name},
        )
    return redirect("intros:preferences")


@login_required
@require_POST
def unblock(request: AuthedHttpRequest, user_id: int) -> HttpResponse:
    # Only one's own block list is looked at: any other id gets the same answer, so the
    # page never tells whether an account exists.
    preference = actions.preference_of(request.user)
    preference.blocked.remove(*preference.blocked.filter(pk=user_id))
    messages.success(request, _("Membre débloqué."))
    return redirect("intros:preferences")
