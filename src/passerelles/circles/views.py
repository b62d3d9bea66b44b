from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles import access, actions, rows
from passerelles.circles.forms import CircleFilterForm, CircleForm, JoinForm
from passerelles.circles.map import circle_map
from passerelles.circles.models import Circle, MembershipState
from passerelles.circles.queries import (
    LIST_ORDER,
    CountedRows,
    active_bridges,
    bridges_among,
    circle_list_rows,
    visible_circle_counted,
    with_member_counts,
)
from passerelles.core import french
from passerelles.core.access import is_operator
from passerelles.core.errors import ActionError
from passerelles.core.rows import url_maker


def circle_list(request: HttpRequest) -> HttpResponse:
    """The circles a visitor or member may see, a page at a time, with the map of the
    page's circles and the bridges between them."""
    form = CircleFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    listed: QuerySet[Circle] | CountedRows
    if any(filters.values()):
        circles = access.visible_circles(request.user)
        if q := filters["q"]:
            circles = circles.filter(Q(name__icontains=q) | Q(description__icontains=q))
        if kind := filters["kind"]:
            circles = circles.filter(kind=kind)
        if city := filters["city"]:
            circles = circles.filter(city__icontains=city)
        listed = with_member_counts(circles.order_by(*LIST_ORDER))
    else:  # the list without filters: compiled once per process
        listed = circle_list_rows(request.user)
    page = Paginator(listed, 30).get_page(request.GET.get("page"))  # type: ignore[arg-type]  # CountedRows is sliced and counted as a queryset
    shown = [c.pk for c in page]
    query = request.GET.copy()
    query.pop("page", None)
    detail_url = url_maker("circles:detail")
    context = {
        "form": form,
        "page": page,
        "cards": rows.circle_cards(page),
        "map": circle_map(
            page,
            bridges_among(shown),
            url_of=lambda circle: detail_url(circle.slug),
        ),
        "query": query.urlencode(),
    }
    return render(request, "circles/list.html", context)


def circle_detail(request: HttpRequest, slug: str) -> HttpResponse:
    user = request.user
    # get_circle_for_user, with its admitted members counted in the same query
    circle = visible_circle_counted(user, slug)
    membership = access.membership_of(user, circle)  # one per member and circle
    context = {
        "circle": circle,
        "membership": membership,
        # is_circle_admin, read from the membership already in hand
        "is_admin": is_operator(user) or (membership is not None and membership.is_admin),
        "may_recognise": access.may_recognise_circles(user),
        "can_propose_bridge": access.administered_circles(user).exclude(pk=circle.pk).exists(),
        "can_see_members": access.can_see_members(user, circle),
        "member_count": circle.members,  # type: ignore[attr-defined]
        "bridges": _visible_partners(user, circle),
        "join_form": JoinForm(),
    }
    return render(request, "circles/detail.html", context)


def _visible_partners(user, circle) -> list:
    """Bridges of ``circle`` whose other side this user may see: a private partner stays
    unnamed on a public page (``visible_partner_ids`` from the bridges read once)."""
    bridges = active_bridges([circle.pk])
    visible = access.visible_circle_ids(user, {b.other(circle).pk for b in bridges})
    return [b for b in bridges if b.other(circle).pk in visible]


@login_required
def circle_create(request: AuthedHttpRequest) -> HttpResponse:
    form = CircleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in CircleForm.Meta.fields}
        try:
            circle = actions.do_create_circle(
                acting_user=request.user, sectors=_sectors(form), **fields
            )
        except ActionError as exc:
            form.add_error("name", str(exc))
        else:
            messages.success(request, _("Le cercle « %(name)s » est créé.") % {"name": circle.name})
            return redirect(circle)
    return render(request, "circles/form.html", {"form": form, "creating": True})


def _sectors(form: CircleForm) -> str:
    from passerelles.core.choices import join_codes

    return join_codes(form.cleaned_data["sector_choices"])


@login_required
def circle_edit(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    circle = access.get_circle_for_admin(request.user, slug)
    form = CircleForm(request.POST or None, instance=circle)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in CircleForm.Meta.fields}
        waiting = circle.memberships.filter(state=MembershipState.PENDING).count()
        try:
            circle = actions.do_update_circle(
                circle, acting_user=request.user, sectors=_sectors(form), **fields
            )
        except (ActionError, ValidationError) as exc:
            form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, _("Les modifications sont enregistrées."))
            accepted = waiting - circle.memberships.filter(state=MembershipState.PENDING).count()
            if accepted:
                messages.info(
                    request,
                    ngettext(
                        "Le cercle est ouvert : la demande en attente est acceptée.",
                        "Le cercle est ouvert : les %(n)s demandes en attente sont acceptées.",
                        accepted,
                    )
                    % {"n": accepted},
                )
            return redirect(circle)
    return render(request, "circles/form.html", {"form": form, "circle": circle})


@login_required
@require_POST
def circle_join(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    circle = access.get_circle_for_user(request.user, slug)
    form = JoinForm(request.POST)
    if not form.is_valid():  # a word for the admins over 1,000 characters: nothing is sent
        messages.error(
            request,
            _(
                "Votre mot pour les responsables dépasse 1 000 caractères : raccourcissez-le."
                " Votre demande n'est pas envoyée."
            ),
        )
        return redirect(circle)
    message = form.cleaned_data["message"]
    try:
        membership = actions.do_request_to_join(circle, message, acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
        return redirect(circle)
    if membership.state == MembershipState.ADMITTED:
        messages.success(request, _("Bienvenue %(a_name)s !") % {"a_name": french.a(circle.name)})
    else:
        messages.success(
            request,
            _("Votre demande est envoyée aux responsables de %(name)s.") % {"name": circle.name},
        )
    return redirect(circle)


@login_required
@require_POST
def circle_leave(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    circle = access.get_circle_for_user(request.user, slug)
    membership = access.membership_of(request.user, circle)
    if membership is None:
        messages.error(request, _("Vous ne faites pas partie de ce cercle."))
        return redirect(circle)
    was_pending = membership.state == MembershipState.PENDING
    try:
        actions.do_leave(membership, acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
        return redirect(circle)
    if was_pending:  # a request withdrawn: she was never in
        messages.success(request, _("Votre demande est retirée."))
        return redirect(circle)
    messages.success(request, _("Vous avez quitté %(name)s.") % {"name": circle.name})
    return redirect("pages:home")


@login_required
@require_POST
def circle_recognise(request: AuthedHttpRequest, slug: str) -> HttpResponse:
    """A platform operator recognises the circle, or (``withdraw``) takes it back."""
    circle = access.get_circle_for_operator(request.user, slug)
    withdraw = request.POST.get("withdraw") == "1"
    try:
        if withdraw:
            actions.do_withdraw_recognition(circle, acting_user=request.user)
        else:
            actions.do_recognise_circle(circle, acting_user=request.user)
    except ActionError as error:
        messages.error(request, str(error))
        return redirect(circle)
    if withdraw:
        done = _(
            "La plateforme ne reconnaît plus « %(name)s » : ses membres vérifiés et ses "
            "responsables ne servent plus de points d'ancrage à la confiance."
        )
    else:
        done = _(
            "« %(name)s » est reconnu par la plateforme : ses membres vérifiés et ses "
            "responsables servent désormais de points d'ancrage à la confiance."
        )
    messages.success(request, done % {"name": circle.name})
    return redirect(circle)
