from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from passerelles.members.access import get_profile_for_user, visible_profiles


@login_required
def directory(request: HttpRequest) -> HttpResponse:
    profiles = visible_profiles(request.user).select_related("user")[:50]
    return render(request, "members/directory.html", {"profiles": profiles})


@login_required
def profile_detail(request: HttpRequest, profile_id: int) -> HttpResponse:
    profile = get_profile_for_user(request.user, profile_id)
    return render(request, "members/detail.html", {"profile": profile})


@login_required
def profile_edit(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")


@login_required
def privacy(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")
