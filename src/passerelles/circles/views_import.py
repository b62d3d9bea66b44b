"""Import and export of a circle's member list (CSV or XLSX)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from passerelles.circles import access


@login_required
def member_import(request: HttpRequest, slug: str) -> HttpResponse:
    access.get_circle_for_admin(request.user, slug)
    return HttpResponse("")


@login_required
def member_import_confirm(request: HttpRequest, slug: str, import_id: int) -> HttpResponse:
    access.get_circle_for_admin(request.user, slug)
    return HttpResponse("")


@login_required
def member_export(request: HttpRequest, slug: str) -> HttpResponse:
    access.get_circle_for_admin(request.user, slug)
    return HttpResponse("")
