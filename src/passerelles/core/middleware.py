from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

SESSION_KEY = "kept_language"  # the profile's language, cached for the session


def keep_language(request, user, code: str) -> None:
    """Keep ``code`` (if offered) on ``user``'s profile, for what is written to them later,
    and in the session; called by the switch and on sign-in (with the switch's cookie)."""
    from passerelles.members.models import Profile

    if code not in dict(settings.LANGUAGES):
        return
    Profile.objects.filter(user=user).exclude(language=code).update(language=code)
    if getattr(request, "session", None) is not None:
        request.session[SESSION_KEY] = code


class FrenchFirstLocaleMiddleware:
    """French unless the person chose another language with the switch: the cookie it
    sets, or, for a signed-in member on another device, the choice kept on their profile.

    The browser's Accept-Language is not followed: Passerelles speaks French first, and
    English is one click away for those who want it. Placed after the authentication
    middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
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
    def _kept_choice(request) -> str:
        """The language kept on the member's profile, read once per session."""
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return ""
        session = getattr(request, "session", None)
        if session is not None and SESSION_KEY in session:
            return session[SESSION_KEY]
        from passerelles.members.models import Profile

        kept = Profile.objects.filter(user=user).values_list("language", flat=True).first() or ""
        if session is not None:
            session[SESSION_KEY] = kept
        return kept
