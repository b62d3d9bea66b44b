"""The landing page, a member's home and the language switch: pages that read from every
domain, so they sit above them all."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles import queries as circle_queries
from passerelles.circles.models import Bridge, BridgeState, Circle
from passerelles.core.choices import Axis
from passerelles.core.middleware import remember_language
from passerelles.events.queries import happening_for, upcoming_for
from passerelles.events.rows import event_cards
from passerelles.intros.queries import pending_for
from passerelles.members.actions import do_keep_language
from passerelles.members.models import Profile
from passerelles.trust.models import Vouch
from passerelles.trust.queries import meetings_to_confirm


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


@login_required
def home(request: AuthedHttpRequest) -> HttpResponse:
    """A member's home: my circles, what awaits me, who joined lately, what comes next."""
    since = timezone.now() - timedelta(days=7)
    context = circle_queries.home_context(request.user, since=since)
    context["events"] = upcoming_for(request.user, limit=4)
    context["event_cards"] = event_cards(context["events"])
    context["happening"] = happening_for(request.user)
    context["suggestions"] = pending_for(request.user, limit=3)
    profile = request.user.profile
    context["profile_incomplete"] = not (profile.offers and profile.needs and profile.headline)
    context["vouches_received"] = Vouch.objects.filter(
        vouchee=request.user, revoked_at__isnull=True
    ).count()
    context["meetings_to_confirm"] = meetings_to_confirm(request.user).count()
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
