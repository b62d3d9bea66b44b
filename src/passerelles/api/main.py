"""One NinjaAPI for signed-in members (their session; CSRF token for writes).

Every object goes through the same access helpers as the pages: what a member may not
see is a 404, exactly as in the browser.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.security import django_auth

from passerelles.api import circles, events, intros, members
from passerelles.core.errors import ActionError

api = NinjaAPI(
    title="Passerelles",
    version="1",
    description="Circles, members, events and introductions, as the signed-in member sees them.",
    auth=django_auth,
    urls_namespace="api",
)
api.add_router("/me", members.me_router, tags=["me"])
api.add_router("/members", members.router, tags=["members"])
api.add_router("/circles", circles.router, tags=["circles"])
api.add_router("/events", events.router, tags=["events"])
api.add_router("/introductions", intros.router, tags=["introductions"])


@api.exception_handler(ActionError)
def refused(request: HttpRequest, exc: ActionError) -> HttpResponse:
    """A refused action: the same message as on the page, nothing written."""
    return api.create_response(request, {"detail": str(exc)}, status=400)
