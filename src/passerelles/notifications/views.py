"""Notices and notification settings: thin views over queries and actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.core.errors import ActionError
from passerelles.notifications import actions, queries
from passerelles.notifications.forms import PreferencesForm
from passerelles.notifications.models import Notification, NotificationSettings

PER_PAGE = 30


@login_required
@require_GET
def notice_list(request: AuthedHttpRequest) -> HttpResponse:
    page = Paginator(queries.notices_of(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def mark_all_read(request: AuthedHttpRequest) -> HttpResponse:
    actions.do_mark_read(request.user, acting_user=request.user)
    return redirect("notifications:list")


@login_required
@require_GET
def open_notice(request: AuthedHttpRequest, notice_id: int) -> HttpResponse:
    """Mark one's notice read and go to the page it is about."""
    notice = get_object_or_404(Notification, pk=notice_id, user=request.user)
    actions.do_mark_read(request.user, [notice.pk], acting_user=request.user)
    safe = notice.url.startswith("/") and url_has_allowed_host_and_scheme(
        notice.url, allowed_hosts={request.get_host()}
    )
    return redirect(notice.url if safe else "notifications:list")


@login_required
def preferences(request: AuthedHttpRequest) -> HttpResponse:
    row = NotificationSettings.objects.filter(user=request.user).first()
    row = row or NotificationSettings(user=request.user)
    form = PreferencesForm(
        request.POST or None,
        initial_channels=row.all_channels(),
        weekly_digest=row.weekly_digest,
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_set_preferences(
                request.user,
                form.channels(),
                form.cleaned_data["weekly_digest"],
                acting_user=request.user,
            )
        except ActionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Vos choix de notifications sont enregistrés."))
            return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form})
