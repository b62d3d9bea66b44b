from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """Sends someone who came through an invitation link back to it once logged in."""

    def get_login_redirect_url(self, request) -> str:
        token = request.session.get("pending_invitation")
        if token:
            return reverse("circles:invitation", args=[token])
        return super().get_login_redirect_url(request)
