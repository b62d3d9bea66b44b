"""The audit log pages: a circle's (its admins) and the whole platform's (operators)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles import access, log


@login_required
@require_GET
def circle_log(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    circle = access.get_circle_for_admin(request.user, slug)
    if not access.may_read_log(request.user, circle):
        raise Http404
    page = Paginator(log.circle_log(circle), 50).get_page(request.GET.get("page"))
    context = {"circle": circle, "page": page, "lines": log.lines(list(page))}
    return render(request, "circles/log.html", context)


@login_required
@require_GET
def whole_log(request: AuthedHttpRequest) -> HttpResponse:
    if not access.may_read_whole_log(request.user):
        raise Http404
    page = Paginator(log.whole_log(), 50).get_page(request.GET.get("page"))
    context = {"circle": None, "page": page, "lines": log.lines(list(page))}
    return render(request, "circles/log.html", context)
