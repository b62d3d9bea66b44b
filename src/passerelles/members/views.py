from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles.access import visible_circles
from passerelles.circles.models import MembershipState
from passerelles.core.choices import Axis
from passerelles.core.pagination import CappedPaginator
from passerelles.members import export, rows, search
from passerelles.members.access import get_profile_for_user
from passerelles.members.actions import (
    ActionError,
    do_close_account,
    do_ensure_profile,
    do_update_profile,
)
from passerelles.members.erasure import circles_blocking_deletion, circles_owned_alone
from passerelles.members.forms import (
    LANGUAGES,
    DeleteAccountForm,
    DirectoryFilterForm,
    ProfileForm,
    link_label,
    safe_links,
)
from passerelles.members.models import Profile

PAGE_SIZE = 24


def axis_badges(profile: Profile) -> list[tuple[str, str]]:
    labels = dict(Axis.choices)
    return [(code, str(labels[code])) for code in profile.theme_list if code in labels]


def language_labels(profile: Profile) -> list[str]:
    labels = dict(LANGUAGES)
    return [str(labels[code]) for code in profile.language_list if code in labels]


@login_required
def directory(request: AuthedHttpRequest) -> HttpResponse:
    """The members one may see, filtered and searched; htmx asks for the results only."""
    form = DirectoryFilterForm(request.user, request.GET or None)
    profiles = search.directory_for(request.user, form.filters())
    page = CappedPaginator(profiles, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    rows.with_skill_names(page.object_list)
    rows.with_shared_circles(request.user, page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "cards": rows.directory_cards(page.object_list),
        "query": query.urlencode(),
    }
    if request.htmx and request.htmx.target == "results":
        return render(request, "members/_results.html", context)
    context["skill_options"] = rows.skill_options(search.popular_skill_names())
    return render(request, "members/directory.html", context)


@login_required
def profile_detail(request: AuthedHttpRequest, profile_id: int) -> HttpResponse:
    profile = get_profile_for_user(request.user, profile_id)
    circles = visible_circles(request.user).filter(
        memberships__user=profile.user, memberships__state=MembershipState.ADMITTED
    )
    links = [(url, link_label(url)) for url in safe_links(profile.links)]
    context = {
        "profile": profile,
        "is_me": profile.user_id == request.user.pk,
        "skills": profile.skills.all(),
        "axis_badges": axis_badges(profile),
        "languages": language_labels(profile),
        "links": links,
        "circles": circles.order_by("name").distinct(),
    }
    return render(request, "members/detail.html", context)


@login_required
def profile_edit(request: AuthedHttpRequest) -> HttpResponse:
    profile = do_ensure_profile(acting_user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        do_update_profile(
            profile,
            acting_user=request.user,
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            skills=form.cleaned_data["skill_tags"],
            **form.profile_fields(),
        )
        messages.success(request, _("Votre profil est enregistré."))
        return redirect("members:detail", profile.pk)
    return render(request, "members/edit.html", {"form": form, "profile": profile})


@login_required
def privacy(request: AuthedHttpRequest) -> HttpResponse:
    profile = do_ensure_profile(acting_user=request.user)
    return render(request, "members/privacy.html", _privacy_context(request, profile))


def _privacy_context(request: AuthedHttpRequest, profile: Profile, form=None) -> dict:
    return {
        "profile": profile,
        "form": form or DeleteAccountForm(request.user),
        "blocking_circles": circles_blocking_deletion(request.user).order_by("name"),
        "circles_deleted_with_account": circles_owned_alone(request.user).order_by("name"),
    }


@login_required
def export_data(request: AuthedHttpRequest) -> HttpResponse:
    """Everything Passerelles holds about the signed-in user, as a JSON download."""
    response = JsonResponse(
        export.personal_data(request.user),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="passerelles-mes-donnees-{stamp}.json"'
    return response


@login_required
def export_page(request: AuthedHttpRequest) -> HttpResponse:
    """The same export as a page to read (and print), section by section."""
    data = export.personal_data(request.user)
    sections = export.readable(data)
    return render(request, "members/export.html", {"sections": sections, "data": data})


@login_required
@require_POST
def delete_account(request: AuthedHttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST)
    if not form.is_valid():
        profile = do_ensure_profile(acting_user=request.user)
        context = _privacy_context(request, profile, form)
        return render(request, "members/privacy.html", context, status=400)
    try:
        do_close_account(request.user, acting_user=request.user)
    except ActionError as exc:
        form.add_error(None, str(exc))
        profile = do_ensure_profile(acting_user=request.user)
        context = _privacy_context(request, profile, form)
        return render(request, "members/privacy.html", context, status=400)
    logout(request)
    messages.success(
        request, _("Votre compte est supprimé et vos données personnelles sont effacées.")
    )
    return redirect("pages:landing")
