"""Table plans: the organiser generates and prints them, each participant sees theirs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from passerelles.core.choices import split_codes
from passerelles.core.errors import ActionError
from passerelles.engine.tables import table_sizes
from passerelles.events import access, plans
from passerelles.events.forms import PlanForm, ReplanForm
from passerelles.events.models import TablePlan
from passerelles.events.pdf import plan_pdf


def _table_count(event, plan: TablePlan | None) -> int:
    n = len(plans.participants_for(event, checked_in_only=False))
    size = plan.table_size if plan else "6"
    try:
        return len(table_sizes(max(n, 1), plans.parse_table_size(size)))
    except (ActionError, ValueError):
        return 0


@login_required
def plan(request: HttpRequest, event_id: int) -> HttpResponse:
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
    if request.method == "POST" and "replan" in request.POST:
        replan_form = ReplanForm(request.POST)
        if replan_form.is_valid():
            try:
                plans.do_replan(event, played_rounds=replan_form.cleaned_data["played_rounds"])
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
        "rounds": plans.rounds_view(current) if current and current.tables else [],
        "people": plans.people_view(current) if current and current.tables else [],
    }
    return render(request, "events/plan.html", context)


@login_required
@require_GET
def plan_pdf_view(request: HttpRequest, event_id: int) -> HttpResponse:
    event = access.get_event_for_admin(request.user, event_id)
    current = TablePlan.objects.filter(event=event).first()
    if current is None or not current.tables:
        messages.error(request, _("Générez d'abord un plan de table."))
        return redirect("events:plan", event.pk)
    response = HttpResponse(plan_pdf(event, current), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="plan-de-table-{event.pk}.pdf"'
    return response


@login_required
@require_GET
def my_tables(request: HttpRequest, event_id: int) -> HttpResponse:
    """On the phone, during the evening: "Tour 2 : table 5, avec …"."""
    event = access.get_event_for_user(request.user, event_id)
    current = TablePlan.objects.filter(event=event).first()
    seats = plans.seats_of(current, request.user) if current else []
    return render(
        request, "events/my_tables.html", {"event": event, "seats": seats, "plan": current}
    )
