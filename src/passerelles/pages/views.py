"""The landing page, a member's home and the language switch: pages that read from every
domain, so they sit above them all."""

from datetime import timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, IntegerField, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.accounts.models import User
from passerelles.circles import queries as circle_queries
from passerelles.circles.models import Bridge, BridgeState, Circle
from passerelles.core.choices import Axis
from passerelles.core.middleware import remember_language
from passerelles.core.statements import Statement
from passerelles.events.queries import home_events
from passerelles.events.rows import event_cards
from passerelles.intros.queries import pending_for
from passerelles.members.actions import do_keep_language
from passerelles.members.models import Profile
from passerelles.trust.models import MeetingAttestation, Vouch
from passerelles.trust.queries import count_meetings_to_confirm


def landing(request: HttpRequest) -> HttpResponse:
    """What Passerelles is, for visitors; members go to their home unless they ask."""
    if request.user.is_authenticated and "apropos" not in request.GET:
        return redirect("pages:home")
    figures = {
        "circles": Circle.objects.filter(listed=True).count(),
        "members": Profile.objects.filter(user__is_active=True).count(),
        "bridges": Bridge.objects.filter(state=BridgeState.ACTIVE).count(),
    }
    return render(request, "pages/landing.html", {"figures": figures, "axes": Axis.choices})


def _count(queryset: QuerySet[Any], common: str) -> Coalesce:
    """``queryset.count()`` as a subquery, to be read with other figures in one query;
    ``common``: a column every row of ``queryset`` has the same value in (grouped by)."""
    counted = queryset.order_by().values(common).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


# A member's own figures on the home, compiled once per process (core.statements): its
# two counted subqueries cost the web process ~2 ms of CPU to build and compile each time.
_figures = Statement(
    lambda user_id: (
        User.objects.filter(pk=user_id)
        .annotate(
            vouches=_count(
                Vouch.objects.filter(vouchee_id=user_id, revoked_at__isnull=True), "vouchee"
            ),
            attested=_count(MeetingAttestation.objects.filter(other_id=user_id), "other"),
        )
        .values_list(
            "profile__offers", "profile__needs", "profile__headline", "vouches", "attested"
        )
    )
)


def _own_figures(user: User) -> tuple[bool, int, int]:
    """(profile incomplete, vouches received, meetings to confirm) in one query, and a
    second only for a member someone attested a meeting with: which of those meetings
    they have not attested in turn."""
    rows = _figures(user.pk)
    if not rows:  # the account was deleted while the page was asked
        return True, 0, 0
    offers, needs, headline, vouches, attested = rows[0]
    meetings = count_meetings_to_confirm(user) if attested else 0
    return not (offers and needs and headline), vouches, meetings


@login_required
def home(request: AuthedHttpRequest) -> HttpResponse:
    """A member's home: my circles, what awaits me, who joined lately, what comes next."""
    user = request.user
    since = timezone.now() - timedelta(days=7)
    context = circle_queries.home_context(user, since=since)
    context["events"], context["happening"] = home_events(user, limit=4)
    context["event_cards"] = event_cards(context["events"])
    context["suggestions"] = pending_for(user, limit=3)
    incomplete, vouches, meetings = _own_figures(user)
    context["profile_incomplete"] = incomplete
    context["vouches_received"] = vouches
    context["meetings_to_confirm"] = meetings
    return render(request, "pages/home.html", context)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch (cookie, redirect back), and for a member, the choice kept
    on their profile so that e-mails reach them in that language (``core.mail``)."""
    response = django_set_language(request)
    if request.user.is_authenticated:
        code = request.POST.get("language", "")
        if do_keep_language(code, acting_user=request.user):
            remember_language(request, code)
    return response
