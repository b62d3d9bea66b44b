"""Trust pages: passports, vouching, attested meetings, endorsements, reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles.models import MembershipState
from passerelles.core.errors import ActionError
from passerelles.members.access import visible_profiles
from passerelles.members.actions import do_ensure_profile
from passerelles.members.models import Profile, Skill
from passerelles.trust import access, actions, applicants, queries
from passerelles.trust.forms import AttestForm, ReportForm, ReviewForm, VouchForm
from passerelles.trust.models import MeetingAttestation, ReportStatus, Vouch


def _profile_url(profile: Profile) -> str:
    return reverse("members:detail", args=[profile.pk])


@login_required
def passport(request: AuthedHttpRequest) -> HttpResponse:
    """My own passport, with what waits for me: meetings to confirm, vouches given.
    Its lists are read here, one query each, not from the template while it renders."""
    user = request.user
    shown = queries.passport(user, user)  # counts what waits: lists read only if any
    context = {
        "passport": shown,
        "profile": do_ensure_profile(acting_user=user),
        "is_me": True,
        "to_confirm": (queries.first_meetings_to_confirm(user, 20) if shown.unconfirmed else []),
        "given": queries.vouches_given_list(user),
        "vouches_left": actions.vouches_left_this_month(user),
        "budget": actions.monthly_budget(),
        "opportunities": (
            queries.first_recorded_opportunities(user, 20) if shown.opportunities else []
        ),
        "issued": queries.issued_passports(user),
    }
    return render(request, "trust/passport.html", context)


@login_required
def passport_of(request: AuthedHttpRequest, profile_id: int) -> HttpResponse:
    profile = access.get_profile(request.user, profile_id)
    if profile.user_id == request.user.pk:
        return redirect("trust:passport")
    context = {"passport": queries.passport(profile.user, request.user), "profile": profile}
    return render(request, "trust/passport.html", context)


@login_required
def vouch(request: AuthedHttpRequest, profile_id: int) -> HttpResponse:
    profile = access.get_profile(request.user, profile_id)
    if profile.user_id == request.user.pk:
        messages.error(request, _("Vous ne pouvez pas vous recommander vous-même."))
        return redirect(_profile_url(profile))
    existing = Vouch.objects.filter(
        voucher=request.user, vouchee=profile.user, revoked_at__isnull=True
    ).first()
    initial = None
    if existing:
        initial = {field: getattr(existing, field) for field in ("context", "strength", "text")}
    form = VouchForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            done = actions.do_vouch(profile.user, acting_user=request.user, **form.cleaned_data)
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Votre recommandation est enregistrée."))
            for membership in done.admitted_memberships:
                messages.success(
                    request,
                    _("%(name)s est désormais membre de %(circle)s.")
                    % {"name": profile.name, "circle": membership.circle.name},
                )
            return redirect(_profile_url(profile))
    context = {
        "form": form,
        "profile": profile,
        "existing": existing,
        "vouches_left": actions.vouches_left_this_month(request.user),
    }
    return render(request, "trust/vouch.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def vouch_revoke(request: AuthedHttpRequest, vouch_id: int) -> HttpResponse:
    vouch = access.get_own_vouch(request.user, vouch_id)
    try:
        actions.do_revoke_vouch(vouch, acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Votre recommandation est retirée."))
    return redirect(_safe_next(request) or "trust:passport")


def _safe_next(request: HttpRequest) -> str | None:
    """The ``next`` field if it points back into this site, else None."""
    target = request.POST.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else None


@login_required
def attest(request: AuthedHttpRequest, profile_id: int) -> HttpResponse:
    profile = access.get_profile(request.user, profile_id)
    if profile.user_id == request.user.pk:
        messages.error(request, _("Une rencontre se fait à deux."))
        return redirect(_profile_url(profile))
    form = AttestForm(request.POST or None, initial=_attest_initial(request, profile))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["opportunity"] = data["opportunity"] or ""
        try:
            actions.do_attest_meeting(profile.user, acting_user=request.user, **data)
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            if actions.meeting_is_mutual(request.user, profile.user):
                text = _("Rencontre confirmée des deux côtés : elle compte pour la confiance.")
            else:
                text = _(
                    "Rencontre enregistrée. Elle comptera quand %(name)s l'aura confirmée."
                ) % {"name": profile.name}
            messages.success(request, text)
            return redirect(_profile_url(profile))
    context = {"form": form, "profile": profile}
    return render(request, "trust/attest.html", context, status=400 if form.errors else 200)


def _attest_initial(request: AuthedHttpRequest, profile: Profile) -> dict:
    """Pre-fill from the other side's attestation when confirming it."""
    theirs = MeetingAttestation.objects.filter(
        attester=profile.user, other=request.user, pk=request.GET.get("confirmer") or 0
    ).first()
    if theirs is None:
        return {}
    return {
        "happened_on": theirs.happened_on,
        "source": theirs.source,
        "source_id": theirs.source_id,
    }


@login_required
@require_POST
def endorse(request: AuthedHttpRequest, profile_id: int, skill_id: int) -> HttpResponse:
    profile = access.get_profile(request.user, profile_id)
    skill = get_object_or_404(Skill, pk=skill_id, profiles=profile)
    try:
        if request.POST.get("withdraw"):
            actions.do_withdraw_endorsement(profile.user, skill, acting_user=request.user)
            messages.success(request, _("Confirmation retirée."))
        else:
            actions.do_endorse(profile.user, skill, acting_user=request.user)
            messages.success(
                request, _("Vous confirmez la compétence « %(skill)s ».") % {"skill": skill.name}
            )
    except ActionError as error:
        messages.error(request, str(error))
    return redirect(_profile_url(profile))


@login_required
def report(request: AuthedHttpRequest, profile_id: int) -> HttpResponse:
    profile = access.get_profile(request.user, profile_id)
    circles = access.report_circles(request.user, profile.user)
    form = ReportForm(request.POST or None, circles=circles)
    if request.method == "POST" and form.is_valid():
        circle = form.cleaned_data["circle"]
        try:
            actions.do_report(
                profile.user, form.cleaned_data["reason"], circle, acting_user=request.user
            )
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            if circle is not None:
                text = _(
                    "Merci. Les modérateurs de %(circle)s et l'équipe de Passerelles vont "
                    "examiner votre signalement."
                ) % {"circle": circle.name}
            else:
                text = _("Merci. L'équipe de Passerelles va examiner votre signalement.")
            messages.success(request, text)
            return redirect(_profile_url(profile))
    context = {"form": form, "profile": profile}
    return render(request, "trust/report.html", context, status=400 if form.errors else 200)


@login_required
def reports(request: AuthedHttpRequest) -> HttpResponse:
    """Reports to review: those sent to the circles I moderate (all, for operators).
    Only operators see who filed them."""
    reviewable = access.reviewable_reports(request.user).select_related(
        "reporter", "reporter__profile", "reported", "reported__profile", "circle"
    )
    context = {
        "show_reporter": access.can_see_reporter(request.user),
        "open": reviewable.filter(status=ReportStatus.OPEN).order_by("created_at"),
        "closed": reviewable.exclude(status=ReportStatus.OPEN).order_by("-reviewed_at")[:30],
        "form": ReviewForm(),
    }
    return render(request, "trust/reports.html", context)


@login_required
@require_POST
def report_review(request: AuthedHttpRequest, report_id: int) -> HttpResponse:
    report = access.get_report_for_moderator(request.user, report_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez de retenir ou d'écarter le signalement."))
        return redirect("trust:reports")
    uphold = form.cleaned_data["decision"] == "uphold"
    note = form.cleaned_data["note"]
    try:
        actions.do_review_report(report, acting_user=request.user, uphold=uphold, note=note)
    except ActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Signalement retenu.") if uphold else _("Signalement écarté."))
    return redirect("trust:reports")


@login_required
def applicant(request: AuthedHttpRequest, slug: str, membership_id: int) -> HttpResponse:
    """A circle's view of an applicant, for the circle's admins."""
    from passerelles.trust.admission import review
    from passerelles.trust.explain import read_trust

    membership = access.get_applicant(request.user, slug, membership_id)
    applicant_user = membership.user
    circle_review = review(membership.circle, applicant_user.pk, with_score=True)
    vouches = circle_review.from_members + circle_review.from_bridged + circle_review.from_outside
    visible = set(
        visible_profiles(request.user)
        .filter(user_id__in=[v.voucher_id for v in vouches])
        .values_list("user_id", flat=True)
    )
    for item in vouches:  # named, linked and weighed for the template
        shown = item.voucher_id in visible
        name = item.voucher.profile.name if shown else _("Un membre de Passerelles")
        item.shown_name = name  # type: ignore[attr-defined]
        item.shown_profile_id = item.voucher.profile.pk if shown else None  # type: ignore[attr-defined]
        item.circle_trust = circle_review.member_trust.get(item.voucher_id)  # type: ignore[attr-defined]
    context = {
        "membership": membership,
        "circle": membership.circle,
        "profile": applicant_user.profile,
        # An applicant who shows their profile only to their own circles: no link to a 404.
        "profile_visible": visible_profiles(request.user)
        .filter(pk=applicant_user.profile.pk)
        .exists(),
        "review": circle_review,
        "reading": read_trust(request.user, applicant_user.pk),
        "passport": queries.passport(applicant_user, request.user),
    }
    return render(request, "trust/applicant.html", context)


@login_required
def recommend_me(request: AuthedHttpRequest, token: str) -> HttpResponse:
    """The « recommandez-moi » link an applicant shares: a member of the circle (or of a
    bridged circle whose vouches count) recommends them from here."""
    membership = applicants.read_recommend_token(token)
    if membership is None:
        return render(request, "trust/recommend_me.html", {"gone": True}, status=410)
    circle, applicant_user = membership.circle, membership.user
    if not applicants.may_recommend(request.user, membership):
        context = {"refused": True, "circle": circle, "is_me": applicant_user == request.user}
        return render(request, "trust/recommend_me.html", context, status=403)
    existing = Vouch.objects.filter(
        voucher=request.user, vouchee=applicant_user, revoked_at__isnull=True
    ).first()
    initial = None
    if existing:
        initial = {field: getattr(existing, field) for field in ("context", "strength", "text")}
    form = VouchForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            done = actions.do_vouch(applicant_user, acting_user=request.user, **form.cleaned_data)
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            for admitted in done.admitted_memberships:
                if admitted.pk != membership.pk:  # this circle: the thank-you page says it
                    messages.success(
                        request,
                        _("%(name)s est désormais membre de %(circle)s.")
                        % {"name": applicant_user.profile.name, "circle": admitted.circle.name},
                    )
            return redirect("trust:recommend_done", token=token)
    context = {
        "form": form,
        "membership": membership,
        "circle": circle,
        "profile": applicant_user.profile,
        "existing": existing,
        "progress": applicants.progress(membership),
        "vouches_left": actions.vouches_left_this_month(request.user),
    }
    return render(request, "trust/recommend_me.html", context, status=400 if form.errors else 200)


@login_required
def recommend_done(request: AuthedHttpRequest, token: str) -> HttpResponse:
    """After a vouch given from a « recommandez-moi » link: thanks, and where the applicant
    now stands (not the circle's page, which would invite the voucher to join it)."""
    membership = applicants.read_recommend_token(token, pending=False)
    if membership is None or not applicants.may_recommend(request.user, membership):
        raise Http404
    applicant_user = membership.user
    given = Vouch.objects.filter(
        voucher=request.user, vouchee=applicant_user, revoked_at__isnull=True
    ).exists()
    if not given or membership.state not in (MembershipState.PENDING, MembershipState.ADMITTED):
        return redirect("trust:recommend_me", token=token)
    context = {
        "membership": membership,
        "circle": membership.circle,
        "profile": applicant_user.profile,
        "admitted": membership.state == MembershipState.ADMITTED,
        "progress": applicants.progress(membership),
        "profile_visible": visible_profiles(request.user)
        .filter(pk=applicant_user.profile.pk)
        .exists(),
    }
    return render(request, "trust/recommend_done.html", context)
