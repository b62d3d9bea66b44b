from collections.abc import Callable
from urllib.parse import unquote

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

SESSION_KEY = "kept_language"  # the profile's language, cached for the session

GetResponse = Callable[[HttpRequest], HttpResponse]


def remember_language(request: HttpRequest, code: str) -> None:
    """Cache in the session the language just kept on the member's profile (the switch,
    sign-in), so that the middleware need not read the profile again."""
    if code in dict(settings.LANGUAGES) and getattr(request, "session", None) is not None:
        request.session[SESSION_KEY] = code


class FrenchFirstLocaleMiddleware:
    """French unless the person chose another language with the switch: the cookie it
    sets, or, for a signed-in member on another device, the choice kept on their profile.

    The browser's Accept-Language is not followed: Passerelles speaks French first, and
    English is one click away for those who want it. Placed after the authentication
    middleware.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if chosen not in self.available:
            chosen = self._kept_choice(request)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response

    @staticmethod
    def _kept_choice(request: HttpRequest) -> str:
        """The language kept on the member's profile, read once per session."""
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return ""
        session = getattr(request, "session", None)
        if session is not None and SESSION_KEY in session:
            return str(session[SESSION_KEY])
        profile = getattr(user, "profile", None)  # the members app gives every user one
        kept = getattr(profile, "language", "") or ""
        if session is not None:
            session[SESSION_KEY] = kept
        return kept


class RejectNulMiddleware:
    """A NUL character in the path or the query string is a 400.

    No address of the site contains one and browsers never send one, but databases refuse
    them (PostgreSQL raises on a NUL in a query parameter): answering early keeps odd input
    from ever becoming a server error. Placed right after the security middleware.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = unquote(request.META.get("QUERY_STRING", ""))
        if "\x00" in request.path or "\x00" in query:
            from passerelles.core.error_pages import bad_request

            return bad_request(request, reason="address")
        return self.get_response(request)
