"""Calendar feeds: a member's own (behind a secret, revocable URL) and a circle's."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles.access import get_circle_for_user
from passerelles.events import access, actions
from passerelles.events.calendars import events_calendar
from passerelles.events.models import CalendarFeed, Event, RegistrationStatus

FEED_HORIZON_DAYS = 90  # past events kept in feeds


def _ics(request: HttpRequest, body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _recent(events):
    since = timezone.now() - datetime.timedelta(days=FEED_HORIZON_DAYS)
    return events.filter(ends_at__gte=since).select_related("host_circle").order_by("starts_at")


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")[:-1]


@login_required
@require_GET
def calendar_settings(request: AuthedHttpRequest) -> HttpResponse:
    feed = actions.feed_of(request.user)
    url = request.build_absolute_uri(redirect("events:feed", feed.token).url)
    return render(request, "events/calendar.html", {"feed_url": url, "feed": feed})


@login_required
@require_POST
def regenerate_feed(request: AuthedHttpRequest) -> HttpResponse:
    """A new secret URL; the old one stops working at once."""
    actions.do_renew_feed(acting_user=request.user)
    messages.success(request, _("Nouvelle adresse créée ; l'ancienne ne fonctionne plus."))
    return redirect("events:calendar")


@require_GET
def personal_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The events one registered for (or waits for): no login, the token is the key."""
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("user"), token=token, user__is_active=True
    )
    events = Event.objects.filter(
        registrations__user=feed.user,
        registrations__status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED],
    )
    body = events_calendar(_recent(events), _("Mes événements Passerelles"), _base(request))
    return _ics(request, body, "passerelles.ics")


def _circle_feed(request: HttpRequest, user, slug: str) -> HttpResponse:
    circle = get_circle_for_user(user, slug)
    events = access.visible_events(user).filter(host_circle=circle)
    body = events_calendar(_recent(events), circle.name, _base(request))
    return _ics(request, body, f"{circle.slug}.ics")


@login_required
@require_GET
def circle_feed(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    return _circle_feed(request, request.user, slug)


@require_GET
def circle_feed_with_token(request: HttpRequest, token: str, slug: str) -> HttpResponse:
    """A circle's events for a calendar app, seen with the rights of the token's owner."""
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("user"), token=token, user__is_active=True
    )
    return _circle_feed(request, feed.user, slug)
