import re
from collections.abc import Callable
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from passerelles.circles.access import reachable_circle_ids, visible_circles
from passerelles.circles.models import Circle
from passerelles.core import filter_fields
from passerelles.core.choices import Axis, Sector, join_codes
from passerelles.core.statements import Statement
from passerelles.members.erasure import circles_blocking_deletion
from passerelles.members.models import Profile, Visibility

LANGUAGES = [
    ("fr", _("Français")),
    ("en", _("Anglais")),
    ("de", _("Allemand")),
    ("es", _("Espagnol")),
    ("it", _("Italien")),
    ("ar", _("Arabe")),
    ("pt", _("Portugais")),
    ("zh", _("Chinois")),
]

VISIBILITY_EXPLAINED = [
    (
        Visibility.CIRCLES,
        _("Mes cercles : seuls les membres des cercles dont je fais partie voient mon profil."),
    ),
    (
        Visibility.BRIDGED,
        _(
            "Mes cercles et les cercles reliés (recommandé) : s'y ajoutent les membres des "
            "cercles qui ont ouvert une passerelle avec l'un des miens."
        ),
    ),
    (
        Visibility.ALL,
        _("Tous les membres : toute personne inscrite sur Passerelles peut voir mon profil."),
    ),
]

MAX_SKILLS = 20
MAX_SKILL_LENGTH = 40
MAX_LINKS = 5
DEPARTMENT_RE = re.compile(r"^(0[1-9]|1\d|[3-8]\d|9[0-5]|2[1-9]|2A|2B|97[1-6])$")


def normalise_skills(text: str) -> list[str]:
    """Comma-separated tags, lower-case, single-spaced, de-duplicated in order."""
    tags = (" ".join(tag.split()).lower() for tag in (text or "").split(","))
    return list(dict.fromkeys(tag for tag in tags if tag))


def safe_links(text: str) -> list[str]:
    """The lines of ``text`` that are valid http(s) URLs (what a page may render as links)."""
    validate = URLValidator(schemes=["http", "https"])
    links = []
    for line in (text or "").splitlines():
        line = line.strip()
        try:
            validate(line)
        except ValidationError:
            continue
        links.append(line)
    return links


def link_label(url: str) -> str:
    parts = urlsplit(url)
    return (parts.netloc + parts.path).removeprefix("www.").rstrip("/")


# The directory filters' fields, as its template wrote them (core.filter_fields keeps them).
FIELDS_TEMPLATE = """{% for field in form %}
  <div class="field">{{ field.label_tag }}{{ field }}{% if field.errors %}<span class="errorlist small" role="alert">{{ field.errors|join:" " }}</span>{% endif %}</div>
  {% endfor %}"""  # noqa: E501 (the directory's markup, one line per field)


# The circles the directory's filter offers without a chosen one (the viewer's own and
# bridged ones), compiled once per process (core.statements): ~0.4 ms of CPU a page.
_reachable_circles = Statement(
    lambda circle_ids: (
        Circle.objects.filter(pk__in=circle_ids).order_by("name").values_list("slug", "name")
    )
)


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Rechercher"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("nom, offre, besoin…")}),
    )
    circle = forms.ModelChoiceField(
        label=_("Cercle"),
        queryset=Circle.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("Tous"),
    )
    sector = forms.ChoiceField(
        label=_("Secteur"), required=False, choices=[("", _("Tous"))] + Sector.choices
    )
    city = forms.CharField(
        label=_("Commune ou département"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("Lyon, 69…")}),
    )
    theme = forms.ChoiceField(
        label=_("Axe d'intérêt"), required=False, choices=[("", _("Tous"))] + Axis.choices
    )
    skill = forms.CharField(
        label=_("Compétence"),
        required=False,
        max_length=MAX_SKILL_LENGTH,
        widget=forms.TextInput(attrs={"list": "skill-names"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offered: Callable[[], list[tuple[str, str]]] | None = None  # reads the list
        chosen = self.data.get("circle") or ""
        if user.is_staff or chosen:
            # The rule of visible circles is built only when it is needed: to validate a
            # chosen circle, or to list every circle to an operator.
            circles = visible_circles(user).order_by("name")
            self.fields["circle"].queryset = circles
        if not user.is_staff:
            # Any visible circle filters; the list offers those whose members one sees
            # (one's own and bridged ones, visible by that rule), not every listed circle
            # (2,000 at scale), and the chosen one if visible.
            mine, bridged = reachable_circle_ids(user)
            if chosen:
                offered = circles.filter(Q(pk__in=mine | bridged) | Q(slug=chosen))
                self.offered = lambda: list(offered.values_list("slug", "name"))
            else:
                self.offered = lambda: _reachable_circles(mine | bridged)
            empty = ("", self.fields["circle"].empty_label)
            # Read when the list is shown, once: the API validates with this form and
            # never shows it (one query less per call).
            self.fields["circle"].widget.choices = cache(lambda: [empty, *self.offered_circles()])

    def offered_circles(self) -> list[tuple[str, str]]:
        """(slug, name) of the circles the list offers, read once."""
        if not hasattr(self, "_offered_circles"):
            self._offered_circles = self.offered() if self.offered is not None else []
        return self._offered_circles

    def rendered_fields(self) -> SafeString:
        """The fields as the directory shows them (label, widget, errors), kept per process
        for the inputs that shape them (``core.filter_fields``)."""
        offered = None if self.offered is None else self.offered_circles()
        return filter_fields.rendered_fields(self, FIELDS_TEMPLATE, offered)

    def filters(self) -> dict:
        """The valid filters; an invalid one (say, a circle one may not see) is ignored."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v}


class ProfileForm(forms.ModelForm):
    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    department = forms.CharField(
        label=_("Département"),
        required=False,
        max_length=20,
        help_text=_("Numéro du département : 69, 2A, 974…"),
        widget=forms.TextInput(attrs={"size": 4}),
    )
    last_name = forms.CharField(label=_("Nom"), max_length=150)
    skill_tags = forms.CharField(
        label=_("Compétences"),
        required=False,
        help_text=_(
            "Séparées par des virgules, par exemple : comptabilité, export, levée de fonds."
        ),
    )
    theme_choices = forms.MultipleChoiceField(
        label=_("Axes d'intérêt"),
        choices=Axis.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language_choices = forms.MultipleChoiceField(
        label=_("Langues"),
        choices=LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    visibility = forms.ChoiceField(
        label=_("Qui peut voir mon profil ?"),
        choices=VISIBILITY_EXPLAINED,
        widget=forms.RadioSelect,
        help_text=_(
            "Les responsables de la plateforme voient tous les profils. "
            "Vos coordonnées ne sont jamais affichées."
        ),
    )

    class Meta:
        model = Profile
        fields = [
            "headline",
            "organisation",
            "city",
            "department",
            "sector",
            "offers",
            "needs",
            "links",
            "visibility",
        ]
        labels = {
            "headline": _("Titre"),
            "organisation": _("Organisation"),
            "city": _("Commune"),
            "sector": _("Secteur d'activité"),
            "offers": _("Je peux aider sur"),
            "needs": _("Je cherche"),
            "links": _("Liens"),
        }
        help_texts = {
            "headline": _("Une ligne : votre métier, votre spécialité."),
            "links": _("Un lien par ligne (site, LinkedIn…), commençant par https://, 5 au plus."),
        }
        widgets = {
            "offers": forms.Textarea(attrs={"rows": 4}),
            "needs": forms.Textarea(attrs={"rows": 4}),
            "links": forms.Textarea(attrs={"rows": 3}),
        }

    field_order = [
        "first_name",
        "last_name",
        "headline",
        "organisation",
        "city",
        "department",
        "sector",
        "skill_tags",
        "offers",
        "needs",
        "theme_choices",
        "language_choices",
        "links",
        "visibility",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profile = self.instance
        self.fields["first_name"].initial = profile.user.first_name
        self.fields["last_name"].initial = profile.user.last_name
        self.fields["theme_choices"].initial = profile.theme_list
        self.fields["language_choices"].initial = profile.language_list
        if profile.pk:
            self.fields["skill_tags"].initial = ", ".join(s.name for s in profile.skills.all())
        self.fields["sector"].choices = [("", _("— Non précisé —"))] + Sector.choices

    def clean_department(self) -> str:
        value = self.cleaned_data["department"].strip().upper()
        if len(value) == 1 and value.isdigit():
            value = f"0{value}"
        if value and not DEPARTMENT_RE.match(value):
            raise ValidationError(
                _(
                    "Indiquez un numéro de département : deux chiffres (01 à 95), "
                    "2A, 2B ou 971 à 976."
                )
            )
        return value

    def clean_skill_tags(self) -> list[str]:
        tags = normalise_skills(self.cleaned_data["skill_tags"])
        too_long = [tag for tag in tags if len(tag) > MAX_SKILL_LENGTH]
        if too_long:
            raise ValidationError(
                _("Chaque compétence tient en %(max)d caractères au plus : « %(tag)s ».")
                % {"max": MAX_SKILL_LENGTH, "tag": too_long[0]}
            )
        if len(tags) > MAX_SKILLS:
            raise ValidationError(
                _("Indiquez %(max)d compétences au plus (vous en avez saisi %(n)d).")
                % {"max": MAX_SKILLS, "n": len(tags)}
            )
        return tags

    def clean_links(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise ValidationError(_("Indiquez %(max)d liens au plus.") % {"max": MAX_LINKS})
        valid = set(safe_links("\n".join(lines)))
        wrong = [line for line in lines if line not in valid]
        if wrong:
            raise ValidationError(
                _(
                    "« %(link)s » n'est pas une adresse web valide (elle doit commencer par https://)."
                )
                % {"link": wrong[0]}
            )
        return "\n".join(lines)

    def profile_fields(self) -> dict[str, Any]:
        """What ``members.actions.do_update_profile`` writes, from the valid form."""
        data = self.cleaned_data
        return {
            **{name: data[name] for name in self.Meta.fields},
            "themes": join_codes(data["theme_choices"]),
            "languages": join_codes(data["language_choices"]),
        }


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("Mot de passe incorrect."))
        return password

    def clean(self):
        blocking = list(circles_blocking_deletion(self.user).values_list("name", flat=True))
        if blocking:
            raise ValidationError(
                _(
                    "Vous êtes responsable de %(circles)s, qui compte d'autres membres. "
                    "Transmettez d'abord la responsabilité à un autre membre, "
                    "puis supprimez votre compte."
                )
                % {"circles": ", ".join(f"« {name} »" for name in blocking)}
            )
        return self.cleaned_data
