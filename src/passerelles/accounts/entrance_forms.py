"""allauth's sign-in, sign-up and password forms with the product's labels
(settings.ACCOUNT_FORMS): allauth's French said « Courriel » where every other page says
« Adresse e-mail », and « Se souvenir de moi » for what keeps a member signed in.

Kept apart from accounts/forms.py, which allauth imports while building its own forms
(importing allauth's forms there would be circular)."""

from typing import TYPE_CHECKING

from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

EMAIL = _("Adresse e-mail")
# A field's errors under its label (accounts/jinja2/accounts/entrance_form.html).
FORM_TEMPLATE = "accounts/entrance_form.html"


def _relabel(form: forms.Form, **labels: "_StrPromise") -> None:
    for name, label in labels.items():
        if name in form.fields:
            form.fields[name].label = label


class LoginForm(allauth_forms.LoginForm):
    template_name_p = FORM_TEMPLATE

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, login=EMAIL, remember=_("Rester connecté sur cet appareil"))
        if "remember" in self.fields:
            self.fields["remember"].label_suffix = ""  # a box's label, not a field's title


class SignupForm(allauth_forms.SignupForm):
    template_name_p = FORM_TEMPLATE

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, email=EMAIL)


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    template_name_p = FORM_TEMPLATE

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, email=EMAIL)


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):
    template_name_p = FORM_TEMPLATE


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    template_name_p = FORM_TEMPLATE
