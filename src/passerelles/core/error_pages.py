"""The product's error pages: in debug mode too, and saying what was refused.

Outside debug, Django's own handlers render ``400.html``, ``403.html``, ``404.html`` and
``500.html``. In debug it shows its technical pages instead, which a person trying the
demo should not meet: ``ProductErrorPagesMiddleware``, placed just inside the language
middleware, swaps them for the product's pages in the reader's language
(the traceback still goes to the console through Django's request logger).
``PASSERELLES_TECHNICAL_ERRORS=1`` keeps the technical pages for developers.

``bad_request`` is the site's ``handler400`` and is also called by
``core.middleware.RejectNulMiddleware``: it says what is too big or invalid (a form over
the upload limit is a 413). Under ``/api/`` the answer is JSON (``{"detail": ...}``), as
the API's own errors are.
"""

import os
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

PAGES = {400: "400.html", 403: "403.html", 404: "404.html", 500: "500.html"}


class ProductErrorPagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.active = settings.DEBUG and os.environ.get("PASSERELLES_TECHNICAL_ERRORS") != "1"

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not self.active or response.status_code not in PAGES:
            return response
        if request.path.startswith("/api/") or not _is_technical(response):
            return response
        page = loader.render_to_string(PAGES[response.status_code], request=request)
        return HttpResponse(page, status=response.status_code)


def _is_technical(response: HttpResponse) -> bool:
    """Django's debug pages (404 "Page not found", 500 traceback, bare 403/400 bodies),
    not a page that a view rendered itself with an error status."""
    if getattr(response, "streaming", False):
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    body = response.content[:4000]
    return b"site-header" not in body


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def explain(exception: BaseException | None, reason: str | None = None) -> tuple[int, str]:
    """The status and the French sentence for what was refused."""
    if isinstance(exception, RequestDataTooBig):
        return 413, _(
            "Le formulaire envoyé est trop volumineux : %(max)s Mo au plus. "
            "Raccourcissez le texte, ou envoyez un fichier plutôt qu'un texte collé."
        ) % {"max": _megabytes(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}
    if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
        return 413, _("Le formulaire envoyé compte trop de champs ou de fichiers.")
    if reason == "address":
        return 400, _(
            "Cette adresse contient un caractère invalide (un caractère nul). "
            "Vérifiez le lien que vous avez suivi."
        )
    return 400, _("La demande est mal formée. Revenez à la page précédente et réessayez.")


def bad_request(
    request: HttpRequest, exception: BaseException | None = None, reason: str | None = None
) -> HttpResponse:
    status, message = explain(exception, reason)
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": message}, status=status, json_dumps_params={"ensure_ascii": False}
        )
    # No request context: the page must render even when the request itself is unreadable.
    page = loader.render_to_string("errors/refused.html", {"message": message})
    return HttpResponse(page, status=status)
