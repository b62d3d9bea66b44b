"""allauth's sign-up page, prefilled with what an invitation already knows."""

from allauth.account.views import SignupView

from passerelles.accounts.adapter import SIGNUP_INITIAL


class PrefilledSignupView(SignupView):
    """The address and name an invitation carries fill the form; the person may still
    change them (another address is then confirmed by e-mail as usual)."""

    def get_initial(self) -> dict:
        initial = super().get_initial()
        known = self.request.session.get(SIGNUP_INITIAL) or {}
        for field in ("email", "first_name", "last_name"):
            if known.get(field):
                initial.setdefault(field, known[field])
        return initial


signup = PrefilledSignupView.as_view()
