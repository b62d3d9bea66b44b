from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

#: Session key: what an invitation already knows of the person (``email``,
#: ``first_name``, ``last_name``), to prefill the sign-up form. The link proved the
#: address: signing up with that very address needs no confirmation e-mail.
SIGNUP_INITIAL = "signup_initial"


class AccountAdapter(DefaultAccountAdapter):
    """Sends someone who came through an invitation link back to it once logged in or
    signed up; account e-mails speak in the product's name."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # Failures are counted per account (settings.ACCOUNT_RATE_LIMITS["login_failed"]).
        "too_many_login_attempts": _(
            "Trop de mots de passe erronés pour ce compte : il est bloqué pendant "
            "15 minutes. Réessayez plus tard ou choisissez « Mot de passe oublié »."
        ),
    }

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """The account's failures are counted under its e-mail alone: allauth also names
        the host the request came to, so two web servers reached under two names (or two
        ports) each counted their own five. Checked by tests/jobs/test_two_servers.py."""
        return str(credentials.get("email", credentials.get("username", ""))).lower()

    def get_login_redirect_url(self, request) -> str:
        token = request.session.get("pending_invitation")
        if token:
            return reverse("circles:invitation", args=[token])
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request) -> str:
        token = request.session.get("pending_invitation")
        if token:
            return reverse("circles:invitation", args=[token])
        return super().get_signup_redirect_url(request)

    def is_email_verified(self, request, email: str) -> bool:
        proved = (request.session.get(SIGNUP_INITIAL) or {}).get("email", "")
        if proved and proved.lower() == email.lower():
            return True
        return super().is_email_verified(request, email)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth greets with the site's name; without the sites framework that is the
        host (« Bonjour, c'est 127.0.0.1:8100 ! »): name the product instead."""
        request = allauth_context.request
        if request is not None and "current_site" not in context:
            site = RequestSite(request)
            site.name = settings.SITE_NAME
            context = {**context, "current_site": site}
        super().send_mail(template_prefix, email, context)
