"""One NinjaAPI for members: a personal access token (``Authorization: Bearer``) or the
browser session (CSRF token for writes); see ``api/auth.py``.

Every object goes through the same access helpers as the pages: what a member may not
see is a 404, exactly as in the browser.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.security import django_auth

from passerelles.api import circles, events, intros, members
from passerelles.api.auth import TokenAuth, TooManyRequests
from passerelles.core.errors import ActionError

ERROR = {
    "type": "object",
    "properties": {"detail": {"title": "Detail"}},
    "required": ["detail"],
    "title": "Error",
}
ERRORS = {
    "400": "Refused: the action cannot be done (the message says why); nothing written.",
    "401": "Not signed in: no session, or no valid token (Authorization: Bearer pas_…).",
    "403": "Signed in, but not allowed (e.g. a read-only token asked to write).",
    "404": "Not found, or not visible to this member (the same answer for both).",
    "422": "Invalid input: the detail lists each wrong field.",
    "429": "Too many requests with this token; retry in a minute.",
}


class PasserellesAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """The generated schema, with the error answers every operation may give."""
        schema = super().get_openapi_schema(*args, **kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for code, description in ERRORS.items():
                    responses.setdefault(
                        int(code),
                        {
                            "description": description,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Error"}
                                }
                            },
                        },
                    )
        return schema


api = PasserellesAPI(
    title="Passerelles",
    version="1",
    description=(
        "Circles, members, events and introductions, as the member sees them. "
        "Scripts use a personal access token (made on the profile's token page): "
        "`Authorization: Bearer pas_…`; a read token may only read."
    ),
    auth=[TokenAuth(), django_auth],
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


@api.exception_handler(TooManyRequests)
def too_many(request: HttpRequest, exc: TooManyRequests) -> HttpResponse:
    response = api.create_response(request, {"detail": exc.message}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response
