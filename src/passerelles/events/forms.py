import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from passerelles.circles.models import Circle
from passerelles.core.choices import Axis
from passerelles.events.actions import guest_circles
from passerelles.events.models import (
    MAX_CAPACITY,
    AgendaItem,
    Event,
    EventFormat,
    Openness,
    PromptTemplate,
    RegistrationStatus,
    TablePlan,
    agenda_ordering,
)
from passerelles.events.prompts import DEFAULT_PROMPTS

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class EventForm(forms.ModelForm):
    """An event's frame; the host circle is one the organiser administers."""

    online_url = forms.URLField(label=_("Lien de visio"), required=False, assume_scheme="https")

    class Meta:
        model = Event
        fields = [
            "title",
            "axis",
            "topic",
            "format",
            "description",
            "host_circle",
            "openness",
            "open_to",
            "place",
            "city",
            "online_url",
            "starts_at",
            "ends_at",
            "capacity",
            "registration_deadline",
            "price_eur",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "axis": forms.RadioSelect,
            "openness": forms.RadioSelect,
            "open_to": forms.CheckboxSelectMultiple,
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "registration_deadline": DateTimeInput(),
        }
        help_texts = {
            "starts_at": _("Heure de Paris."),
            "price_eur": _("Laissez vide si l'événement est gratuit."),
            "open_to": _("Seuls les cercles reliés par une passerelle active sont proposés."),
        }

    def __init__(self, *args, circles=None, **kwargs):
        super().__init__(*args, **kwargs)
        circles = list(circles or [])
        self.fields["host_circle"].queryset = Circle.objects.filter(pk__in=[c.pk for c in circles])
        if self.instance.pk:
            self.fields["host_circle"].disabled = True
        guest_ids: set[int] = set()
        for circle in circles:
            guest_ids.update(guest_circles(circle).values_list("pk", flat=True))
        self.fields["open_to"].queryset = Circle.objects.filter(pk__in=guest_ids).order_by("name")
        for name in ("starts_at", "ends_at", "registration_deadline"):
            self.fields[name].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]
        self.fields["capacity"].widget.attrs.update(min=1, max=MAX_CAPACITY)

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("La fin doit suivre le début."))
        if starts and not self.instance.pk and starts <= timezone.now():
            self.add_error(
                "starts_at", _("Ce début est déjà passé : vérifiez la date, l'année comprise.")
            )
        capacity = data.get("capacity")
        if capacity and self.instance.pk:
            taken = self.instance.registrations.filter(status=RegistrationStatus.REGISTERED).count()
            if capacity < taken:
                self.add_error(
                    "capacity",
                    ngettext(
                        "%(taken)s place est déjà prise : le nombre de places ne peut pas "
                        "descendre en dessous.",
                        "%(taken)s places sont déjà prises : le nombre de places ne peut pas "
                        "descendre en dessous.",
                        taken,
                    )
                    % {"taken": taken},
                )
        deadline = data.get("registration_deadline")
        if starts and deadline and deadline > starts:
            self.add_error(
                "registration_deadline", _("La clôture des inscriptions doit précéder le début.")
            )
        if data.get("format") == EventFormat.ONLINE and not data.get("online_url"):
            self.add_error("online_url", _("Indiquez le lien de la visio."))
        if data.get("format") != EventFormat.ONLINE and not (
            data.get("place") or data.get("online_url")
        ):
            self.add_error("place", _("Indiquez un lieu ou un lien de visio."))
        host, guests = data.get("host_circle"), data.get("open_to") or []
        if data.get("openness") == Openness.BRIDGED:
            if not guests:
                self.add_error("open_to", _("Choisissez au moins un cercle relié."))
            elif host:
                allowed = set(guest_circles(host).values_list("pk", flat=True))
                refused = [c.name for c in guests if c.pk not in allowed]
                if refused:
                    self.add_error(
                        "open_to",
                        _("Pas de passerelle active entre %(host)s et : %(names)s.")
                        % {"host": host.name, "names": ", ".join(refused)},
                    )
        price = data.get("price_eur")
        if price is not None and price < 0:
            self.add_error("price_eur", _("Le prix ne peut pas être négatif."))
        return data


class EventFilterForm(forms.Form):
    axis = forms.ChoiceField(label=_("Axe"), required=False, choices=[("", _("Tous"))])
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("Tous"))] + EventFormat.choices
    )
    circle = forms.ModelChoiceField(
        label=_("Cercle"), required=False, queryset=Circle.objects.none(), empty_label=_("Tous")
    )
    city = forms.CharField(label=_("Ville"), required=False)

    def __init__(self, *args, circles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["axis"].choices = [("", _("Tous"))] + Axis.choices
        if circles is not None:
            self.fields["circle"].queryset = circles


BUILT_IN_PROMPTS = frozenset(text for texts in DEFAULT_PROMPTS.values() for text in texts)


def prompt_choices(axis: str = ""):
    """Prompt templates grouped by axis (the event's own axis first), for a <select>: the
    built-in ones in the reader's language (what picking one copies into the question),
    an organiser's own as written."""
    labels = dict(Axis.choices)
    groups: dict[str, list] = {}
    for template in PromptTemplate.objects.all():
        text = gettext(template.text) if template.text in BUILT_IN_PROMPTS else template.text
        groups.setdefault(template.axis, []).append((text, text))
    order = sorted(groups, key=lambda code: (code != axis, code))
    return [("", _("— Choisir une question type —"))] + [
        (labels[code], groups[code]) for code in order if code in labels
    ]


class AgendaItemForm(forms.ModelForm):
    template = forms.ChoiceField(label=_("Question type"), required=False)

    class Meta:
        model = AgendaItem
        fields = ["at", "minutes", "title", "template", "prompt"]
        widgets = {
            "at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "title": forms.TextInput(attrs={"placeholder": _("Tour 1, Accueil, Échanges libres…")}),
        }
        labels = {"title": _("Intitulé de la séquence (obligatoire)")}

    def __init__(self, *args, axis: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        template = self.fields["template"]
        assert isinstance(template, forms.ChoiceField)
        template.choices = prompt_choices(axis)
        self.fields["template"].widget.attrs["data-prompt-template"] = "1"

    def clean(self):
        data = super().clean()
        if data.get("template") and not data.get("prompt"):
            data["prompt"] = data["template"]
        return data


ROUND_MINUTES: dict[str, int] = {EventFormat.SPEED_MEETING: 20, EventFormat.ROUND_TABLE: 30}
DEFAULT_ROUNDS: dict[str, int] = {EventFormat.SPEED_MEETING: 4, EventFormat.ROUND_TABLE: 3}


def default_agenda(event: Event) -> list[dict]:
    """A new programme's first shape for an evening played in rounds: a welcome at the
    start time, one sequence per round (the table plan's count, else the format's usual
    one), each with a stock question of the event's axis, then free exchanges."""
    if not event.has_rounds:
        return []
    plan = TablePlan.objects.filter(event=event).first()
    rounds = plan.rounds if plan else DEFAULT_ROUNDS.get(event.format, 4)
    length = ROUND_MINUTES.get(event.format, 20)
    asked = [gettext(text) for text in DEFAULT_PROMPTS.get(event.axis, [])]
    start = timezone.localtime(event.starts_at)
    clock = dt.datetime.combine(start.date(), start.time().replace(second=0, microsecond=0))
    steps = [(15, gettext("Accueil et café"), "")]
    for r in range(rounds):
        prompt = asked[r % len(asked)] if asked else ""
        steps.append((length, gettext("Tour %(n)s") % {"n": r + 1}, prompt))
    steps.append((30, gettext("Échanges libres et conclusion"), ""))
    items = []
    for minutes, title, prompt in steps:
        items.append({"at": clock.time(), "minutes": minutes, "title": title, "prompt": prompt})
        clock += dt.timedelta(minutes=minutes)
    return items


class BaseAgendaFormSet(forms.BaseInlineFormSet):
    """The programme's forms in the evening's order, the programme page's (an evening
    starting at 00:30 lists its 23:45 welcome first)."""

    def __init__(self, *args, **kwargs):
        event = kwargs.get("instance")
        if event is not None and event.pk is not None and "queryset" not in kwargs:
            kwargs["queryset"] = AgendaItem.objects.order_by(*agenda_ordering(event))
        super().__init__(*args, **kwargs)


AgendaFormSet = forms.inlineformset_factory(
    Event,
    AgendaItem,
    form=AgendaItemForm,
    formset=BaseAgendaFormSet,
    extra=3,
    can_delete=True,
)


class PlanForm(forms.Form):
    table_size = forms.CharField(
        label=_("Taille des tables"),
        initial="6",
        max_length=100,
        help_text=_("Un nombre (6), ou une capacité par table : 6, 6, 8."),
    )
    rounds = forms.IntegerField(label=_("Nombre de tours"), min_value=1, max_value=20, initial=4)
    checked_in_only = forms.BooleanField(
        label=_("Seulement les personnes pointées présentes"), required=False
    )

    def __init__(self, *args, tables: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.theme_fields = []
        for t in range(tables):
            name = f"theme_{t}"
            self.fields[name] = forms.ChoiceField(
                label=_("Table %(n)s") % {"n": t + 1},
                required=False,
                choices=[("", _("Sans thème"))] + Axis.choices,
            )
            self.theme_fields.append(name)

    def themes(self) -> list[str]:
        return [self.cleaned_data.get(name) or "" for name in self.theme_fields]


class MoveGuestForm(forms.Form):
    """One guest to another table in one round of the plan (numbers from 1)."""

    guest = forms.TypedChoiceField(label=_("Personne"), coerce=int)
    round_number = forms.TypedChoiceField(label=_("Tour"), coerce=int)
    table = forms.TypedChoiceField(label=_("Nouvelle table"), coerce=int)

    def __init__(self, *args, guests=(), rounds: int = 0, tables: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.guest_names = dict(guests)
        choices = {
            "guest": list(self.guest_names.items()),
            "round_number": [(r, r) for r in range(1, rounds + 1)],
            "table": [(t, t) for t in range(1, tables + 1)],
        }
        for name, values in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = values


class ReplanForm(forms.Form):
    played_rounds = forms.IntegerField(label=_("Tours déjà joués"), min_value=0, max_value=19)


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Votre note"),
        coerce=int,
        choices=[(i, str(i)) for i in range(5, 0, -1)],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Un commentaire pour l'organisateur"),
        required=False,
        max_length=2000,
        error_messages={
            "max_length": _(
                "Votre commentaire dépasse %(limit_value)s caractères (%(show_value)s) : "
                "raccourcissez-le."
            )
        },
        widget=forms.Textarea(attrs={"rows": 3}),
    )
