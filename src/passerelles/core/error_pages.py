"""The product's error pages: in debug mode too, and saying what was refused.

Outside debug, Django's own handlers render ``400.html``, ``403.html``, ``404.html`` and
``500.html``. In debug it shows its technical pages instead, which a person trying the
demo should not meet: ``ProductErrorPagesMiddleware``, placed just inside the language
middleware, swaps them for the product's pages in the reader's language
(the traceback still goes to the console through Django's request logger).
``PASSERELLES_TECHNICAL_ERRORS=1`` keeps the technical pages for developers.

``page_not_found`` and ``permission_denied`` (the site's ``handler404`` and ``handler403``)
and the sign-in limits' 429 render in the site's frame through ``render_error_page``: a
signed-in member keeps the navigation and the language menu, a visitor the sign-in links.
When that frame fails (the database gone while counting unread notices, a broken include),
the same words come in the bare frame, which reads nothing from the request; never a 500.

``bad_request`` is the site's ``handler400`` and is also called by
``core.middleware.RejectNulMiddleware``: it says what is too big or invalid (a form over
the upload limit is a 413). Under ``/api/`` the answer is JSON (``{"detail": ...}``), as
the API's own errors are.
"""

import logging
import os
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

PAGES = {400: "400.html", 403: "403.html", 404: "404.html", 500: "500.html"}
FRAMED = {403, 404}  # 400 and 500 keep the bare frame: the request may be what failed
FRAME = "errors/framed.html"
# The last resort when no template renders at all (the template directory unreadable).
PLAIN = (
    '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Passerelles</title>'
    '<p>%(status)s · <a href="/">Passerelles</a></p></html>'
)

logger = logging.getLogger(__name__)


def render_error_page(
    request: HttpRequest, template: str, status: int, context: dict[str, object] | None = None
) -> HttpResponse:
    """``template`` (which extends ``error_frame``) in the site's frame, else bare, else plain."""
    context = dict(context or {})
    page: str
    try:
        page = loader.render_to_string(template, {**context, "error_frame": FRAME}, request)
    except Exception:
        logger.exception("The %s page failed in the site's frame; bare frame instead", status)
        try:
            page = loader.render_to_string(template, context)
        except Exception:
            logger.exception("The %s page failed in its bare frame too", status)
            page = PLAIN % {"status": status}
    return HttpResponse(page, status=status)


def page_not_found(request: HttpRequest, exception: BaseException | None = None) -> HttpResponse:
    return render_error_page(request, "404.html", 404)


def permission_denied(request: HttpRequest, exception: BaseException | None = None) -> HttpResponse:
    return render_error_page(request, "403.html", 403)


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
        status = response.status_code
        if status in FRAMED:
            return render_error_page(request, PAGES[status], status)
        return HttpResponse(loader.render_to_string(PAGES[status]), status=status)


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
