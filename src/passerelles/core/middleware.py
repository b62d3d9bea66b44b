from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return ""
        from passerelles.members.models import Profile

        kept = Profile.objects.filter(user=user).values_list("language", flat=True).first()
        return kept or ""
