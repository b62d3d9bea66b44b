"""The organiser's side: participants, waitlist, check-in on the day, export, feedback."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Avg
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.core.errors import ActionError
from passerelles.core.spreadsheet import csv_response, safe_cell
from passerelles.events import access, actions
from passerelles.events.models import Feedback, Registration, RegistrationStatus


def _registrations(event):
    return event.registrations.select_related("user", "user__profile", "circle").order_by(
        "queued_at", "pk"
    )


@login_required
@require_GET
def participants(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    event = access.get_event_for_admin(request.user, event_id)
    registrations = list(_registrations(event))
    registered = [r for r in registrations if r.status == RegistrationStatus.REGISTERED]
    feedback = Feedback.objects.filter(event=event).select_related("user").order_by("-created_at")
    q = (request.GET.get("q") or "").strip().lower()
    shown = [
        r
        for r in registered
        if not q or q in r.user.get_full_name().lower() or q in r.user.email.lower()
    ]
    context = {
        "event": event,
        "registered": shown,
        "registered_count": len(registered),
        "checked_in": sum(1 for r in registered if r.checked_in_at),
        "waitlist": [r for r in registrations if r.status == RegistrationStatus.WAITLISTED],
        "cancelled": [r for r in registrations if r.status == RegistrationStatus.CANCELLED],
        "feedback": feedback,
        "rating": feedback.aggregate(avg=Avg("rating"))["avg"],
        "q": q,
    }
    return render(request, "events/participants.html", context)


@login_required
@require_POST
def check_in(request: AuthedHttpRequest, event_id: int, registration_id: int) -> HttpResponse:
    event = access.get_event_for_admin(request.user, event_id)
    registration = get_object_or_404(Registration, event=event, pk=registration_id)
    present = request.POST.get("present", "1") == "1"
    try:
        actions.do_check_in(registration, present=present, acting_user=request.user)
    except ActionError as exc:
        messages.error(request, str(exc))
    url = redirect("events:participants", event.pk).url
    q = request.POST.get("q")
    query = f"?{urlencode({'q': q})}" if q else ""
    return redirect(f"{url}{query}#r{registration.pk}")


@login_required
@require_GET
def export(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    """Participants as CSV: UTF-8 with BOM and ``;``, as French Excel opens it directly."""
    event = access.get_event_for_admin(request.user, event_id)
    filename = f"evenement-{event.pk}-participants-{timezone.localdate():%Y-%m-%d}.csv"
    response, writer = csv_response(filename)
    writer.writerow(
        [
            _("Prénom"),
            _("Nom"),
            _("E-mail"),
            _("Organisation"),
            _("Cercle"),
            _("Statut"),
            _("Inscrit le"),
            _("Présent"),
        ]
    )
    for r in _registrations(event).exclude(status=RegistrationStatus.CANCELLED):
        writer.writerow(
            safe_cell(value)
            for value in (
                r.user.first_name,
                r.user.last_name,
                r.user.email,
                r.user.profile.organisation,
                r.circle.name if r.circle else "",
                r.get_status_display(),
                f"{timezone.localtime(r.queued_at):%Y-%m-%d %H:%M}",
                _("oui") if r.checked_in_at else _("non"),
            )
        )
    return response
