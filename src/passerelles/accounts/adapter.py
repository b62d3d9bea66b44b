from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    """Sends someone who came through an invitation link back to it once logged in."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # Failures are counted per account (settings.ACCOUNT_RATE_LIMITS["login_failed"]).
        "too_many_login_attempts": _(
            "Trop de mots de passe erronés pour ce compte : il est bloqué pendant "
            "15 minutes. Réessayez plus tard ou choisissez « Mot de passe oublié »."
        ),
    }

    def get_login_redirect_url(self, request) -> str:
        token = request.session.get("pending_invitation")
        if token:
            return reverse("circles:invitation", args=[token])
        return super().get_login_redirect_url(request)
