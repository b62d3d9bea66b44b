"""The product's error pages in debug mode too (the demo runs in debug).

Outside debug, Django's own handlers render ``400.html``, ``403.html``, ``404.html`` and
``500.html``. In debug it shows its technical pages instead, which a person trying the
demo should not meet: this middleware, placed just inside the language middleware, swaps
them for the product's pages in the reader's language
(the traceback still goes to the console through Django's request logger).
``PASSERELLES_TECHNICAL_ERRORS=1`` keeps the technical pages for developers.
"""

import os
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template import loader

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
