"""Event pages: the list, an event, creating and editing it, registering."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from passerelles.accounts.http import AuthedHttpRequest
from passerelles.circles.access import (
    administered_circles,
    reachable_circle_ids,
    visible_circles,
)
from passerelles.circles.models import Circle
from passerelles.core import filter_fields
from passerelles.core.access import is_operator
from passerelles.core.errors import ActionError
from passerelles.core.pagination import CappedPaginator
from passerelles.events import access, actions, rows
from passerelles.events.calendars import event_calendar
from passerelles.events.extras import page_extras
from passerelles.events.forms import (
    AgendaFormSet,
    EventFilterForm,
    EventForm,
    default_agenda,
)
from passerelles.events.models import RegistrationStatus, agenda_in_order
from passerelles.events.queries import (
    coming_rows,
    has_table_plan,
    has_waitlist,
    hosts_among,
    one_registration,
    seen_event,
    waitlist_position,
    with_seats,
)


@login_required
@require_GET
def event_list(request: AuthedHttpRequest) -> HttpResponse:
    """Upcoming events this member may see, filterable by axis, format, circle and city."""
    if not is_operator(request.user) and set(request.GET) <= {"page"}:
        return _unfiltered_list(request)
    events = access.visible_events(request.user).filter(ends_at__gte=timezone.now())
    hosts = visible_circles(request.user).filter(pk__in=events.values("host_circle_id"))
    form = EventFilterForm(request.GET or None, circles=hosts.order_by("name"))
    offered: list[tuple[int | str, str]] | None = None  # every host, for an operator
    if not is_operator(request.user):
        # Any host filters; the list offers one's own and bridged circles (and the one
        # chosen), not the 2,000 circles whose events are open to all at scale.
        mine, bridged = reachable_circle_ids(request.user)
        chosen = request.GET.get("circle", "")
        chosen_pk = int(chosen) if chosen.isascii() and chosen.isdigit() else None
        wanted = Q(pk__in=mine | bridged) | Q(pk=chosen_pk)
        field = form.fields["circle"]
        assert isinstance(field, forms.ModelChoiceField)
        offered = [("", str(field.empty_label))] + list(
            hosts.filter(wanted).order_by("name").values_list("pk", "name")
        )
        field.widget.choices = offered
    if form.is_valid():
        data = form.cleaned_data
        if data["axis"]:
            events = events.filter(axis=data["axis"])
        if data["format"]:
            events = events.filter(format=data["format"])
        if data["circle"]:
            events = events.filter(host_circle=data["circle"])
        if data["city"]:
            events = events.filter(city__icontains=data["city"])
    events = with_seats(events.select_related("host_circle")).order_by("starts_at", "pk")
    return _list_page(request, form, offered, events)


def _unfiltered_list(request: AuthedHttpRequest) -> HttpResponse:
    """The list as a member first sees it (no filter, any page): the same page, its
    events and the hosts offered read through compiled statements (events.queries)."""
    now = timezone.now()
    mine, bridged = reachable_circle_ids(request.user)
    # Unbound, or bound to a page number only: the field's queryset is never read (no
    # circle to validate, its choices are the ones offered).
    form = EventFilterForm(request.GET or None, circles=Circle.objects.none())
    form.is_valid()
    field = form.fields["circle"]
    assert isinstance(field, forms.ModelChoiceField)
    offered: list[tuple[int | str, str]] = [("", str(field.empty_label))]
    offered += hosts_among(request.user, now, mine | bridged)
    field.widget.choices = offered
    return _list_page(request, form, offered, coming_rows(request.user, now))


def _list_page(
    request: AuthedHttpRequest,
    form: EventFilterForm,
    offered: list[tuple[int | str, str]] | None,
    events: object,
) -> HttpResponse:
    page = CappedPaginator(events, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "filter_fields": filter_fields.rendered_fields(form, FILTER_FIELDS_TEMPLATE, offered),
        "page": page,
        "cards": rows.event_cards(page.object_list, level=2),
        "query": query.urlencode(),
        "can_create": administered_circles(request.user).exists(),
    }
    return render(request, "events/list.html", context)


# The list's filter fields, as its template wrote them (core.filter_fields keeps them).
FILTER_FIELDS_TEMPLATE = (
    '{% for field in form %}<div class="field">{{ field.label_tag }}{{ field }}</div>{% endfor %}'
)


@login_required
@require_GET
def event_detail(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    event = seen_event(request.user, event_id)  # its seats taken read in the same query
    if event is None:
        raise Http404
    registration = one_registration(event, request.user)
    taken = event.taken  # type: ignore[attr-defined]  # annotated by with_seats
    registered = registration is not None and registration.status == RegistrationStatus.REGISTERED
    context = {
        "event": event,
        "registration": registration,
        "waitlist_position": waitlist_position(registration),
        "taken": taken,
        "left": max(event.capacity - taken, 0),
        "agenda": agenda_in_order(event),
        "guests": access.bridged_guests(event),
        "may_register": access.may_register_seen(request.user, event, registration),
        # Its people comment on it, a place taken through a bridge since closed included.
        "takes_part": access.takes_part_seen(request.user, event),
        "is_admin": access.may_manage(request.user, event),
        # The plan is offered to those with a seat only: not read for anyone else.
        "has_plan": registered and has_table_plan(event),
        # Freeing a seat asks first, saying it goes to the waitlist when people wait.
        "seat_awaited": registered and has_waitlist(event),
        **page_extras(event),
    }
    return render(request, "events/detail.html", context)


@login_required
def event_create(request: AuthedHttpRequest) -> HttpResponse:
    circles = list(administered_circles(request.user).order_by("name"))
    if not circles:
        messages.error(request, _("Seuls les responsables d'un cercle créent des événements."))
        return redirect("events:list")
    initial = {"host_circle": circles[0].pk}
    if slug := request.GET.get("cercle"):
        initial["host_circle"] = next((c.pk for c in circles if c.slug == slug), circles[0].pk)
    form = EventForm(request.POST or None, circles=circles, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "open_to"}
        try:
            event = actions.do_create_event(
                acting_user=request.user, open_to=form.cleaned_data["open_to"], **fields
            )
        except ActionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Événement créé. Composez maintenant son programme."))
            return redirect("events:agenda", event.pk)
    return render(request, "events/form.html", {"form": form, "creating": True})


@login_required
def event_edit(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    event = access.get_event_for_admin(request.user, event_id)
    form = EventForm(request.POST or None, instance=event, circles=[event.host_circle])
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k not in ("open_to", "host_circle")}
        try:
            actions.do_update_event(
                event, acting_user=request.user, open_to=form.cleaned_data["open_to"], **fields
            )
        except ActionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Événement mis à jour ; les agendas suivront."))
            return redirect(event)
    return render(request, "events/form.html", {"form": form, "event": event})


@login_required
def event_agenda(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    """The programme: timed moments, each with a discussion prompt picked or written."""
    event = access.get_event_for_admin(request.user, event_id)
    defaults = []
    if request.method != "POST" and not event.agenda.exists():
        defaults = default_agenda(event)  # a welcome, the rounds, free exchanges
    formset = AgendaFormSet(
        request.POST or None,
        instance=event,
        prefix="agenda",
        form_kwargs={"axis": event.axis},
        initial=defaults or None,
    )
    if defaults:
        formset.extra = len(defaults)
    if request.method == "POST" and formset.is_valid():
        try:
            actions.do_save_agenda(
                event, formset, acting_user=request.user
            )  # calendars see the change
        except ActionError as exc:
            messages.error(request, str(exc))
            return redirect(event)
        messages.success(request, _("Programme enregistré."))
        if "add" in request.POST:
            return redirect("events:agenda", event.pk)
        return redirect(event)
    return render(
        request,
        "events/agenda.html",
        {"event": event, "formset": formset, "defaults": bool(defaults)},
    )


@login_required
@require_POST
def event_cancel(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    event = access.get_event_for_admin(request.user, event_id)
    try:
        actions.do_cancel_event(event, acting_user=request.user)
    except ActionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Événement annulé ; les inscrits sont prévenus."))
    return redirect(event)


@login_required
@require_POST
def register(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    event = access.get_event_for_user(request.user, event_id)
    try:
        registration = actions.do_register(event, acting_user=request.user)
    except ActionError as exc:
        messages.error(request, str(exc))
    else:
        if registration.status == RegistrationStatus.REGISTERED:
            messages.success(request, _("Votre place est réservée. À bientôt !"))
        else:
            messages.info(
                request,
                _("C'est complet : vous êtes en liste d'attente. Une place libérée vous revient."),
            )
    return redirect(event)


@login_required
@require_POST
def unregister(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    event = access.get_event_for_user(request.user, event_id)
    registration = one_registration(event, request.user)
    if registration is None:
        messages.error(request, _("Vous n'êtes pas inscrit à cet événement."))
        return redirect(event)
    try:
        actions.do_cancel_registration(registration, acting_user=request.user)
    except ActionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Votre place est libérée. Merci de l'avoir signalé."))
        if not access.visible_events(request.user).filter(pk=event.pk).exists():
            return redirect("events:list")  # the place was all that showed it
    return redirect(event)


@login_required
@require_GET
def event_ics(request: AuthedHttpRequest, event_id: int) -> HttpResponse:
    event = access.get_event_for_user(request.user, event_id)
    response = HttpResponse(
        event_calendar(event, request.build_absolute_uri("/")[:-1]),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="evenement-{event.pk}.ics"'
    return response
