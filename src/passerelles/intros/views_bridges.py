"""A circle's bridge suggestions as a fragment of its bridges page: the page shows them
at once when computed, says so while they are being computed and fetches this fragment
again every few seconds until they come (``intros/_bridge_suggestions.html``)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.accounts.models import AnyUser
from passerelles.circles.access import get_circle_for_admin
from passerelles.circles.models import Circle
from passerelles.intros.bridge_advisor import KeeperMissing, NotReady, suggest_bridges

SHOWN = 5
POLL_SECONDS = 2  # the page asks again after this while the advice is computed...
SLOW_POLL_SECONDS = 15  # ...and after this once it has asked FAST_POLLS times
FAST_POLLS = 30


def advice_context(circle: Circle, user: AnyUser, *, limit: int = SHOWN, polls: int = 0) -> dict:
    """What the suggestions' fragment shows: the suggestions, or that they are being
    computed (with when to ask again), or that nothing computes them."""
    try:
        suggestions = suggest_bridges(circle, user, limit=limit)
    except KeeperMissing:  # no scheduler runs on a large site: said as it is
        return {"circle": circle, "suggestions": [], "keeper_missing": True}
    except NotReady:  # computed off the request path: said, then fetched again
        return {
            "circle": circle,
            "suggestions": [],
            "preparing": True,
            "polls": polls + 1,
            "poll_after": POLL_SECONDS if polls < FAST_POLLS else SLOW_POLL_SECONDS,
        }
    return {"circle": circle, "suggestions": suggestions}


@login_required
@require_GET
def bridge_suggestions(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    circle = get_circle_for_admin(request.user, slug)
    polls = request.GET.get("n", "0")
    context = advice_context(circle, request.user, polls=int(polls) if polls.isdigit() else 0)
    return render(request, "intros/_bridge_suggestions.html", context)
