"""After the event: attest the meetings that mattered, rate the evening."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.core.errors import ActionError
from passerelles.events import access, actions
from passerelles.events.forms import FeedbackForm
from passerelles.events.models import Feedback
from passerelles.events.plans import table_mates
from passerelles.trust.forms import USEFULNESS


@login_required
def debrief(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    event = access.get_event_for_user(request.user, event_id)
    attested = actions.attested_mates(request.user, event)
    mine = Feedback.objects.filter(event=event, user=request.user).first()
    form = FeedbackForm(initial={"rating": mine.rating, "comment": mine.comment} if mine else None)
    context = {
        "event": event,
        "mates": [
            {"user": user, "rounds": rounds, "attested": attested.get(user.pk)}
            for user, rounds in table_mates(event, request.user)
        ],
        "usefulness": USEFULNESS,
        "form": form,
        "feedback": mine,
    }
    return render(request, "events/debrief.html", context)


@login_required
@require_POST
def attest(request: AuthedHttpRequest, event_id: int, user_id: int) -> HttpResponse:
    event = access.get_event_for_user(request.user, event_id)
    other = get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    try:
        usefulness = int(request.POST.get("usefulness", "0"))
        actions.do_attest_table_mate(event, other, usefulness, acting_user=request.user)
    except ValueError:
        messages.error(request, _("Choisissez une note d'utilité."))
    except ActionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Rencontre avec %(name)s confirmée.") % {"name": other.get_full_name()},
        )
        # Back to that neighbour's row (now marked confirmed), not to the top of the page:
        # on a phone the next neighbour is right below, with no scrolling back down.
        return redirect(f"{reverse('events:debrief', args=[event.pk])}#m{other.pk}")
    return redirect("events:debrief", event.pk)  # the error at the top of the page


@login_required
@require_POST
def rate(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    event = access.get_event_for_user(request.user, event_id)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        if "rating" in form.errors:
            messages.error(request, _("Choisissez une note de 1 à 5."))
        for error in form.errors.get("comment", []):
            messages.error(request, str(error))  # e.g. the comment is too long
        return redirect("events:debrief", event.pk)
    try:
        actions.do_rate_event(
            event,
            form.cleaned_data["rating"],
            form.cleaned_data["comment"],
            acting_user=request.user,
        )
    except ActionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Merci pour votre avis."))
    return redirect("events:debrief", event.pk)
