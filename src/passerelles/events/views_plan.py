"""Table plans: the organiser generates and prints them, each participant sees theirs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.core.choices import split_codes
from passerelles.core.errors import ActionError
from passerelles.engine.tables import table_sizes
from passerelles.events import access, links, plans
from passerelles.events.forms import MoveGuestForm, PlanForm, ReplanForm
from passerelles.events.models import Registration, RegistrationStatus, TablePlan
from passerelles.events.pdf import plan_pdf


def _table_count(event, plan: TablePlan | None) -> int:
    n = len(plans.participants_for(event, checked_in_only=False))
    size = plan.table_size if plan else "6"
    try:
        return len(table_sizes(max(n, 1), plans.parse_table_size(size)))
    except (ActionError, ValueError):
        return 0


def _move_form(plan: TablePlan | None, data=None) -> MoveGuestForm:
    """The form to seat one guest elsewhere in one round: the plan's people who hold a
    place, by name; its rounds not played yet; its tables."""
    if plan is None or not plan.tables:
        return MoveGuestForm(data)
    guests = [
        (line["user"].pk, line["user"].get_full_name() or line["user"].email)
        for line in plans.people_view(plan)
        if not line["has_left"]
    ]
    return MoveGuestForm(
        data,
        guests=guests,
        rounds=len(plan.tables),
        tables=plan.table_count,
    )


@login_required
def plan(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    """Settings, generation, replanning and the printable plan, per round and per table."""
    event = access.get_event_for_admin(request.user, event_id)
    if not event.has_rounds:
        messages.info(request, _("Ce format ne se joue pas en tours de table."))
        return redirect(event)
    current = TablePlan.objects.filter(event=event).first()
    initial = {"table_size": "6", "rounds": 4}
    if current:
        initial = {"table_size": current.table_size, "rounds": current.rounds}
        for t, code in enumerate(split_codes(current.table_themes)):
            initial[f"theme_{t}"] = code
    tables = max(_table_count(event, current), current.table_count if current else 0)
    form = PlanForm(initial=initial, tables=min(tables, 60))
    replan_form = ReplanForm(initial={"played_rounds": current.played_rounds if current else 0})
    move_form = _move_form(current)
    if request.method == "POST" and "move" in request.POST:
        move_form = _move_form(current, request.POST)
        if move_form.is_valid():
            data = move_form.cleaned_data
            try:
                plans.do_move_guest(
                    event,
                    user_id=data["guest"],
                    round_number=data["round_number"],
                    table=data["table"],
                    acting_user=request.user,
                )
            except ActionError as exc:
                messages.error(request, str(exc))
            else:
                guest = move_form.guest_names[data["guest"]]
                messages.success(
                    request,
                    _("%(name)s est maintenant à la table %(table)s au tour %(round)s.")
                    % {"name": guest, "table": data["table"], "round": data["round_number"]},
                )
                return redirect("events:plan", event.pk)
    elif request.method == "POST" and "replan" in request.POST:
        replan_form = ReplanForm(request.POST)
        if replan_form.is_valid():
            try:
                plans.do_replan(
                    event,
                    acting_user=request.user,
                    played_rounds=replan_form.cleaned_data["played_rounds"],
                )
            except ActionError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Tours restants replanifiés."))
                return redirect("events:plan", event.pk)
    elif request.method == "POST":
        form = PlanForm(request.POST, tables=min(tables, 60))
        if form.is_valid():
            data = form.cleaned_data
            try:
                plans.do_generate_plan(
                    event,
                    acting_user=request.user,
                    table_size=data["table_size"],
                    rounds=data["rounds"],
                    table_themes=form.themes(),
                    checked_in_only=data["checked_in_only"],
                )
            except ActionError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Plan de table généré."))
                return redirect("events:plan", event.pk)
    context = {
        "event": event,
        "plan": current,
        "form": form,
        "replan_form": replan_form,
        "move_form": move_form,
        "rounds": plans.rounds_view(current) if current and current.tables else [],
        "people": plans.people_view(current) if current and current.tables else [],
        "changes": plans.changes_since(current) if current and current.tables else None,
        "theme_codes": split_codes(current.table_themes) if current else [],
    }
    return render(request, "events/plan.html", context)


@login_required
@require_GET
def plan_pdf_view(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    event = access.get_event_for_admin(request.user, event_id)
    current = TablePlan.objects.filter(event=event).first()
    if current is None or not current.tables:
        messages.error(request, _("Générez d'abord un plan de table."))
        return redirect("events:plan", event.pk)
    response = HttpResponse(plan_pdf(event, current), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="plan-de-table-{event.pk}.pdf"'
    return response


def _my_tables_page(request: HttpRequest, event, user, **extra) -> HttpResponse:
    current = TablePlan.objects.filter(event=event).first()
    seats = plans.seats_of(current, user) if current and not event.is_cancelled else []
    joined_after = False
    if current and not seats:
        registration = Registration.objects.filter(
            event=event, user=user, status=RegistrationStatus.REGISTERED
        ).first()
        joined_after = registration is not None and plans.came_after(current, registration)
    context = {
        "event": event,
        "seats": seats,
        "plan": current,
        "joined_after": joined_after,
        **extra,
    }
    return render(request, "events/my_tables.html", context)


@login_required
@require_GET
def my_tables(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    """On the phone, during the evening: "Tour 2 : table 5, avec …"."""
    event = access.get_event_for_user(request.user, event_id)
    registration = Registration.objects.filter(
        event=event, user=request.user, status=RegistrationStatus.REGISTERED
    ).first()
    personal_url = ""
    if registration:
        personal_url = request.build_absolute_uri(links.tables_path(registration))
    return _my_tables_page(request, event, request.user, personal_url=personal_url)


@require_GET
def my_tables_link(request: HttpRequest, token: str) -> HttpResponse:
    """The same page from the personal link, without signing in: only that participant's
    tables of that event."""
    registration = links.registration_from_token(token)
    if registration is None:
        raise Http404
    response = _my_tables_page(request, registration.event, registration.user, by_link=True)
    response["Referrer-Policy"] = "no-referrer"  # the link is a key: never pass it on
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_POST
def revoke_tables_link(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    registration = get_object_or_404(
        Registration, event_id=event_id, user=request.user, status=RegistrationStatus.REGISTERED
    )
    links.do_revoke_tables_link(registration, acting_user=request.user)
    messages.success(request, _("L'ancien lien personnel ne fonctionne plus ; voici le nouveau."))
    return redirect("events:my_tables", event_id)
