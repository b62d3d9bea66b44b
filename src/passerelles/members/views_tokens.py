"""The member's personal access tokens for the API: made (the secret shown once), listed,
revoked."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.accounts.models import ApiToken, TokenScope
from passerelles.accounts.tokens import LIFETIMES_DAYS, do_create_token, do_revoke_token
from passerelles.core.errors import ActionError


def _in_days(days: int) -> str:
    return _("%(d)d jours") % {"d": days}


_days = lazy(_in_days, str)  # worded in the reader's language, not the importer's


class TokenForm(forms.Form):
    name = forms.CharField(
        label=pgettext_lazy("nom d'un jeton", "Nom"),
        max_length=60,
        help_text=gettext_lazy("L'outil ou le script qui l'utilisera."),
    )
    scope = forms.ChoiceField(
        label=gettext_lazy("Droits"),
        choices=TokenScope.choices,
        initial=TokenScope.READ,
        widget=forms.RadioSelect,
    )
    days = forms.TypedChoiceField(
        label=gettext_lazy("Durée"),
        coerce=int,
        choices=[(d, _days(d)) for d in LIFETIMES_DAYS],
        initial=90,
    )


@login_required
def tokens(request: AuthedHttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, secret = do_create_token(
                request.user,
                form.cleaned_data["name"],
                form.cleaned_data["scope"],
                form.cleaned_data["days"],
                acting_user=request.user,
            )
        except ActionError as error:
            form.add_error(None, str(error))
        else:
            form = TokenForm()
    context = {
        "form": form,
        "secret": secret,
        "tokens": ApiToken.objects.filter(user=request.user),
    }
    return render(request, "members/tokens.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def revoke_token(request: AuthedHttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    do_revoke_token(token, acting_user=request.user)
    messages.success(request, _("Le jeton « %(name)s » est révoqué.") % {"name": token.name})
    return redirect("members:tokens")
