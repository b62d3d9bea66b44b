import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelles.circles.models import Circle
from passerelles.trust.models import (
    AMOUNT_MAX_EUR,
    MEETING_MAX_AGE_DAYS,
    MeetingSource,
    Opportunity,
    VouchContext,
    VouchStrength,
)

USEFULNESS = [
    (5, _("5 — très utile")),
    (4, _("4 — utile")),
    (3, _("3 — correcte")),
    (2, _("2 — peu utile")),
    (1, _("1 — inutile")),
]
"""The usefulness scale of a meeting, shared by every form that attests one."""


class VouchForm(forms.Form):
    context = forms.ChoiceField(
        label=_("Comment connaissez-vous cette personne ?"),
        choices=VouchContext.choices,
        widget=forms.RadioSelect,
    )
    strength = forms.TypedChoiceField(
        label=_("Votre recommandation"),
        choices=VouchStrength.choices,
        coerce=int,
        initial=VouchStrength.STRONG,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Quelques mots (facultatifs)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Ce que vous avez fait ensemble, ce qu'elle ou il fait bien. 1 000 caractères au plus."
        ),
    )


class MeetingForm(forms.Form):
    """What one side says of a meeting: when, how useful, what came of it."""

    happened_on = forms.DateField(
        label=_("Date de la rencontre"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    usefulness = forms.TypedChoiceField(
        label=_("Utilité de la rencontre"), choices=USEFULNESS, coerce=int, initial=4
    )
    opportunity = forms.ChoiceField(
        label=_("Une opportunité en est-elle née ?"), choices=Opportunity.choices, required=False
    )
    amount_eur = forms.IntegerField(
        label=_("Montant de l'affaire (€)"),
        required=False,
        min_value=0,
        max_value=AMOUNT_MAX_EUR,
        error_messages={
            "max_value": _("Au-delà de 10 millions d'euros : vérifiez le nombre de zéros.")
        },
        help_text=_("Seulement pour une affaire conclue."),
    )
    note = forms.CharField(
        label=_("Note (facultative)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("La rencontre doit avoir déjà eu lieu."))
        if day < timezone.localdate() - datetime.timedelta(days=MEETING_MAX_AGE_DAYS):
            raise forms.ValidationError(_("La rencontre doit dater de moins de cinq ans."))
        return day

    def clean(self):
        data = super().clean()
        if data.get("amount_eur") is not None and data.get("opportunity") != Opportunity.BUSINESS:
            self.add_error("amount_eur", _("Un montant ne s'indique que pour une affaire conclue."))
        return data


class AttestForm(MeetingForm):
    source = forms.ChoiceField(
        choices=MeetingSource.choices, initial=MeetingSource.DIRECT, widget=forms.HiddenInput
    )
    source_id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Ce qui s'est passé"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("La personne signalée ne saura pas qui l'a signalée."),
    )
    circle = forms.ModelChoiceField(
        label=_("Qui examine votre signalement ?"),
        queryset=Circle.objects.none(),
        required=False,
        empty_label=_("L'équipe de Passerelles seulement"),
        help_text=_(
            "Vous pouvez aussi le confier aux modérateurs d'un cercle dont vous êtes tous "
            "deux membres : ils liront ce que vous écrivez, sans savoir qui l'a écrit. "
            "L'équipe de Passerelles examine tous les signalements."
        ),
    )

    def __init__(self, *args, circles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["circle"].queryset = circles if circles is not None else Circle.objects.none()


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("uphold", _("Retenir")), ("dismiss", _("Écarter"))], widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Note de modération"), required=False, max_length=1000)
