""" "Demander au réseau": ranked, explained answers and introduction requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.core.errors import ActionError
from passerelles.intros import access, actions, ask
from passerelles.intros.forms import AskForm, RequestForm


@login_required
def ask_network(request: AuthedHttpRequest) -> HttpResponse:
    form = AskForm(request.GET or None)
    answers, preparing, keeper_missing = None, False, False
    if form.is_valid():
        try:
            answers = ask.ask(request.user, form.cleaned_data["q"])
        except ask.KeeperMissing:  # no scheduler runs on a large site: said as it is
            keeper_missing = True
        except ask.NotReady:  # a large site's index is being built: never in a request
            preparing = True
    context = {
        "form": form,
        "answers": answers,
        "preparing": preparing,
        "keeper_missing": keeper_missing,
        "query": form.cleaned_data["q"] if form.is_valid() else "",
        "may_request": access.may_request(request.user),
    }
    return render(request, "intros/ask.html", context)


@login_required
@require_POST
def request_intro(request: AuthedHttpRequest, user_id: int) -> HttpResponse:
    profile = get_object_or_404(access.introducible_profiles(request.user), user_id=user_id)
    form = RequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Votre message est trop long."))
        return redirect("intros:ask")
    need = form.cleaned_data["need"]
    # Recompute the answer server-side: its reasons and intermediary are never taken
    # from the form.
    try:
        answers = ask.ask(request.user, need)
    except ask.NotReady:  # asked just after a restart: a direct request, without reasons
        answers = []
    answer = next((a for a in answers if a.profile.pk == profile.pk), None)
    via = answer.intermediary if form.cleaned_data["warm"] and answer else None
    intermediary = via.user if via else None
    try:
        intro = actions.do_request_introduction(
            profile.user,
            acting_user=request.user,
            need=need,
            message=form.cleaned_data["message"],
            reasons=answer.reason_data if answer else [],
            intermediary=intermediary,
        )
    except ActionError as exc:
        messages.error(request, str(exc))
        return redirect("intros:ask")
    if via:
        messages.success(
            request,
            _("Demande envoyée à %(via)s, qui vous présentera à %(name)s en cas d'accord.")
            % {"via": via.name, "name": profile.name},
        )
    else:
        messages.success(
            request,
            _("Demande envoyée à %(name)s. Un avis vous dira si elle est acceptée.")
            % {"name": profile.name},
        )
    return redirect("intros:detail", intro.pk)
