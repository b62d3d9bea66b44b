from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from passerelles.accounts.actions import do_set_name
from passerelles.accounts.models import User


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form: the name people will see."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def signup(self, request: HttpRequest, user: User) -> None:
        do_set_name(
            user, self.cleaned_data["first_name"], self.cleaned_data["last_name"], acting_user=user
        )
